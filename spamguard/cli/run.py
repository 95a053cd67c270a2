"""What every check/clean run shares: the exit status, the paths to process, a bad file not stopping the run.

Exit codes: 0 clean / output written, 1 junk found (check) or a file changed (clean --in-place), 2 usage, read
or write errors (2 wins over 1), 130 interrupted.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spamguard import fileio
from spamguard.cli.allowlist import ALLOW_FILE, Cleaners
from spamguard.cli.console import Console
from spamguard.errors import InputError

OK, FOUND, ERROR, INTERRUPTED = 0, 1, 2, 130


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
    reader_left: bool = False  # the reader of our stdout went away (`spamguard check ... | head`)

    def fail(self, message: str) -> None:
        """Report an error; the run goes on and ends with exit status 2."""
        self.failed = True
        self.console.error(message)

    def emit(self, line: str) -> None:
        """Print a line of the report; when the reader has left, note it and go on without output (the exit
        status is check's verdict: `spamguard check ... | head` must still exit 1 when there is junk)."""
        try:
            print(line)
        except BrokenPipeError:
            self.reader_left = True
            silence_stdout()

    def status(self) -> int:
        """The exit status so far: 2 after any error, else 1 when something was found or changed, else 0."""
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
        """Call `handle(path)` for every path; a bad file is reported and the run goes on.

        When the reader of our stdout leaves, a write raises BrokenPipeError and the run stops (clean), or,
        for lines printed with :meth:`emit` (check), the run goes on without output until junk is found."""
        try:
            for path in self.paths():
                try:
                    handle(path)
                    self.done.append(path)
                except BrokenPipeError:  # the reader of our stdout left: stop the run, not this file
                    raise
                except (InputError, OSError) as exc:
                    self.fail(_describe(exc, path))
                if self.reader_left and self.found:  # the verdict (1) is known and nobody reads the details
                    break
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


def label(path: str) -> str:
    """How a path is named in messages and reports (`-` is `<stdin>`)."""
    return "<stdin>" if path == fileio.STDIO else path


def silence_stdout() -> None:
    """Point our stdout at the null device (the reader left: later writes, and the final flush, go nowhere)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
