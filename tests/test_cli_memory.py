"""Corpus memory on the command line: `spamguard memory build`, check/clean --memory FILE, and the memory check
and clean build from their own inputs (--no-corpus-memory turns it off)."""
import itertools
import json
import re
import sys
from types import SimpleNamespace

import cli_support
import pytest
from cli_support import FLAG_LINE, SEED, run
from site_pages import PROMO, STORIES

from spamguard import cli
from spamguard.cleaner import Cleaner
from spamguard.cli import console
from spamguard.cli.memory import AUTO_MIN_DOCUMENTS, summary
from spamguard.evidence import memory as evidence
from spamguard.evidence.memory import CorpusMemory, load_memory, save_memory

# the shared fixtures (pytest finds them as attributes of this module)
cleaner, work = cli_support.cleaner, cli_support.work

TOWNS = [stem + end for stem in ("Ash", "Bel", "Cor", "Dun", "El", "Fern", "Glen")
         for end in ("ford", "ton", "wick", "mouth", "by", "ham")]
PAGES = AUTO_MIN_DOCUMENTS + 4  # enough pages for the memory check and clean build from their inputs
assert 6 < AUTO_MIN_DOCUMENTS and PAGES <= len(TOWNS)


def page(i: int) -> str:
    """A page of one site: a story of its own, with the site's template line between two paragraphs."""
    town, n = TOWNS[i], len(STORIES)
    return (f"{town}: {STORIES[i % n]}\n\n{PROMO}\n\n{STORIES[(i + 3) % n]} Officials in {town} declined to "
            f"comment.\n\n{STORIES[(i + 5) % n]}\n")


def write_site(folder, pages=PAGES):
    """`pages` pages in `folder`; returns their paths (relative to the cwd), in name order."""
    folder.mkdir(exist_ok=True)
    for i in range(pages):
        (folder / f"page{i:02}.txt").write_text(page(i))
    return [f"{folder.name}/page{i:02}.txt" for i in range(pages)]


def memory_of(texts) -> CorpusMemory:
    memory = CorpusMemory()
    for text in texts:
        memory.add(text)
    return memory


@pytest.fixture(scope="module")
def without_memory(cleaner):
    """The premise: alone, a page keeps its template line (nothing about it reads as junk)."""
    assert all(PROMO in cleaner.clean(page(i)).text for i in range(PAGES))


# --- memory build ----------------------------------------------------------------------------------------------


def test_build_counts_a_folder_and_prints_a_summary(work, capsys):
    write_site(work / "site")
    (work / "site" / ".hidden").write_bytes(b"\x00 not text, never read")
    (work / "site" / "sub").mkdir()
    (work / "site" / "sub" / "more.txt").write_text(page(0))
    code, out, err = run(["memory", "build", "site", "--out", "site.memory"], capsys)
    memory = load_memory(work / "site.memory")
    assert (code, err) == (0, "")
    assert re.fullmatch(rf"wrote site\.memory: {PAGES + 1} documents, {len(memory.table)} fingerprints, exact, "
                        r"(\d+ bytes|\d+\.\d kB)\n", out), out
    expected = memory_of([page(i) for i in range(PAGES)] + [page(0)])
    assert (memory.documents, memory.table) == (expected.documents, expected.table)
    assert PROMO.encode() not in (work / "site.memory").read_bytes()


def test_build_reads_jsonl_and_text_files_as_check_does_and_reports_what_it_cannot_read(work, capsys):
    records = [json.dumps({"id": i, "body": page(i)}) for i in range(4)]
    (work / "c.jsonl").write_text("\n".join(records[:2] + ["{broken", "[1]"] + records[2:]) + "\n")
    (work / "one.txt").write_text(page(5))
    (work / "bad.txt").write_bytes(b"GIF89a\x00\x01")
    code, out, err = run(["memory", "build", "--field", "body", "c.jsonl", "one.txt", "bad.txt", "missing.txt",
                          "--out", "m"], capsys)
    assert code == 2 and out.startswith("wrote m: 5 documents, ")
    assert err.splitlines() == [
        "spamguard: c.jsonl:3: malformed record: invalid JSON (Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)); not counted",
        "spamguard: c.jsonl:4: malformed record: not a JSON object (got list); not counted",
        "spamguard: bad.txt: binary file (NUL byte at offset 6); not checked or changed",
        "spamguard: missing.txt: cannot read: No such file or directory",
    ]
    assert load_memory(work / "m").table == memory_of([page(i) for i in (0, 1, 2, 3, 5)]).table


