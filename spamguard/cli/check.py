"""`spamguard check`: report junk like a linter, one line per flag; exit 1 when there is new junk."""
from __future__ import annotations

import argparse
import json
import os
from typing import TYPE_CHECKING

from spamguard import fileio
from spamguard.cli.allowlist import ALLOW_FILE
from spamguard.cli.baseline import Baseline, fingerprint, key_path
from spamguard.cli.jsonl import is_jsonl, jsonl_results
from spamguard.cli.memory import judging_memory
from spamguard.cli.run import Run, label, new_run

if TYPE_CHECKING:
    from spamguard.types import Flag, Report, Result

SILENCE_HINT = """\
  Not junk? Add the exact line, or re:<regex> for a pattern, to {allow} in the repository root
  (or pass --allow FILE); allowlisted lines are never flagged.
  Adopting spamguard on an existing corpus? `spamguard check --baseline .spamguard-baseline.json PATH...`
  records today's flags; later runs fail only on new junk.
  To remove the junk: `spamguard clean --in-place PATH...`."""


def add_parser(commands: argparse._SubParsersAction, texts: argparse.ArgumentParser) -> None:
    """The `check` subcommand and its options (`texts`: the options every text command takes)."""
    check = commands.add_parser("check", parents=[texts], help="report junk like a linter (exit 1 if found)",
                                description="Report junk, one line per flag: path:line:col: category rule score "
                                "\"excerpt\". Exit 0 clean, 1 junk found, 2 errors.")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="json: one full report per file (or record) per line")
    check.add_argument("--baseline", metavar="FILE",
                       help="known flags: written when FILE does not exist, otherwise only new junk fails")
    check.add_argument("--update-baseline", action="store_true", help="rewrite --baseline FILE with current flags")
    check.set_defaults(handler=cmd_check, validate=lambda args: validate_check(args, check))


def validate_check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Usage errors argparse cannot see on its own (exit 2 with the usage)."""
    if args.update_baseline and not args.baseline:
        parser.error("--update-baseline needs --baseline FILE")


class Checker:
    """Reports the flags of each document and keeps the counts and the flags seen for the baseline."""

    def __init__(self, run: Run, baseline: Baseline | None) -> None:
        self.run = run
        self.args = run.args
        self.baseline = baseline
        self.adopting = baseline is not None and (self.args.update_baseline or not baseline.exists)
        self.seen: dict[str, dict] = {}
        self.new = self.known = self.junk_files = 0

    def handle(self, path: str) -> None:
        """Check one file: plain text, or every record of a JSONL file."""
        if is_jsonl(self.args, path):
            with fileio.open_input(path) as stream:
                for rec, result in jsonl_results(self.run, path, stream):
                    if result is not None and rec.obj is not None:
                        self.report(path, rec.obj[self.args.field], result, rec.line)
            return
        source = fileio.read_text(path)
        checked = self.run.cleaners.for_path(path).check(source.text)
        self.run.console.count(bool(checked.flags))
        self.report(path, source.text, checked)

    def report(self, path: str, text: str, result: Result | Report, record: int | None = None) -> None:
        """Print the flags of one document (json: its full report) that the baseline does not know.

        Text output is written a flag at a time, and a flag is fingerprinted only when there is a baseline: a big
        file can hold hundreds of thousands of flags."""
        details = []
        new = 0
        for flag in result.flags:
            key = fingerprint(text, flag) if self.baseline is not None else ""
            known = self.adopting or (self.baseline is not None and key in self.baseline)
            if self.baseline is not None:
                entry = self.seen.setdefault(key, {"category": flag.category, "rules": list(flag.rules), "paths": []})
                if key_path(path) not in entry["paths"]:
                    entry["paths"].append(key_path(path))
            if self.args.format == "json":
                details.append({**flag.to_dict(), "fingerprint": key or fingerprint(text, flag), "in_baseline": known})
            elif not known:
                self.run.emit(format_flag(label(path), flag, record, self.args.field))
            new += not known
        self.new += new
        self.known += len(result.flags) - new
        self.junk_files += bool(new)
        self.run.found |= bool(new)
        if self.args.format == "json":
            document = {"path": label(path), **({"record": record} if record is not None else {}), **result.to_dict()}
            document["flags"] = details
            self.run.emit(json.dumps(document, ensure_ascii=False))

    def summary(self) -> None:
        """Write the baseline when adopting, else say how much new junk was found and how to silence it."""
        if self.adopting and self.baseline is not None:
            self.baseline.rewrite(self.run.done, self.seen)
            self.run.console.note(f"spamguard: wrote {self.args.baseline} with {len(self.baseline.entries)} "
                                  "known flag(s); commit it.")
        elif self.new:
            known = f" ({self.known} known from the baseline not shown)" if self.known else ""
            self.run.console.note(
                f"spamguard: {self.new} junk span(s) in {self.junk_files} of {self.run.console.docs} "
                f"documents{known}.\n"
                + SILENCE_HINT.format(allow=ALLOW_FILE)
            )


def cmd_check(args: argparse.Namespace) -> int:
    """Run `spamguard check`; returns the exit status."""
    run = new_run(args, "not checked")
    baseline = Baseline.load(args.baseline) if args.baseline else None
    if baseline is not None:
        run.skip.add(os.path.realpath(args.baseline))
    run.cleaners.memory = judging_memory(run)
    checker = Checker(run, baseline)
    status = run.each(checker.handle)
    checker.summary()
    return status


def format_flag(path: str, flag: Flag, record: int | None, text_field: str) -> str:
    """`path:line:col: category rule-id score "excerpt"` (for a JSONL record: its line, then the field position).

    The excerpt is the flag's own (`Flag.excerpt`, already shortened by the library), JSON-quoted."""
    rules = ",".join(flag.rules) or "model"
    quoted = json.dumps(flag.excerpt, ensure_ascii=False)
    if record is None:
        return f"{path}:{flag.line}:{flag.column}: {flag.category} {rules} {flag.score:.2f} {quoted}"
    where = f"[{text_field}:{flag.line}:{flag.column}]"
    return f"{path}:{record}:1: {flag.category} {rules} {flag.score:.2f} {quoted} {where}"
