"""Groups an article defines by listing their members: "الأطراف الضامنة (روسيا وتركيا وإيران)".

Elsewhere in the article a plural noun with the same qualifier ("الدول الضامنة", "الأطراف الضامنة")
names the same states, and the event coder reads it as those members, joined by "و".
"""

from __future__ import annotations

import re
from functools import lru_cache

from hadath.actors.dictionary import is_state
from hadath.model import Article
from hadath.text.normalize import normalize, normalize_word
from hadath.text.tokens import clitic_readings

# Plural heads a group of states goes by; the word after the head is the group's qualifier.
GROUP_HEADS = frozenset(normalize(w) for w in (
    "الدول", "الأطراف", "البلدان", "الأعضاء", "القوى", "العواصم", "الحكومات"))
# a head and its qualifier, then the members in parentheses: "الأطراف الضامنة (روسيا وتركيا وإيران)"
DEFINITION = re.compile(r"(\S+)\s+(\S+)\s*\(([^()]{3,120})\)")


@lru_cache(maxsize=65536)
def group_head(word: str) -> bool:
    """"الدول", "والأطراف", "للدول": a plural head of a group, clitics aside."""
    return any(stem in GROUP_HEADS or "ال" + stem in GROUP_HEADS for _, stem in clitic_readings(word))


def group_definitions(article: Article) -> dict[str, tuple[str, ...]]:
    """Normalised qualifier -> the keys of the states listed for it, in the order named."""
    groups: dict[str, tuple[str, ...]] = {}
    states = [e for e in article.entities if is_state(e.key) and e.type == "LOC"]
    for match in DEFINITION.finditer(article.text):
        if not group_head(match.group(1)):
            continue
        lo, hi = match.span(3)
        members: list[str] = []
        for entity in states:
            if lo <= entity.start < hi and entity.key not in members:
                members.append(entity.key)
        if len(members) >= 2:
            groups.setdefault(normalize_word(match.group(2)), tuple(members))
    return groups
