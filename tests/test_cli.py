"""The `spamguard` command: exit codes, exact output, JSONL, allowlists, baselines, errors without tracebacks.

Most tests call main(argv) in-process; the expected sanitized text always comes from the real Cleaner, so
these tests pin the command's behaviour, not the engine's verdicts.
"""
import io
import json
import os
import re
import stat
import subprocess
import sys
import types
from pathlib import Path

import pytest

from spamguard import cli, fileio

ROOT = Path(__file__).resolve().parents[1]
SEED_PATH = ROOT / "seeds" / "000_7aee77665af4d6e1.txt"
SEED = SEED_PATH.read_bytes().decode("utf-8")
TRAILER = SEED.rstrip().splitlines()[-1]  # the seed's junk trailer line
FLAG_LINE = re.compile(r'^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): '
                       r'(?P<cat>\S+) (?P<rules>\S+) (?P<score>\d\.\d\d) "(?P<excerpt>.*)"')


@pytest.fixture(scope="module")
def cleaner():
    from spamguard.cleaner import Cleaner

    return Cleaner()


@pytest.fixture(scope="module")
def clean_text(cleaner):
    """The seed's first two paragraphs: ordinary news text the engine leaves alone."""
    text = "\n\n".join(SEED.split("\n\n")[:2]) + "\n"
    assert cleaner.clean(text).flags == (), "precondition: the seed's opening paragraphs are clean"
    return text


@pytest.fixture(scope="module")
def other_junk(cleaner):
    """Junk different from the seed trailer (for 'new junk' in baseline tests): an RSS-feed footer."""
    text = SEED.split("\n\n")[0] + "\n\nThe post Iraq weighs the S-400 appeared first on TDO.\n"
    result = cleaner.clean(text)
    assert result.flags, "precondition: the RSS footer is flagged"
    assert all(TRAILER not in f.excerpt for f in result.flags)
    return text


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A scratch folder as the cwd, outside any git repository (no .spamguard-allow found by accident)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def feed_stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def tmp_leftovers(folder):
    return [p for p in Path(folder).rglob("*.spamguard-tmp")]


# --- check ---------------------------------------------------------------------------------------------------


def test_check_clean_file_exits_0_and_prints_nothing(work, capsys, clean_text):
    (work / "ok.txt").write_text(clean_text)
    assert run(["check", "ok.txt"], capsys) == (0, "", "")


def test_check_junk_prints_one_linter_line_per_flag_and_how_to_silence(work, capsys, cleaner):
    (work / "junk.txt").write_bytes(SEED.encode())
    code, out, err = run(["check", "junk.txt"], capsys)
    flags = cleaner.clean(SEED).flags
    lines = out.splitlines()
    assert code == 1 and len(lines) == len(flags) >= 1
    for line, flag in zip(lines, flags):
        m = FLAG_LINE.match(line)
        assert m, line
        assert (m["path"], int(m["line"]), int(m["col"])) == ("junk.txt", flag.line, flag.column)
        assert m["cat"] == flag.category
        assert m["rules"] == (",".join(flag.rules) or "model")
        assert float(m["score"]) == pytest.approx(flag.score, abs=0.005)
    assert any(TRAILER in line for line in lines)
    assert ".spamguard-allow" in err and "--baseline" in err and "clean --in-place" in err


def test_bad_file_is_reported_and_the_run_goes_on_2_wins(work, capsys):
    (work / "junk.txt").write_text(SEED)
    code, out, err = run(["check", "missing.txt", "junk.txt"], capsys)
    assert code == 2
    assert "junk.txt:" in out
    assert "spamguard: missing.txt: cannot read: No such file or directory" in err


def test_check_directory_is_a_read_error(work, capsys):
    (work / "sub").mkdir()
    code, _, err = run(["check", "sub"], capsys)
    assert code == 2 and "sub: is a directory" in err


