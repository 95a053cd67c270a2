"""Reading and safely rewriting the text files the CLI works on.

Decisions, so callers and users can rely on them:

* Files are read as bytes and decoded as strict UTF-8 here, never through a text layer: newlines are never
  translated (``\\r\\n``, ``\\r`` and ``\\n`` come back exactly as they were written).
* A UTF-8 byte-order mark is *kept*: it is taken off before the text reaches the cleaner (so it can never be
  flagged or shift line/column numbers) and written back in front of the cleaned text, so a file that only had
  junk removed differs from the original in the removed bytes alone.
* A UTF-16 or UTF-32 file is recognised by its byte-order mark and refused with the iconv command that converts
  it; any other file containing a NUL byte is binary, a file that is not valid UTF-8 is undecodable. All raise
  :class:`~spamguard.errors.InputError` naming the file and the reason, and are never rewritten.
* Writing goes to a temporary file ``.NAME.spamguard-tmp-PID-RANDOM`` in the same folder, which gets the
  original file's owner, group and permission bits, is fsync'ed and is renamed over the target (``os.replace``,
  atomic on POSIX and Windows), so a crash at any moment leaves the old file or the new one, never a half-written
  one. An in-place rewrite first checks that the file is still the one that was read (device, inode, size and
  modification time): a file another program changed meanwhile is left as that program made it. A run killed
  outright (kill -9) leaves its temporary file; the next write in that folder removes it once no process of
  that id is alive. Symlinks are followed: the file they point to is rewritten and the link stays a link. Hard
  links to the file keep the old content (the rename gives the path a new inode), as with every atomic-rename
  editor. An output that is not a regular file (``-o /dev/null``, a FIFO) is written to, never replaced.
* Every error raised while writing names the file written to.
"""
from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import secrets
import shlex
import stat
import sys
from dataclasses import dataclass
from types import TracebackType
from typing import BinaryIO

from spamguard.errors import InputError

BOM = b"\xef\xbb\xbf"
STDIO = "-"
# Byte-order marks of the encodings spamguard refuses by name (UTF-32 first: its LE mark starts with UTF-16's).
FOREIGN_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32", "LE"), (b"\x00\x00\xfe\xff", "UTF-32", "BE"),
                (b"\xff\xfe", "UTF-16", "LE"), (b"\xfe\xff", "UTF-16", "BE"))
TEMP_MARK = ".spamguard-tmp-"  # in the name of every temporary file: .NAME.spamguard-tmp-PID-RANDOM
TEMP_STEM_BYTES = 200  # at most this much of NAME goes into the temporary name (NAME_MAX is 255 bytes)
_TEMP_NAME = re.compile(r"\..*" + re.escape(TEMP_MARK) + r"(\d+)-[0-9a-f]{8}", re.DOTALL)
_OURS: set[str] = set()  # temporary files this process is writing now
_SWEPT: set[str] = set()  # folders this process has cleared of stale temporary files

Identity = tuple[int, int, int, int]  # st_dev, st_ino, st_size, st_mtime_ns: see identity()


@dataclass(frozen=True)
class TextFile:
    """A decoded text file: the text without its BOM, whether it had one, and the file's identity as read."""

    path: str
    text: str
    bom: bool = False
    identity: Identity | None = None  # None for standard input

    def encode(self, text: str | None = None) -> bytes:
        """The bytes to write for `text` (default: this file's own text), with the BOM kept."""
        body = (self.text if text is None else text).encode("utf-8")
        return BOM + body if self.bom else body


def decode(data: bytes, path: str) -> TextFile:
    """Decode `data` read from `path` as UTF-8; raise InputError for binary or undecodable content."""
    for mark, encoding, order in FOREIGN_BOMS:
        if data.startswith(mark):
            raise InputError(f"{path}: {encoding} {order} text (byte order mark {mark.hex(' ').upper()}); "
                             f"spamguard reads UTF-8: convert it first with {_iconv(encoding, path)}; "
                             "not checked or changed")
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


