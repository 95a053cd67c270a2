"""`spamguard clean`: write the sanitized text to stdout, to -o OUT, or back into each file (--in-place)."""
from __future__ import annotations

import argparse
import os
import sys

from spamguard import fileio
from spamguard.cli.jsonl import dump_record, is_jsonl, jsonl_results
from spamguard.cli.memory import judging_memory
from spamguard.cli.run import Run, new_run


def add_parser(commands: argparse._SubParsersAction, texts: argparse.ArgumentParser) -> None:
    """The `clean` subcommand and its options (`texts`: the options every text command takes)."""
    clean = commands.add_parser("clean", parents=[texts], help="write the sanitized text",
                                description="Write sanitized text: to stdout (default, exact bytes), to -o OUT, or "
                                "back into each file with --in-place (exit 1 when a file changed).")
    where = clean.add_mutually_exclusive_group()
    where.add_argument("-i", "--in-place", action="store_true", help="rewrite each file (safely) when it has junk")
    where.add_argument("-o", "--output", metavar="OUT", help="write to OUT ('-' = stdout)")
    clean.add_argument("--report-key", metavar="KEY", help="JSON Lines: add each record's report under KEY")
    clean.set_defaults(handler=cmd_clean, validate=lambda args: validate_clean(args, clean))


def validate_clean(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Usage errors argparse cannot see on its own (exit 2 with the usage)."""
    if args.output is not None and len(args.paths) != 1:
        parser.error("-o/--output takes exactly one PATH")
    if args.in_place and fileio.STDIO in args.paths:
        parser.error("--in-place cannot rewrite standard input ('-'); use -o OUT or stdout")
    if args.report_key is not None and (args.jsonl is False or args.report_key == args.field):
        parser.error("--report-key is for JSON Lines input and needs a KEY other than --field")


def cmd_clean(args: argparse.Namespace) -> int:
    """Run `spamguard clean`; returns the exit status."""
    run = new_run(args, "passed through unchanged")
    destination = args.output if args.output is not None else fileio.STDIO
    if destination == fileio.STDIO and not args.in_place and sys.stdout is None:  # started with `>&-`
        run.fail("standard output is closed; nothing written (use -o OUT)")
        return run.status()
    run.cleaners.memory = judging_memory(run)

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
    expect = None
    if args.in_place:
        destination = path
    with fileio.open_input(path) as stream:
        if destination == fileio.STDIO:
            for record, result in jsonl_results(run, path, stream):
                fileio.write_stdout(dump_record(record, result, args.field, args.report_key))
            return
        if args.in_place:  # replaced only if it is still the file read here
            expect = fileio.identity(os.fstat(stream.fileno()))
        changed = False
        with fileio.AtomicWriter(destination, expect) as out:
            for record, result in jsonl_results(run, path, stream):
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
