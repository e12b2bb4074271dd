"""The archive's history, read from git with one ``git log -p`` call per build.

Every commit that touched the content (programmes and hand-written pages) is read with its
patch, and each text file's earlier versions are rebuilt by applying the patches in order, so
that earlier versions can be published without asking git again per file. Without git, or in a
shallow clone, the history is marked incomplete and says why; nothing crashes.

The log is read as a stream and every version's text is kept zlib-compressed: a first commit
of 10,000 programmes is a patch of some 650 MB, which must never be in memory whole.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from palarchiwum.records.compressed_texts import TextsReleased, pack, unpack

from .editors import Editor
from .patches import PatchError, apply_patch
from .reasons import NOT_GIVEN, Reason

# %x01 opens a commit, %x02 ends its header; neither can start a line of a patch.
# %aN and %aE are the author as the repository's .mailmap names them (editors.py).
_FORMAT = "%x01%H%x00%aN%x00%aE%x00%aI%x00%B%x02"
_FILE_HEADER = re.compile(r"^diff --git ", re.MULTILINE)


@dataclass(frozen=True)
class Commit:
    sha: str
    author: str  # the git name, as .mailmap maps it
    date: dt.datetime  # the author date, with its offset
    message: str
    email: str = ""
    # Who made it and why, as the register shows them (attribution.py); filled as the log is read.
    editor: Editor | None = None
    reason: Reason = NOT_GIVEN

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def day(self) -> dt.date:
        return self.date.date()

    @property
    def who(self) -> Editor:
        return self.editor or Editor(self.author)

    @property
    def version_id(self) -> str:
        """The URL part of a version made by this commit, e.g. 2024-03-01-1a2b3c4."""
        return f"{self.day.isoformat()}-{self.short}"


@dataclass(frozen=True)
class FileVersion:
    """A file as one commit left it: its text, or None when the commit deleted it or it is binary."""

    commit: Commit
    path: str
    packed: bytes | None  # the text, compressed (records/compressed_texts.py)

    @classmethod
    def of(cls, commit: Commit, path: str, text: str | None) -> FileVersion:
        return cls(commit, path, None if text is None else pack(text))

    @property
    def text(self) -> str | None:
        return None if self.packed is None else unpack(self.packed)


@dataclass
class History:
    """Commits newest first, and every version of every file they touched, oldest first."""

    commits: list[Commit] = field(default_factory=list)
    versions: dict[str, list[FileVersion]] = field(default_factory=dict)
    complete: bool = True
    warnings: list[str] = field(default_factory=list)
    _ages: dict[str, int] = field(default_factory=dict, repr=False)
    _released: bool = field(default=False, repr=False)

    def commits_under(self, prefix: str) -> list[Commit]:
        """Commits that touched a file under `prefix` (or the file itself), newest first."""
        return self.newest_first(
            version.commit.sha
            for path, found in self.versions.items()
            if _under(path, prefix)
            for version in found
        )

    def newest_first(self, shas: Iterable[str]) -> list[Commit]:
        """The commits with these ids, newest first (without walking the whole history for each)."""
        age = self._age()
        return [self.commits[i] for i in sorted({age[sha] for sha in shas})]

    def text_at(self, path: str, commit: Commit) -> str | None:
        """The file's text as it stood after `commit` (None if it did not exist or is binary)."""
        if self._released:
            raise TextsReleased(path)
        age = self._age()
        current = None
        for version in self.versions.get(path, []):
            if age[version.commit.sha] < age[commit.sha]:
                break
            current = version
        return current.text if current else None

    def release_texts(self) -> None:
        """Let the earlier texts go once the version pages are rendered; commits stay."""
        self.versions = {
            path: [replace(v, packed=None) if v.packed else v for v in found]
            for path, found in self.versions.items()
        }
        self._released = True

    def _age(self) -> dict[str, int]:
        """Each commit's place in the history, 0 being the newest (computed once)."""
        if len(self._ages) != len(self.commits):
            self._ages = {c.sha: i for i, c in enumerate(self.commits)}
        return self._ages


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix.rstrip("/") + "/")


def read_history(
    root: Path,
    paths: list[str],
    keep_text: Callable[[str], bool] = lambda _: True,
    attribute: Callable[[Commit], Commit] = lambda commit: commit,
) -> History:
    """The history of `paths` (relative to `root`), or an empty one that says why it is empty.

    Only the files for which `keep_text` is true keep their texts; the others keep their commits.
    Each commit is passed through `attribute` as it is read (its editor and reason).
    """
    command = ["git", "-c", "core.quotepath=off", "log", "--no-renames", "--no-color", "--no-ext-diff",
               "--relative", "-p", f"--format={_FORMAT}", "--", *paths]  # fmt: skip
    try:
        with subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as git:
            assert git.stdout is not None
            history = parse_log_lines(git.stdout, keep_text, attribute)
            returncode = git.wait(timeout=600)
    except FileNotFoundError:
        return History(complete=False, warnings=["nie znaleziono programu git: " + _FALLBACK])
    except subprocess.TimeoutExpired:
        return History(complete=False, warnings=["git log nie odpowiedział w 10 minut: " + _FALLBACK])
    if returncode != 0:
        return History(complete=False, warnings=["folder projektu nie jest repozytorium git: " + _FALLBACK])
    if _is_shallow(root):
        oldest = history.commits[-1].day.isoformat() if history.commits else "brak"
        history.complete = False
        history.warnings.append(
            "repozytorium jest płytkim klonem (git clone --depth): rejestr zmian i wcześniejsze "
            f"wersje zaczynają się od najstarszej dostępnej zmiany ({oldest}), a data pierwszego "
            "udostępnienia może być za późna; pobierz pełną historię: git fetch --unshallow"
        )
    return history


