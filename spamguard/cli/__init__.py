"""The `spamguard` command: check, clean, memory build, rules, train, eval.

Start-up is paid on every commit when spamguard runs as a pre-commit hook, so this package imports only the
standard library (and spamguard.fileio, errors, records) at top level; each handler imports what it needs (the
cleaner for check/clean, the training code only for train). Exit codes: 0 clean / output written, 1 junk found
(check) or a file changed (clean --in-place), 2 usage, read or write errors (2 wins over 1), 130 interrupted
(Ctrl-C), 128+N for a SIGTERM or SIGHUP (N), which, like Ctrl-C, lets a write in progress remove its temporary
file and leave the file it was replacing as it was.

Modules: console (stderr and the progress line), allowlist (allowlists and the cleaners they configure),
baseline (known flags, versioned file), run (what a check/clean run shares), jsonl (JSON Lines input),
check, clean, memory (memory build, and the corpus memory check and clean judge with), tools (rules, train,
eval), parser (the arguments).
"""
from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType

from spamguard.cli.parser import build_parser
from spamguard.cli.run import ERROR, INTERRUPTED, OK, silence_stdout
from spamguard.errors import SpamguardError

__all__ = ["build_parser", "main"]


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
        with _terminate_as_interrupt():
            return args.handler(args)
    except Terminated as exc:
        print(f"\nspamguard: terminated ({exc.name})", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt:
        print("\nspamguard: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:  # e.g. `spamguard clean big.txt | head`: the reader left; not an error of ours
        silence_stdout()
        return OK
    except (SpamguardError, OSError) as exc:
        print(f"spamguard: {exc}", file=sys.stderr)
        return ERROR


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: unwinds like Ctrl-C, so every ``finally`` (temporary files) runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise Terminated instead of killing the process outright
    (only where they have their default action and we are the main thread: an embedder's handlers stay)."""
    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    installed = {}
    if threading.current_thread() is threading.main_thread():
        for signum in wanted:
            if signal.getsignal(signum) == signal.SIG_DFL:
                installed[signum] = signal.signal(signum, _raise_terminated)
    try:
        yield
    finally:
        for signum, previous in installed.items():
            signal.signal(signum, previous)
