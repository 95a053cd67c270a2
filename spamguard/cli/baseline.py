"""The baseline: known flags, keyed by a path-independent content hash, in a versioned JSON file.

A baseline file is {"spamguard_baseline": FORMAT, "about": "...", "entries": {sha256: entry}}, an entry being
{"category", "rules", "paths"}; it never holds the junk text itself. Reading goes through UPGRADES, one step
per format version (N -> N+1), so a file written by an older spamguard is read, and rewritten by
--update-baseline, in the current format; a file from a newer spamguard is refused, never half-understood.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spamguard import fileio
from spamguard.errors import InputError

if TYPE_CHECKING:
    from spamguard.types import Flag

BASELINE_FORMAT = 1
ABOUT = ("Known junk accepted by `spamguard check --baseline`; keys are sha256 of category NUL flagged text. "
         "Regenerate with --update-baseline.")

# UPGRADES[n] turns a format-n document into a format-(n + 1) one. Bump BASELINE_FORMAT only with a new step
# here and a test that reads a literal file of the old format (tests/test_cli_baseline.py).
UPGRADES: dict[int, Callable[[dict], dict]] = {}


class NotABaseline(ValueError):
    """The file is not a spamguard baseline (or a damaged one)."""

    def __init__(self) -> None:
        super().__init__(f"not a spamguard baseline (format {BASELINE_FORMAT})")


class NewerFormat(ValueError):
    """The baseline was written by a newer spamguard, in a format this one does not know."""


def fingerprint(text: str, flag: Flag) -> str:
    """sha256 of the flag's category and the flagged text (whitespace-trimmed): stable across line moves."""
    content = f"{flag.category}\0{text[flag.start:flag.end].strip()}"
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


def upgrade(document: object) -> dict:
    """A parsed baseline file in the current format; ValueError when it is not a baseline (NewerFormat when a
    newer spamguard wrote it)."""
    if not isinstance(document, dict):
        raise NotABaseline
    version = document.get("spamguard_baseline")
    if type(version) is not int or version < 1:  # (a bool is not a version)
        raise NotABaseline
    if version > BASELINE_FORMAT:
        raise NewerFormat(f"baseline format {version} was written by a newer spamguard; this one reads format "
                          f"{BASELINE_FORMAT} and older: upgrade spamguard")
    while version < BASELINE_FORMAT:
        document = {**UPGRADES[version](document), "spamguard_baseline": version + 1}
        version += 1
    if not isinstance(document.get("entries"), dict):
        raise NotABaseline
    return document


@dataclass
class Baseline:
    """Known flags. Entries carry the category, rules and the paths they were seen in, never the junk text,
    so the committed baseline holds no junk of its own. Paths only scope --update-baseline."""

    path: str
    entries: dict[str, dict] = field(default_factory=dict)
    exists: bool = False

    @classmethod
    def load(cls, path: str) -> Baseline:
        """The baseline at `path` (empty when there is no file yet); InputError when it cannot be used."""
        if not os.path.exists(path):
            return cls(path)
        text = fileio.read_text(path).text
        try:
            document = upgrade(json.loads(text))
        except NewerFormat as exc:
            raise InputError(f"{path}: {exc}") from None
        except ValueError as exc:
            raise InputError(f"{path}: unreadable baseline: {exc}; delete it to write a new one") from None
        return cls(path, document["entries"], exists=True)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def rewrite(self, checked_paths: Iterable[str], seen: dict[str, dict]) -> None:
        """Replace what is known about `checked_paths` by `seen`; entries from other files are kept."""
        checked = {key_path(p) for p in checked_paths}
        merged: dict[str, dict] = {}
        for key, entry in self.entries.items():
            paths = [p for p in entry.get("paths", []) if p not in checked]
            if paths:
                merged[key] = {**entry, "paths": paths}
        for key, entry in seen.items():
            old = merged.get(key)
            paths = sorted(set(entry["paths"]) | set(old["paths"] if old else ()))
            merged[key] = {**entry, "paths": paths}
        self.entries = merged
        document = {"spamguard_baseline": BASELINE_FORMAT, "about": ABOUT, "entries": dict(sorted(merged.items()))}
        fileio.write_bytes(self.path, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def key_path(path: str) -> str:
    """How a checked path is recorded in the baseline: normalized, with forward slashes (stdin: `<stdin>`)."""
    return "<stdin>" if path == fileio.STDIO else os.path.normpath(path).replace(os.sep, "/")
