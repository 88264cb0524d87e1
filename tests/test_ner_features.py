"""Features, corpus reading and scoring of the NER tagger, on literal Arabic strings."""

from __future__ import annotations

import pytest

from hadath.ner.build_gazetteer import clean_arabic_name
from hadath.ner.build_word_frequencies import _Reader
from hadath.ner.build_word_frequencies import main as build_word_frequencies
from hadath.ner.conll import ANERCORP_TYPES, WOJOOD_TYPES, load_corpus, map_tag, read_sentences, repair_bio
from hadath.ner.features import (
    best_reading,
    cluster_features,
    document_features,
    entity_key,
    first_pass_features,
    frequency_features,
    gazetteer_tags,
    name_kinds,
    sentence_features,
    stems,
    word_classes,
    word_features,
)
from hadath.ner.scoring import bio_spans, score, score_overlap
from hadath.ner.tagger import load_tagger


def test_word_features_carry_normalised_form_clitic_stems_and_affixes():
    feats = word_features("وبإيران")
    assert "w=وبإيران" in feats
    assert "n=وبايران" in feats
    assert "st=ايران" in feats and "pf=وب" in feats
    assert "p2=وب" in feats and "s3=ران" in feats


def test_pronoun_suffix_is_split_from_the_word_but_teh_marbuta_is_not():
    assert "pron=ها" in word_features("حكومتها")
    assert "nos=حكومت" in word_features("حكومتها")
    assert not any(f.startswith("pron=") for f in word_features("حكومة"))
    assert "حكومت" in stems("حكومتها")


def test_shape_features_for_digits_latin_and_punctuation():
    assert {"digit", "alldigit"} <= set(word_features("٢٠٢٤"))
    assert {"latin", "latincap"} <= set(word_features("Reuters"))
    assert "punct" in word_features("،")
    assert "latin" not in word_features("رويترز")


def test_cue_words_are_found_through_clitics():
    assert "cue=ORG" in word_features("ووزارة")
    assert "cue=PER" in word_features("الرئيس")
    assert "cue=LOC" in word_features("بمدينة")


def test_window_features_see_two_neighbours_each_side_and_the_cue_before_an_adjective():
    feats = sentence_features(["قال", "الرئيس", "اللبناني", "إميل", "لحود", "أمس"])
    name = set(feats[3])
    assert {"n[-2]=الرءيس", "n[-1]=اللبناني", "n[1]=لحود", "n[2]=امس"} <= name
    assert "leftcue=PER" in name  # "الرئيس" two words back, past the adjective
    assert "b[-1]=اللبناني|اميل" in name
    assert "BOS" in feats[0] and "EOS" in feats[-1]
    assert "n[-2]=<pad>" in feats[0]


def test_gazetteer_matches_multiword_names_and_a_clitic_on_the_first_word():
    assert gazetteer_tags(["زار", "وفد", "من", "الأمم", "المتحدة", "بغداد"]) == [
        None, None, None, "B-ORG", "I-ORG", "B-LOC"]
    assert gazetteer_tags(["وصل", "إلى", "وطهران"]) == [None, None, "B-LOC"]
    assert gazetteer_tags(["قال", "محمد"]) == [None, "B-PER"]


def test_gazetteer_has_wikidata_people_sports_clubs_and_companies():
    assert gazetteer_tags(["قال", "نيكولا", "ساركوزي"]) == [None, "B-PER", "I-PER"]
    assert gazetteer_tags(["فاز", "ريال", "مدريد", "أمس"]) == [None, "B-ORG", "I-ORG", None]
    assert gazetteer_tags(["باعت", "مايكروسوفت", "أسهمها"]) == [None, "B-ORG", None]


def test_name_words_say_which_name_lists_a_word_is_in_through_clitics():
    assert {"family", "translit", "part-PER-last"} <= set(name_kinds("ولاريجاني"))
    assert "given" in name_kinds("محمد")
    assert "translit" in name_kinds("ساركوزي")  # a foreign surname in Arabic spelling
    assert name_kinds("الحكومة") == () and name_kinds("أمس") == ()
    assert "nw=family" in word_features("لاريجاني")


