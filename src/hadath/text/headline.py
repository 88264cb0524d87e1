"""A title for an article that has none: its first line of text, cut short where it is long.

    fallback_title("أعلنت جماعة الحوثي في بيان أنها استهدفت سفينة.\\nوقال …")
        -> "أعلنت جماعة الحوثي في بيان أنها استهدفت سفينة."
    fallback_title("الغربية – خاص – 28 / يناير / 2026\\nحذر الرئيس …")  -> "حذر الرئيس …" (a dateline is skipped)

Shown where a page gave no title (the dashboard, the API, briefs' citations), never stored as one.
"""

from __future__ import annotations

import re

LONGEST = 90  # characters; a longer first line is cut at a word boundary before this, with "…"
_DIGIT = re.compile(r"[0-9٠-٩]")


def _is_dateline(line: str) -> bool:
    """A short line with a number in it, before the story: "الخرطوم 7 أغسطس 2022–"."""
    return len(line.split()) <= 12 and bool(_DIGIT.search(line)) and not line.rstrip().endswith((".", "。"))


def fallback_title(text: str | None, longest: int = LONGEST) -> str | None:
    """The first line of `text` that is not a dateline (the first line where all are), at most
    `longest` characters; None for an empty text."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if not lines:
        return None
    line = next((candidate for candidate in lines[:3] if not _is_dateline(candidate)), lines[0])
    if len(line) <= longest:
        return line
    cut = line[: longest - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ،,؛;:-–") + "…"
