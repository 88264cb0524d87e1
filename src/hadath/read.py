"""Reading articles: `.txt`, `.html`/`.htm`, `.jsonl`, folders and stdin, one Article each.

A file that cannot be an article (missing, empty, binary, unknown encoding, too large, not Arabic)
becomes an Article with `error` set so that a batch goes on; only when no path at all is usable
does `read_inputs` raise a HadathError. Files are streamed: a jsonl of a million lines is read
line by line, and no file over the size limit is loaded.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from hadath import bounded_html, bounded_json
from hadath.dates.arithmetic import EARLIEST_PUBLISHED, LATEST_PUBLISHED, plausible_publication
from hadath.errors import HadathError, InputError
from hadath.model import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
FOLDER_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
STDIN = "-"
STDIN_SOURCE = "<stdin>"
DEFAULT_MAX_ARTICLE_BYTES = 10_000_000

ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LETTER = re.compile(r"[^\W\d_]")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Control bytes that never occur in text (tab, newlines, form feed and escape do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_SNIFF = 8192
# Characters no store accepts (PostgreSQL refuses NUL in text) and UTF-8 cannot encode (a lone
# surrogate: "\ud800" in a JSON string, a file name that is not UTF-8).
_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")


def max_article_bytes() -> int:
    """The size limit per article, from HADATH_MAX_ARTICLE_BYTES (bytes), default 10 MB."""
    value = os.environ.get("HADATH_MAX_ARTICLE_BYTES")
    if not value:
        return DEFAULT_MAX_ARTICLE_BYTES
    try:
        limit = int(value)
    except ValueError:
        raise HadathError(f"HADATH_MAX_ARTICLE_BYTES={value!r} is not a whole number of bytes") from None
    if limit <= 0:
        raise HadathError(f"HADATH_MAX_ARTICLE_BYTES={value!r} must be positive")
    return limit


def _megabytes(size: int) -> str:
    """52428800 -> "52.4 MB"; small limits (set for tests) in kB or bytes."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def too_large_message(size: int, limit: int, what: str = "file") -> str:
    """"file is 52.4 MB; the limit is 10 MB per article"; in bytes where rounding would make the size
    look like the limit ("file is 10,000,173 bytes; the limit is 10,000,000 bytes per article")."""
    shown, limit_shown = _megabytes(size), _megabytes(limit)
    if shown == limit_shown:
        shown, limit_shown = f"{size:,} bytes", f"{limit:,} bytes"
    return f"{what} is {shown}; the limit is {limit_shown} per article"


def writable_text(text: str) -> str:
    """Text with each NUL and lone surrogate replaced by U+FFFD, so that it can be hashed, written as
    UTF-8 and stored in SQLite and PostgreSQL alike. Replaced rather than dropped: offsets stay valid."""
    return _UNWRITABLE.sub("\ufffd", text)


def _writable(value: str | None) -> str | None:
    return None if value is None else writable_text(value)


# --- bytes to text ---------------------------------------------------------------------------


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls > len(head) * 0.05


def _plausible_text(text: str) -> bool:
    """Decoded text a person wrote: mostly Arabic or ASCII, not a soup of accented symbols.

    Random high bytes decode "successfully" in single-byte code pages; this tells them apart.
    """
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return False
    usual = sum(1 for c in chars if c < "\u0080" or "\u0600" <= c <= "\u06ff" or c in "«»“”‘’–—…\u200c\u200f\u00a0")
    return usual / len(chars) >= 0.9


