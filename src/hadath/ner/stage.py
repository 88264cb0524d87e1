"""The NER stage: names the actor dictionary lacks, merged with the entities it found.

Reads `article.text`, `article.sentences` and the dictionary's `article.entities`; adds entities of
origin "ner". The dictionary's actor and key always win:
- an NER span inside or across a dictionary entity is dropped;
- an NER span of the same type that contains a dictionary entity widens it ("أحمد عطاف" around a
  dictionary "عطاف"), keeping the dictionary's actor, key and name;
- a person name the actor stage guessed after a role word (origin "role", type PER) takes the
  NER's boundaries when they overlap ("إميل لحود بالسفير" -> "إميل لحود"), keeping its code;
- a new PER right after a role phrase ("وزير الخارجية الإيراني، <name>") or followed by one after a
  comma ("<name>، وزير الخارجية الإيراني") takes the role's actor and key.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hadath.deadline import check_deadline
from hadath.model import Article, Entity
from hadath.ner.tagger import TaggedSpan, load_tagger

# What may stand between a role phrase and the name it introduces: spaces and a comma or colon.
ROLE_BEFORE_GAP = re.compile(r"^[\s،,:]*$")
# A role after a name must be set off by a comma (an apposition), else it belongs to what follows.
ROLE_AFTER_GAP = re.compile(r"^\s*[،,]\s*$")
# Proclitics a dictionary match may have been read past: و ف ب ل ك and the article.
CLITICS = re.compile(r"[وف]?[بلك]?(?:ال)?")


def tag_entities(article: Article) -> Article:
    """Tag every sentence with the NER model and merge the names it finds into `article.entities`."""
    if not article.text.strip():
        return article
    sentences = [(s.start, s.end) for s in article.sentences] or [(0, len(article.text))]
    spans = load_tagger().find_entities(article.text, sentences)
    article.entities = merge_entities(article.text, article.entities, spans, article.hints)
    return article


def merge_entities(text: str, entities: list[Entity], spans: list[TaggedSpan],
                   hints: list[Entity] = ()) -> list[Entity]:
    """The dictionary's entities with the NER spans merged in (rules in the module docstring).
    `hints` are the actor stage's titles without names ("الرئيس المصري"): a name next to one takes
    its code."""
    merged = list(entities)
    roles = RoleIndex([e for e in list(entities) + list(hints) if e.origin == "role" and e.type != "PER"])
    overlaps = OverlapIndex(merged)
    for span in spans:
        check_deadline()
        overlapping = overlaps.find(span.start, span.end)
        if not overlapping:
            merged.append(roles.apply(text, _new_entity(span)))
            overlaps.add(len(merged) - 1, merged[-1])
            continue
        if len(overlapping) > 1:
            continue
        i = overlapping[0]
        known = merged[i]
        if known.type != span.type:
            continue
        if known.origin == "role":
            merged[i] = replace(known, text=span.text, start=span.start, end=span.end)
        elif span.start <= known.start and known.end <= span.end:
            # widen to the model's name, but not over a clitic the dictionary left out ("بتركيا"):
            # the event coder reads the preposition from it; nor over a verb ("دانت السعودية")
            start = known.start if CLITICS.fullmatch(text[span.start : known.start]) \
                or _holds_a_verb(text[span.start : known.start]) else span.start
            end = known.end if _holds_a_verb(text[known.end : span.end]) else span.end
            merged[i] = replace(known, text=text[start:end], start=start, end=end)
        overlaps.move(i, known, merged[i])
    return sorted(merged, key=lambda e: (e.start, e.end))


def _holds_a_verb(text: str) -> bool:
    """Words the model joined to a dictionary name that the event lexicon reads as a verb ("دانت",
    "استقبل"): a name does not run into the verb beside it."""
    from hadath.events.lexicon import load_lexicon
    from hadath.text.tokens import clitic_readings, tokenize

    lexicon = load_lexicon()
    return any(entry.is_verb for token in tokenize(text) for _, stem in clitic_readings(token.text)[:2]
               for entry in lexicon.single.get(stem, ()))


class OverlapIndex:
    """Which entities (by index) overlap a span, without scanning them all for each of thousands of spans:
    each entity is listed under every block of BLOCK characters it covers."""

    BLOCK = 64

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.blocks: dict[int, set[int]] = {}
        for i, entity in enumerate(entities):
            self.add(i, entity)

    def _covered(self, start: int, end: int) -> range:
        return range(start // self.BLOCK, max(start, end - 1) // self.BLOCK + 1)

    def add(self, i: int, entity: Entity) -> None:
        for block in self._covered(entity.start, entity.end):
            self.blocks.setdefault(block, set()).add(i)

    def move(self, i: int, old: Entity, new: Entity) -> None:
        for block in self._covered(old.start, old.end):
            self.blocks[block].discard(i)
        self.add(i, new)

    def find(self, start: int, end: int) -> list[int]:
        """The indices, in order, of the entities with start < end and start < their end."""
        found: set[int] = set()
        for block in self._covered(start, end):
            found |= self.blocks.get(block, set())
        return sorted(i for i in found if self.entities[i].start < end and start < self.entities[i].end)


class RoleIndex:
    """The role phrases with a code, by where they end and start: a new PER right after a role phrase
    ("وزير الخارجية الإيراني، <name>") or followed by one after a comma takes the first such role's
    actor and key (ROLE_BEFORE_GAP, ROLE_AFTER_GAP)."""

    def __init__(self, roles: list[Entity]) -> None:
        self.roles = roles
        self.by_end: dict[int, list[int]] = {}
        self.by_start: dict[int, list[int]] = {}
        for i, role in enumerate(roles):
            if role.actor is not None or role.key is not None:
                self.by_end.setdefault(role.end, []).append(i)
                self.by_start.setdefault(role.start, []).append(i)

    def apply(self, text: str, entity: Entity) -> Entity:
        if entity.type != "PER" or not self.roles:
            return entity
        candidates: list[int] = []
        # before: the role ends where a run of spaces, commas and colons before the name starts, or inside it
        position = entity.start
        while True:
            candidates += self.by_end.get(position, [])
            if position == 0 or not ROLE_BEFORE_GAP.match(text[position - 1]):
                break
            position -= 1
        # after: spaces, one comma, spaces, then the role
        position = entity.end
        while position < len(text) and text[position].isspace():
            position += 1
        if position < len(text) and text[position] in "،,":
            position += 1
            while True:
                candidates += self.by_start.get(position, [])
                if position >= len(text) or not text[position].isspace():
                    break
                position += 1
        if not candidates:
            return entity
        role = self.roles[min(candidates)]
        return replace(entity, actor=role.actor, key=role.key)


def _new_entity(span: TaggedSpan) -> Entity:
    return Entity(span.text, span.start, span.end, span.type, origin="ner")
