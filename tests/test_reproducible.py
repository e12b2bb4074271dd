"""Public records build the same way every time: one commit, one as-of date, the same bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import commit, copy_project, git, init_repo, run_build


def digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_one_commit_are_byte_identical(tmp_path: Path) -> None:
    origin = copy_project(tmp_path / "origin")
    init_repo(origin)
    commit(origin, "Publikacja archiwum", "Redakcja Archiwum", "2026-11-20")
    sites = []
    # Two clones in different places, built on different "days" and in different time zones.
    for name, day, zone in (("a", "1767225600", "UTC"), ("b", "1798675200", "Pacific/Kiritimati")):
        clone = tmp_path / f"klon-{name}"
        git(tmp_path, "clone", "-q", str(origin), str(clone))
        result = run_build(clone, env={"SOURCE_DATE_EPOCH": day, "TZ": zone})
        assert result.returncode == 0, result.stderr
        sites.append(digests(clone / "site"))
    first, second = sites
    assert "sitemap.xml.gz" in first and "pagefind/pagefind-entry.json" in first
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []
