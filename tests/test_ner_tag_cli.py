"""`hadath tag`: CoNLL and plain text, and every kind of bad input, through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from hadath.cli import main
from hadath.commands.tag import tag_conll

TAGS = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PER", "ORG", "LOC", "MISC")}


def run_tag(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["tag", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_conll_keeps_tokens_and_blank_lines_and_ignores_extra_columns(tmp_path, capsys):
    path = tmp_path / "in.conll"
    path.write_text(
        "قال\tO\tx\nالرئيس\tO\nالفلسطيني\nمحمود\nعباس\n.\n\n\nوصل\nإلى\nالقاهرة\n", encoding="utf-8")
    code, out, err = run_tag(capsys, "--conll", str(path))
    assert code == 0 and err == ""
    lines = out.split("\n")
    assert lines[5:8] == [".\tO", "", ""]  # both blank lines kept
    rows = [line.split("\t") for line in out.splitlines() if line]
    assert [r[0] for r in rows] == ["قال", "الرئيس", "الفلسطيني", "محمود", "عباس", ".", "وصل", "إلى", "القاهرة"]
    assert all(r[1] in TAGS for r in rows)
    assert rows[3][1] == "B-PER" and rows[4][1] == "I-PER"
    assert rows[8][1] == "B-LOC"


def test_conll_from_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("زار\nبغداد\n".encode())))
    code, out, _ = run_tag(capsys, "--conll", "-")
    assert code == 0 and out == "زار\tO\nبغداد\tB-LOC\n"


def test_plain_text_prints_one_json_entity_per_line_with_offsets_into_the_text(tmp_path, capsys):
    text = "قال Joe Biden في واشنطن إن الرئيس الفلسطيني محمود عباس سيزور القاهرة.\nوتحدثت رويترز عن ذلك.\n"
    path = tmp_path / "in.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_tag(capsys, str(path))
    assert code == 0 and err == ""
    entities = [json.loads(line) for line in out.splitlines()]
    for e in entities:
        assert text[e["start"] : e["end"]] == e["text"]
        assert e["type"] in {"PER", "ORG", "LOC", "MISC"}
    found = {(e["text"], e["type"]) for e in entities}
    assert {("محمود عباس", "PER"), ("القاهرة", "LOC"), ("واشنطن", "LOC")} <= found
    assert all(0 < e["score"] <= 1 for e in entities)


def test_scores_rank_a_clear_name_above_a_doubtful_one():
    """A span's score is the lowest probability the model gives one of its tags: a titled name with
    its nisba is near certain; an unknown bare word before "إلى" is less sure (measured 0.81)."""
    from hadath.ner.tagger import load_tagger

    text = "وقال وزير الخارجية الفرنسي جان إيف لودريان إن باريس تدعم الحوار. ووصل فيليبي الى الملعب متأخرا."
    tagger = load_tagger()
    sentences = [(0, text.index(".") + 1), (text.index(".") + 2, len(text))]
    scored = tagger.find_entities(text, sentences, scored=True)
    plain = tagger.find_entities(text, sentences)
    assert [(s.text, s.type) for s in scored] == [(s.text, s.type) for s in plain]
    assert all(s.score is None for s in plain)
    by_text = {s.text: s.score for s in scored}
    assert by_text["جان إيف لودريان"] > 0.95
    assert 0.5 < by_text["فيليبي"] < by_text["جان إيف لودريان"] - 0.05


def test_windows_1256_text_is_read(tmp_path, capsys):
    path = tmp_path / "in.txt"
    path.write_bytes("وصل محمود عباس إلى القاهرة".encode("cp1256"))
    code, out, _ = run_tag(capsys, str(path))
    assert code == 0
    assert "القاهرة" in {json.loads(line)["text"] for line in out.splitlines()}


@pytest.mark.parametrize(
    ("content", "conll", "message"),
    [
        (b"", True, "empty file"),
        (b"  \n\n \n", False, "empty file"),
        (b"\x00\x01\x02PK\x03\x04" * 50, True, "binary file"),
        ("قال الرئيس الفلسطيني محمود عباس إن المفاوضات مع إسرائيل متوقفة منذ سنوات ولن تستأنف".encode(), True,
         "line 1 has 14 columns: not one token per line"),
        (b".\n,\n", False, "empty: no tokens"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_1(tmp_path, capsys, content, conll, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, _, err = run_tag(capsys, *(["--conll"] if conll else []), str(path))
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("hadath tag: ")
    assert message in err


def test_missing_file_and_folder(tmp_path, capsys):
    code, _, err = run_tag(capsys, str(tmp_path / "nothing.txt"))
    assert code == 1 and "no such file" in err and err.count("\n") == 1
    code, _, err = run_tag(capsys, "--conll", str(tmp_path))
    assert code == 1 and "is a folder" in err


def test_conll_output_is_written_while_input_is_still_being_read():
    written: list[str] = []

    class Sink:
        def write(self, s: str) -> None:
            written.append(s)

    def lines():
        for i in range(200):
            yield from ("قال\n", "محمود\n", "عباس\n", "\n")
            if i == 100:
                assert written, "nothing written after 100 sentences: the input is being held"

    assert tag_conll(lines(), Sink()) == 600


def test_a_million_token_file_streams_in_bounded_memory(tmp_path):
    sentence = "قال الرئيس الفلسطيني محمود عباس إن حركة حماس ستشارك في الحوار في القاهرة مع وفد من Fatah .".split()
    path = tmp_path / "big.conll"
    repeats = 1_000_000 // len(sentence) + 1
    with open(path, "w", encoding="utf-8") as handle:
        block = "\n".join(sentence) + "\n\n"
        for _ in range(repeats):
            handle.write(block)
    # The child reports its own peak (VmHWM of its address space): RUSAGE_CHILDREN would be the
    # largest process the session has started, and ru_maxrss keeps the forking test process's size.
    measured = ("import re, sys\n"
                "from hadath.cli import main\n"
                "code = main(['tag', '--conll', sys.argv[1]])\n"
                "peak = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
                "sys.stderr.write('PEAK_KB %s\\n' % peak)\n"
                "sys.exit(code)\n")
    result = subprocess.run([sys.executable, "-c", measured, str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.count("\t")
    assert rows == repeats * len(sentence) >= 1_000_000
    peak_mb = int(result.stderr.split("PEAK_KB ")[1].split()[0]) / 1024
    assert peak_mb < 400, f"peak memory {peak_mb:.0f} MB"