def decode_text(data: bytes) -> str:
    """Bytes of a text file as a string: UTF-8 (with or without BOM), else Windows-1256 or another
    single-byte encoding detected by charset-normalizer. Raises InputError for what is not text.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: the same first bytes
        try:
            return data.decode("utf-32")
        except UnicodeDecodeError:
            raise InputError("unknown text encoding (a UTF-32 mark but invalid UTF-32)") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("unknown text encoding (a UTF-16 mark but invalid UTF-16)") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise InputError("empty file")
    if _looks_binary(data):
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Arabic news that is not UTF-8 is nearly always Windows-1256; try it before guessing.
    candidates = ["cp1256"]
    best = from_bytes(data).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible_text(text):
            return text
    raise InputError("unknown text encoding (neither UTF-8 nor Windows-1256)")


def check_arabic(text: str) -> None:
    """Raise InputError unless the text is Arabic: at least a fifth of its letters Arabic."""
    letters = LETTER.findall(text)
    if not letters:
        raise InputError("no text (no letters)")
    arabic = sum(1 for c in letters if ARABIC_LETTER.match(c))
    if arabic == 0:
        raise InputError("not Arabic text")
    if arabic / len(letters) < 0.2:
        raise InputError(f"not Arabic text (only {100 * arabic // len(letters)}% of its letters are Arabic)")


# --- HTML ------------------------------------------------------------------------------------

_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form", "figure",
              "figcaption", "iframe", "svg", "button", "select", "textarea", "object", "embed")
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "tr", "table", "thead", "tbody", "blockquote", "section", "article", "main", "header", "pre",
    "address", "time", "td", "th", "caption", "center",
})
_DATE_META = (
    'meta[property="article:published_time"]', 'meta[property="og:published_time"]',
    'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="publish-date"]',
    'meta[name="date"]', 'meta[name="DC.date.issued"]', 'meta[name="dcterms.created"]',
    'meta[property="og:updated_time"]',
)
_TITLE_META = ('meta[property="og:title"]', 'meta[name="twitter:title"]')
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def parse_published(value: Any) -> date | None:
    """The date part of "2024-01-21", "2024-01-21T10:00:00+03:00"; None if it is not a date."""
    if not isinstance(value, str):
        return None
    match = ISO_DATE.search(value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _json_ld_published(node: Any) -> str | None:
    """datePublished anywhere in a JSON-LD object (top level, a list, or an @graph)."""
    if isinstance(node, dict):
        if isinstance(node.get("datePublished"), str):
            return node["datePublished"]
        for value in node.values():
            if isinstance(value, dict | list):
                found = _json_ld_published(value)
                if found:
                    return found
    elif isinstance(node, list):
        for item in node:
            found = _json_ld_published(item)
            if found:
                return found
    return None


def _html_published(tree: Any) -> date | None:
    for selector in _DATE_META:
        node = tree.css_first(selector)
        if node is not None and (found := parse_published(node.attributes.get("content"))):
            return found
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = bounded_json.loads(node.text(deep=True) or "null")
        except ValueError:  # not JSON, or nested too deeply
            continue
        if found := parse_published(_json_ld_published(data)):
            return found
    for node in tree.css("time[datetime]"):
        if found := parse_published(node.attributes.get("datetime")):
            return found
    return None


def _html_title(tree: Any) -> str | None:
    candidates = [tree.css_first(selector) for selector in _TITLE_META]
    values = [node.attributes.get("content") for node in candidates if node is not None]
    for tag in ("h1", "title"):
        node = tree.css_first(tag)
        if node is not None:
            values.append(node.text(deep=True))
    for value in values:
        if value and (title := _SPACES.sub(" ", value).strip()):
            return title
    return None


def _block_text(root: Any) -> str:
    """The visible text under `root`, one line per block element (paragraph, heading, list item)."""
    parts: list[str] = []
    # An explicit stack rather than recursion: pages nest deeper than Python's recursion limit.
    stack: list[tuple[Any, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        if node.tag == "-text":
            parts.append(_SPACES.sub(" ", node.text_content or ""))
            continue
        block = node.tag in _BLOCK_TAGS
        if not entering:
            if block:
                parts.append("\n")
            continue
        if block:
            parts.append("\n")
        stack.append((node, False))
        children = list(node.iter(include_text=True))
        stack.extend((child, True) for child in reversed(children))
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_article_fields(html: str) -> tuple[str | None, date | None, str]:
    """(title, published, body text) of a web page; the body has one paragraph per line.

    The parser reads the page as hadath.bounded_html rewrites it: its tree is bounded in depth, tags and
    attributes whatever the page (deeper tags are dropped, their text kept).
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(bounded_html.markup(html))
    published = _html_published(tree)  # before scripts go: JSON-LD lives in a <script>
    title = _html_title(tree)
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    # A page header (site name, menu) goes; an article's own header (its headline) stays.
    own = {node.mem_id for node in tree.css("article header")}
    for node in tree.css("header"):
        if node.mem_id not in own:
            node.decompose()
    root = _main_content(tree)
    if root is not None:
        _drop_furniture(root)
    text = _block_text(root) if root is not None else ""
    # The headline belongs to the article; a page may keep it outside the part we read.
    if title and title not in text.split("\n", 3)[:3]:
        text = f"{title}\n{text}" if text else title
    return title, published, text