def test_check_json_gives_the_full_report_per_file(work, capsys, cleaner, clean_text):
    (work / "junk.txt").write_text(SEED)
    (work / "ok.txt").write_text(clean_text)
    code, out, _ = run(["check", "--format", "json", "junk.txt", "ok.txt"], capsys)
    reports = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [r["path"] for r in reports] == ["junk.txt", "ok.txt"]
    expected = cleaner.clean(SEED).to_dict()
    junk = reports[0]
    assert junk["verdict"] == expected["verdict"] and junk["schema_version"] == expected["schema_version"]
    assert [{k: f[k] for k in expected["flags"][0]} for f in junk["flags"]] == expected["flags"]
    assert all(len(f["fingerprint"]) == 64 and f["in_baseline"] is False for f in junk["flags"])
    assert reports[1]["verdict"] == "clean" and reports[1]["flags"] == []


def test_check_stdin(work, capsys, monkeypatch):
    feed_stdin(monkeypatch, SEED.encode())
    code, out, _ = run(["check", "-"], capsys)
    assert code == 1 and out.startswith("<stdin>:")


# --- clean ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["as-is", "crlf", "no-final-newline"])
def test_clean_prints_the_sanitized_text_exactly(work, capsysbinary, cleaner, variant):
    text = {"as-is": SEED, "crlf": SEED.replace("\n", "\r\n"), "no-final-newline": SEED.rstrip("\n")}[variant]
    (work / "in.txt").write_bytes(text.encode())
    assert cli.main(["clean", "in.txt"]) == 0
    assert capsysbinary.readouterr().out == cleaner.clean(text).text.encode()


def test_clean_stdin_to_stdout(work, capsysbinary, monkeypatch, cleaner):
    feed_stdin(monkeypatch, SEED.encode())
    assert cli.main(["clean", "-"]) == 0
    assert capsysbinary.readouterr().out == cleaner.clean(SEED).text.encode()


def test_clean_to_output_file_leaves_the_input(work, capsys, cleaner):
    (work / "in.txt").write_text(SEED)
    assert run(["clean", "in.txt", "-o", "out.txt"], capsys) == (0, "", "")
    assert (work / "out.txt").read_text() == cleaner.clean(SEED).text
    assert (work / "in.txt").read_text() == SEED


def test_in_place_exits_1_when_it_changed_a_file_then_0(work, capsys, cleaner, clean_text):
    junk, ok = work / "junk.txt", work / "ok.txt"
    junk.write_text(SEED)
    ok.write_text(clean_text)
    junk.chmod(0o640)
    before_ok = ok.stat()
    code, out, err = run(["clean", "--in-place", "junk.txt", "ok.txt"], capsys)
    assert code == 1 and out == "" and "Fixing junk.txt" in err and "ok.txt" not in err
    assert junk.read_text() == cleaner.clean(SEED).text and TRAILER not in junk.read_text()
    assert stat.S_IMODE(junk.stat().st_mode) == 0o640
    after_ok = ok.stat()
    assert (after_ok.st_ino, after_ok.st_mtime_ns) == (before_ok.st_ino, before_ok.st_mtime_ns)
    assert run(["clean", "--in-place", "junk.txt", "ok.txt"], capsys) == (0, "", "")
    assert tmp_leftovers(work) == []


def test_in_place_keeps_the_bom(work, capsys, cleaner):
    path = work / "bom.txt"
    path.write_bytes(fileio.BOM + SEED.encode())
    assert run(["clean", "-i", "bom.txt"], capsys)[0] == 1
    assert path.read_bytes() == fileio.BOM + cleaner.clean(SEED).text.encode()


@pytest.mark.parametrize("content, reason", [
    ("café\n".encode("latin-1"), "not valid UTF-8"),
    (b"GIF89a\x00\x01junk", "binary file"),
])
@pytest.mark.parametrize("command", [["check"], ["clean", "--in-place"], ["clean"]])
def test_undecodable_or_binary_file_exit_2_and_byte_identical(work, capsys, content, reason, command):
    path = work / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(command + ["bad.txt"], capsys)
    assert code == 2 and out == ""
    assert f"spamguard: bad.txt: {reason}" in err
    assert path.read_bytes() == content