def _iconv(encoding: str, path: str) -> str:
    """The command that converts `path` from `encoding` to UTF-8 (iconv reads the byte order from the mark)."""
    command = f"iconv -f {encoding} -t UTF-8"
    if path == "<stdin>":
        return command
    stem, suffix = os.path.splitext(path)
    return f"{command} {shlex.quote(path)} > {shlex.quote(stem + '.utf8' + (suffix or '.txt'))}"


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
    """Read and decode `path` (``-`` = standard input); a file also gets its :func:`identity` as opened."""
    if path == STDIO:
        return decode(read_bytes(path), "<stdin>")
    with open_input(path) as fh:
        opened = identity(os.fstat(fh.fileno()))
        data = fh.read()
    return dataclasses.replace(decode(data, path), identity=opened)


def identity(st: os.stat_result) -> Identity:
    """What tells one version of a file from another: (st_dev, st_ino, st_size, st_mtime_ns)."""
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


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

    The temporary file (:data:`TEMP_MARK` in its name) lives in the target's folder (a rename across file
    systems would not be atomic), gets the owner, group and permission bits of the file it replaces (0o666 minus
    the umask for a new file; the owner only where the process may set it, e.g. as root) and is fsync'ed before
    the rename. With `expect` (the :func:`identity` of the file when it was read) the target is checked just
    before the rename: if another program changed it meanwhile, InputError and the file stays as that program
    made it. On any error, or after :meth:`discard`, the temporary file is removed and `path` is untouched; a
    run killed outright leaves its temporary file behind, and the next writer in that folder removes it.

    A target that exists and is not a regular file (``-o /dev/null``, a FIFO, a terminal) is written to
    directly, never replaced. Every OSError comes back as an InputError that names `path`.
    """

    def __init__(self, path: str, expect: Identity | None = None) -> None:
        self.path = path
        self._target = os.path.realpath(path)
        self._expect = expect
        self._discard = False
        self._existed = False  # the target was there when the block began
        self._tmp = ""  # the temporary file, made by __enter__ ("" when writing a device directly)
        self._renamed = False  # True once the temporary file replaced the target
        self._fh: BinaryIO  # the file written to, opened by __enter__

    def __enter__(self) -> AtomicWriter:
        try:
            st = os.stat(self._target)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise self._error(exc) from None
        self._existed = st is not None
        if st is not None and not stat.S_ISREG(st.st_mode):
            if self._expect is not None:
                raise InputError(f"{self.path}: not a regular file; not changed")
            try:
                self._fh = open(self._target, "wb")  # closed by __exit__
            except OSError as exc:
                raise self._error(exc) from None
            return self
        folder = os.path.dirname(self._target) or "."
        remove_stale_temps(folder)
        try:
            fd, self._tmp = _make_temp(folder, os.path.basename(self._target))
        except OSError as exc:  # (the file may well be writable when its folder is not)
            raise self._error(exc, f" (creating a temporary file in {folder})") from None
        self._fh = os.fdopen(fd, "wb")
        return self

    def write(self, data: bytes) -> None:
        """Write `data` to the temporary file."""
        try:
            self._fh.write(data)
        except OSError as exc:
            raise self._error(exc) from None

    def discard(self) -> None:
        """Leave `path` as it is when the block ends (nothing worth writing)."""
        self._discard = True

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if exc_type is None and not self._discard:
                try:
                    self._commit()
                except OSError as error:
                    raise self._error(error) from None
        finally:
            with contextlib.suppress(OSError):  # (a failed flush here must not hide the error on its way)
                self._fh.close()
            if self._tmp:
                _OURS.discard(self._tmp)
                if not self._renamed:
                    with contextlib.suppress(OSError):
                        os.unlink(self._tmp)

    def _commit(self) -> None:
        self._fh.flush()
        if not self._tmp:  # a device or a FIFO: nothing to replace
            self._fh.close()
            return
        _copy_owner_and_mode(self._fh.fileno(), self._tmp, self._target)
        os.fsync(self._fh.fileno())
        self._fh.close()
        if self._expect is not None:
            try:
                now: Identity | None = identity(os.stat(self._target))
            except FileNotFoundError:
                now = None
            if now != self._expect:
                raise InputError(f"{self.path}: changed by another program while spamguard was cleaning it; "
                                 "left as that program made it (run spamguard again)")
        os.replace(self._tmp, self._target)
        self._renamed = True
        _fsync_dir(os.path.dirname(self._target) or ".")

    def _error(self, exc: OSError, where: str = "") -> InputError:
        kept = "; the file is unchanged" if self._existed and not self._renamed and (self._tmp or where) else ""
        return InputError(f"{self.path}: cannot write: {exc.strerror or exc}{where}{kept}")


def _make_temp(folder: str, name: str) -> tuple[int, str]:
    """A new temporary file for `name` in `folder`: (fd, path), named ``.NAME.spamguard-tmp-PID-RANDOM``."""
    stem = os.fsdecode(os.fsencode(name)[:TEMP_STEM_BYTES])  # the whole name must stay within NAME_MAX
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = os.path.join(folder, f".{stem}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")
        try:
            fd = os.open(tmp, flags, 0o600)
        except FileExistsError:
            continue
        _OURS.add(tmp)
        return fd, tmp


def remove_stale_temps(folder: str) -> list[str]:
    """Remove the temporary files that killed spamguard runs left in `folder` (once per folder and process).

    A temporary file names the process that made it; it is stale when no process of that id is alive (on
    systems where that cannot be told, nothing is removed). Returns the paths removed.
    """
    if folder in _SWEPT:
        return []
    _SWEPT.add(folder)
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            found = _TEMP_NAME.fullmatch(entry.name)
            if found is None or entry.path in _OURS or _alive(int(found.group(1))):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
                    removed.append(entry.path)
    return removed


def _alive(pid: int) -> bool:
    """Is process `pid` running? (True when it cannot be told: a file is never removed on a guess.)"""
    if os.name != "posix":  # (os.kill(pid, 0) would terminate the process on Windows)
        return True
    if pid == os.getpid():  # our own temporary files are in _OURS: this one is an earlier process's
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, someone else's
        return True
    return True


def _copy_owner_and_mode(fd: int, tmp: str, target: str) -> None:
    """Give the temporary file the owner, group and permission bits of `target` (a new file: 0o666 - umask).

    The owner and group are kept where the process may set them (root; a user for a group of theirs); else
    the rewritten file belongs to whoever runs spamguard, as with every editor that writes by renaming."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return
    if hasattr(os, "fchown"):
        mine = os.fstat(fd)
        if (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid):
            try:
                os.fchown(fd, st.st_uid, st.st_gid)
            except PermissionError:
                with contextlib.suppress(PermissionError):
                    os.fchown(fd, -1, st.st_gid)
    os.chmod(tmp, stat.S_IMODE(st.st_mode))  # after chown, which may clear set-id bits


def _fsync_dir(folder: str) -> None:
    """Make the rename durable where the OS allows fsync on a directory (best effort)."""
    with contextlib.suppress(OSError, AttributeError):
        dfd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def write_bytes(path: str, data: bytes, expect: Identity | None = None) -> None:
    """Write `data` to `path` atomically (``-`` = standard output, untranslated); `expect`: see AtomicWriter."""
    if path == STDIO:
        write_stdout(data)
        return
    with AtomicWriter(path, expect) as fh:
        fh.write(data)


def replace_text(original: TextFile, new_text: str) -> bool:
    """Rewrite `original.path` with `new_text` (BOM and newlines kept) unless nothing changed; True if rewritten.

    The file is only replaced if it is still the one `original` was read from (same identity)."""
    if new_text == original.text:
        return False
    check_writable(original.path)
    write_bytes(original.path, original.encode(new_text), original.identity)
    return True


def write_stdout(data: bytes) -> None:
    """Write bytes to standard output exactly (no newline translation, no re-encoding)."""
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        raise InputError("standard output is closed; nothing written (use -o OUT)")
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced text-only stdout (some embedders): best effort
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()