# Class or id words of page furniture in the CMSs Arabic news sites run on (WordPress, Drupal, their own):
# share bars, related and most-read lists, tags, breadcrumbs, comments, newsletters, ads. Matched as words
# of the name ("post-tags", "related_news"), never inside one ("shared-content" is not "share").
_FURNITURE_NAME = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|related|tags?|tag-?cloud|breadcrumbs?|comments?|newsletter|subscribe|"
    r"advert|advertisement|ads?|banner|promo|sidebar|widget|most-?read|popular|trending|read-?more|author-?box|"
    r"post-?nav|pagination)(?=$|[\s_-])",
    re.IGNORECASE,
)
_LINK_LIST_TAGS = "ul, ol, div, section, table, p"
LINK_DENSITY = 0.6  # a block whose text is mostly link text is a list of other pages, not the article
FURNITURE_SHARE = 0.5  # ...unless it holds this share of the text read or more: then it is the article


def _drop_furniture(root: Any) -> None:
    """Drop, under `root`, blocks named as furniture and blocks of links (lists of other headlines,
    as trafilatura does by link density), never one holding half the text or more."""
    total = len(root.text(deep=True) or "")
    doomed: dict[int, Any] = {}
    for node in root.css("[class], [id]"):
        label = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if node.tag not in ("article", "main", "body") and _FURNITURE_NAME.search(label):
            doomed[node.mem_id] = node
    for node in root.css(_LINK_LIST_TAGS):
        links = node.css("a")
        if not links or node.mem_id in doomed:
            continue
        text = len((node.text(deep=True) or "").strip())
        linked = sum(len((a.text(deep=True) or "").strip()) for a in links)
        if text and linked >= LINK_DENSITY * text and (len(links) >= 2 or node.tag == "p"):
            doomed[node.mem_id] = node
    root_id = root.mem_id
    for node in doomed.values():
        if len(node.text(deep=True) or "") >= FURNITURE_SHARE * total:
            continue
        # Only the outermost of nested doomed blocks: a child freed with its parent must not be touched.
        parent, inside = node.parent, False
        while parent is not None and parent.mem_id != root_id:
            if parent.mem_id in doomed:
                inside = True
                break
            parent = parent.parent
        if not inside:
            node.decompose()


def _main_content(tree: Any) -> Any:
    """The <article> with the most text, else <main>, else the body."""
    # Only the outermost: one inside another has less text, and measuring each nested one would read
    # the same text once per level.
    inner = {node.mem_id for node in tree.css("article article")}
    articles = [node for node in tree.css("article") if node.mem_id not in inner]
    if articles:
        return max(articles, key=lambda node: len(node.text(deep=True) or ""))
    return tree.css_first("main") or tree.css_first('[role="main"]') or tree.body


# --- articles from one input -----------------------------------------------------------------


def error_article(source: str, message: str, url: str | None = None) -> Article:
    return Article(text="", source=writable_text(source), url=_writable(url), error=message)


def _dated(article: Article, published: date | None, default: date | None) -> Article:
    if published is not None and not plausible_publication(published):
        log.warning("%s: published %s is outside %s to %s; ignored", article.source, published.isoformat(),
                    EARLIEST_PUBLISHED.isoformat(), LATEST_PUBLISHED.isoformat())
        published = None
    if published is not None:
        article.published, article.published_from = published, "metadata"
    elif default is not None:
        article.published, article.published_from = default, "option"
    return article


def article_from_text(text: str, source: str, published: date | None = None, *,
                      title: str | None = None, url: str | None = None,
                      metadata_published: date | None = None) -> Article:
    """An Article of text as read; InputError-free: a bad text becomes an error article.

    Every string is made writable (writable_text) here, before anything hashes or stores it.
    """
    try:
        check_arabic(text)
    except InputError as exc:
        return error_article(source, str(exc), url)
    text = writable_text(text)
    article = Article(text=text, raw_text=text, source=writable_text(source), url=_writable(url),
                      title=_writable(title) or None)
    return _dated(article, metadata_published, published)


