"""Words of the briefs: templates, counted nouns, dates, CAMEO and actor names, read once from data/.

    count_phrase(1, "event", "acc")  -> "حدثًا واحدًا"
    count_phrase(2, "event", "nom")  -> "حدثان"
    count_phrase(7, "event")         -> "7 أحداث"
    count_phrase(12, "event")        -> "12 حدثًا"
    news_date("2024-01-24")          -> "24 يناير 2024"
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
LANGS = ("ar", "en")


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def templates() -> dict[str, dict[str, str]]:
    """{key: {"ar": …, "en": …}} from templates.tsv."""
    return {row["key"]: {"ar": row["ar"], "en": row["en"]} for row in _rows("templates.tsv")}


def phrase(key: str, lang: str, **values: object) -> str:
    """The template `key` in `lang`, filled with `values`."""
    return templates()[key][lang].format(**values)


@dataclass(frozen=True)
class Noun:
    gender: str  # m | f
    sg_nom: str
    sg_acc: str
    sg_gen: str
    du_nom: str
    du_acc: str  # the dual's accusative and genitive are one form
    pl: str
    tamyiz: str  # the singular accusative after 11-99
    en_sg: str
    en_pl: str


@cache
def nouns() -> dict[str, Noun]:
    return {
        row["noun"]: Noun(**{k: v for k, v in row.items() if k != "noun"})
        for row in _rows("nouns.tsv")
    }


ONE = {("m", "nom"): "واحد", ("m", "gen"): "واحد", ("m", "acc"): "واحدًا",
       ("f", "nom"): "واحدة", ("f", "gen"): "واحدة", ("f", "acc"): "واحدةً"}


def count_phrase(n: int, noun: str, case: str = "nom", lang: str = "ar") -> str:
    """`n` things in Arabic agreement (case: nom | acc | gen), or in English ("1 event", "3 events").

    1 -> singular + واحد (agreeing in gender and case), 2 -> the dual, 3-10 -> "n" + plural,
    11-99 -> "n" + singular accusative (tamyiz); from 100 the last two digits decide the same way,
    and a round hundred (or 01, 02 after it) takes the singular genitive ("100 حدث", "102 حدث").
    """
    if n < 0:
        raise ValueError(f"cannot count {n} things")
    word = nouns()[noun]
    if lang == "en":
        return f"{n} {word.en_sg if n == 1 else word.en_pl}"
    if case not in ("nom", "acc", "gen"):
        raise ValueError(f"case must be nom, acc or gen, not {case!r}")
    if n == 1:
        singular = {"nom": word.sg_nom, "acc": word.sg_acc, "gen": word.sg_gen}[case]
        return f"{singular} {ONE[(word.gender, case)]}"
    if n == 2:
        return word.du_nom if case == "nom" else word.du_acc
    rest = n % 100
    if n >= 100 and rest <= 2:
        return f"{n} {word.sg_gen}"
    if rest <= 10:
        return f"{n} {word.pl}"
    return f"{n} {word.tamyiz}"


OTHER = {"m": {"sg": "آخر", "du_nom": "آخران", "du_acc": "آخرين", "pl": "أخرى"},
         "f": {"sg": "أخرى", "du_nom": "أخريان", "du_acc": "أخريين", "pl": "أخرى"}}


def others_phrase(n: int, noun: str, case: str = "nom", lang: str = "ar") -> str:
    """`n` more things ("and N more"), "آخر" agreeing with the counted noun:

    1 -> "حدث آخر" (acc "حدثًا آخر"), 2 -> "حدثان آخران" / "حدثين آخرين", 3-10 -> "3 أحداث أخرى",
    11-99 -> "11 حدثًا آخر", 100 -> "100 حدث آخر"; English "3 more events".
    """
    word = nouns()[noun]
    if lang == "en":
        return f"{n} more {word.en_sg if n == 1 else word.en_pl}"
    other = OTHER[word.gender]
    if n == 1:
        return f"{word.sg_acc if case == 'acc' else word.sg_nom if case == 'nom' else word.sg_gen} {other['sg']}"
    if n == 2:
        return f"{word.du_nom} {other['du_nom']}" if case == "nom" else f"{word.du_acc} {other['du_acc']}"
    counted = count_phrase(n, noun, case, lang)
    rest = n % 100
    plural = 3 <= rest <= 10 or (n < 100 and n <= 10)
    return f"{counted} {other['pl'] if plural else other['sg']}"


@cache
def month_names() -> dict[int, dict[str, str]]:
    return {int(row["month"]): {"ar": row["ar"], "en": row["en"]} for row in _rows("months.tsv")}


def news_date(value: str | date | None, lang: str = "ar") -> str:
    """A date as news writes it: "2024-01-24" -> "24 يناير 2024" / "24 January 2024"; "2024-01" -> "يناير 2024"."""
    if value is None:
        return phrase("date_unknown", lang)
    text = value.isoformat() if isinstance(value, date) else str(value)
    parts = text.split("-")
    if len(parts) == 1:
        return parts[0]
    month = month_names()[int(parts[1])][lang]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


@cache
def cameo_names_ar() -> dict[str, str]:
    return {row["code"]: row["name_ar"] for row in _rows("cameo_ar.tsv")}


def cameo_label(code: str, lang: str = "ar") -> str:
    """The name of a CAMEO code, else of its longest named prefix ("0429" -> "زيارة")."""
    if lang == "en":
        from hadath.events.cameo import cameo_name

        return cameo_name(code) or code
    table = cameo_names_ar()
    for length in range(len(code), 1, -1):
        if (name := table.get(code[:length])) is not None:
            return name
    return code


@cache
def _role_names() -> dict[str, dict[str, str]]:
    return {row["role"]: {"ar": row["ar"], "en": row["en"]} for row in _rows("roles.tsv")}


@cache
def key_names() -> dict[str, dict[str, str]]:
    """Arabic and English names of state and group keys, from the actor dictionary's data files."""
    actors = Path(__file__).parents[1] / "actors" / "data"
    out: dict[str, dict[str, str]] = {}

    def read(name: str) -> list[dict[str, str]]:
        with (actors / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))

    for row in read("organisations.tsv"):
        if row.get("key") and row["key"] == row.get("actor") and row["key"] not in out:
            out[row["key"]] = {"ar": row["names_ar"].split("|")[0], "en": row["name_en"]}
    for row in read("states.tsv"):
        out[row["iso3"]] = {"ar": row["names_ar"].split("|")[0], "en": row["name_en"]}
    for row in read("states_curated.tsv"):  # curated names win
        out[row["iso3"]] = {"ar": row["names_ar"].split("|")[0], "en": row["name_en"]}
    return out


