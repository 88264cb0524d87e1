"""JSON from outside (a JSON Lines record, a page's JSON-LD block, a request body) with its nesting
bounded before the parser sees it: `[[[[…]]]]` a thousand levels deep makes json.loads, and anything
that walks the result, raise RecursionError; here it is a ValueError with a one-line reason.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 64  # an article record is 1 level deep, JSON-LD rarely 10
# A string (its brackets are text) or one bracket; strings are matched whole so their contents are skipped.
_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


class TooDeep(ValueError):
    """JSON nested deeper than MAX_DEPTH."""


def nesting_depth_exceeds(text: str, limit: int = MAX_DEPTH) -> bool:
    """True if the arrays and objects of `text` nest deeper than `limit` (text need not be valid JSON)."""
    if text.count("[") + text.count("{") <= limit:  # cannot be deeper: the usual case, at C speed
        return False
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                return True
        elif token in ("]", "}"):
            depth -= 1
    return False


def loads(data: str | bytes, limit: int = MAX_DEPTH) -> Any:
    """json.loads, but TooDeep for JSON nested deeper than `limit`; bytes must be UTF-8
    (UnicodeDecodeError otherwise). Raises json.JSONDecodeError for what is not JSON."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    if nesting_depth_exceeds(text, limit):
        raise TooDeep(f"nested deeper than {limit} levels")
    return json.loads(text)
