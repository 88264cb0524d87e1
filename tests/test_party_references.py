"""Parties told by reference, in sentences of our own: an adverbial participle shares its clause's
subject; "الجانبان"/"البلدين" are the two states just named or the two sides of the last act; joined
subjects each act on each listed target."""

from __future__ import annotations

from tests.sentence_events import coded_events, keys


def _pairs(text: str, root: str) -> set[tuple[str | None, str | None]]:
    return {keys(e) for e in coded_events(text) if e.root == root}


def test_an_adverbial_participle_takes_the_subject_of_its_clause() -> None:
    text = "رحب الاتحاد الأوروبي بالهدنة، مطالبًا إسرائيل بالسماح بدخول المساعدات."
    assert _pairs(text, "10") == {("EU", "ISR")}
    text = "وأشاد الرئيس الأمريكي بجهود قطر، داعيًا طهران إلى الإفراج عن المعتقلين."
    assert _pairs(text, "02") == {("USA", "IRN")}


def test_the_two_sides_are_the_two_states_the_sentence_just_named() -> None:
    assert _pairs("زار الرئيس المصري فرنسا، وبحث الجانبان التعاون.", "04") == {("EGY", "FRA")}


def test_the_two_countries_behind_joined_names_are_the_pair_of_the_last_act() -> None:
    text = "اندلعت اشتباكات بين الهند وباكستان. وناشدت السعودية وإيران البلدين الجارين ضبط النفس."
    assert _pairs(text, "02") == {("SAU", "IND"), ("SAU", "PAK"), ("IRN", "IND"), ("IRN", "PAK")}


def test_the_pair_of_a_strike_is_who_the_two_sides_are_next() -> None:
    text = "قصفت القوات الأذربيجانية مواقع أرمينية. ودعت روسيا البلدين إلى وقف القتال."
    assert _pairs(text, "02") == {("RUS", "AZE"), ("RUS", "ARM")}


def test_a_claim_names_the_doer_of_the_attack_it_claims() -> None:
    text = "أعلن تنظيم داعش مسؤوليته عن التفجير الذي استهدف كنيسة في القاهرة."
    violent = [e for e in coded_events(text) if e.root in ("18", "19")]
    assert violent and all(keys(e) == ("ISIS", "EGY") for e in violent)


def test_a_condemnation_of_an_act_told_before_is_aimed_at_its_doer() -> None:
    text = "تبنى تنظيم داعش الهجوم على حافلة في الأردن. ودانت مصر والمغرب الهجوم."
    assert _pairs(text, "11") == {("EGY", "ISIS"), ("MAR", "ISIS")}


def test_a_condemnation_of_an_act_by_no_one_named_is_told_without_a_target() -> None:
    text = "انفجرت سيارة مفخخة في سوق ببغداد. ودانت مصر والأردن التفجير."
    assert _pairs(text, "11") == {("EGY", None), ("JOR", None)}
    # and the speakers are not where the bombing happened
    assert all(keys(e)[1] != "EGY" for e in coded_events(text) if e.root == "18")


def test_an_appeal_to_ones_own_people_is_to_ones_own_state() -> None:
    assert _pairs("دعا الزعيم العراقي مقتدى الصدر أنصاره إلى الانسحاب من الشوارع.", "02") == {("IRQ", "IRQ")}
    assert _pairs("حث الرئيس التونسي مواطنيه على المشاركة في الانتخابات.", "02") == {("TUN", "TUN")}


def test_a_common_word_after_a_title_is_not_a_name() -> None:
    # "مواطنيه" and "بجهود" are no one's names: the title stays the party
    events = coded_events("وأشاد الرئيس الأمريكي بجهود قطر في الوساطة.")
    assert {e.source.text for e in events if e.root == "05"} == {"الرئيس الأمريكي"}


