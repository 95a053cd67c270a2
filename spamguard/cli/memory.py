"""Corpus memory on the command line: `spamguard memory build`, and the memory check and clean judge with.

A corpus memory counts how many documents hold each line (spamguard.evidence.memory), so that a site's template
line (the same prompt or promo under unrelated stories) is known by its repetition. check and clean judge with
`--memory FILE` when given. Otherwise, unless `--no-corpus-memory`, they read their inputs twice when these hold
AUTO_MIN_DOCUMENTS documents or more (a text file is one document, a JSONL record one): first every line is
counted, then each document is judged with the counts. Below that, no memory: a line counts as repeated from 3
documents on, which in a handful of files says more about the files chosen than about a site's template (and a
pre-commit run on a few changed files works as it always did). Standard input is read once, so a run that reads
it builds no memory (pass --memory FILE).
"""
from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from spamguard import fileio
from spamguard.cli.allowlist import Cleaners
from spamguard.cli.console import Console
from spamguard.cli.jsonl import is_jsonl, reported
from spamguard.cli.run import Run
from spamguard.errors import InputError
from spamguard.records import parse_records

if TYPE_CHECKING:
    from spamguard.evidence.memory import CorpusMemory

AUTO_MIN_DOCUMENTS = 20  # check/clean build a memory from their inputs when these hold this many documents
COUNTING = "counting lines"  # the progress line of the counting pass


def add_parser(commands: argparse._SubParsersAction, inputs: argparse.ArgumentParser) -> None:
    """The `memory build` subcommand (`inputs`: how check and clean read their inputs)."""
    memory = commands.add_parser("memory", help="build a corpus memory (which lines many documents repeat)",
                                 description="A corpus memory counts how many documents hold each line, so that "
                                 "check and clean --memory FILE know a site's template lines even in a few files.")
    actions = memory.add_subparsers(dest="action", metavar="ACTION", required=True)
    build = actions.add_parser("build", parents=[inputs], help="count the lines of a corpus into FILE",
                               description="Count the lines of every document of CORPUS (text files, folders of "
                               "them, JSON Lines files) into a corpus memory FILE; only fingerprints and counts "
                               "are saved, no text. Exit 0 written, 2 when an input could not be read (the "
                               "others are counted and FILE is written).")
    build.add_argument("paths", nargs="+", metavar="CORPUS",
                       help="text files, folders (every file under them, hidden names skipped), JSON Lines files; "
                       "'-' reads standard input")
    build.add_argument("--out", required=True, metavar="FILE",
                       help="the memory file to write (replaced if it is one; any other existing file is refused)")
    # The Run that reads the inputs has cleaners, never used here: no model, no allowlist.
    build.set_defaults(handler=cmd_build, model=None, threshold=None, use_model=False, allow=[])


def cmd_build(args: argparse.Namespace) -> int:
    """Run `spamguard memory build`: count the inputs, write --out, print a one-line summary."""
    from spamguard.evidence.memory import CorpusMemory, save_memory

    run = Run(args, Console(task=COUNTING), Cleaners(args), "not counted")
    run.skip.add(os.path.realpath(args.out))
    _check_target(args.out)
    args.paths = list(_files(run, args.paths))
    memory = CorpusMemory()
    status = run.each(lambda path: _count(memory, documents(run, path), run.console))
    try:
        save_memory(memory, args.out)
    except OSError as exc:
        raise InputError(f"{args.out}: cannot write: {exc.strerror or exc}") from None
    print(summary(args.out, memory))
    return status


def judging_memory(run: Run) -> CorpusMemory | None:
    """The memory check and clean judge with: --memory FILE, else one counted from the inputs when they hold
    AUTO_MIN_DOCUMENTS documents or more (see the module's docstring), else None. Call it before any cleaning."""
    args = run.args
    if args.memory is not None:
        run.skip.add(os.path.realpath(args.memory))
        return load(args.memory)
    paths = list(run.paths())
    if not args.corpus_memory or fileio.STDIO in paths:
        return None
    if len(paths) < AUTO_MIN_DOCUMENTS and not any(is_jsonl(args, path) for path in paths):
        return None  # one document a file: too few, known without reading them
    from spamguard.evidence.memory import CorpusMemory

    memory = CorpusMemory()
    console = Console(task=COUNTING)
    try:
        for path in paths:
            with contextlib.suppress(InputError, OSError):  # reported when the path is judged
                _count(memory, documents(run, path, report=False), console)
    finally:
        console.finish()
    return memory if memory.documents >= AUTO_MIN_DOCUMENTS else None


def documents(run: Run, path: str, report: bool = True) -> Iterator[str]:
    """The documents of one input, read as check and clean read it: a text file is one, a JSONL file has one per
    usable record (`report`: say which records are not usable, with their line numbers)."""
    args = run.args
    if not is_jsonl(args, path):
        yield fileio.read_text(path).text
        return
    with fileio.open_input(path) as stream:
        records = parse_records(stream, args.field)
        for record in reported(run, path, records) if report else records:
            if record.obj is not None:
                yield record.obj[args.field]


def load(path: str) -> CorpusMemory:
    """The memory saved at `path`; InputError naming the file and what is wrong with it."""
    from spamguard.evidence.memory import MemoryFileError, load_memory

    try:
        return load_memory(path)
    except MemoryFileError as exc:
        raise InputError(f"{path}: {exc}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the corpus memory: {exc.strerror or exc}") from None


def summary(path: str, memory: CorpusMemory) -> str:
    """One line: where the memory went, how many documents and fingerprints it holds, how exact, its size."""
    counts = f"{memory.documents:,} documents, {len(memory.table):,} fingerprints"
    if memory.exact:
        counts += ", exact"
    else:  # the sketch holds counts, not fingerprints
        bound = memory.error_bound()
        counts += f" counted exactly and {memory.sketched:,} more counts sketched (error bound {bound:.1e})"
    return f"wrote {path}: {counts}, {_size(os.path.getsize(path))}"


def _count(memory: CorpusMemory, texts: Iterable[str], console: Console) -> None:
    for text in texts:
        memory.add(text)
        console.count(False)


def _check_target(path: str) -> None:
    """Refuse, before any counting, an --out that cannot be written or is not a memory file (an input named by
    mistake, a folder, a device); a missing or empty file is fine."""
    from spamguard.evidence.memory import MAGIC

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InputError(f"{path}: cannot write: no folder {folder}")
    if not os.path.exists(path):
        return
    if not os.path.isfile(path):
        raise InputError(f"{path}: not a regular file; --out names the memory file to write")
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(MAGIC))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if head and head != MAGIC:
        raise InputError(f"{path}: exists and is not a spamguard corpus memory; not overwritten "
                         "(remove it or choose another --out)")


def _files(run: Run, paths: Iterable[str]) -> Iterator[str]:
    """The paths, each folder replaced by the files under it (in name order; hidden files and folders skipped)."""
    for path in paths:
        if path == fileio.STDIO or not os.path.isdir(path):
            yield path
            continue
        for folder, subfolders, names in os.walk(path, onerror=lambda exc: run.fail(
                f"{exc.filename}: cannot read: {exc.strerror or exc}")):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            yield from (os.path.join(folder, name) for name in sorted(names) if not name.startswith("."))


def _size(n: int) -> str:
    """A file size as people read it: 812 bytes, 14.2 kB, 3.1 MB."""
    if n < 1000:
        return f"{n} bytes"
    size, unit = n / 1000, "kB"
    for bigger in ("MB", "GB"):
        if round(size, 1) < 1000:
            break
        size, unit = size / 1000, bigger
    return f"{size:.1f} {unit}"
