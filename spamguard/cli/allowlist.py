"""Allowlist files and the cleaners they configure: one Cleaner per distinct allowlist, cached per folder."""
from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from spamguard import fileio
from spamguard.errors import SpamguardError

if TYPE_CHECKING:
    from spamguard.cleaner import Cleaner
    from spamguard.evidence.memory import CorpusMemory

ALLOW_FILE = ".spamguard-allow"


def read_allowlist(path: str) -> list[str]:
    """Entries of an allowlist file: one exact line or `re:` regex per line; blank and `#` lines skipped."""
    text = fileio.read_text(path).text
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def repo_root(start: str) -> str:
    """The git top-level containing folder `start` (first parent holding `.git`), else the cwd."""
    folder = os.path.abspath(start)
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return os.getcwd()
        folder = parent


class Cleaners:
    """One Cleaner per distinct allowlist (a repository's `.spamguard-allow` plus every --allow FILE)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.model = args.model
        self.threshold = args.threshold
        self.use_model = args.use_model
        self.extra = tuple(entry for path in args.allow for entry in read_allowlist(path))
        self.memory: CorpusMemory | None = None  # what every cleaner judges with; set before the first is made
        self._roots: dict[str, str] = {}
        self._allow: dict[str, tuple[str, ...]] = {}
        self._cleaners: dict[tuple[str, ...], Cleaner] = {}

    def for_path(self, path: str) -> Cleaner:
        """The cleaner for `path`: its repository's allowlist plus the --allow files (stdin: the cwd's)."""
        folder = os.getcwd() if path == fileio.STDIO else os.path.dirname(os.path.abspath(path))
        root = self._roots.get(folder)
        if root is None:
            root = self._roots[folder] = repo_root(folder)
        if root not in self._allow:
            found = os.path.join(root, ALLOW_FILE)
            self._allow[root] = tuple(read_allowlist(found)) if os.path.isfile(found) else ()
        return self.get(self._allow[root] + self.extra)

    def get(self, allow: tuple[str, ...] = ()) -> Cleaner:
        """The cleaner for exactly these allowlist entries (built, and its model loaded, on first use)."""
        cleaner = self._cleaners.get(allow)
        if cleaner is None:
            from spamguard.cleaner import Cleaner

            try:
                cleaner = Cleaner(model=self.model, threshold=self.threshold, allow=allow, use_model=self.use_model,
                                  memory=self.memory)
            except (TypeError, ValueError) as exc:
                raise SpamguardError(f"invalid option: {exc}") from None
            self._cleaners[allow] = cleaner
        return cleaner