def test_read_only_file_in_place_exit_2_untouched(work, capsys):
    path = work / "ro.txt"
    path.write_text(SEED)
    path.chmod(0o444)
    code, _, err = run(["clean", "--in-place", "ro.txt"], capsys)
    assert code == 2 and "ro.txt: file is read-only; not changed" in err
    assert path.read_text() == SEED


def test_failed_in_place_write_leaves_the_original(work, capsys, monkeypatch):
    path = work / "junk.txt"
    path.write_text(SEED)

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    code, _, err = run(["clean", "--in-place", "junk.txt"], capsys)
    assert code == 2 and "junk.txt: No space left on device" in err
    assert path.read_text() == SEED and tmp_leftovers(work) == []


def test_interrupt_during_in_place_write_exits_130_and_leaves_the_original(work, capsys, monkeypatch):
    path = work / "junk.txt"
    path.write_text(SEED)

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    code, _, err = run(["clean", "--in-place", "junk.txt"], capsys)
    assert code == 130 and "interrupted" in err
    assert path.read_text() == SEED and tmp_leftovers(work) == []


def test_reader_leaving_the_pipe_ends_the_run_quietly(work, capsys, monkeypatch):
    (work / "a.txt").write_text(SEED)
    (work / "b.txt").write_text(SEED)
    writes = []

    def closed_pipe(data):
        writes.append(data)
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(fileio, "write_stdout", closed_pipe)
    assert run(["clean", "a.txt", "b.txt"], capsys) == (0, "", "")
    assert len(writes) == 1  # stopped at the first failed write, b.txt not processed


# --- usage errors --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [
    [], ["bogus"], ["check"], ["clean"], ["check", "--threshold", "1.5", "a"], ["check", "--threshold", "x", "a"],
    ["check", "--jobs", "0", "a"], ["check", "--update-baseline", "a"], ["clean", "-o", "o", "a", "b"],
    ["clean", "--in-place", "-"], ["clean", "--in-place", "-o", "o", "a"],
    ["clean", "--no-jsonl", "--report-key", "r", "a"],
    ["clean", "--jsonl", "--report-key", "text", "a"], ["check", "--format", "xml", "a"], ["train"],
    ["check", "--jsonl", "--no-jsonl", "a"],
    ["train", "--data", "d.jsonl"], ["eval"],
])
def test_usage_errors_exit_2_with_usage(work, capsys, argv):
    code, out, err = run(argv, capsys)
    assert code == 2 and out == "" and "usage: spamguard" in err


def test_help_exits_0(capsys):
    code, out, _ = run(["--help"], capsys)
    assert code == 0 and "check" in out and "clean" in out


def test_missing_model_directory_exit_2_with_reason(work, capsys):
    (work / "a.txt").write_text(SEED)
    code, _, err = run(["check", "--model", str(work / "no-model"), "a.txt"], capsys)
    assert code == 2 and "no-model" in err


def test_keyboard_interrupt_exits_130_without_traceback(work, capsys, monkeypatch):
    (work / "a.txt").write_text(SEED)

    def interrupted(path):
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio, "read_text", interrupted)
    code, _, err = run(["check", "a.txt"], capsys)
    assert code == 130 and "interrupted" in err


# --- JSON Lines ----------------------------------------------------------------------------------------------


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
    assert len([e for e in err if ": malformed record: " in e]) == cli.MALFORMED_SHOWN
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


# --- allowlist -----------------------------------------------------------------------------------------------


def make_repo(path: Path) -> Path:
    (path / ".git").mkdir(parents=True)
    return path


def test_allowlist_in_the_repo_root_silences_exact_lines(work, capsys):
    repo = make_repo(work / "repo")
    (repo / "docs").mkdir()
    (repo / "docs" / "a.txt").write_text(SEED)
    (repo / ".spamguard-allow").write_text(f"# our site's tagline, not spam\n\n  {TRAILER}  \n")
    assert run(["check", "repo/docs/a.txt"], capsys) == (0, "", "")
    assert run(["clean", "--in-place", "repo/docs/a.txt", "repo/.spamguard-allow"], capsys)[0] == 0
    assert (repo / "docs" / "a.txt").read_text() == SEED


