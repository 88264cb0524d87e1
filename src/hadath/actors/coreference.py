"""Later mentions of a person by surname alone: "إبراهيم رئيسي … زيارة رئيسي إلى تركيا".

News names a person in full once, then by surname. A surname that stands alone later in the same
article is the same person (same actor code and key), unless it follows a word that makes it an
adjective ("بشكل رئيسي", data/not_surname_after.tsv). A name the NER model found without a code
takes the code of the dictionary person whose surname it ends with.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from hadath.model import Article, Entity
from hadath.text.normalize import normalize
from hadath.text.tokens import tokenize

CONJUNCTIONS = ("و", "ف")


@cache
def _blockers() -> frozenset[str]:
    text = resources.files("hadath.actors").joinpath("data/not_surname_after.tsv").read_text(encoding="utf-8")
    words = [line.strip() for line in text.splitlines()[1:] if line.strip() and not line.startswith("#")]
    return frozenset(normalize(w) for w in words if w != "word")


def link_surnames(article: Article) -> Article:
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
    covered = [(e.start, e.end) for e in article.entities]
    tokens = tokenize(article.text)
    added = []
    for i, token in enumerate(tokens):
        word = normalize(token.text)
        start = token.start
        if word not in people and word[:1] in CONJUNCTIONS and word[1:] in people:
            word, start = word[1:], token.start + 1
        known = people.get(word)
        if known is None or any(s <= token.start < e for s, e in covered):
            continue
        if i > 0 and normalize(tokens[i - 1].text) in _blockers():
            continue
        added.append(Entity(article.text[start : token.end], start, token.end, "PER", known.name, known.actor,
                            known.key, "coreference"))
    article.entities = sorted(article.entities + added, key=lambda e: (e.start, e.end))
    return article
