"""`spamguard clean --in-place` and -o OUT under hostile conditions: other owners, other writers, kill -9,
SIGTERM, full disks, devices, FIFOs and symlinks. The user's file is never lost or half-written."""
import json
import os
import signal
import stat
import subprocess
import sys
import threading

import cli_support
import pytest
from cli_support import SEED, TRAILER, child_env, run, tmp_leftovers

from spamguard import Cleaner, fileio

# the shared fixtures (pytest finds them as attributes of this module)
cleaner, work = cli_support.cleaner, cli_support.work

as_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")


# --- owner, group and mode -------------------------------------------------------------------------------------


@as_root
def test_root_run_keeps_another_users_owner_group_and_mode(work, capsys, cleaner):
    path = work / "theirs.txt"
    path.write_text(SEED)
    os.chown(path, 12345, 23456)
    path.chmod(0o640)
    assert run(["clean", "--in-place", "theirs.txt"], capsys)[0] == 1
    st = path.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (12345, 23456, 0o640)
    assert path.read_text() == cleaner.clean(SEED).text


@as_root
def test_jsonl_in_place_keeps_the_owner_too(work, capsys):
    path = work / "c.jsonl"
    path.write_text(json.dumps({"text": SEED}) + "\n")
    os.chown(path, 12345, 12345)
    assert run(["clean", "--in-place", "c.jsonl"], capsys)[0] == 1
    assert (path.stat().st_uid, path.stat().st_gid) == (12345, 12345)
    assert TRAILER not in path.read_text()


# --- another writer changes the file while we clean it ---------------------------------------------------------


def other_writer_during_fsync(monkeypatch, action):
    """Run `action` once, after our temporary file is written and before the rename (at our fsync)."""
    real_fsync = os.fsync
    done = []

    def fsync(fd):
        if not done:
            done.append(True)
            action()
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize("name", ["junk.txt", "junk.jsonl"])
def test_file_changed_meanwhile_is_left_as_the_other_writer_made_it(work, capsys, monkeypatch, name):
    path = work / name
    original = SEED if name.endswith(".txt") else json.dumps({"text": SEED}) + "\n"
    path.write_text(original)
    theirs = original + "a line the other editor added\n"
    other_writer_during_fsync(monkeypatch, lambda: path.write_text(theirs))
    code, _, err = run(["clean", "--in-place", name], capsys)
    assert code == 2
    assert f"spamguard: {name}: changed by another program while spamguard was cleaning it" in err
    assert path.read_text() == theirs and tmp_leftovers(work) == []


def test_file_replaced_by_one_of_the_same_size_and_mtime_is_noticed(work, capsys, monkeypatch):
    """Only the inode differs (an editor that saves by renaming, within the same timestamp)."""
    path = work / "junk.txt"
    path.write_text(SEED)
    before = path.stat()

    def replace_it():
        copy = work / "copy.txt"
        copy.write_text(SEED.upper())
        os.utime(copy, ns=(before.st_atime_ns, before.st_mtime_ns))
        os.replace(copy, path)

    other_writer_during_fsync(monkeypatch, replace_it)
    code, _, err = run(["clean", "--in-place", "junk.txt"], capsys)
    assert code == 2 and "junk.txt: changed by another program" in err
    assert path.read_text() == SEED.upper() and tmp_leftovers(work) == []


def test_file_deleted_meanwhile_is_not_recreated(work, capsys, monkeypatch):
    path = work / "junk.txt"
    path.write_text(SEED)
    other_writer_during_fsync(monkeypatch, path.unlink)
    code, _, err = run(["clean", "--in-place", "junk.txt"], capsys)
    assert code == 2 and "junk.txt: changed by another program" in err
    assert not path.exists() and tmp_leftovers(work) == []


# --- runs that die: kill -9 and SIGTERM ------------------------------------------------------------------------

HALF_WRITTEN = """
import sys, time
from spamguard import Cleaner, fileio
with fileio.AtomicWriter(sys.argv[1], fileio.read_text(sys.argv[1]).identity) as out:
    out.write(b"x" * 5_000_000)
    out._fh.flush()
    print("writing", flush=True)
    time.sleep(60)
    out.write(b"never")
"""


