"""The `spamguard check` command: linter lines, JSON reports, exit codes, bad files."""
import json
import shlex
import subprocess
import sys

import cli_support
import pytest
from cli_support import FLAG_LINE, SEED, TRAILER, child_env, feed_stdin, run

from spamguard.cli.check import format_flag

# the shared fixtures (pytest finds them as attributes of this module)
cleaner, clean_text = cli_support.cleaner, cli_support.clean_text
other_junk, work = cli_support.other_junk, cli_support.work


def test_check_clean_file_exits_0_and_prints_nothing(work, capsys, clean_text):
    (work / "ok.txt").write_text(clean_text)
    assert run(["check", "ok.txt"], capsys) == (0, "", "")


def test_check_junk_prints_one_linter_line_per_flag_and_how_to_silence(work, capsys, cleaner):
    (work / "junk.txt").write_bytes(SEED.encode())
    code, out, err = run(["check", "junk.txt"], capsys)
    flags = cleaner.clean(SEED).flags
    lines = out.splitlines()
    assert code == 1 and len(lines) == len(flags) >= 1
    for line, flag in zip(lines, flags, strict=True):
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


def test_the_excerpt_is_the_flags_own_never_cut_again(work, capsys, cleaner):
    """The library already shortens Flag.excerpt (Settings.excerpt_chars); the command prints it whole."""
    from spamguard.config import Settings

    excerpt_chars = Settings().excerpt_chars

    text = "An article about the weather.\n\n" + "porno izle " * 12 + "\n"
    (work / "long.txt").write_text(text)
    flags = cleaner.clean(text).flags
    assert flags and len(flags[0].excerpt) == excerpt_chars, "precondition: the excerpt was shortened"
    code, out, _ = run(["check", "long.txt"], capsys)
    assert code == 1 and FLAG_LINE.match(out)["excerpt"] == flags[0].excerpt


def test_format_flag_for_a_text_file_and_for_a_record():
    from spamguard.types import Flag

    flag = Flag(10, 20, 3, 5, "casino", ("casino.en", "casino.tr"), 0.876, 'say "hi" ' + "x" * 75)
    quoted = '"say \\"hi\\" ' + "x" * 75 + '"'
    assert format_flag("a.txt", flag, None, "text") == f"a.txt:3:5: casino casino.en,casino.tr 0.88 {quoted}"
    model_only = Flag(0, 4, 1, 1, "boilerplate", (), 0.5, "Ads")
    assert format_flag("c.jsonl", model_only, 7, "body") == 'c.jsonl:7:1: boilerplate model 0.50 "Ads" [body:1:1]'


# --- the reader of our stdout leaves, or there is no stdout ------------------------------------------------------


def reader_leaves_after(monkeypatch, lines_read):
    """Make the report's print fail with EPIPE once `lines_read` lines have been printed."""
    printed = []

    def fake_print(line):
        if len(printed) >= lines_read:
            raise BrokenPipeError(32, "Broken pipe")
        printed.append(line)

    monkeypatch.setattr("spamguard.cli.run.print", fake_print, raising=False)
    return printed


def test_reader_leaving_keeps_the_verdict_junk_found_is_still_1(work, capsys, monkeypatch):
    for name in ("a.txt", "b.txt"):
        (work / name).write_text(SEED)
    reader_leaves_after(monkeypatch, 0)
    code, out, err = run(["check", "a.txt", "b.txt"], capsys)
    assert code == 1 and out == ""
    assert "1 junk span(s) in 1 of 1 documents" in err  # stopped at the first junk: the verdict is known


def test_reader_leaving_during_clean_reports_goes_on_to_find_the_junk(work, capsys, monkeypatch, clean_text):
    (work / "ok.txt").write_text(clean_text)
    (work / "junk.txt").write_text(SEED)
    printed = reader_leaves_after(monkeypatch, 0)
    code, _, err = run(["check", "--format", "json", "ok.txt", "junk.txt"], capsys)
    assert code == 1 and printed == [] and "in 1 of 2 documents" in err


def test_check_piped_into_a_reader_that_left_exits_1_quietly(work):
    (work / "junk.txt").write_text(SEED)
    child = subprocess.Popen([sys.executable, "-m", "spamguard", "check", "junk.txt"], cwd=work,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env())
    child.stdout.close()  # like `| head -c0`
    err = child.stderr.read().decode()
    assert child.wait(timeout=120) == 1
    assert "Traceback" not in err and "Exception ignored" not in err


@pytest.mark.parametrize("command, code, message", [
    ("check junk.txt", 1, ""),  # the verdict is the exit status; the report has nowhere to go
    ("clean junk.txt", 2, "spamguard: standard output is closed; nothing written (use -o OUT)"),
])
def test_closed_stdout(work, command, code, message):
    (work / "junk.txt").write_text(SEED)
    done = subprocess.run(f"{shlex.quote(sys.executable)} -m spamguard {command} >&-", shell=True, cwd=work,
                          stderr=subprocess.PIPE, env=child_env())
    err = done.stderr.decode()
    assert done.returncode == code and message in err and "Traceback" not in err
    assert (work / "junk.txt").read_text() == SEED


# --- what Flag.line and Flag.column point at (spamguard.types.Flag) ---------------------------------------------


def position(text, line, column):
    """The offset of 1-based (line, column), lines as str.splitlines() splits them."""
    lines = text.splitlines(keepends=True)
    return sum(len(piece) for piece in lines[:line - 1]) + column - 1


@pytest.mark.parametrize("variant", ["as-is", "crlf", "indented", "bom"])
def test_line_and_column_point_at_the_first_non_blank_character_of_the_flag(work, capsys, cleaner, variant):
    text = {"as-is": SEED, "crlf": SEED.replace("\n", "\r\n"), "bom": SEED,
            "indented": SEED.replace(TRAILER, "\u00a0\t " + TRAILER)}[variant]  # 3 characters, 5 bytes
    prefix = b"\xef\xbb\xbf" if variant == "bom" else b""
    (work / "junk.txt").write_bytes(prefix + text.encode())
    code, out, _ = run(["check", "--format", "json", "junk.txt"], capsys)
    (flag,) = json.loads(out)["flags"]
    assert code == 1 and TRAILER in flag["excerpt"]
    at = position(text, flag["line"], flag["column"])
    assert text[flag["start"]:at].isspace()  # the span begins with the blank lines removed with the trailer
    assert text[at:flag["end"]].startswith(TRAILER)
    assert (flag["line"], flag["column"]) == (SEED.splitlines().index(TRAILER) + 1, 4 if variant == "indented" else 1)
    linter = FLAG_LINE.match(run(["check", "junk.txt"], capsys)[1])
    assert (int(linter["line"]), int(linter["col"])) == (flag["line"], flag["column"])
