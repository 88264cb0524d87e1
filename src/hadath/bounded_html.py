"""A web page rewritten, before the HTML parser sees it, as markup whose size of tree is bounded.

The parser's tree building costs grow with the depth at which each tag opens, and with the square of
one tag's attributes: 100,000 nested <div>s took 23 s, one tag with 300,000 attributes over 120 s. Its
input is therefore not the page but markup written here, from one pass over the page's tags with a
stack of open elements kept as the parser keeps it (the HTML standard's tree construction, simplified):

- every element is closed by an explicit end tag, in order, so the parser builds the tree this stack
  describes (give or take the <tbody> and the like it adds); an end tag the parser would ignore is
  dropped, one it would honour closes the elements opened inside its element too;
- a start tag deeper than MAX_DEPTH is dropped and its text kept: a page nested 100,000 levels deep
  keeps its words, in one block; after MAX_TAGS tags the rest of the page is read as text, tags removed;
- tags keep only the attributes the reader uses (dates, titles, the main part, JSON-LD), at most
  MAX_ATTRIBUTES looked at per tag; formatting tags (<b>, <i>…) keep none, so the parser's list of
  formatting elements to reopen stays short;
- text is escaped so that it can never be read as markup; comments, doctypes and processing
  instructions are dropped; the content of <script>, <style>, <textarea>… is kept as text.

`markup(html)` is linear in the page's length.
"""

from __future__ import annotations

import re
from itertools import islice

MAX_DEPTH = 512  # a news page nests 20-60 levels deep
MAX_TAGS = 50_000  # a news page has a few thousand, a heavy one 20,000-30,000
MAX_ATTRIBUTES = 1000  # looked at per tag; a tag of a news page has a dozen
# class and id: the reader drops page furniture by its usual names ("share", "related", "tags").
KEPT_ATTRIBUTES = frozenset({"property", "name", "itemprop", "content", "datetime", "type", "role", "class", "id"})

# The next piece of markup: a comment's start, a doctype or processing instruction, a tag (closing slash,
# name, attributes), the start of a tag with no '>' after it, or "</" before no letter.
_NEXT = re.compile(r"<(?:(!--)|[!?]|(/?)([A-Za-z][^\s/>]*)([^>]*)>|/?[A-Za-z]|/(?![A-Za-z]))")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_COMMENT_END = re.compile(r"--!?>")
_ANY_TAG = re.compile(r"<[^<>]*>")

VOID = frozenset({"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
                  "input", "keygen", "link", "meta", "param", "source", "track", "wbr"})
# The parser makes these itself, and closes the parts of a table when a sibling opens or the table
# ends; they are passed through but not kept on the stack (they nest only inside a <table>, which is).
UNTRACKED = frozenset({"html", "head", "body", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption"})
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
_RAW_TEXT_END = {name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in RAW_TEXT}
FORMATTING = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong",
                        "tt", "u"})
FOREIGN = frozenset({"svg", "math"})
# Foreign elements whose content is HTML again, by namespace (annotation-xml only with some encodings:
# taken as one always, so that the model never reads as foreign what the parser reads as HTML).
INTEGRATION_POINTS = {"svg": frozenset({"foreignobject", "desc", "title"}),
                      "math": frozenset({"mi", "mo", "mn", "ms", "mtext", "annotation-xml"})}
# HTML tags that end foreign content when they open inside it.
BREAKOUT = frozenset({
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "font",
    "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr",
    "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u",
    "ul", "var",
})
# The standard's "special" elements: another element's end tag is ignored when one was opened after it...
SPECIAL = frozenset({
    "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
    "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed",
    "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link",
    "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol",
    "p", "param", "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary",
    "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    "wbr", "xmp", "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc",
})
# ...and a special element's end tag is ignored when one of these was opened after it.
SCOPE = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg",
                   "math", "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc"})
# More elements that make an end tag be ignored: a <button> for </p>, a list for </li>.
END_TAG_BOUNDS = {"p": ("button",), "li": ("ul", "ol")}
# Start tags that close an open <p> first.
CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
    "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "xmp", "table", "hr", "li",
    "dd", "dt",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Levels an element adds to the tree with the elements the parser puts inside it itself: a table's