def test_a_group_with_a_three_letter_code_is_not_a_state() -> None:
    # PKK, HTS have three-letter codes: a group's attack is an assault (18), a state's force is 19
    assert [e.cameo for e in coded_events("شن حزب العمال الكردستاني هجوما على قاعدة تركية.") if e.root in ("18", "19")] \
        == ["180"]
    assert [e.cameo for e in coded_events("شن الجيش التركي هجوما على مواقع حزب العمال الكردستاني.")
            if e.root in ("18", "19")] == ["190"]
    # nor where a deed of two groups happened: no group is the other's victim for want of a place
    pairs = _pairs("وأشار التقرير إلى أن تنظيمي داعش وجبهة النصرة عذّبا أسرى لديهما.", "18")
    assert pairs == {("ISIS", None), ("HTS", None)}


def test_the_body_whose_members_were_hit_is_the_target() -> None:
    text = "وأطلق الجيش التركي النار على مقاتلين من حزب العمال الكردستاني قرب الحدود."
    assert _pairs(text, "19") == {("TUR", "PKK")}
    text = "وقتلت القوات العراقية ثلاثة عناصر من تنظيم داعش في الأنبار."
    assert ("IRQ", "ISIS") in _pairs(text, "19") | _pairs(text, "18")


def test_a_show_of_force_is_aimed_at_the_other_side_of_the_story() -> None:
    text = "أطلقت كوريا الشمالية صاروخا باليستيا فوق اليابان. ورفعت طوكيو حالة التأهب العسكري."
    assert _pairs(text, "15") == {("JPN", "PRK")}
    # with no other side told, the alert is kept with its source alone
    assert _pairs("رفعت وزارة الداخلية المصرية حالة التأهب الأمني.", "15") == {("EGY", None)}


def test_satisfaction_with_anothers_act_answers_it() -> None:
    text = "استأنفت تركيا علاقاتها الدبلوماسية مع أرمينيا. وأعربت موسكو عن ارتياحها."
    assert _pairs(text, "01") == {("RUS", "TUR")}


def test_joined_subjects_of_a_mutual_act_with_a_named_partner_each_act_with_it() -> None:
    text = "وقعت مصر وإسرائيل مذكرة تفاهم مع الاتحاد الأوروبي لتصدير الغاز."
    assert _pairs(text, "05") == {("EGY", "EU"), ("ISR", "EU")}
    assert _pairs("اتفقت مصر والسودان على تنسيق مواقفهما.", "05") == {("EGY", "SDN")}


def test_a_news_outlet_is_neither_a_place_nor_a_victim() -> None:
    events = coded_events("وذكرت وكالة فرانس برس أن الشرطة أوقفت عشرات المحتجين في العاصمة الجزائرية.")
    assert {(e.root, keys(e)) for e in events} == {("17", ("DZA", "DZA")), ("14", ("DZA", "DZA"))}


def test_a_subject_after_kana_may_be_a_noun_with_its_nisba() -> None:
    text = "وكانت مقاتلتان تركيتان قد أسقطتا طائرة حربية روسية قرب الحدود السورية."
    assert _pairs(text, "19") == {("TUR", "RUS")}


def test_an_adverbial_participle_with_no_verb_before_takes_the_named_speaker() -> None:
    text = "وقال وزير الخارجية المصري سامح شكري في كلمته، محملا تركيا المسؤولية الكاملة عن التصعيد."
    assert _pairs(text, "11") == {("EGY", "TUR")}


def test_the_genitive_of_a_noun_of_arrest_is_who_was_held() -> None:
    text = "وقال المتحدث إن اعتقال المسؤولين المدنيين يقوض الانتقال في السودان."
    assert _pairs(text, "17") == {("SDN", "SDN")}


def test_the_host_of_a_mission_named_after_fi_is_the_other_party() -> None:
    assert _pairs("أغلقت البحرين سفارتها في بغداد.", "16") == {("BHR", "IRQ")}
    assert _pairs("استدعى المغرب سفيره في برلين للتشاور.", "16") == {("MAR", "DEU")}


