"""Status told by words around a noun trigger, in sentences of our own: "أي" makes an act any act of
its kind, none told; denying a charge does not unsay the charge."""

from __future__ import annotations

from tests.sentence_events import coded_events, keys


def _statuses(text: str, root: str) -> set[str]:
    return {e.status for e in coded_events(text) if e.root == root}


def test_any_act_of_a_kind_is_no_act_told() -> None:
    assert _statuses("وقال وزير الدفاع التركي إن أنقرة سترد على أي هجوم سوري.", "19") == {"hypothetical"}
    assert _statuses("حذرت واشنطن من أي عملية عسكرية روسية في أوكرانيا.", "19") == {"hypothetical"}
    # without "أي" the attack is told
    assert "occurred" in _statuses("ردت أنقرة على هجوم سوري استهدف بلدة حدودية.", "18") | _statuses(
        "ردت أنقرة على هجوم سوري استهدف بلدة حدودية.", "19")


def test_denying_a_charge_keeps_the_charge_made() -> None:
    events = [e for e in coded_events("نفت موسكو اتهامات أوكرانية بقصف المستشفى.") if e.root == "11"]
    assert [(keys(e), e.status) for e in events] == [(("UKR", "RUS"), "occurred")]


def test_an_intent_told_by_a_verb_is_kept_without_a_receiver() -> None:
    # the pledge is told though no receiver is named; "وعدة" (and several) is no promise
    assert any(e.cameo.startswith("033") and e.source and e.source.key == "QAT"
               for e in coded_events("تعهدت قطر بتقديم 50 مليون دولار."))
    assert not [e for e in coded_events("اعتقلت الشرطة ناشطا وعدة صحفيين.") if e.root == "03"]


def test_a_denial_does_not_reach_past_a_comma_and_a_participle() -> None:
    text = "نفت الحكومة الإثيوبية أي هجوم على السودان، مؤكدة التزامها بالاتفاق الذي توسطت فيه كينيا."
    mediation = [e for e in coded_events(text) if e.cameo == "045"]
    assert [(keys(e), e.status) for e in mediation] == [(("KEN", "ETH"), "occurred")]


def test_a_relative_clause_that_takes_its_antecedent_back_is_done_by_the_name_after_it() -> None:
    # "التي دعت إليها": the antecedent (the talks) is the object; the name after the verb does it
    events = [e for e in coded_events("قاطعت الحكومة السودانية المحادثات التي دعت إليها السعودية.")
              if e.root == "02"]
    assert [keys(e) for e in events] == [("SAU", "SDN")]
    # "الهجوم الذي شنته إسرائيل": the noun's agent named behind the relative light verb
    assert any(keys(e) == ("ISR", "PSE") for e in coded_events("أدانت قطر الهجوم الذي شنته إسرائيل على غزة.")
               if e.root == "19")


def test_a_past_verb_with_a_yearless_date_ahead_of_publication_tells_the_last_such_day() -> None:
    from datetime import date

    from hadath.model import Article
    from hadath.pipeline import run

    article = run(Article(text="وقعت الأردن والعراق اتفاقية للربط الكهربائي في 20 يونيو.", published=date(2024, 3, 13),
                          source="t"))
    assert [(e.status, e.date) for e in article.events if e.root == "05"] == [("occurred", "2023-06-20")]
    # a present verb with the same date is ahead, planned
    article = run(Article(text="يوقع الأردن والعراق اتفاقية للربط الكهربائي في 20 يونيو.", published=date(2024, 3, 13),
                          source="t"))
    assert [(e.status, e.date) for e in article.events if e.root == "05"] == [("planned", "2024-06-20")]
