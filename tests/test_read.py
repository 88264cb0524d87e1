"""Reading inputs: encodings, HTML pages, JSON Lines, folders, stdin, and what becomes an error."""

from __future__ import annotations

import io
import json
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from hadath.errors import HadathError, InputError
from hadath.read import (
    article_from_bytes,
    check_arabic,
    decode_text,
    folder_files,
    html_to_article_fields,
    max_article_bytes,
    read_inputs,
    read_stdin,
    too_large_message,
)

PARAGRAPH = "قال وزير الخارجية إن المحادثات مع الجانب التركي ستستأنف الأسبوع المقبل في أنقرة."
OTHER = "أعلنت الحكومة عن خطة جديدة لدعم المزارعين في المحافظات الجنوبية."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- encodings -------------------------------------------------------------------------------


def test_windows_1256_reads_back_identical(tmp_path: Path) -> None:
    text = f"{PARAGRAPH}\n\n{OTHER}\nهل تنجح المفاوضات؟ نعم، ربما؛ والله أعلم."
    path = write(tmp_path / "cp.txt", text.encode("cp1256"))
    [article] = read_inputs([str(path)])
    assert article.error is None
    assert article.text == text
    assert article.raw_text == text


def test_utf8_with_bom_loses_the_bom() -> None:
    assert decode_text(b"\xef\xbb\xbf" + PARAGRAPH.encode("utf-8")) == PARAGRAPH


def test_utf16_with_bom() -> None:
    assert decode_text(PARAGRAPH.encode("utf-16")) == PARAGRAPH


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (b"%PDF-1.4\n\x00\x01\x02\x03" * 10, "binary file, not text"),
        (bytes(range(0x80, 0x100)) * 8, "unknown text encoding (neither UTF-8 nor Windows-1256)"),
    ],
)
def test_undecodable_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as raised:
        decode_text(data)
    assert str(raised.value) == message


def test_english_is_not_arabic() -> None:
    with pytest.raises(InputError, match="^not Arabic text$"):
        check_arabic("The minister said talks with Turkey will resume next week.")


def test_english_with_one_arabic_name_is_not_arabic() -> None:
    with pytest.raises(InputError, match=r"^not Arabic text \(only 7% of its letters are Arabic\)$"):
        check_arabic("The minister said talks with Turkey will resume next week in أنقرة, he said on Monday.")


def test_arabic_with_latin_acronyms_is_arabic() -> None:
    check_arabic("قال مسؤول في حلف الناتو (NATO) إن الاجتماع سيعقد في بروكسل.")


# --- HTML ------------------------------------------------------------------------------------

PAGE = """<!doctype html>
<html lang="ar"><head>
<title>الرئيس يزور أنقرة - موقع الأخبار</title>
<meta property="og:title" content="الرئيس يزور أنقرة">
<meta property="article:published_time" content="2024-01-21T09:30:00+03:00">
<style>p { color: red }</style>
<script>var tracking = "اقرأ أيضا";</script>
</head><body>
<header><nav><a href="/">الرئيسية</a> <a href="/p">سياسة</a></nav></header>
<article>
  <h1>الرئيس يزور أنقرة</h1>
  <p>قال <b>الرئيس</b> إنه سيزور <a href="/t">تركيا</a> الأربعاء.</p>
  <figure><img src="a.jpg"><figcaption>صورة أرشيفية للرئيس</figcaption></figure>
  <p>وأضاف أن الزيارة<br>ستستمر يومين.</p>
  <aside>مواضيع ذات صلة</aside>
  <form><input name="q"> ابحث</form>
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"""


def test_html_title_date_and_paragraph_lines() -> None:
    title, published, text = html_to_article_fields(PAGE)
    assert title == "الرئيس يزور أنقرة"
    assert published == date(2024, 1, 21)
    assert text == "الرئيس يزور أنقرة\nقال الرئيس إنه سيزور تركيا الأربعاء.\nوأضاف أن الزيارة\nستستمر يومين."


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:published_time" content="2023-11-18">',
        '<meta itemprop="datePublished" content="2023-11-18T05:56:00Z">',
        '<meta name="pubdate" content="2023-11-18">',
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
        '[{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2023-11-18T17:56:00+02:00"}]}</script>',
        '<script type="application/ld+json">[{"@type": "NewsArticle", "datePublished": "2023-11-18"}]</script>',
    ],
)
def test_html_publication_date_sources(head: str) -> None:
    page = f"<html><head>{head}</head><body><p>{PARAGRAPH}</p></body></html>"
    assert html_to_article_fields(page)[1] == date(2023, 11, 18)