def test_build_replaces_a_memory_but_no_other_file(work, capsys):
    write_site(work / "site", 3)
    assert run(["memory", "build", "site", "--out", "m"], capsys)[0] == 0
    assert run(["memory", "build", "site/page00.txt", "--out", "m"], capsys)[0] == 0
    assert load_memory(work / "m").documents == 1
    code, out, err = run(["memory", "build", "site", "--out", "nowhere/m"], capsys)
    assert (code, out) == (2, "") and err.startswith("spamguard: nowhere/m: cannot write: no folder ")
    for target in ("site/page01.txt", "site"):
        before = (work / target).read_text() if target.endswith(".txt") else None
        code, out, err = run(["memory", "build", "site", "--out", target], capsys)
        assert code == 2 and out == "" and err.startswith(f"spamguard: {target}: ")
        assert "is not a spamguard corpus memory; not overwritten" in err or "not a regular file" in err
        if before is not None:
            assert (work / target).read_text() == before


def test_build_skips_its_own_output_among_the_inputs(work, capsys):
    write_site(work / "site", 3)
    assert run(["memory", "build", "site", "--out", "site/site.memory"], capsys)[0] == 0
    code, out, _ = run(["memory", "build", "site", "--out", "site/site.memory"], capsys)  # not read as a text file
    assert code == 0 and out.startswith("wrote site/site.memory: 3 documents, ")


def test_the_summary_of_a_sketched_memory_names_its_error_bound(work):
    sketched = CorpusMemory(exact_limit=5, sketch_bytes=1 << 12)
    for i in range(PAGES):
        sketched.add(page(i))
    save_memory(sketched, work / "m")
    assert not sketched.exact and sketched.error_bound() > 0
    assert re.fullmatch(rf"wrote m: {PAGES} documents, 5 fingerprints counted exactly and {sketched.sketched} more "
                        rf"counts sketched \(error bound \d\.\de-\d\d\), \d+ bytes", summary("m", sketched))


@pytest.mark.parametrize("inputs", [["empty"], ["empty.jsonl"], ["empty", "empty.jsonl", "blank.txt"]])
def test_an_empty_corpus_builds_an_empty_memory(work, capsys, inputs):
    (work / "empty").mkdir()
    (work / "empty.jsonl").write_text("")
    (work / "blank.txt").write_text("")
    code, out, err = run(["memory", "build", *inputs, "--out", "m"], capsys)
    documents = 1 if "blank.txt" in inputs else 0
    assert (code, err) == (0, "") and out.startswith(f"wrote m: {documents} documents, 0 fingerprints, exact, ")
    assert load_memory(work / "m").documents == documents


# --- check and clean --memory FILE -----------------------------------------------------------------------------


def test_check_with_a_saved_memory_flags_the_template_line_in_one_file(work, capsys, without_memory):
    paths = write_site(work / "site", 6)
    assert run(["memory", "build", "site", "--out", "site.memory"], capsys)[0] == 0
    assert run(["check", paths[0]], capsys) == (0, "", "")
    code, out, err = run(["check", "--memory", "site.memory", paths[0]], capsys)
    (line,) = out.splitlines()
    m = FLAG_LINE.match(line)
    assert code == 1 and m and (m["path"], m["line"], m["rules"], m["excerpt"]) == (paths[0], "3", "corpus.repeated",
                                                                                     PROMO)
    code, out, _ = run(["check", "--memory", "site.memory", "--format", "json", paths[0]], capsys)
    report = json.loads(out)
    assert code == 1 and report["memory_documents"] == 6
    (flag,) = report["flags"]
    assert flag["rules"] == ["corpus.repeated"] and flag["repeats"] == 6 and flag["excerpt"] == PROMO


def test_clean_with_a_saved_memory_matches_the_library(work, capsysbinary, without_memory):
    paths = write_site(work / "site", 6)
    save_memory(memory_of([page(i) for i in range(6)]), work / "site.memory")
    assert cli.main(["clean", "--memory", "site.memory", paths[1]]) == 0
    expected = Cleaner(memory=work / "site.memory").clean(page(1)).text
    assert capsysbinary.readouterr().out == expected.encode() and PROMO not in expected


