"""Unknown actor codes and the nearest known ones: what the CLI, the API and briefs say to a typo.

    nearest_actor_codes("TRK", {"TUR", "IRN", "USA"})   -> ["TUR"]
    nearest_actor_codes("iran", {"TUR", "IRN"})         -> ["IRN"]   (a state's English name)
    nearest_actor_codes("تركيا", {"TUR", "IRN"})        -> ["TUR"]   (an Arabic name)
    check_actor_code("TRK", {"TUR", "IRN"})             -> UnknownActor: unknown actor code 'TRK'; did you mean TUR?

`known` is whatever the caller can answer for (the keys and codes of a store's events); the names
of states and organisations come from the actor dictionary's data files, read once on first use.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterable
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

from hadath.errors import HadathError
from hadath.text.normalize import normalize

# A code closer than this to the typed one (difflib's ratio, 0-1) is suggested.
CLOSE_ENOUGH = 0.6


class UnknownActor(HadathError):
    """An actor code nothing answers for; `suggestions` are the nearest known codes (maybe none)."""

    def __init__(self, code: str, suggestions: list[str], where: str = "") -> None:
        self.code = code
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown actor code {code!r}{where}{hint}")


def _rows(filename: str) -> list[dict[str, str]]:
    with resources.files("hadath.actors").joinpath("data", filename).open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _name_form(name: str) -> str:
    """How a name is compared: normalised Arabic, lower-case Latin, no spaces at the ends."""
    return normalize(name.strip()).lower()


@cache
def actor_names() -> dict[str, frozenset[str]]:
    """Each state's and organisation's key or code with its names in compared form (English and Arabic)."""
    names: dict[str, set[str]] = {}
    for filename in ("states.tsv", "states_curated.tsv"):
        for row in _rows(filename):
            forms = names.setdefault(row["iso3"], set())
            forms.add(_name_form(row["name_en"]))
            forms.update(_name_form(n) for n in row["names_ar"].split("|") if n.strip())
    for row in _rows("organisations.tsv"):
        if row["type"] != "ORG":
            continue
        for code in {row["key"], row["actor"]} - {""}:
            forms = names.setdefault(code, set())
            forms.add(_name_form(row["name_en"]))
            forms.update(_name_form(n) for n in row["names_ar"].split("|") if n.strip())
    return {code: frozenset(forms) for code, forms in names.items()}


def _closeness(typed: str, code: str) -> float:
    """How near a typed code is to a known one: difflib's ratio, a little more for the same first letter
    (a typo rarely hits the first letter: "TRK" is TUR before URY)."""
    ratio = SequenceMatcher(None, typed, code).ratio()
    return ratio + (0.05 if typed[:1] == code[:1] else 0.0)


def nearest_actor_codes(code: str, known: Iterable[str], *, limit: int = 3) -> list[str]:
    """The known codes nearest `code`: those it names ("Iran", "إيران" -> IRN), else those spelt most
    like it; none when nothing is near."""
    known = sorted(set(known))
    typed = code.strip().upper()
    form = _name_form(code)
    names = actor_names()
    named = [k for k in known if form and form in names.get(k, ())]
    if named:  # a name is no typo: what it names is the answer
        return named[:limit]
    # A longer code for the same state ("IRNGOV" for a typed "IRN" that is unknown) is near too.
    scored = sorted(
        ((_closeness(typed, k), k) for k in known if k not in named),
        key=lambda pair: (-pair[0], len(pair[1]), pair[1]),
    )
    spelt = [k for score, k in scored if score >= CLOSE_ENOUGH]
    return (named + spelt)[:limit]


def check_actor_code(code: str, known: Collection[str], *, where: str = "") -> str:
    """`code` in upper case when `known` holds it; else UnknownActor with the nearest known codes.
    `where` ends the message (" in the store")."""
    upper = code.strip().upper()
    if upper in known:
        return upper
    raise UnknownActor(code, nearest_actor_codes(code, known), where)
