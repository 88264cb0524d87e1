"""A cache of data built from the package's files at start-up, so that a new process loads in a
fraction of the time: the NER word lexicon (200,000 words normalised) and the event lexicon (every
inflected form of 3,500 entries generated) take about three seconds to build and a tenth of that to
unpickle. Every `hadath` command, every worker and every test that starts one pays the build once
per change of the files instead of once per process.

The cache is derived, never authoritative: its key is a hash of the content of every file the build
reads (data and code) and of the Python version, so a changed lexicon line, a changed generator or
another interpreter builds afresh. It lives in $HADATH_DERIVED_CACHE, else $XDG_CACHE_HOME/hadath, else
~/.cache/hadath; HADATH_DERIVED_CACHE=off turns it off. A cache that cannot be read or written (a
read-only home, a damaged file, a race with another process) is rebuilt in memory and nothing fails:
files are written to a temporary name and renamed into place, so a reader never sees half of one.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

SETTING = "HADATH_DERIVED_CACHE"
T = TypeVar("T")


def cache_folder() -> Path | None:
    """Where derived data is kept, or None when the cache is turned off."""
    configured = os.environ.get(SETTING)
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hadath"


def fingerprint(files: Iterable[Path]) -> str:
    """A hash of the files' names and contents and of the interpreter's version."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for path in sorted(files, key=str):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cached(name: str, inputs: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or what an earlier process built from the same `inputs` (files: their content is the key)."""
    folder = cache_folder()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{fingerprint(inputs)}.pickle"
    except OSError:
        return build()
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged or foreign file: build it again
        log.debug("derived cache %s unreadable (%s); rebuilding", path, exc)
    value = build()
    temporary: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", suffix=".tmp", delete=False) as handle:
            temporary = handle.name
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # an earlier build of changed files
    except OSError as exc:
        log.debug("derived cache %s not written (%s)", path, exc)
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    return value
