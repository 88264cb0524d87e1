"""Later mentions of a person by surname alone: "إبراهيم رئيسي … زيارة رئيسي إلى تركيا".

News names a person in full once, then by surname. A surname that stands alone later in the same
article is the same person (same actor code and key), unless it follows a word that makes it an
adjective ("بشكل رئيسي", data/not_surname_after.tsv). A name the NER model found without a code
takes the code of the dictionary person whose surname it ends with.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from itertools import accumulate
from typing import TypeVar

from hadath.actors.people import Person, load_people
from hadath.model import Article, Entity
from hadath.text.normalize import normalize, normalize_word
from hadath.text.tokens import tokenize
from hadath.text.wordlists import read_words

CONJUNCTIONS = ("و", "ف")
T = TypeVar("T")


def _blockers() -> frozenset[str]:
    return read_words("hadath.actors", "data/not_surname_after.tsv")


# Heads of organisation names that news uses alone once the full name is given:
# "جامعة الدول العربية … قررت الجامعة", "حركة حماس … وقالت الحركة".
ORGANISATION_HEADS = frozenset(normalize(w) for w in (
    "الجامعة", "الحركة", "الجماعة", "المنظمة", "الحزب", "المجلس", "الوكالة", "الهيئة", "التنظيم", "الحلف",
    "الاتحاد", "التحالف", "الجبهة", "الكتائب", "الميليشيا", "اللجنة", "الوزارة", "البعثة", "المحكمة",
    "الرئاسة"))


def link_surnames(article: Article) -> Article:
    article = _link_people(article)
    article = _link_nisba_surnames(article)
    article = _link_the_kingdom(article)
    article = _link_organisation_heads(article)
    return _link_spokespeople(article)


SPOKESPERSON = re.compile(r"(?:ال)?(?:متحدث|ناطق)(?:ة)?(?:\s+\S+)?\s+باسم\s+")
SPOKESPERSON_WORDS = frozenset(normalize(w) for w in ("المتحدث", "المتحدثة", "الناطق", "الناطقة", "متحدث", "ناطق"))


def _link_spokespeople(article: Article) -> Article:
    """"المتحدث العسكري باسم الجماعة … وأكد المتحدث": a spokesperson named alone later speaks for the
    body named after "باسم" before, when the article gives only one such body."""
    bodies = set()
    for match in SPOKESPERSON.finditer(article.text):
        body = next((e for e in article.entities if e.start == match.end() and e.key), None)
        if body is not None:
            bodies.add((body.actor, body.key))
    if len(bodies) != 1:
        return article
    actor, key = bodies.pop()
    for hint in article.hints:
        if hint.key is None and normalize(hint.text).lstrip("وف") in SPOKESPERSON_WORDS:
            hint.actor, hint.key = actor, key
    return article


# "المملكة" alone is the kingdom the article is about: Saudi Arabia in Saudi news, Jordan in Jordanian…
KINGDOMS = ("SAU", "JOR", "MAR", "BHR")
THE_KINGDOM = re.compile(r"(?<![\w\u0600-\u06FF])(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)مملكة(?![\w\u0600-\u06FF])")


def _link_the_kingdom(article: Article) -> Article:
    """"زيارة للمملكة", "في المملكة": the one kingdom the article names (its king, its cities, its
    ministers); left alone when it names none or several, or when a state's name follows
    ("المملكة العربية السعودية", "المملكة المتحدة" are names of their own)."""
    counts = {k: sum(1 for e in article.entities if e.key == k) for k in KINGDOMS}
    named = [k for k, n in counts.items() if n]
    if len(named) != 1:
        return article
    key = named[0]
    taken = [(e.start, e.end) for e in article.entities]
    added = []
    for match in THE_KINGDOM.finditer(article.text):
        start = match.start()
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        following = article.text[match.end() : match.end() + 12].strip()
        if following.startswith(("العربية", "المتحدة", "الأردنية", "المغربية", "البحرين", "الهاشمية")):
            continue
        added.append(Entity(article.text[start : match.end()], start, match.end(), "LOC", None, key, key, "coreference"))
    if added:
        article.entities = sorted(article.entities + added, key=lambda e: (e.start, e.end))
    return article


@cache
def _officials_by_nisba() -> dict[str, list[Person]]:
    """Surnames that are also state adjectives ("السوداني", "الكاظمي" is not one): normalised -> people."""
    index: dict[str, list[Person]] = {}
    for person in load_people():
        for name in person.names_ar:
            words = name.split()
            if len(words) >= 2 and words[-1].startswith("ال"):
                surname = normalize(words[-1])
                if person not in index.setdefault(surname, []):
                    index[surname].append(person)
    return index


def _link_nisba_surnames(article: Article) -> Article:
    """"بوتين والسوداني يتفقان": a bare nisba joined by "و" to a person is a surname, when exactly one
    official of that surname is in office on the article's day (Iraq's prime minister al-Sudani, not
    "the Sudanese")."""
    if article.published is None or not article.hints:
        return article
    people = [e for e in article.entities if e.type == "PER"]
    if not people:
        return article
    index = _officials_by_nisba()
    added = []
    for hint in article.hints:
        word = normalize(hint.text)
        # "بوتين والسوداني" (the و is outside the hint) or "السوداني وبوتين"
        joined_after = article.text[hint.start - 1 : hint.start] == "و" and any(
            0 <= hint.start - 1 - p.end <= 1 for p in people)
        joined_before = article.text[hint.end : hint.end + 3].strip().startswith("و") and any(
            0 <= p.start - hint.end <= 3 for p in people)
        if not (joined_after or joined_before) or not word.startswith("ال"):
            continue
        serving = [p for p in index.get(word, []) if any(r.in_force(article.published) for r in p.roles)]
        if len(serving) != 1:
            continue
        person = serving[0]
        added.append(Entity(hint.text, hint.start, hint.end, "PER", person.name_en,
                            person.actor_on(article.published), person.key_on(article.published), "coreference"))
    if added:
        article.entities = sorted(article.entities + added, key=lambda e: (e.start, e.end))
    return article


def _link_organisation_heads(article: Article) -> Article:
    """"قررت الجامعة" after "الجامعة العربية": the head alone is the organisation named in full, when
    the article names only one organisation with that head."""
    by_head: dict[str, set[tuple[str | None, str | None, str | None]]] = {}
    for entity in article.entities:
        if entity.type != "ORG" or not entity.key or len(entity.text.split()) < 2:
            continue
        head = _definite(normalize(entity.text.split()[0]))
        if head in ORGANISATION_HEADS:
            by_head.setdefault(head, set()).add((entity.actor, entity.key, entity.name))
    known = {head: next(iter(codes)) for head, codes in by_head.items() if len(codes) == 1}
    if not known:
        return article
    added = [Entity(article.text[start:end], start, end, "ORG", name, actor, key, "coreference")
             for start, end, (actor, key, name) in _later_mentions(article, known)]
    article.entities = sorted(article.entities + added, key=lambda e: (e.start, e.end))
    return article


def _later_mentions(article: Article, known: dict[str, T], blockers: frozenset[str] = frozenset()
                    ) -> list[tuple[int, int, T]]:
    """(start, end, value) for every word of the text that is a key of `known`, read as it is or
    without a leading و/ف, outside the entities already found and not right after a blocker word."""
    spans = sorted((e.start, e.end) for e in article.entities)
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # furthest end of the spans so far

    def covered(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and reach[i] > offset

    tokens = tokenize(article.text)
    found = []
    for i, token in enumerate(tokens):
        word = normalize_word(token.text)
        start = token.start
        if word not in known and word[:1] in CONJUNCTIONS and word[1:] in known:
            word, start = word[1:], token.start + 1
        if word not in known or covered(token.start):
            continue
        if i > 0 and normalize_word(tokens[i - 1].text) in blockers:
            continue
        found.append((start, token.end, known[word]))
    return found


def _definite(word: str) -> str:
    """"جامعة" -> "الجامعة": the head as it stands alone."""
    return word if word.startswith("ال") else "ال" + word


def _link_people(article: Article) -> Article:
    people: dict[str, Entity] = {}
    for entity in article.entities:
        words = entity.text.split()
        if entity.type == "PER" and entity.key and len(words) >= 2 and len(words[-1]) >= 3:
            people.setdefault(normalize(words[-1]), entity)
    if not people:
        return article
    for entity in article.entities:  # NER names without a code: "الرئيس رئيسي" found by the model
        if entity.type == "PER" and entity.key is None:
            known = people.get(normalize(entity.text.split()[-1]))
            if known is not None:
                entity.actor, entity.key, entity.name = known.actor, known.key, known.name
    added = [Entity(article.text[start:end], start, end, "PER", known.name, known.actor, known.key, "coreference")
             for start, end, known in _later_mentions(article, people, _blockers())]
    article.entities = sorted(article.entities + added, key=lambda e: (e.start, e.end))
    return article