def actor_label(code: str | None, lang: str = "ar") -> str:
    """"TURGOV" -> "تركيا (الحكومة)" / "Turkey (government)"; "IRN" -> "إيران"; unknown codes as written."""
    if not code:
        return phrase("unknown_actor", lang)
    names = key_names()
    if code in names:
        return names[code][lang]
    head, roles = code[:3], code[3:]
    if head in names and roles and len(roles) % 3 == 0:
        role_words = [_role_names().get(roles[i : i + 3], {}).get(lang) for i in range(0, len(roles), 3)]
        if all(role_words):
            return f"{names[head][lang]} ({'، '.join(role_words) if lang == 'ar' else ', '.join(role_words)})"  # type: ignore[arg-type]
    return code


def actor_with_code(code: str, lang: str = "ar") -> str:
    """"TURGOV" -> "تركيا (الحكومة، TURGOV)"; "TUR" -> "تركيا (TUR)"; an unnamed code stays as it is."""
    label = actor_label(code, lang)
    if label == code:
        return code
    comma = "، " if lang == "ar" else ", "
    return f"{label[:-1]}{comma}{code})" if label.endswith(")") else f"{label} ({code})"


def join_list(items: list[str], lang: str = "ar") -> str:
    """"أ، ب وج" / "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    if lang == "ar":
        return "، ".join(items[:-1]) + " و" + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]