def test_the_memory_file_among_the_inputs_is_skipped(work, capsys):
    paths = write_site(work / "site", 6)
    assert run(["memory", "build", "site", "--out", "site.memory"], capsys)[0] == 0
    code, out, err = run(["check", "--memory", "site.memory", "site.memory", paths[0]], capsys)
    assert code == 1 and "site.memory" not in out + err
    assert [FLAG_LINE.match(line)["path"] for line in out.splitlines()] == [paths[0]]


def damaged_memories(folder):
    """(name, bytes) of memory files that must be refused, with what the message says."""
    save_memory(memory_of([page(i) for i in range(6)]), folder / "good.memory")
    good = (folder / "good.memory").read_bytes()
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0x01
    header = bytearray(good)
    header[0] ^= 0x20
    return [
        ("flipped", bytes(flipped), "is damaged (its checksum does not match)"),
        ("truncated", good[:len(good) // 2], "is damaged (its checksum does not match)"),
        ("too-short", good[:10], "not a spamguard corpus memory file"),
        ("header", bytes(header), "not a spamguard corpus memory file"),
        ("foreign", bytes(range(256)) * 8, "not a spamguard corpus memory file"),
        ("text", SEED.encode(), "not a spamguard corpus memory file"),
        ("empty", b"", "not a spamguard corpus memory file"),
    ]


@pytest.mark.parametrize("command", [["check"], ["clean"], ["clean", "--in-place"]])
def test_a_damaged_memory_is_refused_with_one_clear_line(work, capsys, command):
    (work / "a.txt").write_text(page(0))
    for name, data, reason in damaged_memories(work):
        (work / name).write_bytes(data)
        code, out, err = run([*command, "--memory", name, "a.txt"], capsys)
        assert (code, out) == (2, ""), name
        assert err.startswith(f"spamguard: {name}: ") and reason in err and err.count("\n") == 1, (name, err)
    assert (work / "a.txt").read_text() == page(0)


def test_a_memory_of_another_format_version_or_a_missing_one_is_refused(work, capsys, monkeypatch):
    (work / "a.txt").write_text(page(0))
    with monkeypatch.context() as patch:
        patch.setattr(evidence, "FORMAT_VERSION", evidence.FORMAT_VERSION + 1)
        save_memory(memory_of([page(0)]), work / "newer.memory")
    code, out, err = run(["check", "--memory", "newer.memory", "a.txt"], capsys)
    assert (code, out) == (2, "") and err == (
        f"spamguard: newer.memory: corpus memory format version {evidence.FORMAT_VERSION + 1}, this spamguard reads "
        f"version {evidence.FORMAT_VERSION}: build the memory again with this version\n")
    (work / "folder").mkdir()
    for name, reason in [("missing.memory", "No such file or directory"), ("folder", "Is a directory")]:
        code, out, err = run(["check", "--memory", name, "a.txt"], capsys)
        assert (code, out, err) == (2, "", f"spamguard: {name}: cannot read the corpus memory: {reason}\n")


def test_help_says_what_the_default_memory_is_and_how_to_turn_it_off(capsys):
    for command in ("check", "clean"):
        code, out, _ = run([command, "--help"], capsys)
        text = " ".join(out.split())
        assert code == 0 and "--memory FILE" in text and "--no-corpus-memory" in text
        assert f"inputs holding {AUTO_MIN_DOCUMENTS} or more documents" in text
    code, out, _ = run(["memory", "build", "--help"], capsys)
    assert code == 0 and "--out FILE" in out and "CORPUS" in out
    code, _, err = run(["memory"], capsys)
    assert code == 2 and "required: ACTION" in err


def test_memory_and_no_corpus_memory_exclude_each_other(work, capsys):
    (work / "a.txt").write_text(page(0))
    code, _, err = run(["check", "--memory", "m", "--no-corpus-memory", "a.txt"], capsys)
    assert code == 2 and "not allowed with argument" in err


# --- the memory check and clean build from their inputs ---------------------------------------------------------


def test_clean_over_a_folder_removes_the_template_by_default_and_keeps_it_without(work, capsys, cleaner,
                                                                                   without_memory):
    paths = write_site(work / "site")
    pages = [page(i) for i in range(PAGES)]
    built = Cleaner(memory=memory_of(pages))
    code, out, err = run(["clean", *paths], capsys)
    assert (code, err) == (0, "") and out == "".join(built.clean(p).text for p in pages)
    assert PROMO not in out
    code, out, err = run(["clean", "--no-corpus-memory", *paths], capsys)
    assert (code, err) == (0, "") and out == "".join(cleaner.clean(p).text for p in pages)
    assert out.count(PROMO) == PAGES


def test_clean_in_place_over_a_folder_then_check_passes(work, capsys, without_memory):
    paths = write_site(work / "site")
    code, out, err = run(["clean", "--in-place", *paths], capsys)
    assert code == 1 and out == "" and err.count("Fixing site/page") == PAGES
    assert all(PROMO not in (work / path).read_text() for path in paths)
    assert run(["check", *paths], capsys) == (0, "", "")


def test_check_over_a_folder_flags_the_template_in_every_page(work, capsys, without_memory):
    paths = write_site(work / "site")
    code, out, err = run(["check", "--format", "json", *paths], capsys)
    reports = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [r["path"] for r in reports] == paths
    for report in reports:
        assert report["memory_documents"] == PAGES
        assert [(f["rules"], f["repeats"], f["excerpt"]) for f in report["flags"]] == [
            (["corpus.repeated"], PAGES, PROMO)]
    assert run(["check", "--no-corpus-memory", *paths], capsys) == (0, "", "")


def test_a_jsonl_corpus_is_one_corpus(work, capsysbinary, cleaner, without_memory):
    pages = [page(i) for i in range(PAGES)]
    (work / "c.jsonl").write_text("".join(json.dumps({"id": i, "text": p}) + "\n" for i, p in enumerate(pages)))

    def cleaned_by(judge):
        return "".join(json.dumps({"id": i, "text": judge.clean(p).text}) + "\n" for i, p in enumerate(pages)).encode()

    expected = cleaned_by(Cleaner(memory=memory_of(pages)))
    assert PROMO.encode() not in expected
    for jobs in ("1", "2"):
        assert cli.main(["clean", "--jobs", jobs, "c.jsonl"]) == 0
        assert capsysbinary.readouterr().out == expected
    assert cli.main(["clean", "--no-corpus-memory", "c.jsonl"]) == 0
    assert capsysbinary.readouterr().out == cleaned_by(cleaner)


@pytest.mark.parametrize("pages", [1, AUTO_MIN_DOCUMENTS - 1])
def test_fewer_documents_than_the_minimum_build_no_memory(work, capsys, without_memory, pages):
    paths = write_site(work / "site", pages)
    code, out, err = run(["check", "--format", "json", *paths], capsys)
    assert (code, err) == (0, "")
    assert all(r["flags"] == [] and "memory_documents" not in r for r in map(json.loads, out.splitlines()))
    (work / "c.jsonl").write_text("".join(json.dumps({"text": page(i)}) + "\n" for i in range(pages)))
    assert run(["check", "c.jsonl"], capsys) == (0, "", "")


def test_an_empty_corpus_and_stdin_build_no_memory(work, capsys, monkeypatch, without_memory):
    (work / "empty.jsonl").write_text("")
    assert run(["clean", "empty.jsonl"], capsys) == (0, "", "")
    paths = write_site(work / "site")
    cli_support.feed_stdin(monkeypatch, page(0).encode())
    code, out, err = run(["clean", *paths, "-"], capsys)  # standard input is read once: no counting pass
    assert (code, err) == (0, "") and out.count(PROMO) == PAGES + 1


def test_an_unreadable_input_is_reported_once_and_the_others_counted(work, capsys, without_memory):
    paths = write_site(work / "site")
    code, out, err = run(["clean", *paths, "missing.txt"], capsys)
    assert code == 2 and err == "spamguard: missing.txt: cannot read: No such file or directory\n"
    assert PROMO not in out


class FakeTerminal:
    """A stderr that is a terminal, collecting what is written."""

    def __init__(self):
        self.written = []

    def isatty(self):
        return True

    def write(self, text):
        self.written.append(text)

    def flush(self):
        pass


def test_progress_is_shown_for_both_passes(work, capsys, monkeypatch):
    paths = write_site(work / "site")
    terminal = FakeTerminal()
    ticks = itertools.count()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(console, "time", SimpleNamespace(monotonic=lambda: float(next(ticks))))  # 1 s per look
    assert cli.main(["check", *paths]) == 1
    lines = "".join(terminal.written).split("\n")
    counting = lines.index(next(line for line in lines if "counting lines" in line))
    assert re.search(rf"\r\x1b\[Kcounting lines: {PAGES} docs, [\d,]+ docs/s$", lines[counting])
    assert re.search(rf"\r\x1b\[K{PAGES} docs, [\d,]+ docs/s, {PAGES} with junk$", lines[counting + 1])
