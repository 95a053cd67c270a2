"""The `spamguard clean` command: exact output, safe in-place rewrites, read and write errors."""
import os
import stat

import cli_support
import pytest
from cli_support import SEED, TRAILER, feed_stdin, run, tmp_leftovers

from spamguard import cli, fileio

# the shared fixtures (pytest finds them as attributes of this module)
cleaner, clean_text = cli_support.cleaner, cli_support.clean_text
other_junk, work = cli_support.other_junk, cli_support.work


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
    (SEED.encode("utf-16"), "UTF-16 LE text (byte order mark FF FE); spamguard reads UTF-8: convert it first with"),
    (SEED.encode("utf-32-be"), "binary file (NUL byte at offset 0)"),  # no byte order mark: not recognised
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
    assert code == 2 and "junk.txt: cannot write: No space left on device; the file is unchanged" in err
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