def test_protesters_storming_is_a_violent_protest_and_forces_against_protesters_repression() -> None:
    events = coded_events("واقتحم متظاهرون غاضبون مقر حزب النهضة في قفصة.")
    assert [(e.cameo, keys(e)) for e in events] == [("145", ("TUN", "TUN"))]
    events = coded_events("واشتبكت قوات الأمن اللبنانية قرب البرلمان مع مجموعة من المحتجين.")
    assert ("175", ("LBN", "LBN")) in [(e.cameo, keys(e)) for e in events]
    assert not [e for e in events if e.root == "19"]
    # against another state's forces it stays war
    assert [e.root for e in coded_events("اشتبكت القوات الهندية مع القوات الباكستانية على الحدود.")] == ["19"]


def test_a_toll_of_an_act_told_before_is_that_act() -> None:
    events = coded_events("شنت الطائرات الإسرائيلية غارة على مبنى في غزة. وقُتل 12 شخصا في الغارة.")
    assert [(e.root, keys(e)) for e in events] == [("19", ("ISR", "PSE"))]
    events = coded_events("انفجرت سيارة مفخخة في سوق ببغداد. وقتل 12 شخصا في الانفجار.")
    assert [e.root for e in events] == ["18"]


def test_a_label_for_an_act_named_inside_the_phrase_is_a_condemnation_of_it() -> None:
    events = coded_events("ووصف رئيس الوزراء التونسي الاغتيال بأنه عمل إرهابي إجرامي.")
    assert [(e.cameo, keys(e)) for e in events] == [("111", ("TUN", None))]


def test_an_accusative_participle_without_a_comma_takes_the_main_subject() -> None:
    text = "وطالب وزير الخارجية المصري المجتمع الدولي بوقف العدوان على سوريا محملا تركيا المسؤولية الكاملة."
    assert _pairs(text, "11") == {("EGY", "TUR")}


def test_a_disaster_toll_is_no_act_and_a_counted_toll_is_its_acts() -> None:
    assert coded_events("وقال مسؤولون إيرانيون إن أكثر من ألف حاج لقوا حتفهم في الكارثة.") == []
    events = coded_events("شن الجيش غارة على القرية. وقال الدفاع المدني إن 12 شخصا قتلوا في الغارة.")
    assert [e.root for e in events] == ["19"]


def test_the_dateline_is_where_a_story_was_filed_not_what_it_is_about() -> None:
    text = ("القاهرة - بوابة الأخبار\nتظاهر جزائريون بكثافة في العاصمة الجزائرية يوم الجمعة.\n"
            "وأوقفت الشرطة عشرات المحتجين.")
    assert {(e.root, keys(e)) for e in coded_events(text)} >= {("14", ("DZA", "DZA")), ("17", ("DZA", "DZA"))}
    assert not [e for e in coded_events(text) if "EGY" in keys(e)]


def test_the_genitive_of_a_noun_of_deciding_does_the_act() -> None:
    assert _pairs("وتزامن ذلك مع إعلان الجزائر قطع العلاقات مع المغرب.", "16") == {("DZA", "MAR")}
    assert _pairs("ويأتي قرار واشنطن فرض عقوبات على إيران بعد أسابيع من التوتر.", "16") == {("USA", "IRN")}


def test_an_unnamed_subject_listed_after_among_them_is_each_of_them() -> None:
    text = "وأوقفت السلطات التونسية المعارض، فيما انتقدت أطراف عدة توقيفه من بينها الاتحاد الأوروبي والولايات المتحدة."
    assert _pairs(text, "11") == {("EU", "TUN"), ("USA", "TUN")}


def test_a_body_named_after_a_title_stands_for_the_title_holder() -> None:
    # "الأمين العام للأمم المتحدة": the "ل" of the genitive is no preposition of the act
    assert _pairs("انتقد الأمين العام للجامعة العربية العراق بشدة.", "11") == {("ARL", "IRQ")}
    assert _pairs("حث الممثل الأعلى للاتحاد الأوروبي صربيا على الحوار.", "02") == {("EU", "SRB")}
    # the title behind a preposition keeps it: the body is the one spoken to, not the speaker
    assert ("UN", "IRN") not in _pairs("وجهت إيران انتقادات حادة إلى الأمين العام للأمم المتحدة.", "11")