def test_name_words_of_the_neighbours_are_features():
    feats = sentence_features(["التقى", "علي", "لاريجاني", "أمس"])
    assert "nw[1]=family" in feats[1] and "nw[-1]=given" in feats[2]
    assert not any(f.startswith("nw[1]=") for f in feats[2])  # "أمس" is in no list


def test_frequency_features_tell_rare_names_from_common_nouns():
    # A foreign surname: known to general text, but never with the article or a plural ending.
    assert frequency_features("ميركل")[2] == "al=only-bare"
    assert "pl=none" in frequency_features("ميركل")
    # A common noun: its definite form is the commoner one, and it has a plural.
    noun = frequency_features("مستشفى")
    assert noun[2] in ("al=<-50", "al=<0") and "pl=none" not in noun
    # A clitic is not read off a word that general text knows whole: "بنك" is not ب + "نك".
    assert frequency_features("بنك")[1] == frequency_features("والبنك")[1] != "zs=none"
    assert frequency_features("وميركل")[1] == frequency_features("ميركل")[1]
    assert frequency_features("ززقققز")[:3] == ("zf=none", "zs=none", "al=none")
    feats = sentence_features(["قالت", "ميركل", "أمس"])
    assert "al=only-bare" in feats[1] and sum(f.startswith("zs=") for f in feats[1]) == 1


def test_first_pass_features_share_a_words_contexts_across_the_document():
    doc = [["أشاد", "المدرب", "الإيطالي", "بيرلو", "بالفريق"], ["وأكد", "بيرلو", "أن", "الفوز", "مستحق"]]
    feats = first_pass_features(doc)
    # The second "بيرلو" learns that another mention stood after a nisba, and what stood around it.
    assert {"dLnisba", "dL=ايطالي", "dR=بالفريق"} <= set(feats[1][1])
    assert "dR=ان" in feats[0][3] and "dL=اكد" in feats[0][3]
    # A mention does not pass its context to itself, and unrelated words get nothing.
    assert "dR=ان" not in feats[1][1] and "dLnisba" not in feats[0][3]
    assert not any(f.startswith("d") and f[1:2] in "LR" for f in feats[1][3])
    # Everything a sentence alone gives is still there.
    assert all(set(sentence_features(words)[i]) <= set(feats[s][i])
               for s, words in enumerate(doc) for i in range(len(words)))


def test_kept_features_are_the_others_in_their_order_and_change_no_tag():
    doc = [["قال", "الرئيس", "اللبناني", "إميل", "لحود", "في", "بيروت"], ["وأكد", "لحود", "أن", "الحكومة", "باقية"]]
    tagger = load_tagger()
    keep = tagger._known
    assert keep is not None and {"BOS", "w=لحود", "b[+1]=لحود|في"} <= keep and "w=باقية" not in keep
    full, kept = first_pass_features(doc), first_pass_features(doc, keep)
    assert kept == [[[f for f in feats if f in keep] for feats in sentence] for sentence in full]
    assert sum(map(len, (f for s in kept for f in s))) < sum(map(len, (f for s in full for f in s)))
    # CRFsuite drops the features its model has no weight for: the tags and their probabilities stay.
    for model in (tagger._first, tagger._second):
        for whole, some in zip(full, kept, strict=True):
            assert model.tag(whole) == model.tag(some)
            marginals = [model.marginal(tag, t) for t, tag in enumerate(model.tag())]
            model.set(whole)
            assert [model.marginal(tag, t) for t, tag in enumerate(model.tag())] == marginals


def test_word_frequency_reader_decodes_wordfreqs_messagepack_layout():
    # [{"format": "cB"}, [], ["في", "من"]]: a map, an empty bucket, a bucket of two words.
    data = (b"\x93\x81\xa6format\xa2cB\x90\x92" + b"\xa4" + "في".encode() + b"\xa4" + "من".encode())
    assert _Reader(data).value() == [{"format": "cB"}, [], ["في", "من"]]
    with pytest.raises(ValueError, match="unexpected MessagePack byte"):
        _Reader(b"\xc1").value()


