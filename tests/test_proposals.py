"""Proposals are checked before they land: the pull-request workflow runs the check, the build
and the tests, and a proposer reads every problem in Polish in the run's log and summary."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import PROGRAMME_YML, write_archive

PROJECT = Path(__file__).resolve().parent.parent
WORKFLOW = PROJECT / ".github/workflows/propozycje.yml"


def test_every_pull_request_runs_the_check_the_build_and_the_tests() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML reads the key "on" as true
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert job["container"].startswith("debian:")  # Debian's Python 3.11 and Chromium, as in CI
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = [step.get("run", "") for step in job["steps"]]
    order = [
        next(i for i, run in enumerate(runs) if wanted in run)
        for wanted in (
            "apt-get install",
            "scripts/archiwum check --raport-github",
            "scripts/archiwum zbuduj",  # mkdocs build --strict, its log in Polish
            "bash scripts/test",
        )
    ]
    assert order == sorted(order)
    assert "chromium" in runs[order[0]] and "git" in runs[order[0]]


def _check(project: Path, summary: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "hooks"), "GITHUB_STEP_SUMMARY": str(summary)}
    return subprocess.run(
        [sys.executable, "-m", "palarchiwum", "check", "--raport-github"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


def test_a_proposed_programme_gets_every_problem_in_the_log_the_summary_and_at_its_line(
    tmp_path: Path,
) -> None:
    record = PROGRAMME_YML.replace("  do: 2022", "  do: 2019").replace("    cele: [c1]", "    cele: [c7]")
    write_archive(tmp_path / "programmes", record=record)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    summary = tmp_path / "podsumowanie.md"
    result = _check(tmp_path, summary)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    listed = [line.strip() for line in result.stderr.splitlines()[1:]]
    assert len(listed) == 2
    shown = "programmes/1234562-przykladowo/pal-2020-2022/programme.yml"
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 2
    for line in annotations:
        found = re.fullmatch(r"::error file=([^,]+),line=(\d+),title=([^:]+)::(.+)", line)
        assert found and found[1] == shown and int(found[2]) > 0
        assert any(found[4] in problem for problem in listed)
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("## Sprawdzenie archiwum: 2 problemy\n")
    assert "| Plik i wiersz | Pole | Co jest nie tak | Wskazówka |" in table
    assert "koniec (2019) jest wcześniej niż początek (2020)" in table
    assert "odwołanie do nieznanego celu „c7”" in table


def test_a_valid_proposal_says_so_in_the_summary(tmp_path: Path) -> None:
    write_archive(tmp_path / "programmes")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    summary = tmp_path / "podsumowanie.md"
    result = _check(tmp_path, summary)
    assert result.returncode == 0, result.stderr
    assert "::error" not in result.stdout
    assert summary.read_text(encoding="utf-8").startswith(
        "## Sprawdzenie archiwum: w porządku\n\nW porządku: 1 gmina"
    )