def test_allow_option_with_a_regex(work, capsys):
    (work / "a.txt").write_text(SEED)
    (work / "allow.txt").write_text("re:^porno\\s+izle\n")
    assert run(["check", "--allow", "allow.txt", "a.txt", "allow.txt"], capsys) == (0, "", "")


def test_allowlist_found_from_the_cwd_for_stdin(work, capsys, monkeypatch):
    (work / ".spamguard-allow").write_text(TRAILER + "\n")
    feed_stdin(monkeypatch, SEED.encode())
    assert run(["check", "-"], capsys)[0] == 0


def test_allowlist_does_not_leak_into_another_repo(work, capsys):
    quiet, loud = make_repo(work / "quiet"), make_repo(work / "loud")
    (quiet / ".spamguard-allow").write_text(TRAILER + "\n")
    (quiet / "a.txt").write_text(SEED)
    (loud / "a.txt").write_text(SEED)
    code, out, _ = run(["check", "quiet/a.txt", "loud/a.txt"], capsys)
    assert code == 1 and "loud/a.txt:" in out and "quiet/a.txt:" not in out


def test_missing_allow_file_exit_2(work, capsys):
    (work / "a.txt").write_text(SEED)
    code, _, err = run(["check", "--allow", "nope", "a.txt"], capsys)
    assert code == 2 and "nope: cannot read" in err


# --- baseline ------------------------------------------------------------------------------------------------


def test_baseline_adopts_existing_junk_and_fails_only_on_new(work, capsys, other_junk):
    (work / "old.txt").write_text(SEED)
    code, out, err = run(["check", "--baseline", "base.json", "old.txt"], capsys)
    assert code == 0 and out == "" and "wrote base.json" in err
    stored = (work / "base.json").read_text()
    assert TRAILER not in stored  # the baseline holds hashes, never the junk itself
    assert json.loads(stored)["entries"]

    # the same junk moved to other lines and another file is still known
    (work / "moved.txt").write_text("Intro line.\n\n" + SEED)
    assert run(["check", "--baseline", "base.json", "old.txt", "moved.txt", "base.json"], capsys) == (0, "", "")

    (work / "new.txt").write_text(other_junk)
    code, out, err = run(["check", "--baseline", "base.json", "old.txt", "new.txt"], capsys)
    assert code == 1 and out and all(line.startswith("new.txt:") for line in out.splitlines())
    assert TRAILER not in out

    code, _, err = run(["check", "--baseline", "base.json", "--update-baseline", "old.txt", "new.txt"], capsys)
    assert code == 0 and "wrote base.json" in err
    assert run(["check", "--baseline", "base.json", "old.txt", "new.txt"], capsys) == (0, "", "")


def test_baseline_json_marks_known_flags(work, capsys):
    (work / "a.txt").write_text(SEED)
    run(["check", "--baseline", "b.json", "a.txt"], capsys)
    code, out, _ = run(["check", "--baseline", "b.json", "--format", "json", "a.txt"], capsys)
    flags = json.loads(out)["flags"]
    assert code == 0 and flags and all(f["in_baseline"] for f in flags)


def test_update_baseline_on_some_files_keeps_the_others(work, capsys, other_junk):
    (work / "a.txt").write_text(SEED)
    (work / "b.txt").write_text(other_junk)
    run(["check", "--baseline", "b.json", "a.txt", "b.txt"], capsys)
    (work / "b.txt").write_text("Nothing to see.\n")
    assert run(["check", "--baseline", "b.json", "--update-baseline", "b.txt"], capsys)[0] == 0
    assert run(["check", "--baseline", "b.json", "a.txt"], capsys)[:2] == (0, "")
    (work / "b.txt").write_text(other_junk)
    assert run(["check", "--baseline", "b.json", "b.txt"], capsys)[0] == 1


def test_corrupt_baseline_exit_2(work, capsys):
    (work / "a.txt").write_text(SEED)
    (work / "b.json").write_text("{not json")
    code, _, err = run(["check", "--baseline", "b.json", "a.txt"], capsys)
    assert code == 2 and "b.json: unreadable baseline" in err


# --- rules, train, eval --------------------------------------------------------------------------------------


