"""Values as both stores take them, and which refusals of the store are an article's fault.

PostgreSQL refuses NUL in text, and neither driver can send a lone surrogate ("\\ud800" in a JSON
line is one): each becomes U+FFFD, one character for one, so every offset into the text stays right.

    storable_text("نص\\x00آخر") -> "نص\\ufffdآخر"
"""

from __future__ import annotations

import dataclasses
import numbers
import re
import types
import typing
from functools import cache
from typing import Any

from hadath import model
from hadath.model import Article

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_ENTITY_FIELDS = ("text", "type", "name", "actor", "key", "origin")
_EVENT_FIELDS = ("cameo", "root", "plover", "status", "date", "date_precision", "date_source", "attribution")
_PARTY_FIELDS = ("text", "actor", "key", "name")
_LOCATION_FIELDS = ("text", "key", "name")
_ARTICLE_FIELDS = ("text", "source", "url", "title", "published_from", "error")
# PostgreSQL's SQLSTATE classes for a value the store will not take: data exception (22: too long for
# its column, out of range, bad encoding), integrity (23), program limit (54: an index row over 2.7 kB,
# a tsvector over 1 MB). Any other failure (a lost connection, a full disk, a lock) is the store's.
ARTICLE_FAULT_CLASSES = ("22", "23", "54")
# What the store says when it is the one failing, whatever class its driver gives the error.
_STORE_FAILING = re.compile(r"disk is full|no space left|disk i/o|locked|read-?only|malformed|out of memory",
                            re.IGNORECASE)


def storable_text(value: Any) -> Any:
    """`value` with NUL and lone surrogates replaced by U+FFFD; anything but a string as it is."""
    if isinstance(value, str) and _UNSTORABLE.search(value):
        return _UNSTORABLE.sub("\ufffd", value)
    return value


def _objects(article: Article) -> list[tuple[Any, tuple[str, ...]]]:
    found: list[tuple[Any, tuple[str, ...]]] = [(article, _ARTICLE_FIELDS)]
    found += [(e, _ENTITY_FIELDS) for e in article.entities]
    for ev in article.events:
        found += [(ev, _EVENT_FIELDS), (ev.trigger, ("text",))]
        found += [(p, _PARTY_FIELDS) for p in (ev.source, ev.target) if p is not None]
        if ev.location is not None:
            found.append((ev.location, _LOCATION_FIELDS))
    return found


def make_storable(article: Article) -> bool:
    """Replace what the stores refuse in every text of `article` (in place); True when anything changed.
    One scan of all its strings joined: the common case (nothing to replace) costs one regex search."""
    objects = _objects(article)
    joined = "\n".join(v for obj, names in objects for name in names if isinstance(v := getattr(obj, name), str))
    if not _UNSTORABLE.search(joined):
        return False
    for obj, names in objects:
        for name in names:
            setattr(obj, name, storable_text(getattr(obj, name)))
    return True


# A field's declared type -> what a value of it may be: any whole number for an int (numpy's too),
# any number for a float, a whole number for a flag (JSON written by hand: 1 for true).
_ACCEPTED: dict[type, tuple[type, ...]] = {int: (numbers.Integral,), float: (numbers.Real,), bool: (numbers.Integral,)}


@cache
def _field_types(cls: type) -> list[tuple[str, frozenset[type], tuple[type, ...], str, bool]]:
    """A model dataclass's fields: the exact types its values usually have (checked first: an ABC's
    isinstance is slow), the types a value may have, how to name them, and whether it holds another
    model object (a Trigger, a Participant) to check in turn."""
    hints = typing.get_type_hints(cls, vars(model))
    out = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        union = isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union
        declared = [typing.get_origin(a) or a for a in (typing.get_args(hint) if union else (hint,))]
        exact = frozenset(declared) | ({int} if float in declared else set())
        allowed = tuple(t for d in declared for t in _ACCEPTED.get(d, (d,)))
        nested = any(dataclasses.is_dataclass(d) for d in declared)
        out.append((f.name, exact, allowed, " or ".join(d.__name__ for d in declared), nested))
    return out


def _wrong_type(obj: Any, where: str, skip: tuple[str, ...] = ()) -> str | None:
    for name, exact, allowed, named, nested in _field_types(type(obj)):
        if name in skip:
            continue
        value = getattr(obj, name)
        kind = type(value)
        if kind not in exact:
            # A true or false is no count, score or offset (bool is an int to Python).
            if not isinstance(value, allowed) or (kind is bool and bool not in exact):
                return f"{where}{name} is {kind.__name__}, not {named}"
        if nested and value is not None and (problem := _wrong_type(value, f"{where}{name}.")) is not None:
            return problem
    return None


def model_problem(article: Article) -> str | None:
    """The first value of `article` that is not of the model's type ("event 0: sentence is str, not
    int"): hand-made `hadath extract` output can hold anything JSON can."""
    problem = _wrong_type(article, "", skip=("sentences", "entities", "dates", "events", "removed", "hints"))
    if problem is not None:
        return problem
    for kind, items in (("sentence", article.sentences), ("entity", article.entities), ("event", article.events)):
        for index, item in enumerate(items):
            if (problem := _wrong_type(item, f"{kind} {index}: ")) is not None:
                return problem
    return None


def is_article_fault(exc: BaseException) -> bool:
    """True when the store refused the article's values, False when the store itself failed.

    `exc` is a SQLAlchemy DBAPIError (its driver exception in .orig), or what was raised on the article's
    values before anything was sent (a value a driver cannot encode, a field of an unexpected shape)."""
    if not hasattr(exc, "orig"):
        return True  # raised on the article's values before the store was asked (TypeError, ValueError …)
    original = exc.orig or exc
    if _STORE_FAILING.search(str(original)):
        return False
    state = getattr(original, "sqlstate", None)
    if state:
        return state[:2] in ARTICLE_FAULT_CLASSES
    if str(original).startswith("Error binding parameter"):  # sqlite3: a value of a type it cannot store
        return True
    # PEP 249 names, the same in sqlite3 and psycopg (psycopg's own checks, before sending, have no SQLSTATE).
    return any(cls.__name__ in ("DataError", "IntegrityError") for cls in type(original).__mro__)