def test_word_frequency_build_keeps_arabic_words_normalised_with_their_best_rank(tmp_path):
    import gzip
    import zipfile

    def text(word: str) -> bytes:
        data = word.encode()
        return bytes([0xA0 | len(data)]) + data

    # Rank 1 holds "الأمم" and a Latin word; rank 2 "الامم" (the same word normalised) and "سلام".
    buckets = b"\x93\x81\xa6format\xa2cB" + b"\x92" + text("الأمم") + text("peace") + b"\x92" + text("الامم") + text("سلام")
    wheel = tmp_path / "wordfreq-3.1.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("wordfreq/data/large_ar.msgpack.gz", gzip.compress(buckets))
    out = tmp_path / "word_frequencies.tsv"
    build_word_frequencies(["--wheel", str(wheel), "--out", str(out)])
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert rows == [["الامم", "1"], ["سلام", "2"]]
    with pytest.raises(SystemExit, match="no such wheel"):
        build_word_frequencies(["--wheel", str(tmp_path / "missing.whl"), "--out", str(out)])


def test_build_keeps_arabic_names_without_bracketed_qualifiers():
    assert clean_arabic_name("الجزيرة (الإمارات العربية المتحدة)") == "الجزيرة"
    assert clean_arabic_name("Zidane") is None
    assert clean_arabic_name("پاکستان") is None  # Persian letters: not an Arabic spelling


def test_document_features_pool_the_other_mentions_of_a_name():
    sentences = [["وقال", "لحود", "إن"], ["ورد", "على", "لحود"], ["التقى", "ولحود"]]
    first = [["O", "B-PER", "O"], ["O", "O", "B-PER"], ["O", "O"]]
    feats = document_features(sentences, first)
    assert "doc=PER" in feats[2][1] and "doc=PER|most" in feats[2][1]
    assert "p1=O" in feats[2][1]
    assert "p1[-1]=B-PER" in feats[0][2]
    assert entity_key("ولحود") == entity_key("لحود") != entity_key("محمود")
    assert not any(f.startswith("doc=") for f in feats[0][0])


def test_tag_mapping_for_anercorp_and_wojood():
    assert map_tag("B-PERS", ANERCORP_TYPES) == "B-PER"
    assert map_tag("I-MISC", ANERCORP_TYPES) == "I-MISC"
    assert map_tag("B-GPE", WOJOOD_TYPES) == "B-LOC"
    assert map_tag("I-FAC", WOJOOD_TYPES) == "I-LOC"
    assert map_tag("B-EVENT", WOJOOD_TYPES) == "B-MISC"
    assert map_tag("B-NORP", WOJOOD_TYPES) == "O"
    assert map_tag("B-DATE", WOJOOD_TYPES) == "O"
    assert repair_bio(["O", "I-PER", "I-PER", "I-LOC"]) == ["O", "B-PER", "I-PER", "B-LOC"]


def test_reading_sentences_streams_and_keeps_extra_columns():
    lines = ["جريدة B-ORG\n", "فلسطين I-ORG B-GPE\n", "\n", "\n", "أمس O\n"]
    assert list(read_sentences(lines)) == [[["جريدة", "B-ORG"], ["فلسطين", "I-ORG", "B-GPE"]], [["أمس", "O"]]]


