"""The clean stage: the body of a pasted web page, without its furniture.

Works line by line on `article.text` and keeps every kept line's characters as they are (offsets of
later stages point into the result). Dropped lines go to `article.removed`. What counts as
furniture is data (clean_data/boilerplate.tsv); this module holds the rules that use it:

- a line of the boilerplate table ("اقرأ أيضًا…", "شارك", "+ الخط -", "المساهمون", time-only lines);
- a "most read" / "you may also like" heading and the headlines listed under it;
- lines with no Arabic letter in them (Latin-only widgets, pasted tags) and symbol-only lines;
- photo captions: a short line ending in its credit "(لؤي بشارة/ فرانس برس)", a credit alone on
  its line with the caption before it, a short line that appears more than once;
- navigation menus: three or more one- or two-word lines in a row ("أخبار / حوادث / رياضة");
- where the title is known, everything above it (site header, ticker, today's date);
- repeats of the headline and of whole paragraphs (the first is kept).

Kept: the headline, datelines ("12 فبراير 2025", "السبت 18/نوفمبر/2023 - 05:56 م"), section words
of a brief ("الحدث", "الرأي"), every body paragraph. Runs of blank lines become one blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hadath.model import Article
from hadath.text.normalize import normalize

DATA = Path(__file__).parent / "clean_data"

ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
ALNUM = re.compile(r"[^\W_]")
WORD = re.compile(r"[^\W\d_][\w\u0640\u064b-\u065f\u0670]*")
SENTENCE_END = re.compile(r"[.!?؟؛:…]\s*[\"'»”)\]]*\s*$")
END_PUNCTUATION = " \t.,:;!?؟؛،|-–—_*•·«»\"'“”()[]"
BULLET = re.compile(r"^\s*([-–—•·*]|\d{1,3}[.)-])\s+")
CREDIT_AT_END = re.compile(r"\(([^()]{2,60})\)\s*$")
CREDIT_ONLY = re.compile(r"^\(([^()]{2,60})\)$")

SHORT_LINE_WORDS = 12  # a repeated line up to this long is a caption, not a paragraph
MENU_WORDS = 2  # a menu entry is one or two words
MENU_RUN = 3  # this many menu entries in a row make a menu
LIST_ITEM_WORDS = 16  # a linked headline under "الأكثر قراءة" is at most this long
CAPTION_WORDS = 30
FURNITURE_WORDS = 40  # no furniture line is longer than this
LONG_LINE = 2000  # characters: a paragraph, whatever else it is


@dataclass(frozen=True)
class Boilerplate:
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    contains: tuple[str, ...]
    lists: frozenset[str]
    list_prefixes: tuple[str, ...]
    regexes: tuple[re.Pattern[str], ...]
    credits: tuple[str, ...]


def fold(text: str) -> str:
    """The form lines are compared in: normalised letters, one space, lower case, ends trimmed.

    A paragraph longer than LONG_LINE is never furniture and only ever repeats verbatim: it is
    compared as it stands (normalising megabytes of one-line text costs seconds).
    """
    if len(text) > LONG_LINE:
        return " ".join(text.split()).strip(END_PUNCTUATION)
    return " ".join(normalize(text).lower().split()).strip(END_PUNCTUATION)


def _rows(name: str) -> list[list[str]]:
    rows = []
    with (DATA / name).open(encoding="utf-8") as stream:
        for line in stream:
            if not line.startswith("#") and line.strip():
                rows.append(line.rstrip("\n").split("\t"))
    return rows[1:] if rows and rows[0][0] in ("kind", "word", "abbreviation") else rows


@cache
def boilerplate() -> Boilerplate:
    """clean_data/boilerplate.tsv, loaded once."""
    by_kind: dict[str, list[str]] = {}
    for row in _rows("boilerplate.tsv"):
        by_kind.setdefault(row[0], []).append(row[1])
    known = {"line", "prefix", "contains", "list", "regex", "credit"}
    if unknown := set(by_kind) - known:
        raise ValueError(f"boilerplate.tsv: unknown kind(s) {sorted(unknown)}")
    lists = [fold(p) for p in by_kind.get("list", [])]
    return Boilerplate(
        lines=frozenset(fold(p) for p in by_kind.get("line", [])),
        prefixes=tuple(fold(p) for p in by_kind.get("prefix", [])),
        contains=tuple(fold(p) for p in by_kind.get("contains", [])),
        lists=frozenset(lists),
        list_prefixes=tuple(lists),
        regexes=tuple(re.compile(p) for p in by_kind.get("regex", [])),
        credits=tuple(fold(p) for p in by_kind.get("credit", [])),
    )


@cache
def date_words() -> dict[str, str]:
    """clean_data/date_words.tsv: folded month, weekday and time words -> their kind."""
    return {fold(row[0]): row[1] for row in _rows("date_words.tsv")}


def words(line: str) -> list[str]:
    return WORD.findall(line)


def word_count(line: str) -> int:
    """Words in a line; a line longer than LONG_LINE counts as more than any threshold here."""
    return LONG_LINE if len(line) > LONG_LINE else len(WORD.findall(line))


NUMERIC_DATE = re.compile(r"[0-9٠-٩]{1,4}\s*[/.-]\s*[0-9٠-٩]{1,2}\s*[/.-]\s*[0-9٠-٩]{2,4}")


def is_date_line(line: str) -> bool:
    """A line that is only a date (and time): "12 فبراير 2025", "السبت 18/نوفمبر/2023 - 05:56 م".

    Such a line survives the short-line rules: a later stage reads the publication date from it.
    A dateline with more in it ("الخرطوم – خاص – 28 / يناير / 2026") is kept as ordinary text.
    """
    if len(line) > 80 or not re.search(r"[0-9٠-٩]", line):
        return False
    tokens = [fold(token) for token in re.findall(r"[^\W\d_]+", line.replace("\u0640", ""))]
    kinds = date_words()
    if not all(token in kinds or token in {"st", "nd", "rd", "th", "في", "و"} for token in tokens):
        return False
    return any(kinds.get(token) == "month" for token in tokens) or bool(NUMERIC_DATE.search(line))


def is_boilerplate(line: str, folded: str) -> bool:
    """A line of the boilerplate table. A long paragraph never is: "- المصدر:" or "cookies" in
    the middle of a 60-word paragraph is news, not furniture."""
    if word_count(line) > FURNITURE_WORDS:
        return False
    table = boilerplate()
    if folded in table.lines:
        return True
    if folded.startswith(table.prefixes) or any(p in folded for p in table.contains):
        return True
    return any(regex.search(line) for regex in table.regexes)


def is_list_heading(folded: str) -> bool:
    """"الأكثر قراءة" and the like, alone on the line or with a colon."""
    return folded in boilerplate().lists


def ends_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line))


def is_headline_like(line: str) -> bool:
    """A linked headline: short, no full stop at the end."""
    return 0 < word_count(line) <= LIST_ITEM_WORDS and not ends_sentence(line)


def is_caption_with_credit(line: str) -> bool:
    """"يزور المقداد تونس (لؤي بشارة/ فرانس برس)": a short line ending in a photo credit."""
    match = CREDIT_AT_END.search(line)
    if not match or word_count(line) > CAPTION_WORDS:
        return False
    before = line[: match.start()].rstrip()
    if not before or ends_sentence(before):
        return False
    return is_credit(match[1])


def is_credit(inside: str) -> bool:
    """The inside of "(لؤي بشارة/ فرانس برس)" or "(رويترز)": a photographer/agency credit."""
    folded = fold(inside)
    if "/" in inside and word_count(inside) <= 6:
        return True
    return any(re.search(rf"(^|\W){re.escape(agency)}($|\W)", folded) for agency in boilerplate().credits)


def has_no_arabic(line: str) -> bool:
    """Latin-only lines (widgets, pasted markup) and symbol-only lines; digits alone are kept."""
    if ARABIC_LETTER.search(line):
        return False
    if LATIN_LETTER.search(line):
        return True
    return not ALNUM.search(line)


def _content_key(line: str) -> str:
    """A paragraph stripped of a bullet and end punctuation: "- نص ما" and "نص ما." are one."""
    return fold(BULLET.sub("", line))


def find_title_line(lines: list[str], title: str | None) -> int | None:
    if not title or not title.strip():
        return None
    wanted = fold(title)
    for index, line in enumerate(lines):
        if line and fold(line) == wanted:
            return index
    return None


def clean_lines(lines: list[str], title: str | None = None) -> tuple[list[bool], int | None]:
    """Which lines to keep, and the index of the headline. `lines` are stripped; "" is blank."""
    n = len(lines)
    keep = [bool(line) for line in lines]
    folded = [fold(line) for line in lines]
    dates = [bool(line) and is_date_line(line) for line in lines]

    title_at = find_title_line(lines, title)
    if title_at is not None and sum(map(len, lines[:title_at])) < sum(map(len, lines[title_at:])):
        # Above the known headline of a pasted page are its header, menus and tickers.
        for i in range(title_at):
            keep[i] = False

    in_list = False
    for i, line in enumerate(lines):
        if not line:
            in_list = False
            continue
        if not keep[i]:
            continue
        credit = CREDIT_ONLY.match(line)
        if credit and is_credit(credit[1]):
            # "(لؤي بشارة/ فرانس برس)" alone: it and the caption above it go.
            keep[i] = False
            previous = next((j for j in range(i - 1, -1, -1) if lines[j]), None)
            if previous is not None and keep[previous] and not ends_sentence(lines[previous]) \
                    and word_count(lines[previous]) <= CAPTION_WORDS:
                keep[previous] = False
        elif is_list_heading(folded[i]):
            keep[i], in_list = False, True
        elif in_list and is_headline_like(line) and not dates[i]:
            keep[i] = False
        else:
            in_list = False
            if is_boilerplate(line, folded[i]) or has_no_arabic(line) or is_caption_with_credit(line):
                keep[i] = False

    protected = {i for i in range(n) if dates[i]} | ({title_at} if title_at is not None else set())
    _drop_menus(lines, keep, protected)
    # Without a known title the headline is the first line left once menus are gone.
    headline = title_at if title_at is not None and keep[title_at] else next((i for i in range(n) if keep[i]), None)
    if headline is not None:
        protected.add(headline)
    _drop_repeats(lines, folded, keep, protected, headline)
    return keep, headline


def _drop_menus(lines: list[str], keep: list[bool], protected: set[int]) -> None:
    """Runs of MENU_RUN or more one- or two-word lines (blank and dropped lines between allowed)."""
    run: list[int] = []

    def close() -> None:
        if len(run) >= MENU_RUN:
            for j in run:
                keep[j] = False
        run.clear()

    for i, line in enumerate(lines):
        if not line or not keep[i]:
            continue
        if i not in protected and word_count(line) <= MENU_WORDS and not ends_sentence(line):
            run.append(i)
        else:
            close()
    close()


def _drop_repeats(lines: list[str], folded: list[str], keep: list[bool], protected: set[int],
                  headline: int | None) -> None:
    """Repeated headline and paragraphs: keep one. Repeated short lines are captions: all go."""
    groups: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line and keep[i]:
            groups.setdefault(_content_key(line), []).append(i)
    headline_key = _content_key(lines[headline]) if headline is not None else None
    for key, where in groups.items():
        if len(where) < 2 or not key:
            continue
        first = where[0]
        caption = word_count(lines[first]) <= SHORT_LINE_WORDS and not ends_sentence(lines[first])
        if caption and key != headline_key and not protected.intersection(where):
            kept = None
        elif key == headline_key and headline in where:
            kept = headline
        else:
            # A summary bullet "- نص" repeats a paragraph "نص.": the paragraph is the one to keep.
            kept = next((i for i in where if not BULLET.match(lines[i])), first)
        for i in where:
            if i != kept:
                keep[i] = False


def clean_text(text: str, title: str | None = None) -> tuple[str, list[str], str | None]:
    """(cleaned text, dropped lines, headline) of a text; see the module docstring."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [line.strip() for line in raw_lines]
    keep, headline = clean_lines(lines, title)
    out: list[str] = []
    removed: list[str] = []
    blank_pending = False
    for i, line in enumerate(lines):
        if not line:
            blank_pending = True
            continue
        if not keep[i]:
            removed.append(line)
            continue
        if out:
            out.append("\n\n" if blank_pending else "\n")
        out.append(line)
        blank_pending = False
    return "".join(out), removed, lines[headline] if headline is not None else None


def reads_like_title(line: str) -> bool:
    """A headline: a few words, no full stop, no date in it (a first line with a date is a dateline)."""
    count = word_count(line)
    if not 3 <= count <= 25 or ends_sentence(line):
        return False
    has_date = re.search(r"[0-9٠-٩]", line) and any(date_words().get(fold(w)) == "month" for w in words(line))
    return not has_date


def clean(article: Article) -> Article:
    """Replace `article.text` with the body of the page; dropped lines go to `article.removed`.

    Where the article has no title, its headline line becomes the title when it reads like one.
    """
    text, removed, headline = clean_text(article.text, article.title)
    if not text.strip() and article.text.strip():
        # every line read as boilerplate (one line and the photo credit under it read as a caption):
        # the text is kept as it came rather than lost
        text, removed = article.text.strip(), []
    if article.raw_text is None:
        article.raw_text = article.text
    article.text = text
    article.removed.extend(removed)
    if not article.title and headline and reads_like_title(headline):
        article.title = headline
    return article
