"""Errors and notes on stderr, and the progress line shown on a terminal."""
from __future__ import annotations

import sys
import time
from typing import TextIO


class Console:
    """Errors and notes on stderr, plus a progress line on a terminal (silent when stderr is piped)."""

    def __init__(self, stream: TextIO | None = None, min_seconds: float = 1.0, task: str = "") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.task = task  # a pass that judges nothing ("counting lines"): named on the line, no junk count
        self.live = _isatty(self.stream)
        self.min_seconds = min_seconds
        self.started = time.monotonic()
        self.docs = 0
        self.junk = 0
        self._last = 0.0
        self._shown = False

    def error(self, message: str) -> None:
        """Print `spamguard: message` (clearing the progress line first)."""
        self._clear()
        print(f"spamguard: {message}", file=self.stream)

    def note(self, message: str) -> None:
        """Print `message` as it is (clearing the progress line first)."""
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
        """Leave the final progress figures on their own line (if a progress line was shown)."""
        if self._shown:
            self._show(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
            self._shown = False

    def _show(self, now: float) -> None:
        rate = self.docs / max(now - self.started, 1e-9)
        figures = f"{self.docs} docs, {rate:,.0f} docs/s"
        line = f"{self.task}: {figures}" if self.task else f"{figures}, {self.junk} with junk"
        self.stream.write(f"\r\x1b[K{line}")
        self.stream.flush()
        self._shown = True

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
