"""A Brief as Markdown or as a standalone HTML page; every sentence ends with the ids it rests on.

`event_link` turns an id into a link target ("/#/event/{id}" in the dashboard); without it the ids are
written as "#12" so a reader can look them up with `hadath show 12`.
"""

from __future__ import annotations

import re
from html import escape as html_escape

from hadath.brief.generate import Brief, Claim
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


def _cites_md(claim: Claim, event_link: str | None) -> str:
    if not claim.events:
        return ""
    if event_link:
        ids = ", ".join(f"[#{i}]({event_link.format(id=i)})" for i in claim.events)
    else:
        ids = ", ".join(f"#{i}" for i in claim.events)
    return f" [{ids}]"


def to_markdown(brief: Brief, event_link: str | None = None) -> str:
    """The brief as Markdown; every text is escaped (actor and place names come from articles)."""
    lines = [f"# {md_escape(brief.title)}", ""]
    for section in brief.sections:
        lines += [f"## {md_escape(section.title)}", ""]
        if section.key == "event":
            lines += [f"- {md_escape(c.text)}{_cites_md(c, event_link)}" for c in section.claims]
        else:
            lines.append(" ".join(f"{md_escape(c.text)}{_cites_md(c, event_link)}" for c in section.claims))
        lines.append("")
    return "\n".join(lines)


def _cites_html(claim: Claim, event_link: str | None, lang: str) -> str:
    if not claim.events:
        return ""
    links = []
    for i in claim.events:
        label = f"#{i}"
        links.append(f'<a href="{escape(event_link.format(id=i))}">{label}</a>' if event_link else label)
    return f' <span class="cites" title="{escape(phrase("cites", lang))}">[{", ".join(links)}]</span>'


def to_html(brief: Brief, event_link: str | None = None, *, standalone: bool = True) -> str:
    """The brief as HTML; every text is escaped (actor and place names come from articles)."""
    direction = "rtl" if brief.lang == "ar" else "ltr"
    parts = [f'<article class="brief" dir="{direction}" lang="{brief.lang}">', f"<h1>{escape(brief.title)}</h1>"]
    for section in brief.sections:
        parts.append(f'<section class="brief-{section.key}"><h2>{escape(section.title)}</h2>')
        if section.key == "event":
            parts.append("<ul>")
            parts += [f"<li>{escape(c.text)}{_cites_html(c, event_link, brief.lang)}</li>" for c in section.claims]
            parts.append("</ul>")
        else:
            body = " ".join(f"{escape(c.text)}{_cites_html(c, event_link, brief.lang)}" for c in section.claims)
            parts.append(f"<p>{body}</p>")
        parts.append("</section>")
    parts.append("</article>")
    body = "\n".join(parts)
    if not standalone:
        return body
    return (
        f'<!doctype html>\n<html lang="{brief.lang}" dir="{direction}">\n<head><meta charset="utf-8">'
        f"<title>{escape(brief.title)}</title>"
        "<style>body{font-family:'Noto Naskh Arabic','Amiri',serif;max-width:48rem;margin:2rem auto;"
        "line-height:1.8}.cites{color:#666;font-size:.85em}</style></head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