_FALLBACK = (
    "metryczki podają tylko daty z rekordów, rejestru zmian i wcześniejszych wersji nie ma; "
    "zbuduj stronę z repozytorium git z pełną historią"
)


def _is_shallow(root: Path) -> bool:
    """A shallow clone keeps the list of its cut-off commits in ``.git/shallow``."""
    for folder in (root, *root.parents):
        git = folder / ".git"
        if git.is_dir():
            return (git / "shallow").is_file()
        if git.is_file():  # a worktree or submodule: "gitdir: <path>"
            target = Path(git.read_text(encoding="utf-8").split(":", 1)[1].strip())
            git_dir = target if target.is_absolute() else folder / target
            common = git_dir / "commondir"
            if common.is_file():
                git_dir = git_dir / common.read_text(encoding="utf-8").strip()
            return (git_dir / "shallow").is_file()
    return False


def parse_log_lines(
    lines: Iterable[bytes],
    keep_text: Callable[[str], bool],
    attribute: Callable[[Commit], Commit] = lambda commit: commit,
) -> History:
    """Commits and file versions from ``git log -p`` lines in ``_FORMAT`` (newest first), read as
    git writes them, holding one file's patch at a time."""
    history = History()
    changes: dict[str, list[tuple[Commit, bytes | None]]] = defaultdict(list)
    for commit, file_patch in _file_patches(lines, attribute):
        if file_patch is None:  # a commit's header: its files follow
            history.commits.append(commit)
            continue
        path = _path_of(file_patch)
        if path:
            packed = pack(file_patch) if keep_text(path) else None
            changes[path].append((commit, packed))
    for path, found in changes.items():
        history.versions[path] = _rebuild(path, list(reversed(found)), history)
    return history


def _file_patches(
    lines: Iterable[bytes], attribute: Callable[[Commit], Commit]
) -> Iterator[tuple[Commit, str | None]]:
    """(commit, None) for each commit's header, then (commit, patch) for each file it touched."""
    commit: Commit | None = None
    header: list[bytes] | None = None  # lines of a commit header still being read
    patch: list[bytes] = []
    for line in lines:
        if line.startswith(b"\x01"):  # a new commit
            if patch:
                yield commit, _joined(patch)
            patch, header, line = [], [], line[1:]
        if header is not None:
            header.append(line)
            if b"\x02" in line:
                commit, header = attribute(_commit(_joined(header))), None
                yield commit, None
        elif line.startswith(b"diff --git "):
            if patch:
                yield commit, _joined(patch)
            patch = [line[len(b"diff --git ") :]]
        elif patch:
            patch.append(line)
    if patch:
        yield commit, _joined(patch)


def _joined(lines: list[bytes]) -> str:
    return b"".join(lines).decode("utf-8", errors="replace")


def _commit(header: str) -> Commit:
    header = header.partition("\x02")[0]
    sha, author, email, date, message = header.split("\x00", 4)
    return Commit(sha, author, dt.datetime.fromisoformat(date), message.strip("\x00").strip(), email)


def _path_of(file_patch: str) -> str | None:
    """The file a patch is about: its new name, or its old one when it was deleted."""
    new = re.search(r"^\+\+\+ b/(.+)$", file_patch, re.MULTILINE)
    if new:
        return new.group(1)
    old = re.search(r"^--- a/(.+)$", file_patch, re.MULTILINE)
    if old:
        return old.group(1)
    names = re.match(r"a/(\S+) b/(\S+)", file_patch)  # binary or mode-only changes
    return names.group(2) if names else None


def _rebuild(
    path: str, oldest_first: list[tuple[Commit, bytes | None]], history: History
) -> list[FileVersion]:
    """Each version of `path` from its patches, oldest first (texts only where patches were kept)."""
    versions = []
    text: str | None = ""
    for commit, packed in oldest_first:
        if packed is None:
            versions.append(FileVersion(commit, path, None))
            continue
        file_patch = unpack(packed)
        header = file_patch.split("\n@@", 1)[0]
        if "\ndeleted file mode" in header or "\nBinary files " in header:
            text = None  # gone, or not text: the register still lists the change
        elif "\n@@ " in file_patch or file_patch.startswith("@@ "):
            try:
                text = apply_patch(text or "", file_patch)
            except PatchError as exc:
                history.complete = False
                history.warnings.append(f"nie udało się odtworzyć {path} w wersji {commit.short}: {exc}")
                text = None
        versions.append(FileVersion.of(commit, path, text))
    return versions
