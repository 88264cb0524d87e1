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


def test_an_organisation_head_alone_is_the_organisation_named_before() -> None:
    art = Article(text="أعلنت منظمة التعاون الإسلامي عقد قمة طارئة. وقالت المنظمة إن القمة ستعقد في جدة.",
                  published=date(2023, 5, 1))
    start = art.text.index("منظمة التعاون الإسلامي")
    art.entities.append(Entity("منظمة التعاون الإسلامي", start, start + 22, "ORG", "OIC", "OIC", "OIC"))
    link_surnames(art)
    later = [(e.text, e.key) for e in art.entities if e.origin == "coreference"]
    assert later == [("المنظمة", "OIC")]


def test_two_organisations_with_one_head_leave_the_head_alone() -> None:
    art = Article(text="اجتمع مجلس الأمن ومجلس الشورى. وقال المجلس إن …", published=date(2023, 5, 1))
    for name, key in (("مجلس الأمن", "UN"), ("مجلس الشورى", "IRN")):
        start = art.text.index(name)
        art.entities.append(Entity(name, start, start + len(name), "ORG", None, key, key))
    link_surnames(art)
    assert [e for e in art.entities if e.origin == "coreference"] == []


def test_a_nisba_joined_to_a_person_is_the_official_of_that_surname_in_office() -> None:
    text = "أردوغان والسوداني يبحثان ملف المياه، فيما أعلن الوفد السوداني موقفه."
    art = Article(text=text, published=date(2024, 4, 22))
    art.entities.append(Entity("أردوغان", 0, 7, "PER", "Erdogan", "TURGOV", "TUR"))
    for surface in ("السوداني",):
        for start in (text.index(surface), text.rindex(surface)):
            art.hints.append(Entity(surface, start, start + len(surface), "MISC", actor="SDN", key="SDN",
                                    origin="adjective"))
    linked = [(e.text, e.start, e.key) for e in link_surnames(art).entities if e.origin == "coreference"]
    # the one joined to Erdogan is Iraq's prime minister; "الوفد السوداني" stays Sudanese
    assert linked == [("السوداني", text.index("السوداني"), "IRQ")]
    before_his_term = Article(text=text, published=date(2019, 4, 22), hints=list(art.hints))
    before_his_term.entities.append(Entity("أردوغان", 0, 7, "PER", "Erdogan", "TURGOV", "TUR"))
    assert [e for e in link_surnames(before_his_term).entities if e.origin == "coreference"] == []


def test_the_kingdom_alone_is_the_one_kingdom_the_article_names() -> None:
    text = "استقبل الملك عبدالله الثاني الوزير في عمان. وتأتي زيارته للمملكة بعد شهرين. والمملكة المتحدة رحبت."
    art = Article(text=text, published=date(2024, 4, 22))
    art.entities.append(Entity("الملك عبدالله الثاني", 6, 26, "PER", "Abdullah II", "JORGOV", "JOR"))
    linked = [(e.text, e.key) for e in link_surnames(art).entities if e.origin == "coreference"]
    assert linked == [("للمملكة", "JOR")]  # "المملكة المتحدة" is the United Kingdom's name
    two_kingdoms = Article(text=text + " وقال الملك محمد السادس.", published=date(2024, 4, 22))
    two_kingdoms.entities += [Entity("الملك عبدالله الثاني", 6, 26, "PER", "Abdullah II", "JORGOV", "JOR"),
                              Entity("الملك محمد السادس", len(text) + 6, len(text) + 23, "PER", "Mohammed VI",
                                     "MARGOV", "MAR")]
    assert [e for e in link_surnames(two_kingdoms).entities if e.origin == "coreference"] == []


def test_a_spokesperson_alone_speaks_for_the_body_named_after_bism() -> None:
    text = "وقال المتحدث العسكري باسم الحركة إن مقاتليها تصدوا للهجوم. وأكد المتحدث أن المعارك مستمرة."
    art = Article(text=text, published=date(2024, 4, 22))
    start = text.index("الحركة")
    art.entities.append(Entity("الحركة", start, start + 6, "ORG", "Hamas", "HAMAS", "HAMAS"))
    later = text.rindex("المتحدث")
    art.hints.append(Entity("المتحدث", later, later + 7, "ORG", actor="GOV", key=None, origin="role"))
    assert [(h.actor, h.key) for h in link_surnames(art).hints] == [("HAMAS", "HAMAS")]
