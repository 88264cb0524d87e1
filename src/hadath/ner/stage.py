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
    roles = [e for e in list(entities) + list(hints) if e.origin == "role" and e.type != "PER"]
    for span in spans:
        overlapping = [i for i, e in enumerate(merged) if e.start < span.end and span.start < e.end]
        if not overlapping:
            merged.append(_with_role(text, _new_entity(span), roles))
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
            # the event coder reads the preposition from it
            start = known.start if CLITICS.fullmatch(text[span.start : known.start]) else span.start
            merged[i] = replace(known, text=text[start : span.end], start=start, end=span.end)
    return sorted(merged, key=lambda e: (e.start, e.end))


def _new_entity(span: TaggedSpan) -> Entity:
    return Entity(span.text, span.start, span.end, span.type, origin="ner")


def _with_role(text: str, entity: Entity, roles: list[Entity]) -> Entity:
    """A new PER next to a role phrase carries the role's actor and key."""
    if entity.type != "PER":
        return entity
    for role in roles:
        if role.actor is None and role.key is None:
            continue
        before = role.end <= entity.start and ROLE_BEFORE_GAP.match(text[role.end : entity.start])
        after = entity.end <= role.start and ROLE_AFTER_GAP.match(text[entity.end : role.start])
        if before or after:
            return replace(entity, actor=role.actor, key=role.key)
    return entity
