"""Hardening of reading, the pipeline and the CLI (issue 14): no input, stream or date at the edge of the
calendar crashes a batch, hangs it or prints a traceback. Each test reproduces a defect found by the
probe of issue 14 (M1, M2, M5, M7, M9, the time budget and the low items of reading and the CLI).
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath import bounded_html, pipeline
from hadath.api.app import create_app
from hadath.api.settings import Settings
from hadath.dates.resolve import find_dates
from hadath.deadline import check_deadline
from hadath.errors import HadathError
from hadath.model import Article
from hadath.read import (
    article_from_html,
    article_from_json_line,
    decode_text,
    html_to_article_fields,
    read_inputs,
    read_stdin,
    too_large_message,
)
from hadath.store.ingest import Ingester, read_pending
from store_corpus import CORPUS, write_jsonl

PARAGRAPH = "أعلنت وزارة الخارجية أن الوزير سيزور العاصمة الأردنية يوم الأحد المقبل لبحث العلاقات الثنائية."
DATED = "قال وزير الخارجية أمس إن المحادثات مع الجانب التركي ستستأنف الأسبوع المقبل وبعد عامين في أنقرة."
TOKEN = "limits-token"
CLOSED = "closed"
TAG_NAMES = ["div", "span", "p", "li", "ul", "b", "i", "a", "table", "tr", "td", "th", "button", "section", "dd",
             "dt", "svg", "g", "math", "mi", "desc", "template", "select", "option", "h1", "h2", "font", "nobr",
             "form", "object", "caption", "foreignObject", "address", "marquee", "tbody", "pre", "textarea", "title",
             "script", "noscript", "body", "html", "image", "ruby", "rt", "plaintext", "br", "hr", "img", "frame",
             "applet", "col", "annotation-xml", "mtext"]


def hadath(*args: str, stdin: int | bytes | str | None = None, stdout: int | str = subprocess.PIPE,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """The real command; `stdin`/`stdout` may be a file descriptor to pass, or CLOSED to start it closed."""
    closed = [fd for fd, value in ((0, stdin), (1, stdout)) if value == CLOSED]
    result = subprocess.run(
        [sys.executable, "-m", "hadath", *args],
        input=stdin if isinstance(stdin, bytes) else None,
        stdin=None if isinstance(stdin, bytes) else (subprocess.DEVNULL if stdin in (None, CLOSED) else stdin),
        stdout=subprocess.DEVNULL if stdout == CLOSED else stdout,
        stderr=subprocess.PIPE, timeout=300,
        env={**os.environ, **(env or {})},
        # Close the descriptor in the child before Python starts: what `<&-` and `>&-` do in a shell.
        preexec_fn=(lambda: [os.close(fd) for fd in closed]) if closed else None,
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    return result


def jsonl(path: Path, lines: list[str | dict]) -> Path:
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
                              for line in lines) + "\n", encoding="utf-8")
    return path


# --- M1: deeply nested JSON ---------------------------------------------------------------------


def test_a_deeply_nested_jsonl_line_is_an_error_record_and_the_batch_goes_on(tmp_path):
    path = jsonl(tmp_path / "batch.jsonl", [
        {"source": "first", "text": PARAGRAPH},
        "[" * 100_000 + "]" * 100_000,
        '{"source": "deep", "text": ' + "[" * 5000 + "]" * 5000 + "}",
        {"source": "last", "text": PARAGRAPH},
    ])
    articles = list(read_inputs([str(path)]))
    assert [a.error for a in articles] == [
        None, "line 2: JSON nested deeper than 64 levels", "line 3: JSON nested deeper than 64 levels", None]
    assert [a.source for a in articles] == ["first", f"{path}:2", f"{path}:3", "last"]


def test_a_json_ld_block_nested_deeply_does_not_stop_the_page():
    deep = "[" * 5000 + "]" * 5000
    page = (f'<html><head><script type="application/ld+json">{deep}</script>'
            '<script type="application/ld+json">{"datePublished": "2024-02-03"}</script></head>'
            f"<body><p>{PARAGRAPH}</p></body></html>")
    title, published, text = html_to_article_fields(page)
    assert published == date(2024, 2, 3) and text == PARAGRAPH


def test_an_extracted_jsonl_with_a_deeply_nested_line_is_read_to_the_end(tmp_path):
    good = Article(text=PARAGRAPH, source="good").to_dict()
    path = jsonl(tmp_path / "extracted.jsonl", [good, '{"id": "x", "events": ' + "[" * 5000 + "]" * 5000 + "}",
                                                 {**good, "source": "again"}])
    pending = list(read_pending([str(path)], None))
    assert [p.article.error for p in pending] == [None, "unreadable line: JSON nested deeper than 64 levels", None]


# --- M2: lone surrogates and NULs ---------------------------------------------------------------


def test_lone_surrogates_and_nuls_become_the_replacement_character_when_read():
    line = json.dumps({"source": "s\ud800", "url": "https://x.example/\udfff", "title": "عنوان\ud800",
                       "text": f"{PARAGRAPH}\ud800 \x00{PARAGRAPH}"}).encode()
    article = article_from_json_line(line, "batch.jsonl:1", 1)
    assert article.error is None
    assert article.text == f"{PARAGRAPH}\ufffd \ufffd{PARAGRAPH}"
    assert (article.title, article.source, article.url) == ("عنوان\ufffd", "s\ufffd", "https://x.example/\ufffd")
    assert len(article.id) == 16
    done = pipeline.run(article)
    assert done.error is None and len(done.sentences) == 2
    json.dumps(done.to_dict(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8


def test_a_file_name_that_is_not_utf8_is_a_readable_source(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder) + b"/a\xff.txt"))).write_text(PARAGRAPH, encoding="utf-8")
    result = hadath("extract", str(folder))
    assert result.returncode == 0
    [record] = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert record["source"] == f"{folder}/a\ufffd.txt" and record["sentences"]


def test_utf32_text_is_read_as_utf32_not_as_utf16_full_of_nuls():
    for encoding in ("utf-32", "utf-32-be"):
        data = PARAGRAPH.encode(encoding)
        if encoding == "utf-32-be":
            data = b"\x00\x00\xfe\xff" + data
        assert decode_text(data) == PARAGRAPH


# --- M5: HTML bounded before the parser sees it ---------------------------------------------------


def parser_depth(markup: str) -> int:
    """The depth of the tree the HTML parser builds (the document node counts 1)."""
    from selectolax.lexbor import LexborHTMLParser

    deepest, stack = 0, [(LexborHTMLParser(markup).root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        child = node.child
        while child is not None:
            stack.append((child, depth + 1))
            child = child.next
    return deepest


PATHOLOGICAL_PAGES = {
    "100,000 nested divs": "<div>" * 100_000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 100_000,
    "300,000 attributes": "<p " + " ".join(f"a{i}=1" for i in range(300_000)) + f">{PARAGRAPH}</p>",
    "250,000 tags": "<span>و</span>" * 250_000 + f"<p>{PARAGRAPH}</p>",
    # the parser ignores "</span>" after a <div> (a special element): each round nests two levels
    "ignored end tags": "<span><div></span>" * 100_000 + PARAGRAPH,
    # formatting elements the parser reopens in every paragraph after the first
    "reopened formatting": "<p>" + "".join(f"<b id={i}>" for i in range(3000)) + "<p>و" * 20_000 + PARAGRAPH,
    "nested tables": "<table><td>" * 20_000 + PARAGRAPH,
    "lists in sections": "<li><section>" * 50_000 + PARAGRAPH,
}


@pytest.mark.parametrize("body", PATHOLOGICAL_PAGES.values(), ids=PATHOLOGICAL_PAGES.keys())
def test_a_pathological_page_is_read_within_seconds_and_keeps_its_text(body):
    started = time.perf_counter()
    article = article_from_html(f"<html><body>{body}</body></html>", "page.html")
    assert time.perf_counter() - started < 3
    assert article.error is None and PARAGRAPH in article.text


@pytest.mark.parametrize("body", PATHOLOGICAL_PAGES.values(), ids=PATHOLOGICAL_PAGES.keys())
def test_the_parser_never_builds_a_tree_deeper_than_the_bound(body):
    assert parser_depth(bounded_html.markup(body)) <= bounded_html.MAX_DEPTH + 8


MARKUP = [f"<{t}>" for t in TAG_NAMES] + [f"</{t}>" for t in TAG_NAMES] + [f"<{t}/>" for t in TAG_NAMES] + [
    "و", '<b class="c">', "<a href=1>", "<!-- -->", "</ ", "<!x>", "<", '"', "<p a='>", '<div title="', '">', "<!--"]


@pytest.fixture(scope="module")
def small_depth_bound():
    """A bound of 20 levels, so that a short page can pass it many times over."""
    saved, bounded_html.MAX_DEPTH = bounded_html.MAX_DEPTH, 20
    yield
    bounded_html.MAX_DEPTH = saved


@settings(max_examples=600, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(MARKUP), max_size=60), st.integers(1, 40))
def test_any_tag_soup_gives_a_tree_within_the_bound(small_depth_bound, pieces, repeat):
    """Whatever the tags and however they nest, close or fail to (repeated to go deep), the tree the
    parser builds from the rewritten markup is no deeper than the bound, plus the few levels it adds."""
    page = "".join(pieces) * repeat
    assert parser_depth(bounded_html.markup(page)) <= bounded_html.MAX_DEPTH + 8, page[:300]


def test_a_page_within_the_bounds_is_read_whatever_its_markup():
    # Deep but legal nesting, unclosed paragraphs and list items (the parser closes them), void tags,
    # tags inside scripts and comments, and a '>' inside a quoted attribute.
    page = ("<html><head><script>var s = '" + "<div>" * 1000 + "';</script><!-- " + "<div>" * 1000 + " -->"
            "</head><body>" + "<div>" * 400 + "<p>" * 1000 + "<br><img src=x>" * 1000
            + "<ul>" + "<li>بند" * 1000 + "</ul>" + f'<p title="a > b">{PARAGRAPH}' + "</div>" * 400
            + "</body></html>")
    article = article_from_html(page, "page.html")
    assert article.error is None and PARAGRAPH in article.text


def test_nested_articles_are_measured_once():
    inner = f"<p>{PARAGRAPH}</p>" * 2000
    page = "<html><body>" + "<article>" * 500 + inner + "</article>" * 500 + "</body></html>"
    started = time.perf_counter()
    article = article_from_html(page, "page.html")
    assert time.perf_counter() - started < 2 and article.error is None


# --- M7: dates at the edge of the calendar --------------------------------------------------------


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1799-12-31", "2201-01-01"])
def test_a_published_date_out_of_range_is_dropped_with_a_warning(published, caplog):
    line = json.dumps({"source": "edge", "published": published, "text": DATED}, ensure_ascii=False).encode()
    article = pipeline.run(article_from_json_line(line, "edge.jsonl:1", 1))
    assert article.error is None
    assert article.published is None
    assert f"edge: published {published} is outside 1800-01-01 to 2200-12-31; ignored" in caplog.text


@pytest.mark.parametrize("ref", [date.min, date.max, date(1800, 1, 1), date(2200, 12, 31)])
def test_date_arithmetic_at_the_ends_of_the_calendar_resolves_what_it_can(ref):
    mentions = find_dates("أمس وغدا والأسبوع المقبل والأسبوع الماضي وبعد عامين ومنذ ثلاثة آلاف عام في 5 رمضان", ref)
    assert mentions  # what stays in the calendar is resolved
    for mention in mentions:
        assert "0001" <= mention.value[:4] <= "9999" and len(mention.value.split("-")[0]) == 4


def test_the_published_option_out_of_range_is_a_user_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    result = hadath("extract", str(path), "--published", "0001-01-01")
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode() == ("hadath extract: --published 0001-01-01 is outside 1800-01-01 to 2200-12-31\n")


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("limits")
    db = str(folder / "store.db")
    Ingester(db).ingest([str(write_jsonl(folder / "corpus.jsonl", CORPUS))])
    return db


@pytest.fixture(scope="module")
def client(store_db) -> TestClient:
    return TestClient(create_app(Settings(db=store_db, token=TOKEN)))


@pytest.mark.parametrize("query", ["from=0001-01-01&to=2024-03-31", "from=2024-01-01&to=9999-12-31",
                                   "from=0001-01-01&to=9999-12-31", "from=0001-01-01&to=0001-01-01"])
def test_a_brief_over_the_whole_calendar_is_answered(client, query):
    response = client.get(f"/api/brief/IRN/TUR?{query}")
    assert response.status_code == 200, response.text
    assert response.json()["sections"]


@pytest.mark.parametrize("path", ["/api/events", "/api/dyad/IRN/TUR/timeline", "/api/network", "/api/locations",
                                  "/api/dyad/IRN/TUR/timeline?by=week&x=1", "/api/dyad/IRN/TUR/timeline?by=day&x=1"])
def test_periods_at_the_ends_of_the_calendar_are_answered(client, path):
    sep = "&" if "?" in path else "?"
    response = client.get(f"{path}{sep}from=0001-01-01&to=9999-12-31")
    assert response.status_code == 200, response.text


def test_the_brief_command_from_the_first_day_of_the_calendar(store_db):
    result = hadath("brief", "IRN", "TUR", "--from", "0001-01-01", "--to", "9999-12-31", "--db", store_db)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().startswith("# إيران وتركيا")


# --- M1/M2 through the API ----------------------------------------------------------------------


def test_a_deeply_nested_post_body_is_a_400(client):
    for body in ("[" * 100_000 + "]" * 100_000, '{"text": ' + "[" * 5000 + "]" * 5000 + "}"):
        response = client.post("/api/articles", content=body.encode(),
                               headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        assert response.status_code == 400, response.text
        assert response.json() == {"error": "the request body is not valid JSON: nested deeper than 64 levels"}


def test_a_posted_lone_surrogate_is_stored_as_the_replacement_character(client):
    body = json.dumps({"source": "surrogate", "title": "عنوان\ud800", "text": f"{PARAGRAPH}\ud800"})
    response = client.post("/api/articles", content=body.encode(),
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert response.status_code == 201, response.text
    [result] = response.json()["results"]
    assert result["outcome"] == "new" and result["error"] is None
    stored = client.get(f"/api/articles/{result['id']}").json()
    assert stored["text"].endswith("\ufffd") and stored["title"] == "عنوان\ufffd"


def test_a_broken_post_body_says_where_once(client):
    response = client.post("/api/articles", content=b'{"text": "abc',
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"] == "the request body is not valid JSON: Unterminated string starting at line 1 column 10"


def test_a_path_ending_in_an_encoded_slash_is_not_redirected_to_itself(client):
    # found by tests/test_api_fuzz.py: "/api/events/%2F" was redirected to "/api/events/%2F", for ever
    response = client.get("/api/events/%2F", follow_redirects=False)
    assert response.status_code == 404 and "location" not in response.headers
    response = client.get("/api/events/", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (307, "/api/events")


# --- M9: closed and full standard streams ---------------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_reading_a_closed_standard_input_is_one_line(tmp_path, command):
    db = ["--db", str(tmp_path / "s.db")] if command == "ingest" else []
    result = hadath(command, "-", *db, stdin=CLOSED)
    assert result.returncode == 1
    assert result.stderr.decode() == f"hadath {command}: -: standard input is closed\n"
    assert not (tmp_path / "s.db").exists()


@pytest.mark.parametrize("command", ["extract", "ingest", "stats"])
def test_a_closed_standard_output_is_one_line(tmp_path, command):
    path = tmp_path / "a.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    args = {"extract": [str(path)], "ingest": [str(path), "--db", str(tmp_path / "s.db")],
            "stats": ["--db", str(tmp_path / "s.db")]}[command]
    result = hadath(command, *args, stdout=CLOSED)
    assert result.returncode == 1
    assert result.stderr.decode() == f"hadath {command}: standard output is closed\n"


@pytest.mark.parametrize("command", ["extract", "ingest", "stats", "brief"])
def test_a_full_standard_output_is_one_line(tmp_path, store_db, command):
    path = tmp_path / "a.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    args = {"extract": [str(path)], "ingest": [str(path), "--db", str(tmp_path / "s.db")],
            "stats": ["--db", store_db],
            "brief": ["IRN", "TUR", "--from", "2024", "--to", "2024", "--db", store_db]}[command]
    with open("/dev/full", "wb") as full:
        result = hadath(command, *args, stdout=full.fileno())
    assert result.returncode == 1
    assert result.stderr.decode().splitlines()[-1] == (
        f"hadath {command}: cannot write the output: No space left on device")


def test_stdin_that_cannot_be_read_is_an_error_record():
    class FailingDevice(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            raise OSError(errno.EIO, "Input/output error")

    article = read_stdin(stream=io.BufferedReader(FailingDevice()))
    assert (article.source, article.error) == ("<stdin>", "cannot read: Input/output error")


# --- the per-article time budget ------------------------------------------------------------------


def slow_stage(article: Article) -> Article:
    """A stage in a hot loop that checks the deadline as the real ones do."""
    if "بطيء" in article.text:
        while True:
            check_deadline()
            time.sleep(0.01)
    return article


def test_an_article_over_its_time_budget_is_an_error_record_and_the_batch_goes_on(monkeypatch):
    real = pipeline.stages()
    monkeypatch.setattr(pipeline, "stages", lambda: [*real[:2], ("slow", slow_stage), *real[2:]])
    pipeline.run(Article(text=PARAGRAPH))  # the first article loads the models: no budget is about that
    monkeypatch.setenv("HADATH_MAX_ARTICLE_SECONDS", "3")
    batch = [Article(text=PARAGRAPH, source="a"), Article(text=f"{PARAGRAPH} بطيء", source="b"),
             Article(text=PARAGRAPH, source="c")]
    done = list(pipeline.run_all(batch))  # (the slow stage loops for ever unless the budget stops it)
    assert [a.error for a in done] == [None, "took longer than 3 s (HADATH_MAX_ARTICLE_SECONDS); stopped in the "
                                             "slow stage", None]
    assert done[0].sentences and done[2].sentences
    check_deadline()  # the deadline was the article's: none is left behind in this thread


def test_a_slow_stage_without_checks_is_stopped_between_stages(monkeypatch):
    def sleepy(article: Article) -> Article:
        time.sleep(0.3)
        return article

    monkeypatch.setattr(pipeline, "stages", lambda: [("sleepy", sleepy), ("never", lambda a: 1 / 0)])
    done = pipeline.run(Article(text=PARAGRAPH), seconds=0.1)
    assert done.error == "took longer than 0.1 s (HADATH_MAX_ARTICLE_SECONDS); stopped in the sleepy stage"


@pytest.mark.parametrize("value", ["abc", "-1", "nan", "inf"])
def test_a_bad_time_budget_setting_is_one_line(tmp_path, value):
    path = tmp_path / "a.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    result = hadath("extract", str(path), env={"HADATH_MAX_ARTICLE_SECONDS": value})
    assert result.returncode == 1
    assert result.stderr.decode().startswith(f"hadath extract: HADATH_MAX_ARTICLE_SECONDS={value!r}")


def test_a_bad_time_budget_setting_stops_serve_before_it_listens(tmp_path):
    result = hadath("serve", "--db", str(tmp_path / "s.db"), "--port", "0",
                    env={"HADATH_MAX_ARTICLE_SECONDS": "abc"})
    assert result.returncode == 1
    assert result.stderr.decode().startswith("hadath serve: HADATH_MAX_ARTICLE_SECONDS='abc'")


# --- low items: exit codes, unreadable folders, empty stores, messages -----------------------------


def test_ingest_exits_1_when_every_input_failed(tmp_path):
    (tmp_path / "english.txt").write_text("Only English here.", encoding="utf-8")
    result = hadath("ingest", str(tmp_path / "english.txt"), "--db", str(tmp_path / "s.db"))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert f"failed: {tmp_path / 'english.txt'}: not Arabic text" in err
    assert err.splitlines()[-1] == "hadath ingest: every article failed (1 of 1)"


def test_ingest_of_no_usable_path_creates_no_store(tmp_path):
    result = hadath("ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "new.db"))
    assert result.returncode == 1
    assert result.stderr.decode() == f"hadath ingest: {tmp_path / 'missing'}: no such file or folder\n"
    assert not (tmp_path / "new.db").exists()


def test_an_unreadable_folder_is_said_per_path(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "ok" / "locked").mkdir()
    (tmp_path / "ok" / "locked" / "b.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    locked = {str(tmp_path / "ok" / "locked"), str(tmp_path / "locked")}
    real_scandir = os.scandir

    def scandir(path="."):  # as for a user without the right to list them (the tests may run as root)
        if os.fspath(path) in locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles = list(read_inputs([str(tmp_path / "ok"), str(tmp_path / "locked")]))
    assert [(a.source, a.error) for a in articles] == [
        (str(tmp_path / "ok" / "a.txt"), None),
        (str(tmp_path / "ok" / "locked"), "cannot read the folder: Permission denied"),
        (str(tmp_path / "locked"), "cannot read the folder: Permission denied"),
    ]


def test_sizes_in_messages_are_never_rounded_to_the_limit():
    assert too_large_message(10_000_173, 10_000_000) == (
        "file is 10,000,173 bytes; the limit is 10,000,000 bytes per article")
    assert too_large_message(52_428_800, 10_000_000) == "file is 52.4 MB; the limit is 10 MB per article"


def test_a_broken_json_line_says_at_column_once():
    article = article_from_json_line(b'{"text": "abc', "b.jsonl:1", 1)
    assert article.error == "line 1: not valid JSON (Unterminated string starting at column 10)"


def test_no_usable_input_is_still_one_error(tmp_path):
    with pytest.raises(HadathError, match="no such file or folder"):
        read_inputs([str(tmp_path / "missing")])
