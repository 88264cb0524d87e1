"""The coder version: which code and data made an event, so that `hadath reprocess` knows what to re-code.

"0.1.0+3f9a0c1d2e4b": the package version, then a hash of every file the extraction stages read or
run (their modules, dictionaries, lexicon, gazetteer, NER model), so it changes with any change to
the code or the data of the coder, and not with the store, the API, the dashboard or the briefs.
A lexicon read from $HADATH_LEXICON_DIR is hashed in place of the package's.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from packaging.version import InvalidVersion, Version

from hadath import __version__
from hadath.errors import HadathError

PACKAGE = Path(__file__).resolve().parent
# Parts of the package that do not code events: changing them leaves every stored event as it was.
NOT_CODER = frozenset({"store", "api", "commands", "brief", "cli.py", "__main__.py", "evaluate.py",
                       "coder_version.py", "alerts", "watch"})
HASHED_SUFFIXES = frozenset({".py", ".tsv", ".json", ".yaml", ".yml", ".txt", ".crfsuite", ".bin", ".gz"})


def _coder_files() -> list[tuple[str, Path]]:
    from hadath.events.lexicon import LEXICON_DIR, LexiconError, lexicon_folder

    lexicon_package = PACKAGE / "events" / LEXICON_DIR
    try:
        lexicon = Path(str(lexicon_folder()))
    except LexiconError as exc:
        raise HadathError(str(exc)) from None
    files = []
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE)
        if (relative.parts[0] in NOT_CODER or "__pycache__" in relative.parts or not path.is_file()
                or path.suffix not in HASHED_SUFFIXES or path.is_relative_to(lexicon_package)):
            continue
        files.append((relative.as_posix(), path))
    files += [(f"lexicon/{path.name}", path) for path in sorted(lexicon.iterdir()) if path.suffix == ".tsv"]
    return files


@cache
def coder_version() -> str:
    """This process's coder version (hashing about 17 MB once: some 30 ms)."""
    digest = hashlib.sha256()
    for name, path in _coder_files():
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def release_of(version: str | None) -> Version | None:
    """The package version a coder version starts with ("0.1.0+3f9a…" -> 0.1.0); None when unreadable."""
    if not version:
        return None
    try:
        return Version(version.split("+", 1)[0])
    except InvalidVersion:
        return None


def is_below(stored: str | None, version: str) -> bool:
    """Whether an article coded by `stored` was coded by an older coder than `version`.

    Unknown (stored before coder versions were kept, or read from `hadath extract` output) is below
    everything. Coders of one release differ only by their data hash, which has no order: of those,
    every one but `version` itself is below it. A newer release is never below."""
    if stored is None:
        return True
    mine, wanted = release_of(stored), release_of(version)
    if mine is None or wanted is None:
        return stored != version
    return mine < wanted or (mine == wanted and stored != version)
