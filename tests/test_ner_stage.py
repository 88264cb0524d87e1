"""The NER pipeline stage: merging model spans with the actor dictionary's entities."""

from __future__ import annotations

from datetime import date

from hadath.model import Article, Entity, Sentence
from hadath.ner.stage import merge_entities, tag_entities
from hadath.ner.tagger import TaggedSpan


def span(text: str, whole: str, kind: str) -> TaggedSpan:
    start = whole.index(text)
    return TaggedSpan(text, start, start + len(text), kind)


def entity(text: str, whole: str, kind: str, origin: str = "dictionary", actor: str | None = None,
           key: str | None = None, name: str | None = None) -> Entity:
    start = whole.index(text)
    return Entity(text, start, start + len(text), kind, name, actor, key, origin)


def test_new_names_are_added_with_origin_ner_and_no_actor():
    text = "وقال المحلل سامر خليل إن أنقرة ترحب"
    known = [entity("أنقرة", text, "LOC", actor="TUR", key="TUR", name="Turkey")]
    merged = merge_entities(text, known, [span("سامر خليل", text, "PER")])
    assert [(e.text, e.type, e.origin, e.actor, e.key) for e in merged] == [
        ("سامر خليل", "PER", "ner", None, None), ("أنقرة", "LOC", "dictionary", "TUR", "TUR")]


def test_a_span_inside_or_across_a_dictionary_entity_is_dropped():
    text = "قالت وزارة الخارجية التركية في أنقرة"
    known = [entity("وزارة الخارجية التركية", text, "ORG", actor="TURGOV", key="TUR")]
    inside = span("التركية", text, "LOC")
    across = span("التركية في أنقرة", text, "ORG")
    merged = merge_entities(text, known, [inside, across])
    assert [(e.text, e.actor) for e in merged] == [("وزارة الخارجية التركية", "TURGOV")]


def test_a_longer_name_of_the_same_type_widens_the_dictionary_entity_and_keeps_its_code():
    text = "استقبل أحمد عطاف الوفد"
    known = [entity("عطاف", text, "PER", actor="DZAGOV", key="DZA", name="Ahmed Attaf")]
    merged = merge_entities(text, known, [span("أحمد عطاف", text, "PER")])
    assert [(e.text, e.start, e.actor, e.key, e.name, e.origin) for e in merged] == [
        ("أحمد عطاف", 7, "DZAGOV", "DZA", "Ahmed Attaf", "dictionary")]


def test_a_dictionary_name_is_not_widened_over_a_verb_beside_it():
    # the model's span "دانت السعودية" holds the verb of the condemnation: the name stays the state's
    text = "دانت السعودية التفجير"
    known = [entity("السعودية", text, "LOC", actor="SAU", key="SAU", name="Saudi Arabia")]
    merged = merge_entities(text, known, [span("دانت السعودية", text, "LOC")])
    assert [(e.text, e.key) for e in merged] == [("السعودية", "SAU")]


def test_a_longer_span_of_another_type_does_not_replace_the_dictionary_entity():
    text = "نقلت وكالة أنباء فارس"
    known = [entity("فارس", text, "PER", actor=None, key=None)]
    merged = merge_entities(text, known, [span("وكالة أنباء فارس", text, "ORG")])
    assert [(e.text, e.type) for e in merged] == [("فارس", "PER")]


def test_a_name_guessed_after_a_role_takes_the_model_boundaries_and_keeps_the_role_code():
    text = "التقى الرئيس اللبناني إميل لحود بالسفير"
    known = [entity("إميل لحود بالسفير", text, "PER", origin="role", actor="LBNGOV", key="LBN")]
    merged = merge_entities(text, known, [span("إميل لحود", text, "PER")])
    assert [(e.text, e.actor, e.key, e.origin) for e in merged] == [("إميل لحود", "LBNGOV", "LBN", "role")]


def test_a_new_person_next_to_a_role_phrase_takes_its_actor_and_key():
    text = "وصل الرئيس الإيراني، إبراهيم رئيسي إلى أنقرة"
    role = entity("الرئيس الإيراني", text, "ORG", origin="role", actor="IRNGOV", key="IRN")
    merged = merge_entities(text, [role], [span("إبراهيم رئيسي", text, "PER")])
    person = [e for e in merged if e.type == "PER"]
    assert [(e.text, e.actor, e.key, e.origin) for e in person] == [("إبراهيم رئيسي", "IRNGOV", "IRN", "ner")]


def test_a_role_after_a_comma_names_the_person_before_it_but_not_without_the_comma():
    text = "وقال عباس عراقجي، وزير الخارجية الإيراني إن"
    role = entity("وزير الخارجية الإيراني", text, "ORG", origin="role", actor="IRNGOV", key="IRN")
    merged = merge_entities(text, [role], [span("عباس عراقجي", text, "PER")])
    assert [e.actor for e in merged if e.type == "PER"] == ["IRNGOV"]
    text = "التقى عباس عراقجي وزير الخارجية الإيراني"
    role = entity("وزير الخارجية الإيراني", text, "ORG", origin="role", actor="IRNGOV", key="IRN")
    merged = merge_entities(text, [role], [span("عباس عراقجي", text, "PER")])
    assert [e.actor for e in merged if e.type == "PER"] == [None]


def test_a_person_far_from_the_role_takes_nothing():
    text = "قال الرئيس الإيراني إن المحلل سامر خليل أخطأ"
    role = entity("الرئيس الإيراني", text, "ORG", origin="role", actor="IRNGOV", key="IRN")
    merged = merge_entities(text, [role], [span("سامر خليل", text, "PER")])
    assert [e.actor for e in merged if e.type == "PER"] == [None]


def test_stage_tags_sentences_of_an_article_with_the_committed_model():
    text = "قال الرئيس الفلسطيني محمود عباس إن المفاوضات متوقفة. وأكدت حركة حماس موقفها في غزة."
    article = Article(text=text, published=date(2024, 1, 21))
    article.sentences = [Sentence(0, text.index(".") + 1), Sentence(text.index(".") + 2, len(text))]
    tag_entities(article)
    found = {(e.text, e.type) for e in article.entities}
    assert ("محمود عباس", "PER") in found
    assert ("غزة", "LOC") in found
    assert all(e.origin == "ner" for e in article.entities)
    for e in article.entities:
        assert article.text[e.start : e.end] == e.text


def test_stage_without_sentences_reads_the_text_as_one_and_leaves_empty_text_alone():
    article = tag_entities(Article(text="وصل محمود عباس إلى القاهرة"))
    assert ("القاهرة", "LOC") in {(e.text, e.type) for e in article.entities}
    assert tag_entities(Article(text="   ")).entities == []