def test_html_time_element_date_and_title_from_title_tag() -> None:
    page = f"<html><head><title>خبر</title></head><body><time datetime='2022-01-23'>الأحد</time><p>{PARAGRAPH}</p></body></html>"
    title, published, text = html_to_article_fields(page)
    assert (title, published) == ("خبر", date(2022, 1, 23))
    assert text == f"خبر\nالأحد\n{PARAGRAPH}"


def test_html_file_sets_metadata_date_over_option(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", PAGE)
    [article] = read_inputs([str(path)], published=date(2025, 1, 1))
    assert (article.title, article.published, article.published_from) == ("الرئيس يزور أنقرة", date(2024, 1, 21), "metadata")
    assert article.source == str(path)


def test_deeply_nested_html_does_not_overflow() -> None:
    page = "<html><body>" + "<div>" * 3000 + PARAGRAPH + "</div>" * 3000 + "</body></html>"
    assert html_to_article_fields(page)[2] == PARAGRAPH


# --- text files, the option date, stdin -------------------------------------------------------


def test_txt_takes_the_option_date(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", PARAGRAPH)
    [article] = read_inputs([str(path)], published=date(2024, 3, 10))
    assert (article.published, article.published_from) == (date(2024, 3, 10), "option")
    [article] = read_inputs([str(path)])
    assert (article.published, article.published_from) == (None, "none")


def test_stdin_text_and_html() -> None:
    article = read_stdin(stream=io.BytesIO(PARAGRAPH.encode("utf-8")))
    assert (article.source, article.text, article.error) == ("<stdin>", PARAGRAPH, None)
    article = read_stdin(stream=io.BytesIO(PAGE.encode("utf-8")))
    assert article.title == "الرئيس يزور أنقرة"
    assert article.published_from == "metadata"


def test_stdin_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HADATH_MAX_ARTICLE_BYTES", "100")
    article = read_stdin(stream=io.BytesIO(("ا" * 200).encode("utf-8")))
    assert article.error == "standard input is over the limit of 100 bytes per article"


# --- size limit ------------------------------------------------------------------------------


def test_size_limit_message() -> None:
    assert too_large_message(50 * 1024 * 1024, 10_000_000) == "file is 52.4 MB; the limit is 10 MB per article"


def test_size_limit_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HADATH_MAX_ARTICLE_BYTES", raising=False)
    assert max_article_bytes() == 10_000_000
    monkeypatch.setenv("HADATH_MAX_ARTICLE_BYTES", "2000000")
    assert max_article_bytes() == 2_000_000
    monkeypatch.setenv("HADATH_MAX_ARTICLE_BYTES", "ten")
    with pytest.raises(HadathError, match="not a whole number"):
        max_article_bytes()


def test_large_file_is_an_error_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:  # sparse: 50 MiB on paper, nothing on disk
        stream.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    [article] = read_inputs([str(path)])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert article.error == "file is 52.4 MB; the limit is 10 MB per article"
    assert peak < 1_000_000


# --- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_fields_sources_and_broken_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"source": "wire-1", "url": "https://example.org/1", "published": "2024-01-21",
                    "title": "عنوان", "text": PARAGRAPH}, ensure_ascii=False),
        '{"text": "مقطوع',
        "",
        json.dumps({"text": OTHER}, ensure_ascii=False),
        json.dumps({"source": "wire-4", "title": ""}),
        json.dumps({"html": PAGE}, ensure_ascii=False),
        json.dumps({"text": PARAGRAPH, "published": "21/01/2024"}, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    articles = list(read_inputs([str(path)], published=date(2025, 5, 5)))
    assert [a.source for a in articles] == ["wire-1", f"{path}:2", f"{path}:4", "wire-4", f"{path}:6",
                                            f"{path}:7", f"{path}:8"]
    first, broken, plain, empty, html, bad_date, array = articles
    assert (first.url, first.title, first.published, first.published_from, first.text, first.error) == (
        "https://example.org/1", "عنوان", date(2024, 1, 21), "metadata", PARAGRAPH, None)
    assert broken.error.startswith("line 2: not valid JSON (")
    assert (plain.text, plain.title, plain.published, plain.published_from) == (OTHER, None, date(2025, 5, 5), "option")
    assert empty.error == 'line 5: no "text" or "html" field'
    assert (html.title, html.published, html.published_from) == ("الرئيس يزور أنقرة", date(2024, 1, 21), "metadata")
    assert bad_date.error == "line 7: published '21/01/2024' is not a date in the form YYYY-MM-DD"
    assert array.error == "line 8: not a JSON object"


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    """A line appended after the first article was read is still read: the file is not loaded whole."""
    path = write(tmp_path / "s.jsonl", json.dumps({"text": PARAGRAPH}, ensure_ascii=False) + "\n")
    articles = read_inputs([str(path)])
    assert next(articles).text == PARAGRAPH
    with path.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps({"text": OTHER}, ensure_ascii=False) + "\n")
    assert [a.text for a in articles] == [OTHER]


