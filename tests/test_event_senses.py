"""Homographs and constructions told apart by context, each in sentences of our own (full pipeline:
actors from the dictionary, dates resolved, events coded)."""

from __future__ import annotations

from sentence_events import coded_events, keys


def events(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.root, *keys(e), e.status) for e in coded_events(text)]


def test_dawn_in_a_date_is_no_bombing() -> None:
    # "فجر" inside a date expression ("فجر الأحد") is dawn; the strike after it is the act
    found = events("قصفت الطائرات الإسرائيلية فجر الأحد مواقع لحزب الله في جنوب لبنان.")
    assert [root for root, *_ in found] == ["19"]
    assert ("18", None, "LBN", "occurred") not in found


def test_blew_up_as_a_verb_is_still_a_bombing() -> None:
    assert [root for root, *_ in events("فجر انتحاري نفسه قرب مقر الشرطة في كابول.")] == ["18"]


def test_a_bomb_defused_or_seized_is_not_a_bombing() -> None:
    assert events("تمكن الجيش الأردني من تفكيك عبوة ناسفة على الحدود مع سوريا.") == []
    assert events("وضبطت الشرطة المصرية شحنة متفجرات في سيناء.") == []
    # the same noun used is one
    assert [root for root, *_ in events("انفجرت عبوة ناسفة بدورية للجيش العراقي في الأنبار.")] == ["18"]


def test_efforts_of_mediation_are_mediation_but_efforts_to_halt_fire_are_an_aim() -> None:
    mediation = events("أفرجت حماس عن رهينتين إسرائيليتين بفضل جهود الوساطة المصرية.")
    assert ("04", "EGY", "HAMAS", "occurred") in mediation or ("04", "EGY", "ISR", "occurred") in mediation
    aim = [e for e in events("تتواصل جهود وقف إطلاق النار بين روسيا وأوكرانيا.") if e[0] == "08"]
    assert all(status == "hypothetical" for *_, status in aim)


def test_acts_joined_to_a_topic_of_talks_are_topics() -> None:
    found = events("التقى وزير الخارجية التركي نظيره الروسي لبحث الأزمة السورية وتبادل الأسرى ووقف إطلاق النار.")
    assert [root for root, *_ in found] == ["04"]


def test_qad_before_a_past_verb_is_has_done() -> None:
    found = events("وكان الرئيس التركي قد تعهد بتقديم مساعدات للسودان.")
    assert [(root, status) for root, _, _, status in found] == [("03", "occurred")]
    may = events("قد تفرض واشنطن عقوبات جديدة على طهران.")
    assert [(root, status) for root, _, _, status in may] == [("16", "hypothetical")]


def test_a_title_of_another_state_after_a_person_is_another_person() -> None:
    assert events("واستقبل أردوغان وزير الخارجية الأمريكي في أنقرة.") == [("04", "TUR", "USA", "occurred")]


def test_an_exact_verb_form_is_read_with_a_verbs_parties() -> None:
    # "أوقفت" alone is listed as a verb form (arrested; "أوقف" is also "halted"): as a verb, an
    # arrest by a state body with no named victims is of the state's own people
    events = coded_events("أوقفت الشرطة الأردنية خمسة أشخاص في عمّان أمس.")
    assert [(e.cameo, keys(e)) for e in events] == [("173", ("JOR", "JOR"))]


def test_a_phrase_gap_counts_words_not_commas_and_stops_at_a_clause_end() -> None:
    # five words (and two commas) between "علقت" and "تمويلها": one phrase, joined subjects each
    events = coded_events("علقت الولايات المتحدة وألمانيا وكندا، أمس، تمويلها لوكالة الأونروا.")
    assert {keys(e) for e in events if e.cameo.startswith("162")} == {("USA", "UN"), ("DEU", "UN"), ("CAN", "UN")}
    # across a full stop there is no phrase
    assert not [e for e in coded_events("علقت كندا مشاركتها. وتمويلها للوكالة مستمر.") if e.cameo.startswith("162")]


def test_an_act_prevented_is_not_told_as_done() -> None:
    # the targeting named under "منع", the attack under "إحباط", did not happen; told alone it did
    assert not [e for e in coded_events("تعمل الأمم المتحدة على منع استهداف المدنيين في السودان.") if e.root == "19"]
    assert not [e for e in coded_events("وحاولت القوات السودانية إحباط هجوم المتمردين على الفاشر.")
                if e.root in ("18", "19")]
    assert [e for e in coded_events("وقال المسؤول إن استهداف المدنيين في السودان مستمر.") if e.root == "19"]