def article_from_html(html: str, source: str, published: date | None = None, *,
                      title: str | None = None, url: str | None = None,
                      metadata_published: date | None = None) -> Article:
    page_title, page_published, text = html_to_article_fields(writable_text(html))
    if not text.strip():
        return error_article(source, "no text in the page body", url)
    return article_from_text(text, source, published, title=title or page_title, url=url,
                             metadata_published=metadata_published or page_published)


def _read_limited(stream: BinaryIO, limit: int) -> bytes | None:
    """At most `limit` bytes; None if there is more (the input is over the limit)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def _is_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith("<") and ("<html" in head or "<body" in head or "<!doctype html" in head)


def read_file(path: Path, published: date | None = None) -> Iterator[Article]:
    """The articles of one file: one for `.txt`/`.html`, one per line for `.jsonl`."""
    source = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(path, published)
        return
    limit = max_article_bytes()
    try:
        size = path.stat().st_size
        if size > limit:
            yield error_article(source, too_large_message(size, limit))
            return
        with path.open("rb") as stream:
            data = _read_limited(stream, limit)
    except OSError as exc:
        yield error_article(source, f"cannot read: {exc.strerror or exc}")
        return
    if data is None:  # grew while we read it, or a device with no size
        yield error_article(source, too_large_message(limit + 1, limit))
        return
    yield article_from_bytes(data, source, published, html=path.suffix.lower() in HTML_SUFFIXES)


def article_from_bytes(data: bytes, source: str, published: date | None = None, *,
                       html: bool | None = None) -> Article:
    """One article from the bytes of a text or HTML file; `html=None` sniffs the markup."""
    try:
        text = decode_text(data)
    except InputError as exc:
        return error_article(source, str(exc))
    if html is None:
        html = _is_html(text)
    if html:
        return article_from_html(text, source, published)
    return article_from_text(text, source, published)


def read_jsonl(path: Path, published: date | None = None) -> Iterator[Article]:
    """One article per line of a JSON Lines file, streamed; a broken line is an error article."""
    limit = max_article_bytes()
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield error_article(str(path), f"cannot read: {exc.strerror or exc}")
        return
    records = 0  # lines read as articles or error records
    with stream:
        number = 0
        while True:
            try:
                line = stream.readline(limit + 1)
            except OSError as exc:  # a failing disk or network file system
                yield error_article(f"{path}:{number + 1}", f"cannot read: {exc.strerror or exc}")
                return
            if not line:
                break
            number += 1
            where = f"{path}:{number}"
            if len(line) > limit and not line.endswith(b"\n"):
                try:
                    size = len(line) + _skip_rest_of_line(stream)
                except OSError as exc:
                    yield error_article(where, f"cannot read: {exc.strerror or exc}")
                    return
                records += 1
                yield error_article(where, f"line {number}: " + too_large_message(size, limit, "the line"))
                continue
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            records += 1
            yield article_from_json_line(line, where, number, published)
    if records == 0:  # as for an empty text file: the input is said, not skipped silently
        yield error_article(str(path), "empty file (no JSON lines)")


def _skip_rest_of_line(stream: BinaryIO, chunk: int = 1 << 20) -> int:
    skipped = 0
    while True:
        data = stream.readline(chunk)
        skipped += len(data)
        if not data or data.endswith(b"\n"):
            return skipped


def json_error(exc: json.JSONDecodeError) -> str:
    """"Unterminated string starting at", "Expecting value" -> the message before " at column N"."""
    return exc.msg.removesuffix(" at")


def article_from_json_line(line: bytes, where: str, number: int, published: date | None = None) -> Article:
    """One article from a jsonl line: {"source", "url", "published", "title", "text" | "html"}."""
    try:
        record = bounded_json.loads(line)
    except UnicodeDecodeError:
        return error_article(where, f"line {number}: not UTF-8")
    except json.JSONDecodeError as exc:
        return error_article(where, f"line {number}: not valid JSON ({json_error(exc)} at column {exc.colno})")
    except bounded_json.TooDeep as exc:
        return error_article(where, f"line {number}: JSON {exc}")
    return article_from_record(record, where, number, published)


def article_from_record(record: Any, where: str, number: int, published: date | None = None) -> Article:
    """One article from a parsed record (a jsonl line, an API request's article)."""
    if not isinstance(record, dict):
        return error_article(where, f"line {number}: not a JSON object")
    source = record.get("source") if isinstance(record.get("source"), str) and record.get("source") else where
    url = record.get("url") if isinstance(record.get("url"), str) else None
    title = record.get("title") if isinstance(record.get("title"), str) else None
    line_published = None
    if record.get("published"):
        line_published = parse_published(record["published"])
        if line_published is None:
            shown = repr(record["published"])
            shown = shown if len(shown) <= 60 else shown[:57] + "…"
            return error_article(source, f"line {number}: published {shown} is not a date in the form YYYY-MM-DD", url)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return article_from_text(text, source, published, title=title, url=url,
                                 metadata_published=line_published)
    if isinstance(html, str) and html.strip():
        return article_from_html(html, source, published, title=title, url=url,
                                 metadata_published=line_published)
    if "text" in record or "html" in record:
        return error_article(source, f"line {number}: empty text", url)
    return error_article(source, f"line {number}: no \"text\" or \"html\" field", url)


def read_stdin(published: date | None = None, stream: BinaryIO | None = None) -> Article:
    if stream is None:
        if sys.stdin is None:  # started with standard input closed (`<&-`)
            return error_article(STDIN_SOURCE, "standard input is closed")
        stream = sys.stdin.buffer
    limit = max_article_bytes()
    try:
        data = _read_limited(stream, limit)
    except OSError as exc:  # a folder or a failing device as standard input
        return error_article(STDIN_SOURCE, f"cannot read: {exc.strerror or exc}")
    if data is None:
        return error_article(STDIN_SOURCE, f"standard input is over the limit of {_megabytes(limit)} per article")
    return article_from_bytes(data, STDIN_SOURCE, published)


# --- paths -----------------------------------------------------------------------------------


def folder_inputs(folder: Path) -> list[tuple[Path, str | None]]:
    """Every .txt, .html, .htm and .jsonl file under `folder` with None, and every folder that cannot be
    listed with the reason, in sorted order; hidden ones skipped."""
    found: list[tuple[Path, str | None]] = []

    def unreadable(exc: OSError) -> None:
        found.append((Path(exc.filename), f"cannot read the folder: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and name.lower().endswith(FOLDER_SUFFIXES):
                found.append((Path(root) / name, None))
    return sorted(found, key=lambda item: item[0])


def folder_files(folder: Path) -> list[Path]:
    """Every .txt, .html, .htm and .jsonl file under `folder`, in sorted order; hidden ones skipped."""
    return [path for path, problem in folder_inputs(folder) if problem is None]


def _usable(path: str) -> bool:
    if path == STDIN:
        return sys.stdin is not None
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(mode) or (stat.S_ISREG(mode) and os.access(path, os.R_OK))


def _unusable_reason(path: str) -> str:
    if path == STDIN:
        return "standard input is closed"
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "no such file or folder"
    except OSError as exc:  # a name too long, a loop of links, a folder on the way not searchable
        return f"cannot read it ({(exc.strerror or str(exc)).lower()})"
    except ValueError:  # a NUL in the name
        return "not a file or folder name"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "not a file or folder"
    return "cannot read it (permission denied)"


def check_inputs(paths: list[str]) -> None:
    """Raise HadathError (one line, a reason per path) when no path is usable."""
    if not paths:
        raise HadathError("no input paths given")
    if not any(_usable(path) for path in paths):
        raise HadathError("; ".join(f"{path}: {_unusable_reason(path)}" for path in paths))


def read_inputs(paths: list[str], published: date | None = None) -> Iterator[Article]:
    """Articles from files, folders and `-` (stdin), in order.

    Raises HadathError (one line) when no path is usable; otherwise an unusable path is an error
    article and the batch goes on.
    """
    check_inputs(paths)
    return _read_all(paths, published)


def _read_all(paths: list[str], published: date | None) -> Iterator[Article]:
    for path in paths:
        yield from read_path(path, published)


def read_path(path: str, published: date | None = None) -> Iterator[Article]:
    """The articles of one path (a file, a folder, `-`); an unusable one is an error article."""
    if path == STDIN:
        yield read_stdin(published)
    elif not _usable(path):
        yield error_article(path, _unusable_reason(path))
    elif Path(path).is_dir():
        for file, problem in folder_inputs(Path(path)):
            if problem is not None:
                yield error_article(str(file), problem)
            else:
                yield from read_file(file, published)
    else:
        yield from read_file(Path(path), published)