def test_members_of_a_body_named_behind_from_or_in_are_that_body() -> None:
    assert _pairs("اعتقلت قوات الأمن العراقية ستة عناصر من داعش في كركوك.", "17") == {("IRQ", "ISIS")}
    assert _pairs("أوقفت الشرطة الألمانية أربعة أعضاء في حزب العمال الكردستاني.", "17") == {("DEU", "PKK")}


def test_joined_givers_each_pledge_to_the_one_named_behind_the_preposition() -> None:
    # a pledge of aid goes one way; the joined subjects do not pledge to each other
    assert _pairs("تعهدت قطر والكويت بتقديم منح مالية لليمن.", "03") == {("QAT", "YEM"), ("KWT", "YEM")}
    # an intent to cooperate is mutual between joined subjects with no third party
    assert _pairs("أكدت مصر والأردن عزمهما تطوير التعاون.", "03") == {("EGY", "JOR")}


def test_the_ministry_alone_is_the_ministry_named_before() -> None:
    text = "أعلنت وزارة الدفاع التركية بدء مناورات. وستنشر الوزارة آلاف الجنود حول الميادين العامة."
    assert _pairs(text, "15") >= {("TUR", None)} and all(s == "TUR" for s, _ in _pairs(text, "15"))


def test_a_dropped_subject_after_a_verb_phrase_is_that_phrase_s_subject() -> None:
    # the first verb is read as a phrase ("أمهل * سفير"); the second verb, subject dropped after "، و",
    # is still the first one's subject's, not its object's
    text = "أمهلت الكويت السفير الإيراني يومين لمغادرة البلاد، واستدعت سفيرها في طهران للتشاور."
    assert ("IRN", "KWT") not in _pairs(text, "16")


def test_a_nisba_after_a_charge_is_its_author_and_the_one_answering_is_its_target() -> None:
    # the accusation was made (occurred) by the nisba's state against the subject who denies it
    events = [e for e in coded_events("نفت طهران اتهامات بريطانية بتمويل الهجوم.") if e.root == "11"]
    assert [(keys(e), e.status) for e in events] == [(("GBR", "IRN"), "occurred")]
    # sanctions rejected by the one they hit
    assert _pairs("رفضت كوبا العقوبات الأمريكية الجديدة.", "16") == {("USA", "CUB")}
    # a strike condemned is not aimed at the one condemning it
    assert ("ISR", "JOR") not in _pairs("أدانت الأردن الغارات الإسرائيلية على لبنان.", "19")


def test_the_two_sides_are_not_the_mediator_of_their_agreement() -> None:
    text = "وقعت أرمينيا وأذربيجان اتفاقا بوساطة أمريكية. وأشاد البلدان بجهود واشنطن."
    assert _pairs(text, "05") >= {("ARM", "USA"), ("AZE", "USA")}


def test_a_dual_verb_with_its_subject_dropped_is_both_subjects_before_it() -> None:
    # the name after a dual verb is its object, not its subject
    text = "أدانت السعودية والإمارات الهجوم على السفينة، وطالبتا إيران بوقف التصعيد."
    assert _pairs(text, "10") == {("SAU", "IRN"), ("ARE", "IRN")}
    # a mutual act in the dual: the two meet each other
    text = "وقعت مصر والأردن اتفاقية للربط الكهربائي، واتفقتا على عقد اجتماع قريب."
    assert _pairs(text, "05") >= {("EGY", "JOR")} and ("JOR", "JOR") not in _pairs(text, "05")
    # a singular verb after the same start keeps the name after it as its subject
    text = "أدانت السعودية والإمارات الهجوم، وطالبت إيران بتحقيق دولي."
    assert ("SAU", "IRN") not in _pairs(text, "10")


def test_its_forces_after_that_are_the_speaker_s_not_the_object_s() -> None:
    # a phrase opened by a verb ("ردت على مسيرات") after "أن قواتها": the side of the one speaking
    text = "اتهمت أرمينيا أذربيجان بخرق الهدنة، مؤكدة أن قواتها ردت على مسيرات أذربيجانية."
    assert ("ARM", "AZE") in _pairs(text, "19") and ("AZE", "ARM") not in _pairs(text, "19")


