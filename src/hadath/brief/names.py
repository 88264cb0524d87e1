"""Names a brief writes: actors (Arabic in three cases with their gender, English), places and outlets,
all from data files: the actor dictionary's states, organisations and people, the places gazetteer, and
brief/data (roles.tsv, genders.tsv, case_forms.tsv, women.tsv, outlets.tsv).

    actor_name("IRNGOV", "Iran").ar["nom"]          -> "الحكومة الإيرانية" (gender "f")
    actor_name("HOUTHI", "Houthis (Ansar Allah)")   -> ar {"nom": "الحوثيون", "acc": "الحوثيين", …}, "m"
    actor_name("USAGOV", "Donald Trump").en         -> "Donald Trump"
    place_name("Strait of Hormuz", None, "region", "ar") -> "مضيق هرمز"
    outlet_name("https://www.bbc.com/arabic/…", "bbc.com", "ar") -> "بي بي سي عربي"
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

DATA = Path(__file__).parent / "data"
ACTOR_DATA = Path(__file__).parents[1] / "actors" / "data"
CASES = ("nom", "acc", "gen")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass(frozen=True)
class ActorName:
    """An actor as prose names it: Arabic in each case, its grammatical gender (m | f), English."""

    ar: dict[str, str]
    gender: str
    en: str
    known: bool = True  # False: no name in the data (the brief says "an unnamed party")


@cache
def _case_forms() -> dict[str, dict[str, str]]:
    return {row["nom"]: {"nom": row["nom"], "acc": row["acc"], "gen": row["gen"]} for row in _read(DATA / "case_forms.tsv")}


def inflect(name: str) -> dict[str, str]:
    """`name` in the three cases, word by word: "أبو مهدي المهندس" -> gen "أبي مهدي المهندس";
    "الحوثيون" -> acc and gen "الحوثيين"."""
    forms = _case_forms()
    words = name.split(" ")
    return {case: " ".join(forms[w][case] if w in forms else w for w in words) for case in CASES}


@cache
def _genders() -> dict[str, str]:
    return {row["name"]: row["gender"] for row in _read(DATA / "genders.tsv")}


@cache
def _women() -> frozenset[str]:
    return frozenset(row["name_en"] for row in _read(DATA / "women.tsv"))


def gender_of(name_ar: str, kind: str) -> str:
    """m | f of an Arabic name: genders.tsv by the whole name, then its first word; else a state is
    feminine ("زارت مصر") and anything else masculine."""
    table = _genders()
    if name_ar in table:
        return table[name_ar]
    first = name_ar.split(" ")[0]
    if first in table:
        return table[first]
    return "f" if kind == "state" else "m"


@dataclass(frozen=True)
class _State:
    ar: str
    en: str
    adjective: str  # the masculine nisba without the article: "إيراني"


@cache
def _states() -> dict[str, _State]:
    states: dict[str, _State] = {}
    for row in _read(ACTOR_DATA / "states.tsv"):
        adjectives = [a for a in row["adjectives_ar"].split("|") if a and not a.startswith("ال")]
        states[row["iso3"]] = _State(row["names_ar"].split("|")[0], row["name_en"], adjectives[0] if adjectives else "")
    for row in _read(ACTOR_DATA / "states_curated.tsv"):  # curated names win
        old = states.get(row["iso3"])
        adjective = row["adjectives"].split("|")[0] if row.get("adjectives") else (old.adjective if old else "")
        states[row["iso3"]] = _State(row["names_ar"].split("|")[0], row["name_en"], adjective)
    return states


@cache
def _organisations() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """({code: (ar, en)} for organisations whose row is the code's own, {English name: (ar, en)})."""
    by_code: dict[str, tuple[str, str]] = {}
    by_name: dict[str, tuple[str, str]] = {}
    for row in _read(ACTOR_DATA / "organisations.tsv"):
        entry = (row["names_ar"].split("|")[0], row["name_en"])
        by_name.setdefault(row["name_en"], entry)
        if row.get("actor") and row["actor"] not in by_code and (row["key"] == row["actor"] or not row["key"]):
            by_code[row["actor"]] = entry
    return by_code, by_name


@cache
def _people() -> dict[str, str]:
    """English name -> the first Arabic name, from the actor dictionary's people."""
    return {row["name_en"]: row["names_ar"].split("|")[0] for row in _read(ACTOR_DATA / "people.tsv")}


@cache
def _roles() -> dict[str, dict[str, str]]:
    return {row["role"]: row for row in _read(DATA / "roles.tsv")}


# English names that take "the" ("the United States", "the Arab League"), by their first word.
_THE = ("United", "Arab", "Islamic", "Houthis", "Rapid", "Sovereignty", "Kurdistan", "Palestinian", "European",
        "African", "Gulf", "Syrian", "Lebanese", "Iraqi", "Popular", "Muslim", "Taliban", "UN", "Security",
        "Netherlands", "Philippines", "Central", "Democratic", "Gambia", "Bahamas", "Maldives", "Czech")


def with_article(name_en: str) -> str:
    """"United States" -> "the United States"; "Iran" -> "Iran"."""
    return f"the {name_en}" if name_en.split(" ")[0] in _THE else name_en


# English place names that take "the" ("in the Strait of Hormuz"), by their first word.
_PLACE_THE = ("Strait", "Red", "Gulf", "Mediterranean", "Persian", "Arabian", "Caspian", "Black", "Dead", "West",
              "Arab", "Golan", "Levant", "Horn", "Sinai", "Gaza")


def place_with_article(name_en: str) -> str:
    """"Strait of Hormuz" -> "the Strait of Hormuz"; "Gaza" stays "Gaza" (one word), "Aleppo" stays."""
    words = name_en.split(" ")
    return f"the {name_en}" if len(words) > 1 and words[0] in _PLACE_THE else name_en


def possessive(name_en: str) -> str:
    """"Iran" -> "Iran's"; "the United States" -> "the United States'"."""
    return f"{name_en}'" if name_en.endswith("s") else f"{name_en}'s"


def _nisba(adjective: str, form: str, case: str) -> str:
    """The state's adjective with the article, agreeing: "إيراني" -> f "الإيرانية", m "الإيراني",
    pl "الإيرانيون" (nominative) / "الإيرانيين"."""
    if form == "f":
        return f"ال{adjective}ة"
    if form == "pl":
        return f"ال{adjective}{'ون' if case == 'nom' else 'ين'}"
    return f"ال{adjective}"


UNNAMED = ActorName({"nom": "طرف غير محدد", "acc": "طرفًا غير محدد", "gen": "طرف غير محدد"}, "m",
                    "an unnamed party", known=False)


def actor_name(code: str | None, name_en: str | None = None, key: str | None = None) -> ActorName:
    """The name of an event's party: a person the dictionary knows by `name_en` ("Donald Trump" ->
    "دونالد ترامب"); an organisation by its name or code; a state; a state's organ by role and adjective
    ("IRNGOV" -> "الحكومة الإيرانية" / "Iran's government"); else "an unnamed party"."""
    states = _states()
    by_code, by_name = _organisations()
    people = _people()
    code = code or key
    if name_en and name_en in people and not (code in states and states[code].en == name_en):
        ar = people[name_en]
        return ActorName(inflect(ar), "f" if name_en in _women() else "m", name_en)
    if name_en and name_en in by_name and name_en not in {s.en for s in (states.get(code or ""),) if s}:
        ar, en = by_name[name_en]
        return ActorName(inflect(ar), gender_of(ar, "org"), with_article(en))
    if not code:
        return UNNAMED
    if code in states:
        state = states[code]
        return ActorName(inflect(state.ar), gender_of(state.ar, "state"), with_article(state.en))
    if code in by_code:
        ar, en = by_code[code]
        return ActorName(inflect(ar), gender_of(ar, "org"), with_article(en))
    head, roles = code[:3], code[3:6]
    role = _roles().get(roles)
    if head in states and role is not None:
        state = states[head]
        nom = role["phrase_ar"]
        other = role["acc_gen"] or nom
        ar = {case: f"{nom if case == 'nom' else other} {_nisba(state.adjective, role['adjective'], case)}"
              for case in CASES} if state.adjective else inflect(f"{nom} في {state.ar}")
        state_en = with_article(state.en)
        en = role["phrase_en"].replace("{state}'s", possessive(state_en)).replace("{state}", state_en)
        return ActorName(ar, role["gender"], en)
    if head in states:
        return actor_name(head)
    return UNNAMED


def role_label(role: str, lang: str) -> str | None:
    """The short label of a role code ("GOV" -> "الحكومة" / "government")."""
    row = _roles().get(role)
    return row[lang] if row else None


@cache
def _places() -> dict[str, str]:
    """English place name -> its Arabic display name, from the places gazetteer."""
    from hadath.places.gazetteer import _table

    names: dict[str, str] = {}
    for place in _table().values():
        names.setdefault(place.name_en, place.name_ar)
    return names


def place_name(name_en: str | None, key: str | None, precision: str | None, lang: str) -> str | None:
    """A stored event location as the brief names it: Arabic from the gazetteer (a state at country
    precision by its own name); None where no name in `lang` is known."""
    if precision == "country" and key and key in _states():
        state = _states()[key]
        return state.ar if lang == "ar" else with_article(state.en)
    if not name_en:
        return None
    if lang == "en":
        return place_with_article(name_en)
    return _places().get(name_en)


@cache
def _outlets() -> dict[str, dict[str, str]]:
    return {row["host"]: {"ar": row["ar"], "en": row["en"]} for row in _read(DATA / "outlets.tsv")}


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def outlet_name(url: str | None, outlet: str | None, lang: str) -> str | None:
    """The outlet of an article by its host (outlets.tsv, a subdomain falling back to its parent);
    in English the host itself when unlisted; None in Arabic when unlisted (no Latin in Arabic prose)."""
    host = host_of(url) or (outlet or "").removeprefix("www.")
    table = _outlets()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in table:
            return table[candidate][lang]
    if lang == "en":
        return host or None
    return None