def test_kill_9_mid_write_leaves_the_original_and_the_next_run_removes_the_temp_file(work, capsys, cleaner):
    path = work / "big.txt"
    path.write_text(SEED)
    child = subprocess.Popen([sys.executable, "-c", HALF_WRITTEN, str(path)], stdout=subprocess.PIPE,
                             env=child_env())
    try:
        assert child.stdout.readline() == b"writing\n"
        (temp,) = tmp_leftovers(work)
        assert temp.name.startswith(".big.txt.spamguard-tmp-") and temp.stat().st_size == 5_000_000
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert path.read_text() == SEED and temp.exists()  # the original intact; the killed run's file left over
    assert run(["clean", "--in-place", "big.txt"], capsys)[0] == 1
    assert tmp_leftovers(work) == []
    assert path.read_text() == cleaner.clean(SEED).text


def test_a_temp_file_of_a_live_process_or_another_name_is_kept(work, capsys):
    (work / "a.txt").write_text(SEED)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = work / f".a.txt.spamguard-tmp-{sleeper.pid}-0123abcd"
        unrelated = work / ".a.txt.spamguard-tmp-notapid"
        live.write_bytes(b"in progress")
        unrelated.write_bytes(b"mine")
        assert run(["clean", "--in-place", "a.txt"], capsys)[0] == 1
        assert live.read_bytes() == b"in progress" and unrelated.read_bytes() == b"mine"
    finally:
        sleeper.kill()
        sleeper.wait()


def dead_pid():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temp_files_are_removed_once_per_folder_and_only_ours(tmp_path):
    stale = tmp_path / f".x.txt.spamguard-tmp-{dead_pid()}-deadbeef"
    stale.write_bytes(b"y" * 1000)
    other = tmp_path / "x.txt.spamguard-tmp-1-deadbeef"  # not hidden: not a name spamguard makes
    other.write_bytes(b"keep")
    assert fileio.remove_stale_temps(str(tmp_path)) == [str(stale)]
    assert not stale.exists() and other.exists()


