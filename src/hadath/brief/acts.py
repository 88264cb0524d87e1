"""One event told as a clause, in the words of its status (data/acts.tsv for the act, templates.tsv for
the status frame), with the verb agreeing with its subject and the target in its case:

    occurred      "شنّت إسرائيل غارات جوية على حزب الله"           "Israel carried out air strikes on Hezbollah"
    ongoing       "…، ولا يزال ذلك جاريًا"                         "…, and this is still going on"
    planned       "من المقرر أن يزور عبد المجيد تبون مصر"          "Abdelmadjid Tebboune is due to visit Egypt"
    postponed     "كان من المقرر أن …، لكن ذلك تأجّل"              "… was due to …, but this was postponed"
    cancelled     "كان من المقرر أن …، لكن ذلك أُلغي"              "… was due to …, but this was called off"
    denied        "نُفي أن تكون إسرائيل قد شنّت …"                 "it was denied that Israel carried out …"
    hypothetical  "طُرح احتمال أن تشنّ إيران …"                    "it was suggested that Iran might …"
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hadath.brief.language import phrase
from hadath.brief.names import ActorName, actor_name

DATA = Path(__file__).parent / "data"
STATUSES = ("occurred", "ongoing", "planned", "postponed", "cancelled", "denied", "hypothetical")


@dataclass(frozen=True)
class Act:
    past_m: str
    past_f: str
    impf_m: str
    obj: str
    en_past: str
    en_base: str

    def past(self, gender: str) -> str:
        return self.past_f if gender == "f" else self.past_m

    def imperfect(self, gender: str) -> str:
        """"يزور" -> feminine "تزور" (the third person's prefix)."""
        return "ت" + self.impf_m[1:] if gender == "f" and self.impf_m.startswith("ي") else self.impf_m


@cache
def acts() -> dict[str, Act]:
    with (DATA / "acts.tsv").open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return {row["code"]: Act(**{k: v for k, v in row.items() if k != "code"})
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}


def act_of(code: str) -> Act:
    """The row of `code`, else of its longest listed prefix ("0429" -> "042"; "1056" -> "10")."""
    table = acts()
    for length in range(len(code), 1, -1):
        if (act := table.get(code[:length])) is not None:
            return act
    raise KeyError(f"no act for CAMEO code {code!r}")


ATTACHED = ("لـ", "بـ")


def _attach(preposition: str, word: str) -> str:
    """"لـ" + "الولايات المتحدة" -> "للولايات المتحدة"; "بـ" + "إيران" -> "بإيران"."""
    letter = preposition[0]
    if letter == "ل" and word.startswith("ال"):
        return "لل" + word[2:]
    return letter + word


def arabic_object(pattern: str, target: ActorName | None) -> str:
    """`pattern` with its target in the right case: at the start a direct object (accusative), after a
    preposition or a noun the genitive; attached prepositions joined to the name."""
    if target is None:
        target = actor_name(None)
    if pattern.startswith("{target}"):
        return pattern.replace("{target}", target.ar["acc"])
    for preposition in ATTACHED:
        if preposition + "{target}" in pattern:
            return pattern.replace(preposition + "{target}", _attach(preposition, target.ar["gen"]))
    return pattern.replace("{target}", target.ar["gen"])


def english_object(pattern: str, target: ActorName | None) -> str:
    name = (target or actor_name(None)).en
    return pattern.replace("{target}", name) if "{target}" in pattern else f"{pattern} {name}"


def parties(row: dict[str, Any]) -> tuple[ActorName, ActorName | None]:
    source = actor_name(row.get("source_actor"), row.get("source_name"), row.get("source_key"))
    has_target = row.get("target_actor") or row.get("target_key") or row.get("target_name")
    target = actor_name(row.get("target_actor"), row.get("target_name"), row.get("target_key")) if has_target else None
    return source, target


def tell(row: dict[str, Any], lang: str, place: str = "", as_of: str | None = None) -> str:
    """The event `row` (a stored event) as one clause in the frame of its status; `place` (" في حلب")
    follows the act. A planned act dated by `as_of` (ISO day) was expected ("كان من المرتقب أن")."""
    status = row["status"] if row["status"] in STATUSES else "occurred"
    if status == "planned" and as_of and row.get("event_day") and str(row["event_day"]) <= as_of:
        status = "planned_past"
    act = act_of(row["cameo"])
    source, target = parties(row)
    if lang == "en":
        values = {"source": source.en, "past": english_object(act.en_past, target),
                  "base": english_object(act.en_base, target)}
    else:
        g = source.gender
        values = {"source": source.ar["nom"], "past": act.past(g), "impf": act.imperfect(g),
                  "be": "تكون" if g == "f" else "يكون", "obj": arabic_object(act.obj, target)}
    return phrase(f"status.{status}", lang, place=place, **values)
