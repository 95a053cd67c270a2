"""check --baseline: adopting existing junk, failing only on new junk, the versioned file."""
import json

import cli_support
import pytest
from cli_support import SEED, TRAILER, run

from spamguard.cli import baseline

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


# --- the file format: versions and upgrades -------------------------------------------------------------------

# A baseline exactly as spamguard wrote it in format 1 (`spamguard check --baseline base.json a.txt` on the seed,
# before the cli became a package). Keep it literal: it is the file users have committed.
BASELINE_V1 = """\
{
  "spamguard_baseline": 1,
  "about": "Known junk accepted by `spamguard check --baseline`; keys are sha256 of category NUL flagged text. \
Regenerate with --update-baseline.",
  "entries": {
    "55420228c86d28e92ca11fc1d190bcfa674d9a442818a46fb66dd927c9f79693": {
      "category": "adult",
      "rules": [
        "adult.tr",
        "adult.en"
      ],
      "paths": [
        "a.txt"
      ]
    }
  }
}
"""


def test_a_format_1_file_is_read_and_rewritten_in_the_current_format(work, capsys):
    (work / "a.txt").write_text(SEED)
    (work / "base.json").write_text(BASELINE_V1)
    assert run(["check", "--baseline", "base.json", "a.txt"], capsys) == (0, "", "")
    assert (work / "base.json").read_text() == BASELINE_V1  # a plain check never rewrites the baseline
    code, _, err = run(["check", "--baseline", "base.json", "--update-baseline", "a.txt"], capsys)
    assert code == 0 and "wrote base.json with 1 known flag(s)" in err
    rewritten = json.loads((work / "base.json").read_text())
    assert rewritten["spamguard_baseline"] == baseline.BASELINE_FORMAT
    assert rewritten["entries"] == json.loads(BASELINE_V1)["entries"]
    if baseline.BASELINE_FORMAT == 1:  # same format: the very same bytes
        assert (work / "base.json").read_text() == BASELINE_V1


def test_each_upgrade_step_runs_in_order_and_the_file_is_rewritten_in_the_newest_format(work, capsys, monkeypatch):
    calls = []

    def step(number):
        def upgrade_entries(document):
            calls.append(number)
            entries = {key: {**entry, "steps": entry.get("steps", []) + [number]}
                       for key, entry in document["entries"].items()}
            return {**document, "entries": entries}
        return upgrade_entries

    monkeypatch.setattr(baseline, "BASELINE_FORMAT", 3)
    monkeypatch.setattr(baseline, "UPGRADES", {1: step(1), 2: step(2)})
    (work / "a.txt").write_text(SEED)
    (work / "base.json").write_text(BASELINE_V1)
    assert run(["check", "--baseline", "base.json", "a.txt"], capsys) == (0, "", "")
    assert calls == [1, 2]
    assert run(["check", "--baseline", "base.json", "--update-baseline", "a.txt"], capsys)[0] == 0
    document = json.loads((work / "base.json").read_text())
    assert document["spamguard_baseline"] == 3
    # the entries were upgraded, then refreshed from this run's flags (which carry no "steps")
    key = "55420228c86d28e92ca11fc1d190bcfa674d9a442818a46fb66dd927c9f79693"
    assert list(document["entries"]) == [key] and document["entries"][key]["paths"] == ["a.txt"]


def test_upgrade_applies_the_steps_from_the_files_version():
    old = json.loads(BASELINE_V1)
    assert baseline.upgrade(old) == old  # the current format: nothing to do
    steps = {1: lambda d: {**d, "entries": {}, "one": True}, 2: lambda d: {**d, "two": d["one"]}}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(baseline, "BASELINE_FORMAT", 3)
        mp.setattr(baseline, "UPGRADES", steps)
        upgraded = baseline.upgrade(old)
        assert upgraded["spamguard_baseline"] == 3 and upgraded["two"] is True and upgraded["entries"] == {}
        from_two = baseline.upgrade({**old, "spamguard_baseline": 2, "one": "kept"})
        assert from_two["two"] == "kept" and from_two["entries"] == old["entries"]


def test_a_baseline_from_a_newer_spamguard_is_refused_and_left_alone(work, capsys):
    newer = baseline.BASELINE_FORMAT + 1
    content = json.dumps({"spamguard_baseline": newer, "entries": {}, "new_field": [1]})
    (work / "a.txt").write_text(SEED)
    (work / "b.json").write_text(content)
    for argv in (["check", "--baseline", "b.json", "a.txt"],
                 ["check", "--baseline", "b.json", "--update-baseline", "a.txt"]):
        code, out, err = run(argv, capsys)
        assert code == 2 and out == ""
        assert f"spamguard: b.json: baseline format {newer} was written by a newer spamguard" in err
        assert "upgrade spamguard" in err and "delete it" not in err
    assert (work / "b.json").read_text() == content


@pytest.mark.parametrize("document", [
    {"spamguard_baseline": 0, "entries": {}},
    {"spamguard_baseline": "1", "entries": {}},
    {"spamguard_baseline": True, "entries": {}},
    {"entries": {}},
    {"spamguard_baseline": 1, "entries": []},
    [1, 2],
])
def test_a_file_of_unknown_version_or_shape_is_not_a_baseline(work, capsys, document):
    (work / "a.txt").write_text(SEED)
    (work / "b.json").write_text(json.dumps(document))
    code, out, err = run(["check", "--baseline", "b.json", "a.txt"], capsys)
    assert code == 2 and out == ""
    assert "spamguard: b.json: unreadable baseline: not a spamguard baseline (format 1); delete it" in err
