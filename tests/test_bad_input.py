"""Bad input through the real command: one line on stderr or an error record, never a traceback,
and the good articles of the same batch still extracted.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

PARAGRAPH = "أعلنت وزارة الخارجية أن الوزير سيزور العاصمة الأردنية يوم الأحد المقبل لبحث العلاقات الثنائية."
OTHER = "وقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار التنسيق المستمر بين البلدين."


def hadath(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "hadath", "extract", *args],
        input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout
    return result


def records(result: subprocess.CompletedProcess[str]) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def stderr_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    lines = result.stderr.splitlines()
    assert all(line.startswith("hadath extract: ") for line in lines), result.stderr
    return lines


def unknown_encoding_bytes() -> bytes:
    """High bytes at random: neither UTF-8 nor Arabic in Windows-1256."""
    rng = random.Random(1256)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(4000))


def make_bad_files(folder: Path) -> dict[str, str]:
    """Bad files in `folder`, by name, with the error each must give."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "encoding.txt").write_bytes(unknown_encoding_bytes())
    (folder / "english.txt").write_text("The minister will visit Amman on Sunday to discuss relations.", encoding="utf-8")
    with (folder / "huge.txt").open("wb") as stream:  # 50 MiB, sparse: nothing is written to disk
        stream.truncate(50 * 1024 * 1024)
    return {
        "empty.txt": "empty file",
        "binary.txt": "binary file, not text",
        "encoding.txt": "unknown text encoding (neither UTF-8 nor Windows-1256)",
        "english.txt": "not Arabic text",
        "huge.txt": "file is 52.4 MB; the limit is 10 MB per article",
    }


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "encoding.txt", "english.txt", "huge.txt"])
def test_one_bad_file_alone_is_an_error_record_and_exit_1(tmp_path: Path, name: str) -> None:
    expected = make_bad_files(tmp_path)[name]
    path = tmp_path / name
    result = hadath(str(path))
    assert result.returncode == 1
    assert records(result) == [{"source": str(path), "url": None, "error": expected}]
    assert stderr_lines(result) == [f"hadath extract: {path}: {expected}"]


def test_missing_path_alone_is_one_line_and_exit_1(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = hadath(str(missing))
    assert result.returncode == 1
    assert result.stdout == ""
    assert stderr_lines(result) == [f"hadath extract: {missing}: no such file or folder"]


def test_bad_published_option_is_one_line(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PARAGRAPH, encoding="utf-8")
    result = hadath(str(good), "--published", "21/01/2024")
    assert result.returncode != 0
    assert len(stderr_lines(result)) == 1
    assert result.stdout == ""


def test_batch_goes_on_past_every_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    expected = make_bad_files(bad)
    good = tmp_path / "good.txt"
    good.write_text(f"الوزير يزور عمّان\n\n{PARAGRAPH}", encoding="utf-8")
    cp1256 = tmp_path / "cp1256.txt"
    cp1256.write_bytes(f"{PARAGRAPH}\n{OTHER}".encode("cp1256"))
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([
        json.dumps({"source": "first", "text": PARAGRAPH}, ensure_ascii=False),
        '{"source": "broken", "text": "لم يكتمل',
        json.dumps({"source": "third", "published": "2024-01-21", "text": OTHER}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"

    result = hadath(str(bad), str(missing), str(good), str(cp1256), str(batch), "--published", "2024-03-10")
    assert result.returncode == 0
    by_source = {record["source"]: record for record in records(result)}
    for name, message in expected.items():
        assert by_source[str(bad / name)] == {"source": str(bad / name), "url": None, "error": message}
    assert by_source[str(missing)]["error"] == "no such file or folder"
    assert by_source[f"{batch}:2"]["error"].startswith("line 2: not valid JSON")
    assert len(stderr_lines(result)) == len(expected) + 2

    extracted = {source: record for source, record in by_source.items() if "error" not in record}
    assert set(extracted) == {str(good), str(cp1256), "first", "third"}
    assert extracted[str(cp1256)]["text"] == f"{PARAGRAPH}\n{OTHER}"
    assert extracted["third"]["published"] == "2024-01-21"
    assert extracted["third"]["published_from"] == "metadata"
    assert extracted["first"]["published_from"] == "option"
    for record in extracted.values():
        assert record["sentences"], record
        for sentence in record["sentences"]:
            assert record["text"][sentence["start"] : sentence["end"]].strip()


def test_stdin_article(tmp_path: Path) -> None:
    result = hadath("-", stdin=f"الوزير يزور عمّان\n{PARAGRAPH}".encode())
    assert result.returncode == 0
    [record] = records(result)
    assert record["source"] == "<stdin>"
    assert record["text"] == f"الوزير يزور عمّان\n{PARAGRAPH}"
    assert [record["text"][s["start"] : s["end"]] for s in record["sentences"]] == ["الوزير يزور عمّان", PARAGRAPH]
