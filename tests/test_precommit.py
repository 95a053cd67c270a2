"""The hooks in .pre-commit-hooks.yaml, driven by the real pre-commit framework.

Slow: pre-commit clones this checkout at its current commit (HEAD: commit your changes to test them) and
builds its own virtualenv by pip-installing it; PRE_COMMIT_HOME is shared by the tests of this module so
that happens once. Every test is marked `precommit` (skip them with `-m "not precommit"`).
"""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "seeds" / "000_7aee77665af4d6e1.txt").read_bytes().decode("utf-8")
HOOK_FILES = (".pre-commit-hooks.yaml", "setup.cfg", "spamguard/cli/__init__.py")
SHIPPED_MODEL = ("models/model.joblib", "models/model-card.json")

pytestmark = pytest.mark.precommit


def _git(*args, cwd, env=None):
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def hook_rev():
    """The commit of this checkout that pre-commit will install, or a skip saying why it cannot."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    try:
        rev = _git("rev-parse", "HEAD", cwd=ROOT).strip()
        _git("ls-files", "--error-unmatch", *HOOK_FILES, cwd=ROOT)
    except subprocess.CalledProcessError as exc:
        pytest.skip(f"{ROOT} is not a git checkout with the hook files committed: {exc.stderr.strip()}")
    try:
        _git("ls-files", "--error-unmatch", *SHIPPED_MODEL, cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.fail(f"HEAD ({rev[:12]}) has no committed shipped model ({', '.join(SHIPPED_MODEL)}): "
                    "the hook pre-commit installs from it could not load one", pytrace=False)
    return rev


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")
    return dict(
        os.environ,
        PRE_COMMIT_HOME=str(home),
        PRE_COMMIT_COLOR="never",
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
    )


@pytest.fixture(scope="module")
def clean_text():
    from spamguard.cleaner import Cleaner

    text = "\n\n".join(SEED.split("\n\n")[:2]) + "\n"
    assert Cleaner().clean(text).flags == (), "precondition: the seed's opening paragraphs are clean"
    return text


@pytest.fixture
def project(tmp_path, hook_rev, env, clean_text):
    """A git repository using both hooks, with a committed junk file, a clean file and a JSONL corpus."""
    repo = tmp_path / "corpus"
    repo.mkdir()
    _git("init", "-q", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT}\n"
        f"    rev: {hook_rev}\n"
        "    hooks:\n"  # limited to the corpus, as a user would: the hooks' own default is every text file
        "      - id: spamguard-check\n"
        "        files: \\.(txt|jsonl)$\n"
        "      - id: spamguard-fix\n"
        "        files: \\.(txt|jsonl)$\n"
    )
    (repo / "junk.txt").write_bytes(SEED.encode())
    (repo / "ok.txt").write_bytes(clean_text.encode())
    records = [{"id": 1, "text": SEED}, {"id": 2, "text": clean_text}]
    (repo / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    _git("add", ".", cwd=repo, env=env)
    _git("commit", "-q", "--no-verify", "-m", "corpus", cwd=repo, env=env)
    return repo


def pre_commit(repo, env, *args):
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", *args, "--all-files"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=1200)
    return done.returncode, done.stdout + done.stderr


def test_check_hook_fails_on_junk_and_passes_the_clean_file(project, env):
    code, output = pre_commit(project, env, "spamguard-check")
    assert code == 1, output
    assert "junk.txt:" in output and "ok.txt:" not in output
    assert "corpus.jsonl:1:1:" in output and "corpus.jsonl:2:" not in output  # JSON Lines, by the file's name
    assert ".spamguard-allow" in output  # tells the user how to silence a false positive


def test_fix_hook_rewrites_junk_then_the_check_passes(project, env):
    from spamguard.cleaner import Cleaner

    ok_before = (project / "ok.txt").stat()
    code, output = pre_commit(project, env, "spamguard-fix")
    assert code == 1 and "files were modified by this hook" in output, output
    expected = Cleaner().clean(SEED).text
    assert (project / "junk.txt").read_bytes() == expected.encode()
    records = [json.loads(line) for line in (project / "corpus.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == [1, 2] and records[0]["text"] == expected
    ok_after = (project / "ok.txt").stat()
    assert (ok_after.st_ino, ok_after.st_mtime_ns) == (ok_before.st_ino, ok_before.st_mtime_ns)

    _git("add", "-u", cwd=project, env=env)  # what the user does next
    code, output = pre_commit(project, env, "spamguard-check")
    assert code == 0, output
