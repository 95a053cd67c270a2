"""spamguard.fileio: exact decoding, and writes that leave every file either old or new."""
import io
import os
import stat

import pytest

from spamguard import fileio
from spamguard.errors import InputError


def leftovers(folder):
    return [name for name in os.listdir(folder) if ".spamguard-tmp" in name]


# --- reading -------------------------------------------------------------------------------------------------


def test_newlines_are_never_translated(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"one\r\ntwo\rthree\nfour")
    assert fileio.read_text(str(path)).text == "one\r\ntwo\rthree\nfour"


def test_bom_is_hidden_from_the_text_and_written_back(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(fileio.BOM + "héllo\n".encode())
    source = fileio.read_text(str(path))
    assert source.text == "héllo\n" and source.bom
    assert source.encode("h\n") == fileio.BOM + b"h\n"
    assert fileio.read_text(str(path)).encode() == path.read_bytes()


def test_undecodable_file_names_path_byte_and_offset(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("café".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1\.txt: not valid UTF-8 \(byte 0xe9 at offset 3\)"):
        fileio.read_text(str(path))


def test_undecodable_offset_counts_the_bom(tmp_path):
    path = tmp_path / "b.txt"
    path.write_bytes(fileio.BOM + b"ab\xff")
    with pytest.raises(InputError, match="offset 5"):
        fileio.read_text(str(path))


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "img.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(InputError, match=r"binary file \(NUL byte at offset 8\)"):
        fileio.read_text(str(path))


@pytest.mark.parametrize("encoding, order, mark", [
    ("UTF-16", "LE", "FF FE"), ("UTF-16", "BE", "FE FF"),
    ("UTF-32", "LE", "FF FE 00 00"), ("UTF-32", "BE", "00 00 FE FF"),
])
def test_utf16_and_utf32_are_named_with_the_command_that_converts_them(tmp_path, monkeypatch, encoding, order, mark):
    monkeypatch.chdir(tmp_path)
    codec = f"{encoding.lower().replace('-', '_')}_{order.lower()}"
    data = bytes.fromhex(mark) + "Café\r\nok\n".encode(codec)
    (tmp_path / "a.txt").write_bytes(data)
    with pytest.raises(InputError) as caught:
        fileio.read_text("a.txt")
    assert str(caught.value) == (f"a.txt: {encoding} {order} text (byte order mark {mark}); spamguard reads UTF-8: "
                                 f"convert it first with iconv -f {encoding} -t UTF-8 a.txt > a.utf8.txt; "
                                 "not checked or changed")
    assert (tmp_path / "a.txt").read_bytes() == data


def test_the_conversion_command_quotes_the_path(tmp_path):
    with pytest.raises(InputError, match=r"iconv -f UTF-16 -t UTF-8 'my notes' > 'my notes.utf8.txt'"):
        fileio.decode(b"\xff\xfeh\x00", "my notes")
    with pytest.raises(InputError, match=r"convert it first with iconv -f UTF-16 -t UTF-8; not checked"):
        fileio.decode(b"\xfe\xff\x00h", "<stdin>")


def test_missing_file_and_directory_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="nope.txt: cannot read: No such file"):
        fileio.read_text(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        fileio.read_text(str(tmp_path))


def test_stdin_is_read_as_bytes(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"x\r\ny")))
    assert fileio.read_text("-").text == "x\r\ny"


# --- writing -------------------------------------------------------------------------------------------------


def test_atomic_write_replaces_and_keeps_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    fileio.write_bytes(str(path), b"new\r\n")
    assert path.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_new_file_gets_default_mode(tmp_path):
    path = tmp_path / "new.txt"
    umask = os.umask(0o022)
    try:
        fileio.write_bytes(str(path), b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failure_mid_write_leaves_the_original_and_no_temp_file(tmp_path, monkeypatch, failing):
    path = tmp_path / "a.txt"
    path.write_bytes(b"original")

    def boom(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(InputError, match=r"a\.txt: cannot write: No space left on device; the file is unchanged"):
        fileio.write_bytes(str(path), b"new content")
    monkeypatch.undo()
    assert path.read_bytes() == b"original"
    assert leftovers(tmp_path) == []


def test_interrupt_inside_the_block_leaves_the_original(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"original")
    with pytest.raises(KeyboardInterrupt):
        with fileio.AtomicWriter(str(path)) as out:
            out.write(b"half of the new ")
            raise KeyboardInterrupt
    assert path.read_bytes() == b"original"
    assert leftovers(tmp_path) == []


def test_discard_keeps_the_file_untouched(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"same")
    inode = path.stat().st_ino
    with fileio.AtomicWriter(str(path)) as out:
        out.write(b"same")
        out.discard()
    assert path.stat().st_ino == inode and leftovers(tmp_path) == []


def test_replace_text_does_not_rewrite_an_unchanged_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"clean\n")
    before = path.stat()
    source = fileio.read_text(str(path))
    assert fileio.replace_text(source, "clean\n") is False
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_replace_text_keeps_bom_and_newlines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(fileio.BOM + b"keep\r\njunk")
    source = fileio.read_text(str(path))
    assert fileio.replace_text(source, "keep\r\n") is True
    assert path.read_bytes() == fileio.BOM + b"keep\r\n"


def test_read_only_file_is_refused_even_for_root(tmp_path):
    path = tmp_path / "ro.txt"
    path.write_bytes(b"junk")
    path.chmod(0o444)
    source = fileio.read_text(str(path))
    with pytest.raises(InputError, match="ro.txt: file is read-only; not changed"):
        fileio.replace_text(source, "")
    assert path.read_bytes() == b"junk"


def test_symlink_stays_a_link_to_the_rewritten_file(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    fileio.write_bytes(str(link), b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_stdout_gets_exact_bytes(capsysbinary):
    fileio.write_stdout("a\r\nb\u00e9".encode())
    assert capsysbinary.readouterr().out == "a\r\nb\u00e9".encode()
