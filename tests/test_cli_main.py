"""The command as a whole: usage errors, allowlists, rules/train/eval, the progress line, real processes."""
import io
import json
import re
import subprocess
import sys
import types
from pathlib import Path

import cli_support
import pytest
from cli_support import ROOT, SEED, TRAILER, feed_stdin, run

from spamguard import fileio
from spamguard.cli.console import Console

# the shared fixtures (pytest finds them as attributes of this module)
cleaner, clean_text = cli_support.cleaner, cli_support.clean_text
other_junk, work = cli_support.other_junk, cli_support.work


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


@pytest.mark.parametrize("argv, unknown", [
    (["--bogus"], "--bogus"), (["check", "--bogus"], "--bogus"), (["--bogus", "check"], "--bogus"),
    (["check", "--bogus", "a.txt"], "--bogus"), (["clean", "-x", "--nope=1"], "-x --nope=1"),
    (["rules", "--bogus"], "--bogus"),
])
def test_an_unknown_option_is_named_even_without_command_or_path(work, capsys, argv, unknown):
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert err.splitlines()[-1].endswith(f"error: unrecognized arguments: {unknown}")


@pytest.mark.parametrize("argv, missing", [([], "COMMAND"), (["check", "--thr=0.5"], "PATH"),
                                           (["clean", "--allo", "x"], "PATH")])
def test_known_or_abbreviated_options_still_get_the_missing_argument_error(work, capsys, argv, missing):
    code, _, err = run(argv, capsys)
    assert code == 2 and err.splitlines()[-1].endswith(f"the following arguments are required: {missing}")


def test_a_path_after_double_dash_is_not_an_option(work, capsys):
    assert run(["check", "--", "-x"], capsys) == (2, "", "spamguard: -x: cannot read: No such file or directory\n")


def test_version(capsys):
    from spamguard import __version__

    assert run(["--version"], capsys) == (0, f"spamguard {__version__}\n", "")


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


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_line_on_a_terminal_only():
    tty = FakeTerminal()
    console = Console(tty, min_seconds=0)
    for junk in (True, False, True):
        console.count(junk)
    console.finish()
    assert re.search(r"3 docs, [\d,]+ docs/s, 2 with junk\n$", tty.getvalue())
    piped = io.StringIO()
    console = Console(piped, min_seconds=0)
    console.count(True)
    console.finish()
    assert piped.getvalue() == ""


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


def test_every_subpackage_is_listed_for_installation():
    import configparser

    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    listed = {name.strip() for name in config["options"]["packages"].replace("\n", ",").split(",")}
    subpackages = {f"spamguard.{p.parent.name}" for p in (ROOT / "spamguard").glob("*/__init__.py")}
    assert subpackages and subpackages <= listed, f"missing from setup.cfg: {sorted(subpackages - listed)}"
