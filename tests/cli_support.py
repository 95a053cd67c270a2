"""Shared by the tests of the `spamguard` command (tests/test_cli_*.py): the seed document, fixtures, helpers.

Most tests call main(argv) in-process; the expected sanitized text always comes from the real Cleaner, so
these tests pin the command's behaviour, not the engine's verdicts.
"""
import io
import os
import re
import sys
from pathlib import Path

import pytest

from spamguard import cli

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
    return [p for p in Path(folder).rglob("*.spamguard-tmp*")]


def child_env():
    """The environment for a `python -m spamguard` child: this checkout first on its path."""
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