def test_the_two_leaders_are_the_two_sides_just_named() -> None:
    text = "استقبل الرئيس الصيني نظيره البرازيلي في بكين. وأكد الرئيسان عزمهما تعزيز التعاون."
    assert _pairs(text, "03") == {("CHN", "BRA")}


def test_a_numbered_collective_is_the_states_listed_together_before() -> None:
    text = "اعترفت إسبانيا وأيرلندا والنرويج بدولة فلسطين. واستدعت إسرائيل سفراءها لدى الدول الثلاث للتشاور."
    assert _pairs(text, "16") == {("ISR", "ESP"), ("ISR", "IRL"), ("ISR", "NOR")}
    # the same states as subjects in the same sentence
    text = "قطعت السعودية والإمارات والبحرين ومصر علاقاتها مع قطر، ولوحت الدول الأربع بعقوبات على الدوحة."
    assert _pairs(text, "13") == {("SAU", "QAT"), ("ARE", "QAT"), ("BHR", "QAT"), ("EGY", "QAT")}


def test_a_first_person_verb_in_a_quote_is_the_speaker_s() -> None:
    text = 'وقال وزير الخارجية الإيراني: "ندعو السعودية إلى الحوار".'
    assert _pairs(text, "02") == {("IRN", "SAU")}
    text = 'وأبدى الرئيس الأوكراني استعداده للقاء نظيره، قائلا: "أدعو بوتين إلى التفاوض".'
    assert _pairs(text, "02") == {("UKR", "RUS")}
    # a verb of the third person after the colon has its own subject, not the speaker
    assert _pairs('وقال نتنياهو: "أطلق حزب الله صواريخ على إسرائيل".', "19") == {("HEZBOLLAH", "ISR")}


def test_a_verb_form_after_a_preposition_is_a_noun_and_lends_no_subject() -> None:
    # "في قتل" is the killing, not a verb: the dropped subject of the next "ودعت" is the League's
    text = ("قررت الجامعة العربية تعليق عضوية سوريا. ودعت الجامعة الجيش السوري لعدم التورط في قتل المدنيين، "
            "ودعت الدول العربية إلى سحب سفرائها من دمشق.")
    assert ("SYR", "ARL") not in _pairs(text, "02")


def test_the_counterparts_named_by_their_capitals_are_the_other_parties() -> None:
    text = "وأجرى وزير الخارجية التركي اتصالين هاتفيين بنظيريه في موسكو وكييف."
    assert _pairs(text, "04") == {("TUR", "RUS"), ("TUR", "UKR")}
    # an act told by a phrase opened by its own verb after an appeal is told, not called for
    text = "ناشدت مصر الطرفين وقف القتال، وأجرى وزير خارجيتها اتصالا هاتفيا بنظيره في الخرطوم."
    assert {e.status for e in coded_events(text) if e.root == "04"} == {"occurred"}


def test_a_withdrawal_from_a_region_of_a_state_is_from_that_state() -> None:
    # "من جنوب لبنان": the direction word stands between the preposition and the state
    assert _pairs("انسحب الجيش الروسي من شمال أوكرانيا.", "08") == {("RUS", "UKR")}


def test_people_counted_by_their_state_s_adjective_are_that_state_s_people() -> None:
    # "18 سعوديًا" are Saudis, what the arrest is done to, not the state that arrests them
    assert _pairs("أعلنت الكويت توقيف 12 كويتيًا بتهمة التخابر.", "17") == {("KWT", "KWT")}
    assert _pairs("اعتقلت الشرطة التركية عددا من الإيرانيين في إسطنبول.", "17") == {("TUR", "IRN")}
    # a state's adjective on a noun is still the noun's agent
    assert _pairs("فرضت العقوبات الأمريكية قيودا على إيران.", "16") <= {("USA", "IRN")}


def test_protesters_in_a_sentence_naming_one_state_and_no_place_are_that_state_s() -> None:
    assert _pairs("اعتقلت السلطات الإيرانية عشرات المحتجين.", "17") == {("IRN", "IRN")}
    assert _pairs("فرقت قوات الأمن الأردنية المتظاهرين بالغاز المسيل للدموع.", "17") == {("JOR", "JOR")}