def test_wojood_outer_layer_is_used(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("جريدة B-ORG\nفلسطين I-ORG B-GPE\n$#$ O\nالسكان B-NORP\n", encoding="utf-8")
    assert load_corpus(path, WOJOOD_TYPES) == [(["جريدة", "فلسطين", "السكان"], ["B-ORG", "I-ORG", "O"])]


def test_bio_spans_and_conlleval_scoring():
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "B-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    predicted = [["B-PER", "O", "O", "B-LOC"]]  # PER span cut short: wrong; LOC right
    s = score(gold, predicted)
    assert (s["micro"].true_positives, s["micro"].predicted, s["micro"].gold) == (1, 2, 2)
    assert s["LOC"].f1 == 1.0 and s["PER"].f1 == 0.0
    assert s["micro"].f1 == pytest.approx(0.5)


def test_overlap_scoring_counts_spans_that_share_tokens_and_type():
    gold = [["B-LOC", "I-LOC", "O", "B-PER"]]  # "قرية المجدل" as one LOC, Wojood-style
    predicted = [["O", "B-LOC", "O", "B-ORG"]]  # "المجدل" alone; the PER typed ORG
    lenient = score_overlap(gold, predicted)
    assert (lenient.gold_hits, lenient.gold, lenient.predicted_hits, lenient.predicted) == (1, 2, 1, 2)
    assert lenient.f1 == pytest.approx(0.5)



def test_word_cluster_build_writes_one_line_per_word_with_a_class_per_size(tmp_path):
    pytest.importorskip("gensim")
    pytest.importorskip("sklearn")
    import gzip
    import json

    from hadath.ner.build_word_clusters import corpus_lines, stable_hash
    from hadath.ner.build_word_clusters import main as build_word_clusters

    texts = ["زار الرئيس الفرنسي ساركوزي القاهرة أمس.", "زار الرئيس الأمريكي أوباما بغداد أمس.",
             "وصل الوزير المصري إلى الرياض اليوم."] * 20
    corpus = tmp_path / "wiki.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": str(i), "title": "t", "text": "عنوان\n\n" + text}, ensure_ascii=False) + "\n")
    # Tokenised and normalised as the tagger does it, punctuation dropped, one list per line.
    assert next(corpus_lines(corpus)) == ["عنوان"]
    assert list(corpus_lines(corpus))[1] == ["زار", "الرءيس", "الفرنسي", "ساركوزي", "القاهره", "امس"]
    assert stable_hash("ساركوزي") == stable_hash("ساركوزي") != stable_hash("اوباما")
    out = tmp_path / "word_clusters.tsv"
    assert build_word_clusters(["--corpus", str(corpus), "--out", str(out), "--sizes", "2", "4",
                                "--min-count", "21"]) == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert [row[0] for row in rows][0] == "عنوان"  # commonest first: 60 times
    assert {row[0] for row in rows} == {"عنوان", "زار", "الرءيس", "امس"}  # the words seen 21 times or more
    assert all(int(row[1]) < 2 and int(row[2]) < 4 for row in rows)
    assert build_word_clusters(["--corpus", str(tmp_path / "missing.gz"), "--out", str(out)]) == 1


def test_word_classes_group_names_used_alike_and_are_read_through_clitics():
    # Wikipedia uses the two presidents' surnames alike: one class of 256, not a city's.
    assert word_classes("ساركوزي")[1] == word_classes("أوباما")[1] != word_classes("القاهرة")[1]
    # "وساركوزي" is too rare in Wikipedia to have classes of its own: it takes those of "ساركوزي",
    # the clitic reading general text knows best.
    assert best_reading("وساركوزي") == "ساركوزي" and best_reading("بنك") == "بنك"
    assert word_classes("وساركوزي") == word_classes("ساركوزي") != ()
    assert word_classes("ززقققز") == ()


def test_cluster_features_of_the_word_and_of_its_best_clitic_reading():
    k64, k256, k1024 = word_classes("ساركوزي")
    assert cluster_features("ساركوزي") == (f"k64={k64}", f"k256={k256}", f"k1024={k1024}")
    assert cluster_features("وساركوزي") == ("k=none", f"sk64={k64}", f"sk256={k256}", f"sk1024={k1024}")
    # "والعراق" has classes of its own, and those of "العراق".
    own, stem = word_classes("والعراق"), word_classes("العراق")
    assert cluster_features("والعراق") == tuple(
        [f"k{size}={c}" for size, c in zip(("64", "256", "1024"), own, strict=True)]
        + [f"sk{size}={c}" for size, c in zip(("64", "256", "1024"), stem, strict=True)])
    assert cluster_features("ززقققز") == ("k=none",)
    # They are part of each word's sentence features.
    assert f"k256={k256}" in sentence_features(["قال", "ساركوزي"])[1]


def test_neighbour_classes_when_that_group_is_on(monkeypatch):
    from hadath.ner import features

    k64, k256, k1024 = word_classes("ساركوزي")
    assert not any(f.startswith("k256[") for f in sentence_features(["قال", "ساركوزي"])[0])  # off by default
    monkeypatch.setattr(features, "CLUSTER_GROUPS", frozenset({"word", "neighbours"}))
    features.clear_word_caches()
    try:
        feats = sentence_features(["قال", "الرئيس", "ساركوزي", "أمس"])
        assert {f"k64[1]={k64}", f"k256[1]={k256}", f"k1024[1]={k1024}"} <= set(feats[1])
        assert f"k256[2]={k256}" in feats[0] and not any(f.startswith("k64[2]=") for f in feats[0])
        assert f"k256[-1]={k256}" in feats[3]
    finally:
        monkeypatch.undo()
        features.clear_word_caches()