SLOW_FSYNC = """
import os, sys, time
from spamguard import cli
def slow_fsync(fd):
    print("fsync", flush=True)
    time.sleep(60)
os.fsync = slow_fsync
sys.exit(cli.main(["clean", "--in-place", sys.argv[1]]))
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_mid_write_removes_the_temp_file_and_exits_128_plus_n(work, signum):
    path = work / "junk.txt"
    path.write_text(SEED)
    # the child starts with the signal's default action: under nohup SIGHUP is ignored, which the CLI respects
    child = subprocess.Popen([sys.executable, "-c", SLOW_FSYNC, str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=child_env(),
                             preexec_fn=lambda: signal.signal(signum, signal.SIG_DFL))
    assert child.stdout.readline() == b"fsync\n"
    assert len(tmp_leftovers(work)) == 1
    child.send_signal(signum)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 128 + signum
    assert f"spamguard: terminated ({signal.Signals(signum).name})" in err.decode()
    assert b"Traceback" not in err
    assert path.read_text() == SEED and tmp_leftovers(work) == []


# --- errors name the file they are about -----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_full_disk_on_output_names_the_output_not_the_input(work, capsys, monkeypatch, suffix):
    (work / f"in{suffix}").write_text(json.dumps({"text": SEED}) + "\n" if suffix == ".jsonl" else SEED)
    (work / f"out{suffix}").write_text("previous output")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    code, _, err = run(["clean", f"in{suffix}", "-o", f"out{suffix}"], capsys)
    assert code == 2
    assert err == f"spamguard: out{suffix}: cannot write: No space left on device; the file is unchanged\n"
    assert (work / f"out{suffix}").read_text() == "previous output" and tmp_leftovers(work) == []


def device(tmp_path, name, minor):
    path = tmp_path / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
        with open(path, "wb"):
            pass
    except (PermissionError, AttributeError):
        pytest.skip("cannot make or open a device node here")
    return path


def test_output_to_a_full_device_names_it_and_keeps_it_a_device(work, capsys):
    full = device(work, "full", 7)  # a private /dev/full
    (work / "in.txt").write_text(SEED)
    code, out, err = run(["clean", "in.txt", "-o", "full"], capsys)
    assert code == 2 and err == "spamguard: full: cannot write: No space left on device\n"
    assert stat.S_ISCHR(full.lstat().st_mode) and tmp_leftovers(work) == []


def test_output_to_a_null_device_is_written_not_replaced(work, capsys):
    null = device(work, "null", 3)  # a private /dev/null
    (work / "in.txt").write_text(SEED)
    assert run(["clean", "in.txt", "-o", "null"], capsys) == (0, "", "")
    assert stat.S_ISCHR(null.lstat().st_mode)


def test_output_to_a_fifo_is_written_not_replaced(work, capsys, cleaner):
    fifo = work / "pipe"
    os.mkfifo(fifo)
    (work / "in.txt").write_text(SEED)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert run(["clean", "in.txt", "-o", "pipe"], capsys) == (0, "", "")
    reader.join(10)
    assert received == [cleaner.clean(SEED).text.encode()] and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_in_place_never_replaces_a_fifo(work):
    os.mkfifo(work / "pipe.jsonl")
    with pytest.raises(fileio.InputError, match="pipe.jsonl: not a regular file; not changed"):
        with fileio.AtomicWriter(str(work / "pipe.jsonl"), (0, 0, 0, 0)):
            pass
    assert stat.S_ISFIFO((work / "pipe.jsonl").lstat().st_mode)


# --- symlinks and names ----------------------------------------------------------------------------------------


def test_in_place_on_a_symlink_rewrites_its_target_and_keeps_the_link(work, capsys, cleaner):
    (work / "store").mkdir()
    real = work / "store" / "real.txt"
    real.write_text(SEED)
    link = work / "link.txt"
    link.symlink_to(real)
    code, _, err = run(["clean", "--in-place", "link.txt"], capsys)
    assert code == 1 and "Fixing link.txt" in err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == cleaner.clean(SEED).text and tmp_leftovers(work) == []


def test_in_place_on_a_dangling_symlink_is_an_error(work, capsys):
    (work / "link.txt").symlink_to(work / "gone.txt")
    code, _, err = run(["clean", "--in-place", "link.txt"], capsys)
    assert code == 2 and "link.txt: cannot read: No such file or directory" in err
    assert (work / "link.txt").is_symlink() and not (work / "gone.txt").exists()


def test_in_place_on_a_longest_possible_name(work, capsys, cleaner):
    name = "é" * 120 + ".txt"  # 244 bytes: the temporary name must still fit in 255
    (work / name).write_text(SEED)
    assert run(["clean", "--in-place", name], capsys)[0] == 1
    assert (work / name).read_text() == cleaner.clean(SEED).text and tmp_leftovers(work) == []


def test_two_concurrent_in_place_runs_leave_one_whole_result(work, cleaner):
    path = work / "junk.txt"
    path.write_text(SEED * 200)
    command = [sys.executable, "-m", "spamguard", "clean", "--in-place", "--no-model", "junk.txt"]
    children = [subprocess.Popen(command, cwd=work, stderr=subprocess.PIPE, env=child_env()) for _ in range(2)]
    results = [(child.wait(timeout=120), child.stderr.read().decode()) for child in children]
    for code, err in results:  # 1: rewrote it; 0: found it already clean; 2: the other run got there first
        assert code in (0, 1, 2) and "Traceback" not in err
        assert code != 2 or "junk.txt: changed by another program" in err
    assert path.read_text() == Cleaner(use_model=False).clean(SEED * 200).text and tmp_leftovers(work) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write any folder")
def test_a_folder_that_cannot_be_written_is_named(work, capsys):
    (work / "ro").mkdir()
    path = work / "ro" / "junk.txt"
    path.write_text(SEED)
    (work / "ro").chmod(0o555)
    try:
        code, _, err = run(["clean", "--in-place", "ro/junk.txt"], capsys)
    finally:
        (work / "ro").chmod(0o755)
    assert code == 2 and "ro/junk.txt: cannot write: Permission denied (creating a temporary file in " in err
    assert path.read_text() == SEED


def test_a_temporary_file_that_cannot_be_made_is_reported_with_its_folder(work, monkeypatch):
    path = work / "junk.txt"
    path.write_text(SEED)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fileio, "_make_temp", denied)
    with pytest.raises(fileio.InputError, match=r"junk\.txt: cannot write: Permission denied \(creating a temporary "
                                                r"file in .+\); the file is unchanged$"):
        fileio.write_bytes(str(path), b"new")
    assert path.read_text() == SEED
