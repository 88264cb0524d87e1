"""The lexicon files are data: a bad line fails loudly with its file and line, and every kind of
entry derives the forms Arabic news writes (tested on words of our own choosing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.events.lexicon import LexiconError, entries_of, load_lexicon, read_rows
from hadath.events.morphology import generate
from hadath.text.normalize import normalize
from hadath.text.tokens import tokenize

HEADER = "form\tcameo\tkind\ttarget\tnote\n"


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_the_shipped_lexicon_loads_and_covers_every_root() -> None:
    rows = read_rows()
    roots = {row.cameo[:2] for row in rows if row.cameo != "-"}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert load_lexicon().single


@pytest.mark.parametrize(("body", "message"), [
    ("هاجم\t190\tpast\n", "3 columns"),  # too few columns: the line says so
    ("هاجم\t190\tverbish\t-\t\n", "unknown kind 'verbish'"),
    ("هاجم\t999\tpast\t-\t\n", "unknown CAMEO code '999'"),
    ("هاجم\t040\tpast\t-\t\n", "code 040 is not of root 19"),
    ("هاجم\t190\tverb\t-\t\n", "kind verb takes 'past/present'"),
    ("هاجم/هاجموا\t190\tverb\t-\t\n", "written in the 3rd person"),
    ("هاجم\t190\tpast\t\t\n", "empty target"),
    ("هاجم\t190\tpast\t-\t\nهاجم\t193\tpast\t-\t\n", "already at 19.tsv:2"),
    ("هاجم\t-\tpast\t-\t\n", "belongs in not_events.tsv"),
])
def test_a_bad_line_names_its_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, "19.tsv", body)
    with pytest.raises(LexiconError) as raised:
        read_rows([path])
    assert str(raised.value).startswith("19.tsv:")
    assert message in str(raised.value)


def test_a_duplicate_across_files_names_both_places(tmp_path: Path) -> None:
    first = write(tmp_path, "18.tsv", "اغتيال\t186\tnoun\t-\t\n")
    second = write(tmp_path, "19.tsv", "# a comment\nاغتيال\t190\tnoun\t-\t\n")
    with pytest.raises(LexiconError, match=r"19.tsv:3: 'اغتيال' \(noun\) is already at 18.tsv:2"):
        read_rows([first, second])


def test_a_file_without_header_fails(tmp_path: Path) -> None:
    path = tmp_path / "04.tsv"
    path.write_text("زار\t042\tpast\t-\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="04.tsv:1: the header"):
        read_rows([path])


def forms(form: str, kind: str) -> set[str]:
    return generate(form, kind)


@pytest.mark.parametrize(("form", "kind", "expected"), [
    # past: third persons, dual, first person, object pronouns
    ("فاوض", "past", {"فاوض", "فاوضت", "فاوضوا", "فاوضا", "فاوضتا", "فاوضنا", "فاوضه", "فاوضوهم"}),
    ("رمى", "past", {"رمت", "رموا", "رميا", "رمتا", "رمينا"}),  # defective in ى
    ("نعى", "past", {"نعت", "نعوا", "نعينا"}),
    ("شكا", "past", {"شكت", "شكوا", "شكونا"}),  # defective in ا
    ("صدّ", "past", {"صدت", "صدوا", "صددنا"}),  # doubled
    ("عاد", "past", {"عادت", "عدنا", "عدت"}),  # hollow: first person shortens
    # present: persons, dual, plural, subjunctive, first person singular
    ("يفاوض", "present", {"يفاوض", "تفاوض", "نفاوض", "افاوض", "يفاوضون", "تفاوضان", "يفاوضوا", "يفاوضا", "يفاوضه"}),
    ("يرمي", "present", {"يرمون", "يرميان", "يرموا", "نرمي"}),
    ("يشكو", "present", {"يشكون", "يشكوان", "تشكو"}),
    # nouns: dual (nominative, oblique, construct), sound plural, accusative, pronouns
    ("ضربة", "noun", {"ضربه", "ضربتان", "ضربتين", "ضربات", "ضرباتها", "ضربتيها", "ضربتهم"}),
    ("قصف", "noun", {"قصف", "قصفا", "قصفان", "قصفين", "قصفه", "قصفهم", "قصفات"}),
    ("مكالمة", "noun", {"مكالمتين", "مكالمتا", "مكالمات"}),
    # broken plural and participle
    ("قذائف", "plural", {"قذائف", "قذائفها", "قذائفا"}),
    ("متوعد", "participle", {"متوعدا", "متوعده", "متوعدين", "متوعدون", "متوعدان"}),
    ("ناعي", "participle", {"ناعيا", "ناعين"}),
    ("فاوض/يفاوض", "verb", {"فاوضنا", "نفاوض", "يفاوضان"}),
])
def test_each_kind_derives_the_forms_news_writes(form: str, kind: str, expected: set[str]) -> None:
    assert {normalize(f) for f in expected} <= forms(form, kind)


def test_a_masculine_noun_takes_no_ya_that_would_make_it_an_adjective() -> None:
    # "قصفي"/"هجومي" read as "my attack" would be the adjective "offensive" (هجومية) far more often
    assert "قصفي" not in forms("قصف", "noun") and "قصفيه" not in forms("قصف", "noun")


def test_a_verb_row_makes_a_past_and_a_present_entry(tmp_path: Path) -> None:
    [row] = read_rows([write(tmp_path, "19.tsv", "قنص/يقنص\t193\tverb\t-\tsniped\n")])
    kinds = [entry.kind if len(entry.tokens) == 1 else entry.head for entry, _ in entries_of(row)]
    assert kinds == ["past", "present"]


def lexicon_codes(text: str) -> list[tuple[str, str]]:
    return [(m.entry.cameo, text.split()[m.first]) for m in load_lexicon().match(tokenize(text))]


def test_a_phrase_inflects_its_head_and_its_noun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hadath.events import lexicon

    path = write(tmp_path, "04.tsv", "هاتف/يهاتف * اتصال\t041\tverb\tب\tphone\nمحاور\t040\tword\t-\t\n")
    monkeypatch.setattr(lexicon, "lexicon_files", lambda: [path])
    lexicon.load_lexicon.cache_clear()
    try:
        # the head as past, 1st person plural and future present; the later noun as dual
        assert [c for c, _ in lexicon_codes("وهاتفت الوزيرة اتصالين بنظيرها")] == ["041"]
        assert [c for c, _ in lexicon_codes("هاتفنا اتصالا")] == ["041"]
        assert [c for c, _ in lexicon_codes("ستهاتف الوزيرة الاتصال")] == ["041"]
        # a verb head never reads behind a preposition: "لهاتف" is no verb
        assert lexicon_codes("لهاتف اتصال") == []
    finally:
        lexicon.load_lexicon.cache_clear()


def test_every_frequent_generated_form_is_decided_and_every_uncovered_code_explained() -> None:
    """The coverage report has nothing undecided: a new entry whose forms collide with a frequent
    word of another meaning needs a line in lexicon_collisions.tsv (block or keep, and why)."""
    from io import StringIO

    from hadath.events.coverage import collisions, report

    assert [c.form for c in collisions() if c.decision is None] == []
    out = StringIO()
    assert report(show_codes=False, show_collisions=False, out=out) == 0, out.getvalue()[-2000:]
    assert "undecided 0" in out.getvalue()


def test_a_blocked_collision_is_no_trigger_alone() -> None:
    # "توقع" (expected) is generated from يوقع (signs) but decided "block": alone it triggers nothing
    assert load_lexicon().match(tokenize("توقع الخبراء ارتفاع الأسعار")) == []


def test_a_possessive_pronoun_is_told_from_the_forms_of_the_noun_it_is_on() -> None:
    from hadath.events.morphology import possessive_suffix
    from hadath.text.normalize import normalize

    assert possessive_suffix(normalize("هجومها"), "هجوم") == "ها"
    assert possessive_suffix(normalize("زيارته"), normalize("زيارة")) == "ه"
    assert possessive_suffix(normalize("غاراتهم"), normalize("غارة")) == "هم"
    # the bare noun, its dual, and a word that only ends like a pronoun have none
    assert possessive_suffix(normalize("زيارة"), normalize("زيارة")) is None
    assert possessive_suffix(normalize("هجومين"), "هجوم") is None
    assert possessive_suffix(normalize("مواجهة"), normalize("مواجهة")) is None


def test_every_control_verb_is_generated_in_its_persons_and_numbers() -> None:
    from hadath.events.words import control_verb_forms
    from hadath.text.normalize import normalize

    forms = control_verb_forms()
    for word in ("أعلنت", "قررتا", "يواصلون", "تعتزم", "استأنفوا"):
        assert normalize(word) in forms
