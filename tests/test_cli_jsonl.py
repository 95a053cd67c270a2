"""JSON Lines input for check and clean: fields kept, malformed lines passed or reported, workers."""
import json

import cli_support
from cli_support import FLAG_LINE, SEED, run

from spamguard import cli
from spamguard.cli.jsonl import MALFORMED_SHOWN

# the shared fixtures (pytest finds them as attributes of this module)
cleaner, clean_text = cli_support.cleaner, cli_support.clean_text
other_junk, work = cli_support.other_junk, cli_support.work


def jsonl_corpus(clean_text):
    good = {"id": 1, "text": SEED, "url": "http://example.org/a"}
    ok = {"id": 2, "text": clean_text, "meta": {"lang": "en"}}
    lines = [
        json.dumps(good).encode() + b"\n",
        json.dumps(ok, ensure_ascii=False).encode() + b"\r\n",
        b'{"id": 3, "text": "unterminated\n',
        b'{"id": 4, "body": "no text field"}\n',
        b"[1, 2]\n",
        json.dumps({"id": 5, "text": SEED}).encode(),
    ]
    return lines


def test_jsonl_clean_keeps_fields_adds_report_and_passes_malformed_lines(work, capsysbinary, cleaner, clean_text):
    lines = jsonl_corpus(clean_text)
    (work / "c.jsonl").write_bytes(b"".join(lines))
    code = cli.main(["clean", "--jsonl", "--report-key", "spamguard", "c.jsonl"])
    captured = capsysbinary.readouterr()
    out, err = captured.out.splitlines(keepends=True), captured.err.decode()
    assert code == 2 and len(out) == len(lines)
    first = json.loads(out[0])
    expected = cleaner.clean(SEED)
    assert first["text"] == expected.text and first["url"] == "http://example.org/a" and first["id"] == 1
    assert first["spamguard"] == json.loads(json.dumps(expected.to_dict()))
    second = json.loads(out[1])
    assert out[1].endswith(b"\r\n") and second["meta"] == {"lang": "en"} and second["spamguard"]["verdict"] == "clean"
    assert out[2:5] == lines[2:5]  # malformed lines pass through byte for byte
    assert json.loads(out[5])["text"] == expected.text and not out[5].endswith(b"\n")
    for number in (3, 4, 5):
        assert f"c.jsonl:{number}: malformed record" in err
    assert "passed through unchanged" in err and "field 'text' missing" in err


def test_jsonl_clean_without_report_key_leaves_clean_records_byte_identical(work, capsysbinary, clean_text):
    line = json.dumps({"text": clean_text, "x": "\u00e9"}).encode() + b"\n"
    (work / "c.jsonl").write_bytes(line)
    assert cli.main(["clean", "--jsonl", "c.jsonl"]) == 0
    assert capsysbinary.readouterr().out == line


def test_jsonl_other_field_and_in_place(work, capsys, cleaner):
    path = work / "c.jsonl"
    path.write_text(json.dumps({"body": SEED, "text": "untouched"}) + "\n")
    assert run(["clean", "--jsonl", "--field", "body", "--in-place", "c.jsonl"], capsys)[0] == 1
    record = json.loads(path.read_text())
    assert record == {"body": cleaner.clean(SEED).text, "text": "untouched"}
    before = path.stat()
    assert run(["clean", "--jsonl", "--field", "body", "--in-place", "c.jsonl"], capsys)[0] == 0
    assert path.stat().st_ino == before.st_ino


def test_a_wrong_field_names_the_records_string_fields_and_is_reported_once_past_ten(work, capsysbinary):
    lines = [json.dumps({"id": str(i), "body": "An article."}).encode() + b"\n" for i in range(25)]
    (work / "c.jsonl").write_bytes(b"".join(lines))
    code = cli.main(["clean", "--jsonl", "c.jsonl"])
    captured = capsysbinary.readouterr()
    err = captured.err.decode().splitlines()
    assert code == 2 and captured.out == b"".join(lines)  # nothing lost: every record passes through
    assert len([e for e in err if ": malformed record: " in e]) == MALFORMED_SHOWN
    assert "(its string fields: id, body; choose one with --field)" in err[0]
    assert any(e.endswith("c.jsonl: 15 more malformed records (25 in all), likewise") for e in err)


def test_jsonl_check_reports_record_line_numbers(work, capsys, cleaner, clean_text):
    (work / "c.jsonl").write_bytes(b"".join(jsonl_corpus(clean_text)))
    code, out, err = run(["check", "--jsonl", "c.jsonl"], capsys)
    n = len(cleaner.clean(SEED).flags)
    records = [FLAG_LINE.match(line)["line"] for line in out.splitlines()]
    assert code == 2 and records == ["1"] * n + ["6"] * n
    assert "c.jsonl:3: malformed record: invalid JSON" in err and "not checked" in err


def test_jsonl_files_are_recognized_by_name_unless_told_otherwise(work, capsysbinary, cleaner):
    line = json.dumps({"text": SEED}).encode() + b"\n"
    for name in ("c.jsonl", "c.NDJSON", "c.txt"):
        (work / name).write_bytes(line)
    assert cli.main(["clean", "c.jsonl", "c.NDJSON"]) == 0
    cleaned = json.dumps({"text": cleaner.clean(SEED).text}, ensure_ascii=False).encode() + b"\n"
    assert capsysbinary.readouterr().out == cleaned * 2
    cli.main(["clean", "--no-jsonl", "c.jsonl"])
    plain = capsysbinary.readouterr().out
    assert cli.main(["clean", "--jsonl", "c.txt"]) == 0
    assert capsysbinary.readouterr().out == cleaned
    assert plain == cleaner.clean(line.decode()).text.encode()


def test_jsonl_with_worker_processes_matches_serial(work, capsysbinary, clean_text):
    corpus = b"".join(json.dumps({"i": i, "text": t}).encode() + b"\n" for i, t in enumerate([SEED, clean_text] * 3))
    (work / "c.jsonl").write_bytes(corpus)
    assert cli.main(["clean", "--jsonl", "c.jsonl"]) == 0
    serial = capsysbinary.readouterr().out
    assert cli.main(["clean", "--jsonl", "--jobs", "2", "c.jsonl"]) == 0
    assert capsysbinary.readouterr().out == serial and len(serial.splitlines()) == 6
