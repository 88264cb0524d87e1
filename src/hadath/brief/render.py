"""A Brief as Markdown or as a standalone HTML page, its sentences citing numbered footnotes: each
article that reported the events (outlet, date, link to the original), the event's page where it is
served (`event_link`: "/#/event/{id}" in the dashboard), and a mark on low-confidence events. No bare
event id is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape as html_escape
from urllib.parse import quote, urlsplit

from hadath.brief.generate import Brief, Claim, Note
from hadath.brief.language import phrase

# Bidi embedding, override and isolate controls reorder the text after them ("moc.elpmaxe" shown as
# "example.com"): names and titles come from articles, so they are dropped from what a brief shows.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Markdown that text from articles could open: emphasis, code, links and images, raw HTML, tables.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_BLOCK_START = re.compile(r"^(\s*)([#>+\-=]|\d+(?=[.)]))")


def shown(text: str) -> str:
    """`text` for display: no bidi controls, one line."""
    return " ".join(BIDI_CONTROLS.sub("", text).splitlines())


def escape(text: str) -> str:
    """HTML-escaped, for display."""
    return html_escape(shown(text))


def md_escape(text: str) -> str:
    """Literal text in Markdown: "[x](javascript:…)" and "<img …>" stay text; a leading "#" or "-"
    starts no heading or list."""
    text = _MD_INLINE.sub(r"\\\1", shown(text))
    # "#", ">", "-" … are escaped themselves; a list number keeps its digits and its "." is escaped.
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)),
                               text)


def link_target(url: str) -> str:
    """A URL as a link target: percent-encoded outside ASCII and where Markdown or HTML would end it."""
    return quote(shown(url), safe=":/?#[]@!$&'()*+,;=%~")


def _markers_md(claim: Claim) -> str:
    return "".join(f"[^{n}]" for n in claim.notes)


def _note_parts(note: Note, lang: str, event_link: str | None, link: Callable[[str, str], str],
                text: Callable[[str], str]) -> str:
    """A footnote: each article as "outlet، date، link" (only http and https links), the event pages
    where served, the low-confidence mark. `link(target, label)` writes a link, `text` escapes text."""
    comma, semicolon = ("، ", "؛ ") if lang == "ar" else (", ", "; ")
    parts = []
    for source in note.sources:
        bits = [text(source.outlet or phrase("unknown_outlet", lang))]
        if source.date:
            bits.append(text(source.date))
        if source.url and urlsplit(source.url.strip()).scheme.lower() in ("http", "https"):
            bits.append(link(link_target(source.url.strip()), ""))
        parts.append(comma.join(bits))
    body = semicolon.join(parts)
    if note.more:
        body = f"{text(phrase('note.more', lang))}: {body}"
    if event_link:
        pages = " ".join(link(event_link.format(id=i), phrase("note.event_page", lang)) for i in note.events)
        body = f"{body}{semicolon}{pages}"
    if note.low_confidence:
        body = f"{body} ({text(phrase('note.low', lang))})"
    return body


def to_markdown(brief: Brief, event_link: str | None = None) -> str:
    """The brief as Markdown with footnotes; every text is escaped (names come from articles)."""
    lines = [f"# {md_escape(brief.title)}", ""]
    for section in brief.sections:
        lines += [f"## {md_escape(section.title)}", ""]
        if section.key == "event":
            groups: dict[int, list[str]] = {}
            for c in section.claims:
                groups.setdefault(c.group, []).append(f"{md_escape(c.text)}{_markers_md(c)}")
            lines += [f"- {' '.join(texts)}" for texts in groups.values()]
        else:
            lines.append(" ".join(f"{md_escape(c.text)}{_markers_md(c)}" for c in section.claims))
        lines.append("")

    def md_link(target: str, text: str) -> str:
        return f"[{md_escape(text)}](<{target}>)" if text else f"<{target}>"

    for note in brief.notes:
        lines.append(f"[^{note.number}]: {_note_parts(note, brief.lang, event_link, md_link, md_escape)}")
    return "\n".join(lines) + "\n"


def _markers_html(claim: Claim) -> str:
    return "".join(f'<sup class="cite"><a href="#note-{n}">{n}</a></sup>' for n in claim.notes)


def to_html(brief: Brief, event_link: str | None = None, *, standalone: bool = True) -> str:
    """The brief as HTML with numbered footnotes; every text is escaped (names come from articles)."""
    direction = "rtl" if brief.lang == "ar" else "ltr"
    parts = [f'<article class="brief" dir="{direction}" lang="{brief.lang}">', f"<h1>{escape(brief.title)}</h1>"]
    for section in brief.sections:
        parts.append(f'<section class="brief-{section.key}"><h2>{escape(section.title)}</h2>')
        if section.key == "event":
            groups: dict[int, list[str]] = {}
            for c in section.claims:
                groups.setdefault(c.group, []).append(f"{escape(c.text)}{_markers_html(c)}")
            parts.append("<ul>")
            parts += [f"<li>{' '.join(texts)}</li>" for texts in groups.values()]
            parts.append("</ul>")
        else:
            body = " ".join(f"{escape(c.text)}{_markers_html(c)}" for c in section.claims)
            parts.append(f"<p>{body}</p>")
        parts.append("</section>")

    def html_link(target: str, text: str) -> str:
        return f'<a href="{html_escape(target)}" dir="ltr">{escape(text) if text else html_escape(target)}</a>'

    if brief.notes:
        parts.append('<ol class="notes">')
        parts += [f'<li id="note-{n.number}">{_note_parts(n, brief.lang, event_link, html_link, escape)}</li>'
                  for n in brief.notes]
        parts.append("</ol>")
    parts.append("</article>")
    body = "\n".join(parts)
    if not standalone:
        return body
    return (
        f'<!doctype html>\n<html lang="{brief.lang}" dir="{direction}">\n<head><meta charset="utf-8">'
        f"<title>{escape(brief.title)}</title>"
        "<style>body{font-family:'Noto Naskh Arabic','Amiri',serif;max-width:48rem;margin:2rem auto;"
        "line-height:1.8}.cite{color:#666;font-size:.8em}.notes{font-size:.85em;color:#444}"
        ".notes a{overflow-wrap:anywhere}</style></head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
