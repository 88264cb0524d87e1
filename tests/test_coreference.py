"""Later mentions of a person by surname alone take the person's code."""

from __future__ import annotations

from datetime import date

from hadath.actors.coreference import link_surnames
from hadath.model import Article, Entity


def article(text: str, people: dict[str, tuple[str, str]], ner: tuple[str, ...] = ()) -> Article:
    art = Article(text=text, published=date(2023, 5, 1))
    for surface, (actor, key) in people.items():
        start = text.index(surface)
        art.entities.append(Entity(surface, start, start + len(surface), "PER", "someone", actor, key))
    for surface in ner:
        start = text.index(surface)
        art.entities.append(Entity(surface, start, start + len(surface), "PER", origin="ner"))
    return link_surnames(art)


def test_surname_alone_is_the_person_named_before() -> None:
    art = article("التقى عبد المجيد تبون نظيره. وقال تبون إن اللقاء مثمر، وأضاف وتبون ...",
                  {"عبد المجيد تبون": ("DZAGOV", "DZA")})
    later = [(e.text, e.actor, e.key, e.origin) for e in art.entities if e.origin == "coreference"]
    assert later == [("تبون", "DZAGOV", "DZA", "coreference"), ("تبون", "DZAGOV", "DZA", "coreference")]


def test_a_surname_that_is_an_adjective_after_its_noun_is_not_the_person() -> None:
    art = article("وصل إبراهيم رئيسي إلى أنقرة، وتؤدي تركيا دور رئيسي في الملف.", {"إبراهيم رئيسي": ("IRNGOV", "IRN")})
    assert [e for e in art.entities if e.origin == "coreference"] == []


def test_a_name_found_by_the_model_takes_the_code_of_the_known_person() -> None:
    art = article("صرح عباس عراقجي بأن المحادثات مستمرة، ثم غادر الوزير عراقجي جنيف.",
                  {"عباس عراقجي": ("IRNGOV", "IRN")}, ner=("الوزير عراقجي",))
    model = next(e for e in art.entities if e.origin == "ner")
    assert (model.actor, model.key) == ("IRNGOV", "IRN")
