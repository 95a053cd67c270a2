"""Reading and safely rewriting the text files the CLI works on.

Decisions, so callers and users can rely on them:

* Files are read as bytes and decoded as strict UTF-8 here, never through a text layer: newlines are never
  translated (``\\r\\n``, ``\\r`` and ``\\n`` come back exactly as they were written).
* A UTF-8 byte-order mark is *kept*: it is taken off before the text reaches the cleaner (so it can never be
  flagged or shift line/column numbers) and written back in front of the cleaned text, so a file that only had
  junk removed differs from the original in the removed bytes alone.
* A file containing a NUL byte is binary, a file that is not valid UTF-8 is undecodable; both raise
  :class:`~spamguard.errors.InputError` naming the file and the reason, and are never rewritten.
* Writing goes to a temporary file in the same folder, is fsync'ed, gets the original file's permission bits and
  is renamed over the target (``os.replace``, atomic on POSIX and Windows), so a crash at any moment leaves the
  old file or the new one, never a half-written one. Symlinks are followed (the link stays a link). Hard links to
  the file keep the old content (the rename gives the path a new inode), as with every atomic-rename editor.
"""
from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from types import TracebackType
from typing import BinaryIO

from spamguard.errors import InputError

BOM = b"\xef\xbb\xbf"
STDIO = "-"


@dataclass(frozen=True)
class TextFile:
    """A decoded text file: the text without its BOM, and whether it had one."""

    path: str
    text: str
    bom: bool = False

    def encode(self, text: str | None = None) -> bytes:
        """The bytes to write for `text` (default: this file's own text), with the BOM kept."""
        body = (self.text if text is None else text).encode("utf-8")
        return BOM + body if self.bom else body


def decode(data: bytes, path: str) -> TextFile:
    """Decode `data` read from `path` as UTF-8; raise InputError for binary or undecodable content."""
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(f"{path}: binary file (NUL byte at offset {nul}); not checked or changed")
    bom = data.startswith(BOM)
    body = data[len(BOM):] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(BOM) if bom else 0)
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{body[exc.start]:02x} at offset {offset}); "
            "convert it to UTF-8 first, e.g. with iconv; not checked or changed"
        ) from None
    return TextFile(path, text, bom)


def open_input(path: str) -> contextlib.AbstractContextManager[BinaryIO]:
    """`path` opened for binary reading, as a context manager (``-`` = standard input, left open after)."""
    if path == STDIO:
        return contextlib.nullcontext(sys.stdin.buffer)
    try:
        return open(path, "rb")
    except IsADirectoryError:
        hint = "pass files, e.g. `git ls-files -z | xargs -0 spamguard check`"
        raise InputError(f"{path}: is a directory ({hint})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_bytes(path: str) -> bytes:
    """All bytes of `path` (``-`` = standard input); InputError with the reason when it cannot be read."""
    with open_input(path) as fh:
        return fh.read()


def read_text(path: str) -> TextFile:
    """Read and decode `path` (``-`` = standard input)."""
    return decode(read_bytes(path), "<stdin>" if path == STDIO else path)


def check_writable(path: str) -> None:
    """Raise InputError when `path` must not be rewritten in place (read-only, not a regular file).

    Permission bits are checked as well as ``os.access``: a rename replaces a read-only file without complaint
    (and root may write anything), but a file someone made read-only is meant to stay as it is.
    """
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: not a regular file; not changed")
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise InputError(f"{path}: file is read-only; not changed")


class AtomicWriter:
    """A binary file that replaces `path` atomically when the ``with`` block ends without an exception.

    The temporary file lives in the target's folder (a rename across file systems would not be atomic), is
    fsync'ed before the rename and gets the permission bits of the file it replaces (0o666 minus the umask for
    a new file). On an exception, or after :meth:`discard`, the temporary file is removed and `path` is untouched.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._target = os.path.realpath(path)
        self._discard = False
        self._tmp = ""  # the temporary file, made by __enter__
        self._renamed = False  # True once the temporary file replaced the target
        self._fh: BinaryIO  # the temporary file, opened by __enter__

    def __enter__(self) -> AtomicWriter:
        folder = os.path.dirname(self._target) or "."
        try:
            fd, self._tmp = tempfile.mkstemp(
                dir=folder, prefix="." + os.path.basename(self._target) + ".", suffix=".spamguard-tmp"
            )
        except OSError as exc:
            raise InputError(f"{self.path}: cannot write: {exc.strerror or exc}") from None
        self._fh = os.fdopen(fd, "wb")
        return self

    def write(self, data: bytes) -> None:
        """Write `data` to the temporary file."""
        self._fh.write(data)

    def discard(self) -> None:
        """Leave `path` as it is when the block ends (nothing worth writing)."""
        self._discard = True

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if exc_type is None and not self._discard:
                self._fh.flush()
                os.fsync(self._fh.fileno())
                self._fh.close()
                os.chmod(self._tmp, _mode_for(self._target))
                os.replace(self._tmp, self._target)
                self._renamed = True
                _fsync_dir(os.path.dirname(self._target) or ".")
        finally:
            self._fh.close()
            if not self._renamed:
                with contextlib.suppress(OSError):
                    os.unlink(self._tmp)


def _mode_for(target: str) -> int:
    """Permission bits for the new file: those of the file it replaces, else 0o666 minus the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: str) -> None:
    """Make the rename durable where the OS allows fsync on a directory (best effort)."""
    with contextlib.suppress(OSError, AttributeError):
        dfd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def write_bytes(path: str, data: bytes) -> None:
    """Write `data` to `path` atomically (``-`` = standard output, untranslated)."""
    if path == STDIO:
        write_stdout(data)
        return
    with AtomicWriter(path) as fh:
        fh.write(data)


def replace_text(original: TextFile, new_text: str) -> bool:
    """Rewrite `original.path` with `new_text` (BOM and newlines kept) unless nothing changed; True if rewritten."""
    if new_text == original.text:
        return False
    check_writable(original.path)
    write_bytes(original.path, original.encode(new_text))
    return True


def write_stdout(data: bytes) -> None:
    """Write bytes to standard output exactly (no newline translation, no re-encoding)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced text-only stdout (some embedders): best effort
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()