def test_rules_lists_every_rule(capsys):
    from spamguard.rules import RULES

    code, out, _ = run(["rules"], capsys)
    assert code == 0 and len(out.splitlines()) == len(RULES) + 1
    for rule in RULES:
        assert any(line.startswith(rule.id + " ") and rule.category in line for line in out.splitlines())
    code, out, _ = run(["rules", "--format", "json"], capsys)
    assert [r["id"] for r in json.loads(out)] == [r.id for r in RULES]


def test_train_wiring(work, capsys, monkeypatch):
    calls = []
    fake = types.SimpleNamespace(train_from_file=lambda data, out, base, seed: calls.append((data, out, base, seed))
                                 or {"f1": 0.9})
    monkeypatch.setitem(sys.modules, "spamguard.train", fake)
    formatter = types.SimpleNamespace(format_metrics=lambda d: f"f1={d['f1']}")
    monkeypatch.setitem(sys.modules, "spamguard.evaluate", formatter)
    code, out, _ = run(["train", "--data", "d.jsonl", "--out", "m", "--base", "--seed", "7"], capsys)
    assert code == 0 and calls == [("d.jsonl", "m", True, 7)]
    assert out == "wrote the model to m; held-out metrics:\nf1=0.9\n"
    run(["train", "--data", "d.jsonl", "--out", "m"], capsys)
    assert calls[-1] == ("d.jsonl", "m", False, 0)


def test_eval_wiring(work, capsys, monkeypatch):
    seen = []
    fake = types.SimpleNamespace(evaluate_file=lambda data, cleaner: seen.append((data, cleaner)) or {"f1": 1.0},
                                 format_metrics=lambda d: f"f1={d['f1']}")
    monkeypatch.setitem(sys.modules, "spamguard.evaluate", fake)
    code, out, _ = run(["eval", "--data", "d.jsonl"], capsys)
    assert code == 0 and out == "f1=1.0\n" and seen[0][0] == "d.jsonl" and hasattr(seen[0][1], "clean")


def test_train_module_missing_exit_2(work, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "spamguard.train", None)
    code, _, err = run(["train", "--data", "d.jsonl", "--out", "m"], capsys)
    assert code == 2 and "training is not available" in err


# --- progress line -------------------------------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_line_on_a_terminal_only():
    tty = FakeTerminal()
    console = cli.Console(tty, min_seconds=0)
    for junk in (True, False, True):
        console.count(junk)
    console.finish()
    assert re.search(r"3 docs, [\d,]+ docs/s, 2 with junk\n$", tty.getvalue())
    piped = io.StringIO()
    console = cli.Console(piped, min_seconds=0)
    console.count(True)
    console.finish()
    assert piped.getvalue() == ""


# --- real processes ------------------------------------------------------------------------------------------


def test_console_script_and_python_m(work, cleaner):
    (work / "a.txt").write_bytes(SEED.encode())
    script = Path(sys.executable).with_name("spamguard")
    if not script.exists():
        pytest.skip(f"console script not installed next to {sys.executable} (pip install -e .)")
    checked = subprocess.run([str(script), "check", "a.txt"], capture_output=True, text=True)
    assert checked.returncode == 1 and checked.stdout.startswith("a.txt:") and "Traceback" not in checked.stderr
    cleaned = subprocess.run([sys.executable, "-m", "spamguard", "clean", "a.txt"], capture_output=True)
    assert cleaned.returncode == 0 and cleaned.stdout == cleaner.clean(SEED).text.encode()


def test_check_and_clean_never_import_scikit_learn(work):
    (work / "a.txt").write_text(SEED)
    probe = ("import sys\nfrom spamguard.cli import main\n"
             "main(['check', 'a.txt']); main(['clean', '-o', 'b.txt', 'a.txt'])\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'scipy', 'pandas'}))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def test_train_and_eval_with_a_missing_data_file_exit_2(work, capsys):
    pytest.importorskip("spamguard.train")
    for argv in (["train", "--data", "missing.jsonl", "--out", "m"], ["eval", "--data", "missing.jsonl", "--no-model"]):
        code, _, err = run(argv, capsys)
        assert code == 2 and "missing.jsonl" in err