def test_a_verb_of_deciding_or_announcing_lends_its_subject_to_the_verbal_noun_it_governs() -> None:
    # the subject of "وأعلنت" is dropped and far back: it is the one of the verb before, and the arrest
    # is its act; the denial before the comma does not reach what the coordinated verb tells
    text = ("اعترفت الحكومة الإيرانية، مساء أمس الأحد، بإسقاط الطائرة الأوكرانية قرب مطار طهران، بعدما نفت "
            "لأيام أي مسؤولية لها عن الحادث، وأعلنت توقيف خمسة إيرانيين.")
    arrests = [e for e in coded_events(text) if e.root == "17"]
    assert [(keys(e), e.status) for e in arrests] == [(("IRN", "IRN"), "occurred")]


def test_a_verbal_noun_with_a_possessive_pronoun_and_its_aim_is_the_act_of_the_one_named_before() -> None:
    assert _pairs("وصلت القوات الروسية إلى المدينة بعد ساعات من هجومها على كييف.", "19") == {("RUS", "UKR")}
    text = "أفرجت حماس، مساء الجمعة، عن رهينتين تحتجزهما منذ هجومها على إسرائيل."
    assert _pairs(text, "18") == {("HAMAS", "ISR")}


def test_a_name_that_opens_on_the_letter_waw_is_not_joined_by_and() -> None:
    # "واشنطن" is not "و" + "اشنطن": it is the object, not a second subject beside Tehran
    assert _pairs("اتهمت طهران واشنطن بدعم الإرهاب.", "11") == {("IRN", "USA")}
    assert _pairs("اتهمت إيران وتركيا واشنطن بدعم الإرهاب.", "11") == {("IRN", "USA"), ("TUR", "USA")}


def test_a_title_and_the_state_it_is_of_are_one_office_holder() -> None:
    assert _pairs("زار رئيس وزراء العراق السعودية.", "04") == {("IRQ", "SAU")}
    assert _pairs("استقبل ملك الأردن وزير الخارجية الأمريكي.", "04") == {("JOR", "USA")}


def test_the_latter_is_the_last_actor_named_before_it() -> None:
    text = "استقبل الرئيس المصري عبد الفتاح السيسي الرئيس التركي رجب طيب أردوغان، ودعا الأخير إلى زيارة القاهرة."
    assert _pairs(text, "02") == {("TUR", "EGY")}
    text = "زار رئيس الوزراء العراقي السعودية، على أن يزور الأخيرة مرة أخرى الشهر المقبل."
    assert {(keys(e), e.status) for e in coded_events(text) if e.root == "04"} == {
        (("IRQ", "SAU"), "occurred"), (("IRQ", "SAU"), "planned")}
    # an adjective after a definite noun is no reference: "the last meeting"
    assert not any(e.target and e.target.key for e in coded_events("انتهى الاجتماع الأخير دون اتفاق."))


def test_people_counted_after_a_verb_with_no_object_are_its_subject() -> None:
    # "تظاهر" takes no object: the thousands counted after it march, they are not marched upon
    assert _pairs("تظاهر آلاف الأردنيين أمام السفارة الإسرائيلية في عمان.", "14") == {("JOR", "ISR")}


def test_a_condemned_act_in_construct_with_a_definite_noun_is_an_act_told_before() -> None:
    # "اقتحام المسجد الأقصى" is definite by its genitive: the condemnation of an act whose doer is not
    # named here is told all the same
    assert _pairs("وأدانت الكويت اقتحام المسجد الأقصى.", "11") == {("KWT", None)}


def test_an_attack_of_an_actor_is_that_actor_s() -> None:
    # "ل" after a violent noun that takes no object, telling a circumstance or an act known, marks
    # whose act it is; after a noun a verb directs at someone, whom it is aimed at
    text = "أدانت مصر الهجوم الإرهابي لتنظيم داعش على كنيسة في العريش."
    assert ("ISIS", "EGY") in _pairs(text, "18")
    text = "أصيب ثلاثة جنود عراقيين في هجوم لتنظيم داعش على قرية شمال بغداد."
    assert {source for source, _ in _pairs(text, "18") | _pairs(text, "19")} == {"ISIS"}
    assert ("EGY", "LBY") in _pairs("وجهت مصر ضربات للمسلحين داخل ليبيا.", "19")


