"""The per-article time budget: `pipeline.run` gives each article a deadline, and the stages' hot loops
call `check_deadline()`, which raises OverBudget once it has passed; the article becomes an error record
and the batch goes on.

Cooperative on purpose: no thread per article and no SIGALRM. A signal is delivered only to the main
thread (the API extracts in a thread pool, Dask in worker threads), collides with other users of the
one process-wide timer (pytest-timeout, servers), and raises at an arbitrary bytecode, possibly half
way through filling a lazily loaded dictionary that every later article would then read. A check
raises only where the loop calls it, between units of work (a stage, a sentence, a trigger), where
nothing shared is half-built. The overrun is at most one unit's work; inputs are bounded so that no
unit is long (HTML and JSON before parsing, event coding linear in sentence length).

The deadline lives in a ContextVar: each thread (and each asyncio task) has its own.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from hadath.errors import HadathError

DEFAULT_ARTICLE_SECONDS = 30.0
SETTING = "HADATH_MAX_ARTICLE_SECONDS"

_deadline: ContextVar[float | None] = ContextVar("hadath_article_deadline", default=None)


class OverBudget(Exception):
    """The article's time budget has run out (raised by check_deadline)."""


def article_seconds() -> float | None:
    """The budget per article from HADATH_MAX_ARTICLE_SECONDS (default 30); 0 means no budget."""
    value = os.environ.get(SETTING)
    if not value:
        return DEFAULT_ARTICLE_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        raise HadathError(f"{SETTING}={value!r} is not a number of seconds") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise HadathError(f"{SETTING}={value!r} must be a number of seconds ≥ 0 (0: no limit)")
    return seconds or None


@contextmanager
def article_deadline(seconds: float | None) -> Iterator[None]:
    """Within the block, check_deadline() raises OverBudget `seconds` from now (None: never)."""
    token = _deadline.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def check_deadline() -> None:
    """Raise OverBudget if the current article's deadline has passed; a no-op outside pipeline.run."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise OverBudget
