"""The `spamguard` command: check, clean, rules, train, eval.

Start-up is paid on every commit when spamguard runs as a pre-commit hook, so this module imports only the
standard library at top level; each handler imports what it needs (the cleaner for check/clean, the training
code only for train). Exit codes: 0 clean / output written, 1 junk found (check) or a file changed
(clean --in-place), 2 usage, read or write errors (2 wins over 1), 130 interrupted.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from spamguard import fileio
from spamguard.errors import InputError, SpamguardError

OK, FOUND, ERROR, INTERRUPTED = 0, 1, 2, 130
ALLOW_FILE = ".spamguard-allow"
BASELINE_FORMAT = 1
EXCERPT_CHARS = 72
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MALFORMED_SHOWN = 10  # malformed JSONL records reported one by one per file; the rest are counted

SILENCE_HINT = """\
  Not junk? Add the exact line, or re:<regex> for a pattern, to {allow} in the repository root
  (or pass --allow FILE); allowlisted lines are never flagged.
  Adopting spamguard on an existing corpus? `spamguard check --baseline .spamguard-baseline.json PATH...`
  records today's flags; later runs fail only on new junk.
  To remove the junk: `spamguard clean --in-place PATH...`."""


# ----------------------------------------------------------------------------------------------------------
# Console: stderr messages and the progress line


class Console:
    """Errors and notes on stderr, plus a progress line on a terminal (silent when stderr is piped)."""

    def __init__(self, stream=None, min_seconds: float = 1.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = _isatty(self.stream)
        self.min_seconds = min_seconds
        self.started = time.monotonic()
        self.docs = 0
        self.junk = 0
        self._last = 0.0
        self._shown = False

    def error(self, message: str) -> None:
        self._clear()
        print(f"spamguard: {message}", file=self.stream)

    def note(self, message: str) -> None:
        self._clear()
        print(message, file=self.stream)

    def count(self, junk: bool) -> None:
        """Count one processed document and refresh the progress line at most 4 times a second."""
        self.docs += 1
        self.junk += bool(junk)
        if not self.live:
            return
        now = time.monotonic()
        if now - self.started >= self.min_seconds and now - self._last >= 0.25:
            self._last = now
            self._show(now)

    def finish(self) -> None:
        if self._shown:
            self._show(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
            self._shown = False

    def _show(self, now: float) -> None:
        rate = self.docs / max(now - self.started, 1e-9)
        self.stream.write(f"\r\x1b[K{self.docs} docs, {rate:,.0f} docs/s, {self.junk} with junk")
        self.stream.flush()
        self._shown = True

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# ----------------------------------------------------------------------------------------------------------
# Allowlists and the cleaners they configure


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
        self._roots: dict[str, str] = {}
        self._allow: dict[str, tuple[str, ...]] = {}
        self._cleaners: dict[tuple[str, ...], object] = {}

    def allow_files(self) -> set[str]:
        """Real paths of the allowlist files in use (they are never checked or cleaned themselves)."""
        return {os.path.realpath(os.path.join(root, ALLOW_FILE)) for root in self._allow}

    def for_path(self, path: str):
        folder = os.getcwd() if path == fileio.STDIO else os.path.dirname(os.path.abspath(path))
        root = self._roots.get(folder)
        if root is None:
            root = self._roots[folder] = repo_root(folder)
        if root not in self._allow:
            found = os.path.join(root, ALLOW_FILE)
            self._allow[root] = tuple(read_allowlist(found)) if os.path.isfile(found) else ()
        return self.get(self._allow[root] + self.extra)

    def get(self, allow: tuple[str, ...] = ()):
        cleaner = self._cleaners.get(allow)
        if cleaner is None:
            from spamguard.cleaner import Cleaner

            try:
                cleaner = Cleaner(model=self.model, threshold=self.threshold, allow=allow, use_model=self.use_model)
            except (TypeError, ValueError) as exc:
                raise SpamguardError(f"invalid option: {exc}") from None
            self._cleaners[allow] = cleaner
        return cleaner


# ----------------------------------------------------------------------------------------------------------
# Baseline: known flags keyed by a path-independent content hash


def fingerprint(text: str, flag) -> str:
    """sha256 of the flag's category and the flagged text (whitespace-trimmed): stable across line moves."""
    content = f"{flag.category}\0{text[flag.start:flag.end].strip()}"
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Baseline:
    """Known flags. Entries carry the category, rules and the paths they were seen in, never the junk text,
    so the committed baseline holds no junk of its own. Paths only scope --update-baseline."""

    path: str
    entries: dict[str, dict] = field(default_factory=dict)
    exists: bool = False

    @classmethod
    def load(cls, path: str) -> "Baseline":
        if not os.path.exists(path):
            return cls(path)
        try:
            data = json.loads(fileio.read_text(path).text)
            if data.get("spamguard_baseline") != BASELINE_FORMAT or not isinstance(data.get("entries"), dict):
                raise ValueError("not a spamguard baseline (format 1)")
        except (ValueError, AttributeError) as exc:
            raise InputError(f"{path}: unreadable baseline: {exc}; delete it to write a new one") from None
        return cls(path, data["entries"], exists=True)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def rewrite(self, checked_paths: Iterable[str], seen: dict[str, dict]) -> None:
        """Replace what is known about `checked_paths` by `seen`; entries from other files are kept."""
        checked = {_key_path(p) for p in checked_paths}
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
        document = {
            "spamguard_baseline": BASELINE_FORMAT,
            "about": "Known junk accepted by `spamguard check --baseline`; keys are sha256 of category NUL "
            "flagged text. Regenerate with --update-baseline.",
            "entries": dict(sorted(merged.items())),
        }
        fileio.write_bytes(self.path, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def _key_path(path: str) -> str:
    return "<stdin>" if path == fileio.STDIO else os.path.normpath(path).replace(os.sep, "/")


# ----------------------------------------------------------------------------------------------------------
# JSON Lines records


@dataclass
class Record:
    """One line of a JSONL file: the raw bytes, and the parsed object or the reason it could not be used."""

    line: int
    raw: bytes
    obj: dict | None = None
    error: str | None = None


def parse_records(stream, text_field: str, report_key: str | None) -> Iterator[Record]:
    """Parse a binary stream line by line (constant memory); bad lines become Records with `error` set."""
    for number, raw in enumerate(stream, start=1):
        body = raw.rstrip(b"\r\n")
        if not body.strip():
            yield Record(number, raw)
            continue
        try:
            obj = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError:
            yield Record(number, raw, error="not valid UTF-8")
            continue
        except ValueError as exc:
            yield Record(number, raw, error=f"invalid JSON ({exc})")
            continue
        if not isinstance(obj, dict):
            error = f"not a JSON object (got {type(obj).__name__})"
        elif not isinstance(obj.get(text_field), str):
            strings = [key for key, value in obj.items() if isinstance(value, str)][:5]
            hint = f" (its string fields: {', '.join(strings)}; choose one with --field)" if strings else ""
            error = f"field {text_field!r} missing or not a string{hint}"
        elif report_key is not None and report_key in obj:
            error = f"report key {report_key!r} already present (choose another --report-key)"
        else:
            error = None
        yield Record(number, raw, obj if error is None else None, error)


def clean_records(records: Iterable[Record], cleaner, text_field: str, jobs: int) -> Iterator[tuple[Record, object]]:
    """(record, Result) for every record, in order, cleaned in batches; Result is None for unusable lines."""
    pending: deque[Record] = deque()

    def texts() -> Iterator[str]:
        for record in records:
            pending.append(record)
            if record.obj is not None:
                yield record.obj[text_field]

    for result in cleaner.clean_many(texts(), n_jobs=jobs):
        while pending[0].obj is None:
            yield pending.popleft(), None
        yield pending.popleft(), result
    while pending:
        yield pending.popleft(), None


def dump_record(record: Record, result, text_field: str, report_key: str | None) -> bytes:
    """The output line for a record: unchanged bytes when nothing changed, else the re-serialized object."""
    if result is None or (result.text == record.obj[text_field] and report_key is None):
        return record.raw
    obj = dict(record.obj)
    obj[text_field] = result.text
    if report_key is not None:
        obj[report_key] = result.to_dict()
    ending = record.raw[len(record.raw.rstrip(b"\r\n")):]
    try:
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from \ud800-style escapes: keep them escaped
        body = json.dumps(obj).encode("ascii")
    return body + ending


# ----------------------------------------------------------------------------------------------------------
# Shared run plumbing


@dataclass
class Run:
    """What a check/clean run needs: the arguments, the cleaners, the console and the exit status."""

    args: argparse.Namespace
    console: Console
    cleaners: Cleaners
    malformed_note: str
    found: bool = False
    failed: bool = False
    skip: set[str] = field(default_factory=set)
    done: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.failed = True
        self.console.error(message)

    def status(self) -> int:
        return ERROR if self.failed else FOUND if self.found else OK

    def paths(self) -> Iterator[str]:
        """The paths to process, minus spamguard's own files (allowlists, the baseline)."""
        for path in self.args.paths:
            if path != fileio.STDIO:
                real = os.path.realpath(path)
                if real in self.skip or os.path.basename(real) == ALLOW_FILE:
                    continue
            yield path

    def each(self, handle: Callable[[str], None]) -> int:
        """Call `handle(path)` for every path; a bad file is reported and the run goes on."""
        try:
            for path in self.paths():
                try:
                    handle(path)
                    self.done.append(path)
                except BrokenPipeError:  # the reader of our stdout left: stop the run, not this file
                    raise
                except (InputError, OSError) as exc:
                    self.fail(_describe(exc, path))
        finally:
            self.console.finish()
        return self.status()


def _describe(exc: Exception, path: str) -> str:
    if isinstance(exc, InputError):
        return str(exc)
    return f"{path}: {exc.strerror or exc}" if isinstance(exc, OSError) else f"{path}: {exc}"


def new_run(args: argparse.Namespace, malformed_note: str) -> Run:
    """A Run for `args`; `malformed_note` says what happens to a malformed JSONL line."""
    run = Run(args, Console(), Cleaners(args), malformed_note)
    run.skip = {os.path.realpath(p) for p in args.allow}
    return run


def is_jsonl(args: argparse.Namespace, path: str) -> bool:
    """Read `path` as JSON Lines? --jsonl / --no-jsonl decide; by default files named *.jsonl / *.ndjson are.

    Cleaning a corpus file as plain text could cut through its JSON syntax, so the name is enough to opt in
    (the pre-commit hooks pass every text file, JSONL corpora included)."""
    if args.jsonl is not None:
        return args.jsonl
    return path != fileio.STDIO and path.lower().endswith(JSONL_SUFFIXES)


def _jsonl_records(run: Run, path: str, stream) -> Iterator[tuple[Record, object]]:
    """Clean a JSONL stream; report each unusable line with its number as it is met."""
    args = run.args

    def reported(records: Iterable[Record]) -> Iterator[Record]:
        label = "<stdin>" if path == fileio.STDIO else path
        malformed = 0
        for record in records:
            if record.error is not None:
                malformed += 1
                if malformed <= MALFORMED_SHOWN:
                    run.fail(f"{label}:{record.line}: malformed record: {record.error}; {run.malformed_note}")
            yield record
        # A wrong --field makes every record malformed: say it once, not a million times.
        if malformed > MALFORMED_SHOWN:
            run.fail(f"{label}: {malformed - MALFORMED_SHOWN} more malformed records ({malformed} in all), likewise")

    records = reported(parse_records(stream, args.field, getattr(args, "report_key", None)))
    for record, result in clean_records(records, run.cleaners.for_path(path), args.field, args.jobs):
        if result is not None:
            run.console.count(bool(result.flags))
        yield record, result


# ----------------------------------------------------------------------------------------------------------
# check


def cmd_check(args: argparse.Namespace) -> int:
    run = new_run(args, "not checked")
    baseline = Baseline.load(args.baseline) if args.baseline else None
    if baseline is not None:
        run.skip.add(os.path.realpath(args.baseline))
    adopting = baseline is not None and (args.update_baseline or not baseline.exists)
    seen: dict[str, dict] = {}
    counts = {"new": 0, "known": 0, "junk_files": 0}

    def report(path: str, text: str, result, record: int | None = None) -> None:
        label = "<stdin>" if path == fileio.STDIO else path
        new_flags = []
        details = []
        for flag in result.flags:
            key = fingerprint(text, flag)
            known = adopting or (baseline is not None and key in baseline)
            if baseline is not None:
                entry = seen.setdefault(key, {"category": flag.category, "rules": list(flag.rules), "paths": []})
                if _key_path(path) not in entry["paths"]:
                    entry["paths"].append(_key_path(path))
            details.append({**flag.to_dict(), "fingerprint": key, "in_baseline": known})
            if not known:
                new_flags.append(flag)
        counts["new"] += len(new_flags)
        counts["known"] += len(result.flags) - len(new_flags)
        counts["junk_files"] += bool(new_flags)
        run.found |= bool(new_flags)
        if args.format == "json":
            document = {"path": label, **({"record": record} if record is not None else {}), **result.to_dict()}
            document["flags"] = details
            print(json.dumps(document, ensure_ascii=False))
            return
        for flag in new_flags:
            print(format_flag(label, flag, record, args.field))

    def handle(path: str) -> None:
        if is_jsonl(args, path):
            with fileio.open_input(path) as stream:
                for rec, result in _jsonl_records(run, path, stream):
                    if result is not None:
                        report(path, rec.obj[args.field], result, rec.line)
            return
        source = fileio.read_text(path)
        result = run.cleaners.for_path(path).clean(source.text)
        run.console.count(bool(result.flags))
        report(path, source.text, result)

    status = run.each(handle)
    if adopting:
        baseline.rewrite(run.done, seen)
        run.console.note(f"spamguard: wrote {args.baseline} with {len(baseline.entries)} known flag(s); commit it.")
    elif counts["new"]:
        known = f" ({counts['known']} known from the baseline not shown)" if counts["known"] else ""
        run.console.note(
            f"spamguard: {counts['new']} junk span(s) in {counts['junk_files']} of {run.console.docs} "
            f"documents{known}.\n"
            + SILENCE_HINT.format(allow=ALLOW_FILE)
        )
    return status


def format_flag(path: str, flag, record: int | None, text_field: str) -> str:
    """`path:line:col: category rule-id score "excerpt"` (for a JSONL record: its line, then the field position)."""
    excerpt = flag.excerpt if len(flag.excerpt) <= EXCERPT_CHARS else flag.excerpt[: EXCERPT_CHARS - 1] + "…"
    rules = ",".join(flag.rules) or "model"
    quoted = json.dumps(excerpt, ensure_ascii=False)
    if record is None:
        return f"{path}:{flag.line}:{flag.column}: {flag.category} {rules} {flag.score:.2f} {quoted}"
    where = f"[{text_field}:{flag.line}:{flag.column}]"
    return f"{path}:{record}:1: {flag.category} {rules} {flag.score:.2f} {quoted} {where}"


# ----------------------------------------------------------------------------------------------------------
# clean


def validate_clean(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    if args.output is not None and len(args.paths) != 1:
        parser.error("-o/--output takes exactly one PATH")
    if args.in_place and fileio.STDIO in args.paths:
        parser.error("--in-place cannot rewrite standard input ('-'); use -o OUT or stdout")
    if args.report_key is not None and (args.jsonl is False or args.report_key == args.field):
        parser.error("--report-key is for JSON Lines input and needs a KEY other than --field")


def validate_check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    if args.update_baseline and not args.baseline:
        parser.error("--update-baseline needs --baseline FILE")


def cmd_clean(args: argparse.Namespace) -> int:
    run = new_run(args, "passed through unchanged")
    destination = args.output if args.output is not None else fileio.STDIO

    def handle(path: str) -> None:
        if is_jsonl(args, path):
            clean_jsonl(run, path, destination)
            return
        source = fileio.read_text(path)
        result = run.cleaners.for_path(path).clean(source.text)
        run.console.count(bool(result.flags))
        if not args.in_place:
            fileio.write_bytes(destination, source.encode(result.text))
        elif fileio.replace_text(source, result.text):
            run.found = True
            run.console.note(f"Fixing {path}: removed {len(result.flags)} junk span(s)")

    return run.each(handle)


def clean_jsonl(run: Run, path: str, destination: str) -> None:
    """Clean one JSONL file into `destination` (stdout, a file, or the file itself with --in-place)."""
    args = run.args
    if args.in_place:
        destination = path
    with fileio.open_input(path) as stream:
        if destination == fileio.STDIO:
            for record, result in _jsonl_records(run, path, stream):
                fileio.write_stdout(dump_record(record, result, args.field, args.report_key))
            return
        changed = False
        with fileio.AtomicWriter(destination) as out:
            for record, result in _jsonl_records(run, path, stream):
                line = dump_record(record, result, args.field, args.report_key)
                changed |= line != record.raw
                out.write(line)
            if args.in_place and not changed:
                out.discard()
            elif args.in_place:
                fileio.check_writable(path)
    if args.in_place and changed:
        run.found = True
        run.console.note(f"Fixing {path}")


# ----------------------------------------------------------------------------------------------------------
# rules, train, eval


def cmd_rules(args: argparse.Namespace) -> int:
    from spamguard.rules import RULES

    rows = [(r.id, r.category, ",".join(r.languages) or "any", r.description) for r in RULES]
    if args.format == "json":
        keys = ("id", "category", "languages", "description")
        print(json.dumps([dict(zip(keys, (r.id, r.category, list(r.languages), r.description))) for r in RULES],
                         ensure_ascii=False, indent=2))
        return OK
    widths = [max([len(h)] + [len(row[i]) for row in rows]) for i, h in enumerate(("ID", "CATEGORY", "LANGUAGES"))]
    for row in [("ID", "CATEGORY", "LANGUAGES", "DESCRIPTION")] + rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[3])
    return OK


def _optional_module(name: str, what: str):
    import importlib

    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        raise SpamguardError(f"{what} is not available in this installation ({name} is missing)") from None


def cmd_train(args: argparse.Namespace) -> int:
    train = _optional_module("spamguard.train", "training")
    evaluate = _optional_module("spamguard.evaluate", "evaluation")
    metrics = train.train_from_file(args.data, args.out, base=args.base, seed=args.seed)
    print(f"wrote the model to {args.out}; held-out metrics:")
    print(evaluate.format_metrics(metrics))
    return OK


def cmd_eval(args: argparse.Namespace) -> int:
    evaluate = _optional_module("spamguard.evaluate", "evaluation")
    from spamguard.cleaner import Cleaner

    cleaner = Cleaner(model=args.model, threshold=args.threshold, use_model=args.use_model)
    print(evaluate.format_metrics(evaluate.evaluate_file(args.data, cleaner)))
    return OK


# ----------------------------------------------------------------------------------------------------------
# argument parsing and main


def _bounded(kind: type, low: float, high: float | None = None) -> Callable[[str], float]:
    """An argparse type: a number of `kind` in [low, high] (no upper bound when high is None)."""

    def parse(value: str):
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {'an integer' if kind is int else 'a number'}: {value!r}") from None
        if number < low or (high is not None and number > high):
            wanted = f"at least {low}" if high is None else f"between {low} and {high}"
            raise argparse.ArgumentTypeError(f"must be {wanted}, got {value}")
        return number

    return parse


_threshold = _bounded(float, 0.0, 1.0)
_positive = _bounded(int, 1)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spamguard",
        description="Find and remove SEO spam, hidden-link anchors and site boilerplate in scraped text.",
        epilog=f"False positives: list exact lines or re:<regex> in {ALLOW_FILE} at the repository root.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    model = argparse.ArgumentParser(add_help=False)
    model.add_argument("--model", metavar="DIR", help="model directory (default: the shipped model)")
    model.add_argument("--threshold", type=_threshold, metavar="P",
                       help="junk score from which a span is flagged, 0..1 (default: the model card's)")
    model.add_argument("--no-model", dest="use_model", action="store_false",
                       help="rules and context only: no model file is loaded")

    texts = argparse.ArgumentParser(add_help=False, parents=[model])
    texts.add_argument("paths", nargs="+", metavar="PATH", help="text files; '-' reads standard input")
    texts.add_argument("--allow", action="append", default=[], metavar="FILE",
                       help=f"allowlist file (exact lines, re:<regex>, # comments), in addition to {ALLOW_FILE}")
    kind = texts.add_mutually_exclusive_group()
    kind.add_argument("--jsonl", action="store_const", const=True, default=None,
                      help="every input is JSON Lines: clean one field per record "
                      f"(default: only files named {', '.join('*' + e for e in JSONL_SUFFIXES)})")
    kind.add_argument("--no-jsonl", dest="jsonl", action="store_const", const=False,
                      help="read every input as plain text, whatever its name")
    texts.add_argument("--field", default="text", help="the JSONL field holding the text (default: text)")
    texts.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes for JSON Lines")

    check = commands.add_parser("check", parents=[texts], help="report junk like a linter (exit 1 if found)",
                                description="Report junk, one line per flag: path:line:col: category rule score "
                                "\"excerpt\". Exit 0 clean, 1 junk found, 2 errors.")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="json: one full report per file (or record) per line")
    check.add_argument("--baseline", metavar="FILE",
                       help="known flags: written when FILE does not exist, otherwise only new junk fails")
    check.add_argument("--update-baseline", action="store_true", help="rewrite --baseline FILE with current flags")
    check.set_defaults(handler=cmd_check, validate=lambda args: validate_check(args, check))

    clean = commands.add_parser("clean", parents=[texts], help="write the sanitized text",
                                description="Write sanitized text: to stdout (default, exact bytes), to -o OUT, or "
                                "back into each file with --in-place (exit 1 when a file changed).")
    where = clean.add_mutually_exclusive_group()
    where.add_argument("-i", "--in-place", action="store_true", help="rewrite each file (safely) when it has junk")
    where.add_argument("-o", "--output", metavar="OUT", help="write to OUT ('-' = stdout)")
    clean.add_argument("--report-key", metavar="KEY", help="JSON Lines: add each record's report under KEY")
    clean.set_defaults(handler=cmd_clean, validate=lambda args: validate_clean(args, clean))

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(handler=cmd_rules)

    train = commands.add_parser("train", help="train a model from labeled JSONL")
    train.add_argument("--data", required=True, metavar="FILE.jsonl")
    train.add_argument("--out", required=True, metavar="DIR", help="model directory to write")
    train.add_argument("--base", action="store_true", help="start from the shipped base training data")
    train.add_argument("--seed", type=int, default=0, metavar="N", help="random seed (default 0)")
    train.set_defaults(handler=cmd_train)

    evaluate = commands.add_parser("eval", parents=[model], help="score a model on labeled JSONL")
    evaluate.add_argument("--data", required=True, metavar="FILE.jsonl")
    evaluate.set_defaults(handler=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the spamguard command line; returns the exit status (never raises for bad input)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if hasattr(args, "validate"):
            args.validate(args)
    except SystemExit as exc:  # usage error (2) or --help (0): argparse already printed why
        return exc.code if isinstance(exc.code, int) else ERROR
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("\nspamguard: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:  # e.g. `spamguard clean big.txt | head`: the reader left; not an error of ours
        _silence_stdout()
        return OK
    except (SpamguardError, OSError) as exc:
        print(f"spamguard: {exc}", file=sys.stderr)
        return ERROR


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    sys.exit(main())