def test_two_soldiers_counted_by_the_dual_after_an_unvowelled_verb_were_killed() -> None:
    # "قتل جنديان" is passive: the two soldiers are the victims, not the killers
    pairs = _pairs("قتل جنديان عراقيان في هجوم شمال بغداد.", "19") | _pairs("قتل جنديان عراقيان في هجوم شمال بغداد.", "18")
    assert pairs and all(target == "IRQ" and source != "IRQ" for source, target in pairs)


def test_an_act_with_a_partner_told_after_a_linker_is_the_clause_subject_s() -> None:
    # "بعد محادثات مع نظيره": the one who left held the talks; the city he left did not
    assert _pairs("غادر وزير الخارجية الروسي أنقرة بعد محادثات مع نظيره التركي.", "04") == {("RUS", "TUR")}
    assert _pairs("عاد الرئيس الإيراني إلى طهران عقب لقاء مع الرئيس الروسي في موسكو.", "04") == {("IRN", "RUS")}


def test_a_threat_of_force_with_no_one_named_is_aimed_where_the_force_would_strike() -> None:
    # what follows the untitled "الرئيس التركي" is what he threatens, not his name
    text = "لوح الرئيس التركي بشن عملية عسكرية جديدة في شمال سوريا."
    assert _pairs(text, "13") == {("TUR", "SYR")}
    assert {(keys(e), e.status) for e in coded_events(text) if e.root == "19"} == {(("TUR", "SYR"), "hypothetical")}


def test_a_threat_of_one_s_own_act_is_told_with_no_one_named_and_the_act_is_the_threatener_s() -> None:
    text = "هددت كوريا الشمالية بإجراء تجربة نووية جديدة."
    assert _pairs(text, "13") == {("PRK", None)}
    assert {(keys(e), e.status) for e in coded_events(text) if e.root == "20"} == {(("PRK", None), "hypothetical")}


def test_people_named_by_their_protest_are_actors_also_when_indefinite() -> None:
    assert _pairs("اقتحم محتجون مقر السفارة السويدية في بغداد.", "14") == {("IRQ", "SWE")}
    assert _pairs("خطف مسلحون مجهولون ثلاثة عمال أتراك في ليبيا.", "18") == {("LBY", "TUR")}
    # citizens are not named by an act: "فقدتا مواطنين" adds no party
    text = "وطالبت أستراليا وبريطانيا، اللتان فقدتا مواطنين في الغارة، بتحقيق مستقل."
    assert not any(e.target and e.target.key in ("AUS", "GBR") and e.source and e.source.key != e.target.key
                   and e.root == "10" for e in coded_events(text))


def test_the_one_who_suffered_an_act_whose_doer_follows_it_is_named_before() -> None:
    assert ("IRN", "GBR") in _pairs("أغلقت بريطانيا سفارتها في طهران التي تعرضت لهجوم متظاهرين.", "18")


def test_two_verbs_of_one_sentence_are_two_acts_however_alike() -> None:
    demands = [e for e in coded_events("طالبت الأمم المتحدة إسرائيل بوقف الغارات، وطالبتها بفتح المعابر.")
               if e.root == "10"]
    assert [keys(e) for e in demands] == [("UN", "ISR"), ("UN", "ISR")]


def test_the_party_named_inside_a_phrase_is_what_the_act_is_done_to() -> None:
    assert _pairs("استدعت وزارة الخارجية المصرية القائم بالأعمال الإيراني.", "11") == {("EGY", "IRN")}
    assert _pairs("طلبت الحكومة المغربية من السفير الجزائري مغادرة البلاد.", "16") == {("MAR", "DZA")}
    # the phrase's last word may open the name it is about
    assert _pairs("حظرت النمسا أنشطة حزب الله على أراضيها.", "17") == {("AUT", "HEZBOLLAH")}