def test_jsonl_memory_stays_flat(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    line = (json.dumps({"text": PARAGRAPH}, ensure_ascii=False) + "\n").encode("utf-8")
    path.write_bytes(line * 8_000)  # about 1.3 MB
    tracemalloc.start()
    count = sum(1 for _ in read_inputs([str(path)]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 8_000
    assert peak < 300_000


def test_jsonl_line_over_the_limit_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HADATH_MAX_ARTICLE_BYTES", "1000")
    long_line = json.dumps({"text": "ا" * 3000}, ensure_ascii=False)
    path = write(tmp_path / "l.jsonl", long_line + "\n" + json.dumps({"text": OTHER}, ensure_ascii=False) + "\n")
    big, good = read_inputs([str(path)])
    assert big.error == "line 1: the line is 6 kB; the limit is 1 kB per article"
    assert big.source == f"{path}:1"
    assert good.text == OTHER


# --- folders and paths -----------------------------------------------------------------------


def test_folder_is_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", PARAGRAPH)
    write(tmp_path / "a" / "z.htm", PAGE)
    write(tmp_path / "a" / "y.jsonl", json.dumps({"text": OTHER}, ensure_ascii=False) + "\n")
    write(tmp_path / "a" / "notes.md", PARAGRAPH)
    write(tmp_path / "a" / "photo.jpg", b"\xff\xd8\xff\xe0")
    write(tmp_path / ".hidden" / "c.txt", PARAGRAPH)
    write(tmp_path / "C.TXT", PARAGRAPH)
    assert [p.relative_to(tmp_path).as_posix() for p in folder_files(tmp_path)] == [
        "C.TXT", "a/y.jsonl", "a/z.htm", "b.txt"]
    assert [a.error for a in read_inputs([str(tmp_path)])] == [None, None, None, None]


def test_all_paths_missing_is_one_user_error(tmp_path: Path) -> None:
    with pytest.raises(HadathError) as raised:
        read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "gone")])
    assert str(raised.value) == f"{tmp_path / 'nope.txt'}: no such file or folder; {tmp_path / 'gone'}: no such file or folder"
    assert "\n" not in str(raised.value)


def test_a_missing_path_among_good_ones_is_an_error_article(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", PARAGRAPH)
    missing = tmp_path / "missing.txt"
    articles = list(read_inputs([str(missing), str(good)]))
    assert [(a.source, a.error) for a in articles] == [(str(missing), "no such file or folder"), (str(good), None)]
    assert articles[0].to_dict() == {"source": str(missing), "url": None, "error": "no such file or folder"}


def test_bad_files_become_error_articles(tmp_path: Path) -> None:
    files = {
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02" * 100,
        "english.txt": b"Talks between the two ministers will resume on Monday in Ankara.",
        "latin1.txt": bytes(range(0xA0, 0x100)) * 4,
    }
    for name, data in files.items():
        write(tmp_path / name, data)
    errors = {Path(a.source).name: a.error for a in read_inputs([str(tmp_path / n) for n in files])}
    assert errors == {
        "empty.txt": "empty file",
        "binary.txt": "binary file, not text",
        "english.txt": "not Arabic text",
        "latin1.txt": "unknown text encoding (neither UTF-8 nor Windows-1256)",
    }


def test_explicit_file_with_other_suffix_is_read_as_text(tmp_path: Path) -> None:
    path = write(tmp_path / "article.md", PARAGRAPH)
    [article] = read_inputs([str(path)])
    assert article.text == PARAGRAPH


def test_html_sniffed_from_bytes() -> None:
    article = article_from_bytes(PAGE.encode("utf-8"), "x")
    assert article.title == "الرئيس يزور أنقرة"