# <tbody>, <tr> and cell, a template's row and cell (these are not kept on the stack).
LEVELS = {"table": 4, "template": 3}
# A <li> closes the <li> before it, a <dd>/<dt> the <dd>/<dt> before it, unless a special element
# other than these was opened after it.
LIST_ITEMS = {"li": ("li",), "dd": ("dd", "dt"), "dt": ("dd", "dt")}
_LIST_ITEM_PASS = frozenset({"address", "div", "p"})


class OpenElements:
    """The stack of open elements: names, namespaces ("html", "svg", "math"), where each name is open,
    and where the special and scope-bounding elements are (an end tag is found in O(1)). Every element
    popped writes its end tag to `out`."""

    def __init__(self, out: list[str]) -> None:
        self.out = out
        self.names: list[str] = []
        self.spaces: list[str] = []
        self.at: dict[str, list[int]] = {}
        self.special: list[int] = []
        self.scope: list[int] = []
        self.depth = 0  # the levels of the tree the parser builds from the open elements


    def foreign_space(self) -> str | None:
        """The namespace tags are read in ("svg", "math") when the current element is foreign and not an
        integration point; else None (HTML)."""
        if not self.names or self.spaces[-1] == "html" or self.names[-1] in INTEGRATION_POINTS[self.spaces[-1]]:
            return None
        return self.spaces[-1]

    def in_foreign_content(self) -> bool:
        return self.foreign_space() is not None

    def leave_foreign_content(self) -> None:
        while self.in_foreign_content():
            self.pop_to(len(self.names) - 1)

    def is_open(self, name: str) -> bool:
        return bool(self.at.get(name))

    def push(self, name: str, space: str) -> None:
        index = len(self.names)
        self.names.append(name)
        self.spaces.append(space)
        self.depth += LEVELS.get(name, 1)
        self.at.setdefault(name, []).append(index)
        if name in SPECIAL:
            self.special.append(index)
        if name in SCOPE:
            self.scope.append(index)

    def close(self, name: str) -> bool:
        """An end tag: pop down to the element it closes, unless the parser would ignore it."""
        where = self.at.get(name)
        if not where:
            return False
        index = where[-1]
        bounds = self.scope if name in SPECIAL else self.special
        if bounds and bounds[-1] > index:
            return False
        if any(self.at.get(bound) and self.at[bound][-1] > index for bound in END_TAG_BOUNDS.get(name, ())):
            return False
        self.pop_to(index)
        return True

    def close_before_opening(self, name: str) -> None:
        """What the parser closes when an HTML element opens: a <p>, the list item before, a heading."""
        if name in CLOSES_P:
            self.close("p")
        if name in HEADINGS and self.names and self.names[-1] in HEADINGS and self.spaces[-1] == "html":
            self.pop_to(len(self.names) - 1)
        elif name in LIST_ITEMS:
            open_at = max((self.at[other][-1] for other in LIST_ITEMS[name] if self.at.get(other)), default=None)
            if open_at is not None and self._only_passing_above(open_at):
                self.pop_to(open_at)
        elif name in ("option", "optgroup"):
            while self.names and self.spaces[-1] == "html" and (
                    self.names[-1] == "option" or name == "optgroup" == self.names[-1]):
                self.pop_to(len(self.names) - 1)
        elif name in ("a", "nobr", "button", "form") and self.is_open(name):
            self.close(name)

    def _only_passing_above(self, index: int) -> bool:
        """No special element but <address>, <div>, <p> opened after `index` (the scan stops at the first
        other: each one passed is then popped, so the scans cost no more than the pushes)."""
        for i in reversed(self.special):
            if i <= index:
                return True
            if self.names[i] not in _LIST_ITEM_PASS:
                return False
        return True

    def pop_to(self, index: int) -> None:
        """Pop the element at `index` and every element opened after it, writing their end tags."""
        while len(self.names) > index:
            top = self.names.pop()
            self.spaces.pop()
            self.depth -= LEVELS.get(top, 1)
            self.at[top].pop()
            position = len(self.names)
            if self.special and self.special[-1] == position:
                self.special.pop()
            if self.scope and self.scope[-1] == position:
                self.scope.pop()
            self.out.append(f"</{top}>")