def test_the_genitive_of_an_aim_is_part_of_the_aim() -> None:
    # "لبحث تطورات الهجوم": what the meeting is to discuss, not an attack by the ministers' states
    events = coded_events("واجتمع وزير الخارجية المصري بنظيره السوداني لبحث تطورات الهجوم على الفاشر.")
    assert [(e.cameo, keys(e)) for e in events] == [("040", ("EGY", "SDN"))]


def test_a_gap_does_not_cross_an_aim_of_halting_and_a_specific_ending_refines_the_code() -> None:
    # "أطلقت … النار" would span "لوقف إطلاق": the fire named there is the ceasefire's
    assert not [e for e in coded_events("وأطلقت قطر مبادرة لوقف إطلاق النار في غزة.") if e.root == "19"]
    # "فتحت … تحقيقا" ends on "تحقيقا قضائيا": an inquiry into a crime (091), not any inquiry (090)
    events = coded_events("فتحت النيابة العامة في تونس، أمس، تحقيقا قضائيا في صفقة سلاح.")
    assert [e.cameo for e in events if e.root == "09"] == ["091"]


def test_a_gathering_is_a_verb_of_protest_but_an_assembly_of_states_is_not() -> None:
    assert [e.root for e in coded_events("تجمع مئات المحتجين أمام السفارة التركية في لاهاي.")] == ["14"]
    assert not [e for e in coded_events("قرر تجمع دول الساحل سحب سفرائه من الجزائر.") if e.root == "14"]


def test_struck_with_a_feeling_is_no_hit() -> None:
    assert coded_events("وقال مسؤول بالوزارة إن هذا الإجراء أصابنا بالدهشة الشديدة.") == []
    assert [e.root for e in coded_events("أصاب صاروخ مبنى في كييف.")] == ["19"]


def test_a_word_written_with_a_pronoun_never_matches_with_the_article() -> None:
    # "سفيرها" (its own ambassador, recalled: 161) is not "السفيرة" (the ambassador, summoned)
    assert not [e for e in coded_events("أعلنت وزارة الخارجية العراقية استدعاء السفيرة السويدية لدى بغداد.")
                if e.cameo == "161"]
    assert [(e.cameo, keys(e)) for e in coded_events("استدعت الأردن سفيرها في إسرائيل.")] == [("161", ("JOR", "ISR"))]


def test_by_agreement_of_both_is_how_not_a_signing() -> None:
    assert not [e for e in coded_events("وقد تأجلت زيارة الرئيس الجزائري إلى فرنسا باتفاق الطرفين.") if e.root == "05"]


def test_an_attack_on_the_pitch_is_no_attack() -> None:
    # a match: the words of the game put the sentence on the pitch
    assert not [e for e in coded_events("سحق المنتخب الألماني نظيره البرازيلي في مباراة نصف النهائي.")
                if e.root in ("18", "19", "20")]
    assert not [e for e in coded_events("صمد دفاع الأرجنتين أمام هجوم فرنسي في الشوط الأول.") if e.root in ("18", "19", "20")]
    # the same words of war without them are war; "the ball in their court" is no match
    assert [e for e in coded_events("شنت فرنسا هجوما على مواقع للمسلحين في مالي.") if e.root == "19"]
    assert [e for e in coded_events("قصفت إسرائيل مواقع في لبنان، وقالت إن الكرة في ملعب حزب الله.")
            if e.root == "19"]


def test_a_gap_counts_a_name_and_a_date_as_one_word_each() -> None:
    # the phrase "تفقد * وحدات" holds a title, a three-word name and a date in its gap
    text = "تفقد الرئيس التونسي قيس سعيد، أمس الأحد، وحدات من الجيش قرب الحدود الليبية."
    assert any(e.cameo == "150" and keys(e)[0] == "TUN" for e in coded_events(text))
    # six plain words are still too many for a gap
    assert not [e for e in coded_events("تفقد الوزير بعد ذلك كل ما تبقى من المعدات ثم وحدات الجيش.")
                if e.cameo == "150"]


def test_a_gap_does_not_cross_a_comma_before_an_adverbial_participle() -> None:
    # "رفض * مطالب" must not join the rejection to the demand of the next clause
    events = coded_events("رفضت الهند العرض الباكستاني، مطالبة إسلام آباد بإجراءات ملموسة.")
    assert not [e for e in events if e.trigger.text.startswith("رفضت") and "مطالبة" in e.trigger.text]
    assert any(e.root == "12" and keys(e) == ("IND", "PAK") for e in events)
    # the feminine participle of manner, written as the noun, is the clause subject's demand
    assert any(e.root == "10" and keys(e) == ("IND", "PAK") for e in events)
