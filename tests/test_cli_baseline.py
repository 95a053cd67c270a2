"""check --baseline: adopting existing junk, failing only on new junk, the versioned file."""
import json

import cli_support
from cli_support import SEED, TRAILER, run

# the shared fixtures (pytest finds them as attributes of this module)
cleaner, clean_text = cli_support.cleaner, cli_support.clean_text
other_junk, work = cli_support.other_junk, cli_support.work


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
