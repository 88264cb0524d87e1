"""An event's status from the words around its trigger (data/status_markers.tsv).

"سيزور" -> planned (future prefix); "من المقرر أن يزور" -> planned; "نفت … الهجوم" -> denied;
"يمكن أن تستخدم … دعم" -> hypothetical; "كانت الزيارة قد تأجلت" -> postponed.
A marker's scope runs to the right through the sentence (a modal governs what follows it); the
negations لم/لن and the modal قد bind only the verb right after them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from hadath.events.lexicon import TriggerMatch, adverbial_participle, ending_within
from hadath.events.words import future_light_verb, light_verb_between, subject_lender_between
from hadath.text.normalize import normalize_word
from hadath.text.tokens import Token

# Precedence when several markers reach a trigger: the strongest claim about reality wins.
PRECEDENCE = ("cancelled", "postponed", "denied", "hypothetical", "planned", "ongoing")
TIGHT = {"لم": 1, "لن": 1, "قد": 2}  # these bind only a verb this many tokens ahead
CONJUNCTIONS = ("و", "ف")


@dataclass(frozen=True)
class Marker:
    tokens: tuple[str, ...]
    status: str
    scope: str  # before | after | sentence


@cache
def load_markers() -> list[Marker]:
    text = resources.files("hadath.events").joinpath("data/status_markers.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if line and not line.startswith("#")),
                          delimiter="\t", quoting=csv.QUOTE_NONE)
    markers = [Marker(tuple(normalize_word(w) for w in row["marker"].split()), row["status"], row["scope"])
               for row in rows]
    return sorted(markers, key=lambda m: -len(m.tokens))


def _bare(word: str) -> str:
    word = normalize_word(word)
    if len(word) > 2 and word[0] in CONJUNCTIONS:
        return word[1:]
    return word


@cache
def markers_by_first_word() -> dict[str, list[Marker]]:
    index: dict[str, list[Marker]] = {}
    for marker in load_markers():  # longest first
        index.setdefault(marker.tokens[0], []).append(marker)
    return index


def find_markers(tokens: list[Token]) -> list[tuple[int, Marker]]:
    """(token index, marker) for every status marker in a sentence, longest first at each place."""
    words = [normalize_word(t.text) for t in tokens]
    bare = [_bare(t.text) for t in tokens]
    index = markers_by_first_word()
    found: list[tuple[int, Marker]] = []
    i = 0
    while i < len(tokens):
        candidates = index.get(words[i], []) + index.get(bare[i], [])
        for marker in sorted(candidates, key=lambda m: -len(m.tokens)):
            n = len(marker.tokens)
            window = words[i : i + n]
            window_bare = [bare[i]] + words[i + 1 : i + n]
            if len(window) == n and (tuple(window) == marker.tokens or tuple(window_bare) == marker.tokens):
                found.append((i, marker))
                i += n - 1
                break
        i += 1
    return found


def status_of(trigger: TriggerMatch, tokens: list[Token], markers: list[tuple[int, Marker]],
              future_date: bool, triggers: list[TriggerMatch] | None = None) -> str:
    """The status of the event whose trigger is `trigger` in a sentence of `tokens`.

    A sentence-wide marker (تأجلت، ألغيت) applies to the schedulable act nearest to it — a visit, a
    meeting, a signing (roots 01-08) — not to the attack that caused the postponement.
    """
    statuses: set[str] = set()
    if trigger.future or (not trigger.entry.is_verb and future_light_verb(tokens, trigger.first - 6, trigger.first)):
        statuses.add("planned")  # "سيزور"; "سيقوم بزيارة": the light verb's future is its noun's
    for index, marker in markers:
        first_word = marker.tokens[0]
        if first_word in TIGHT and len(marker.tokens) == 1:  # "لن تتردد" is a phrase with a scope of its own
            gap = trigger.first - index
            # "لم تنفذ أي هجوم": a negated light verb negates the act its noun names
            carried = (first_word in ("لم", "لن") and 0 < gap <= 6 and light_verb_between(tokens, index + 1, trigger.first)) \
                or (first_word == "قد" and 0 < gap <= 4 and _imperfect_after(tokens, index))
            if not (0 < gap <= TIGHT[first_word] or carried):
                continue
            if first_word == "قد" and (trigger.first == index + 1 and past_trigger(trigger)
                                       or trigger.entry.kind != "present" and not _imperfect_after(tokens, index)):
                continue  # "قد + past" is "has done": occurred ("قد تلقى اتصالا"); "قد تلجأ إلى فرض عقوبات" may
            statuses.add(marker.status)
        elif marker.scope == "sentence":
            if marker.status not in ("postponed", "cancelled") or \
                    _nearest_schedulable(index, triggers or [trigger]) is trigger:
                statuses.add(marker.status)
        elif marker.scope == "before" and index < trigger.first \
                and not _new_clause_between(tokens, index, trigger.first, triggers or []):
            if marker.status == "denied" and not (trigger.entry.is_verb or trigger.entry.opens_on_verb) \
                    and trigger.entry.cameo[:2] in SPOKEN_CHARGES:
                continue  # "نفت حماس اتهامات إسرائيلية": the accusation was made; what it says is denied
            statuses.add(marker.status)
        elif marker.scope == "after" and 0 < index - trigger.last <= 4:
            statuses.add(marker.status)
        elif marker.scope == "after" and marker.status == "planned" and trigger.entry.kind == "present":
            statuses.add(marker.status)  # "ويلتقي الرئيس خلال زيارته المرتقبة": an imperfect in a planned frame
    if not trigger.entry.is_verb and trigger.first > 0 and _bare(tokens[trigger.first - 1].text) in ANY_WORDS:
        statuses.add("hypothetical")  # "سنرد على أي هجوم", "لن تقبل أي وساطة": any act of the kind, none told
    if not statuses and _governed_by_threat_or_call(trigger, tokens, triggers or []):
        statuses.add("hypothetical")  # "هدد بتوسيع الهجمات", "دعا إلى وقف الغارات": not (yet) done
    if not statuses and future_date and not past_trigger(trigger):
        statuses.add("planned")
    for status in PRECEDENCE:
        if status in statuses:
            return status
    return "occurred"


CLAUSE_OPENERS = frozenset(normalize_word(w) for w in ("فيما", "بينما", "لكن", "لكنه", "لكنها", "غير أن"))


def _new_clause_between(tokens: list[Token], lo: int, hi: int, triggers: list[TriggerMatch]) -> bool:
    """A comma then an adverbial participle, a contrasting word or "و" and a verb between a marker and
    the trigger: "نفت الوزارة أي خروق، مؤكدة التزامها بالاتفاق": the denial does not reach what is
    affirmed; "بعدما نفت …، وأعلنت توقيف 18 سعوديًا": nor what a coordinated verb tells."""
    verbs_at = {t.first for t in triggers if t.entry.is_verb or t.entry.opens_on_verb}
    for i in range(lo + 1, hi):
        if tokens[i].text not in ("،", ",") or i + 1 >= len(tokens):
            continue
        word = _bare(tokens[i + 1].text)
        if word in CLAUSE_OPENERS or adverbial_participle(word):
            return True
        if normalize_word(tokens[i + 1].text)[:1] == "و" and (i + 1 in verbs_at or subject_lender_between(tokens, i + 1, i + 2)):
            return True
    return False


def _nearest_schedulable(index: int, triggers: list[TriggerMatch]) -> TriggerMatch | None:
    schedulable = [t for t in triggers if t.entry.cameo[:2] <= "08"]
    if not schedulable:
        return None
    return min(schedulable, key=lambda t: min(abs(t.first - index), abs(t.last - index)))


ANY_WORDS = frozenset(normalize_word(w) for w in ("أي", "أية", "لأي", "لأية", "بأي", "بأية", "وأي"))

SPOKEN_CHARGES = ("10", "11", "13")  # demands, accusations, threats: denying them does not unsay them

GOVERNING_ROOTS = ("02", "10", "13")  # appeals, demands, threats: what they name is not done


def _governed_by_threat_or_call(trigger: TriggerMatch, tokens: list[Token], triggers: list[TriggerMatch]) -> bool:
    """A verbal noun right after a verb of threatening, demanding or appealing names what is
    threatened or called for: "هدد بتوسيع الهجمات", "طالب بوقف الغارات" (a phrase opened by a verb of its
    own, "وأجرى … اتصالين", is an act told, not what was called for)."""
    if trigger.entry.is_verb or trigger.entry.opens_on_verb:
        return False
    return any(t.entry.cameo[:2] in GOVERNING_ROOTS for t in ending_within(triggers, trigger.first - 10, trigger.first - 1))


def past_trigger(trigger: TriggerMatch) -> bool:
    """The trigger opens on a past verb the lexicon knows ("تلقى", "تعهد" begin with ت like an imperfect)."""
    return trigger.entry.kind in ("past", "passive") or trigger.entry.kind == "phrase" and trigger.entry.head == "past" \
        and not trigger.future


def _imperfect_after(tokens: list[Token], index: int) -> bool:
    """"قد" before an imperfect verb ("قد تلجأ", "قد يؤدي") is "may"; before a perfect, "has"."""
    if index + 1 >= len(tokens):
        return False
    word = tokens[index + 1].text
    return len(word) > 2 and word[0] in "يتن"  # not "أ": "قد أعلن" is a perfect (first-person "أ" is rare in news)