def _attributes(name: str, text: str) -> str:
    """The kept attributes of a tag, written in double quotes (the first of each name, as the parser)."""
    if name in FORMATTING or not text.strip():
        return ""
    kept: dict[str, str] = {}
    for match in islice(_ATTRIBUTE.finditer(text), MAX_ATTRIBUTES):
        key = match.group(1).lower()
        if key in KEPT_ATTRIBUTES and key not in kept:
            value = next((v for v in match.group(2, 3, 4) if v is not None), "")
            kept[key] = value.replace('"', "&quot;")
    return "".join(f' {key}="{value}"' for key, value in kept.items())


def _text(text: str) -> str:
    """Text that cannot be read as markup: every '<' escaped (entities are left for the parser)."""
    return text.replace("<", "&lt;")


def markup(html: str) -> str:
    """The page as markup the parser builds a bounded tree from (see the module docstring)."""
    out: list[str] = ["<!DOCTYPE html>"]
    write = out.append
    stack = OpenElements(out)
    tags = 0
    position = 0
    length = len(html)
    search = _NEXT.search
    while (found := search(html, position)) is not None:
        at = found.start()
        if at > position:
            write(html[position:at].replace("<", "&lt;"))
        comment, closing, name, attributes = found.group(1, 2, 3, 4)
        if name is None:
            if comment:
                if html.startswith((">", "->"), at + 4):  # "<!-->", "<!--->"
                    position = html.index(">", at + 4) + 1
                else:
                    end = _COMMENT_END.search(html, at + 4)
                    position = end.end() if end else length
            elif found.group() == "</" and at + 2 == length:  # "</" ending the page is text
                write("&lt;/")
                position = length
            elif found.group()[1] in "!?/":  # "<!DOCTYPE …>", "<?xml …?>", "</ x>", "</>": to the next '>'
                end = html.find(">", at)
                position = length if end < 0 else end + 1
            else:  # a tag with no '>' after it: the parser drops it and all after
                position = length
            continue
        position = found.end()
        name = name.lower()
        if closing:
            if stack.at.get(name) and stack.close(name):
                pass
            elif name == "p":  # "</p>" with no <p> open is an empty paragraph (a line break in the text)
                write("<p></p>")
            elif name == "br":  # "</br>" is read as "<br>"
                write("<br>")
            elif name in UNTRACKED and name not in ("html", "head", "body"):
                write(f"</{name}>")
            continue
        tags += 1
        if tags > MAX_TAGS:  # the rest is read as text: its tags removed at the regex engine's speed
            write(_text(_ANY_TAG.sub(" ", html[at:])))
            position = length
            break
        space = stack.foreign_space()
        if space is not None and name in BREAKOUT:
            stack.leave_foreign_content()
            space = None
        if space is None and name in FOREIGN:
            space = name
        if space is None and name in RAW_TEXT:
            end = _RAW_TEXT_END[name].search(html, position)
            content = html[position : end.start() if end else length]
            position = end.end() if end else length
            if end is not None and html[end.end() - 1] != ">":  # "</script foo>": on to its '>'
                close = html.find(">", position)
                position = length if close < 0 else close + 1
            if stack.depth < MAX_DEPTH:
                write(f"<{name}{_attributes(name, attributes)}>{_text(content)}</{name}>")
            elif name in ("textarea", "title"):
                write(_text(content))
            continue
        if space is None and name == "plaintext":  # the rest of the page is text
            write(_text(html[position:]))
            position = length
            break
        if space is None:
            if name in ("html", "head", "body"):
                continue
            stack.close_before_opening(name)
            if name in VOID or name in UNTRACKED:
                write(f"<{name}{_attributes(name, attributes)}>")
                continue
        elif attributes.rstrip().endswith("/"):  # "<path/>": closed as it opens
            if stack.depth < MAX_DEPTH:
                write(f"<{name}{_attributes(name, attributes)}></{name}>")
            continue
        if stack.depth >= MAX_DEPTH:
            continue  # too deep: the tag goes, its text stays
        write(f"<{name}{_attributes(name, attributes)}>")
        stack.push(name, space or "html")
    if position < length:
        write(_text(html[position:]))
    stack.pop_to(0)
    return "".join(out)
