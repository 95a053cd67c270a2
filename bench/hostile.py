"""Hostile input (issue #16): seconds per MB and peak memory on the shapes a crawler really produces.

For each shape and size it measures, each in its own fresh process:

- s/MB: seconds per MB of `spamguard.Cleaner().clean(text)`, the library call alone (the model is loaded and
  one short document cleaned before the clock starts);
- peak RSS: the high-water mark (ru_maxrss from wait4, read by a small launcher process) of `spamguard check FILE`
  run as a command, next to the bound issue #16 sets, 5 x file size + 150 MB;
- ratio: s/MB at the largest size over s/MB at the smallest. Linear time keeps it near 1; the issue's floor is 2.

A measurement that runs past --timeout is killed and shows "timeout" (s/MB: the timeout as a lower bound, ">");
once a shape's timing times out, its larger sizes are skipped (they would time out too; --no-skip runs them).
The script prints figures and never fails on speed or memory: it exits non-zero only if it crashes itself.
Sizes are exact UTF-8 file sizes in decimal units (1m = 1,000,000 bytes; a multibyte character the cut would
split is replaced by spaces).

Shapes beyond the issue's list, because crawlers produce them too:
- base64-blob: an inline `data:image/png;base64,...` image leaked into the text: one giant word, no spaces;
- minified-js: a leaked minified script on one line: punctuation-dense, few spaces, long;
- exotic-breaks: short lines ended by every line break `str.splitlines` knows (\\r, \\v, \\f, \\x1c-\\x1e, \\x85,
  \\u2028, \\u2029), as PDF and word-processor exports leave them; segmenters that split on "\\n" alone see one line.

    python bench/hostile.py [--sizes 100k,1m,10m] [--shapes spam-line,cjk] [--timeout 300] [--quick] [--no-skip]
                            [--memory-only]
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable

MB = 1_000_000
RSS_FACTOR, RSS_EXTRA_MB = 5, 150  # issue #16: peak RSS at most 5 x file size + 150 MB
RATIO_FLOOR = 2.0  # issue #16: s/MB at the largest size within 2x of the smallest
QUICK_SIZES = "20k,100k"

SENTENCES = [
    "The regional council met on Thursday to discuss the plan for a new railway bridge across the river.",
    "Engineers said the old structure had carried twice the traffic it was designed for since the 1970s.",
    "Residents of the eastern districts asked for a footpath and a cycle lane on both sides of the bridge.",
    "The finance committee will publish its estimate of the costs before the end of the month.",
    "A spokesperson for the transport ministry said that funding from the national budget was likely.",
    "Work could begin next spring if the environmental assessment finds no threat to the nesting birds.",
    "Local businesses welcomed the news, saying the detour through the town centre had cost them customers.",
    "The last public consultation, held in March, drew more than four hundred written responses.",
]
CJK_SENTENCES = [
    "市议会周四开会讨论在河上修建一座新铁路桥的计划。",
    "工程师说，自上世纪七十年代以来，这座旧桥承载的交通量是设计能力的两倍。",
    "东部地区的居民要求在桥的两侧修建人行道和自行车道。",
    "财政委员会将在月底之前公布费用估算。",
    "交通部发言人表示，国家预算很可能提供资金。",
]
EXOTIC_BREAKS = ["\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def spam_line() -> str:
    """'porno izle brazzers ' repeated on one line (a hacked site's hidden anchors, spaced)"""
    return "porno izle brazzers "


def spam_zero_width() -> str:
    """the same anchors with zero-width spaces inside every word, on one line"""
    return " ".join("\u200b".join(word) for word in ("porno", "izle", "brazzers")) + " "


def spam_spaced() -> str:
    """spaced-out letters 'c a s i n o o n l i n e ' repeated on one line"""
    return "c a s i n o o n l i n e "


def spaced_runs_in_prose() -> str:
    """runs of spaced-out letters between sentences of prose, on one line (a span to cut each, the prose kept)"""
    return "o n l i n e c a s i n o b o n u s " + SENTENCES[0] + " "


def plain_line() -> str:
    """ordinary article prose on one huge line (no line breaks)"""
    return " ".join(SENTENCES) + " "


def newlines() -> str:
    """nothing but '\\n'"""
    return "\n"


def short_lines() -> str:
    """millions of short lines, 'ok' and 'Share this' alternating"""
    return "ok\nShare this\n"


def junk_between_lines() -> str:
    """a boilerplate line between every two article lines: a flag a line, a million flags in 40 MB"""
    return SENTENCES[0] + "\nShare this\n"


def junk_between_short_lines() -> str:
    """a boilerplate line between every two short article lines: a flag every 23 bytes"""
    return "He said no.\nShare this\n"


def article_lines() -> str:
    """ordinary article paragraphs separated by blank lines (the normal case: the reference row)"""
    rng = random.Random(16)
    paragraphs = [" ".join(rng.sample(SENTENCES, 3)) for _ in range(40)]
    return "\n\n".join(paragraphs) + "\n\n"


def link_farm() -> str:
    """one line of glued anchors and URLs ('casino onlinehttp://x.ru/a porno izleBuy viagra ...')"""
    return "".join(f"casino onlinehttp://x{i}.ru/a porno izleBuy viagra " for i in range(200))


def combining() -> str:
    """deep Unicode combining runs: 'e' + 50 x U+0301, space-separated"""
    return "e" + "\u0301" * 50 + " "


def html_soup_line() -> str:
    """leaked HTML tags and entities on one line"""
    return "<div><span>&nbsp;</span></div>"


def html_soup_lines() -> str:
    """leaked HTML tags and entities, one short line each"""
    return "<div><span>&nbsp;</span></div>\n"


def cjk() -> str:
    """Chinese prose without spaces on one line"""
    return "".join(CJK_SENTENCES)


def base64_blob() -> str:
    """an inline data: URI image, one word without spaces or breaks"""
    rng = random.Random(64)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    return "data:image/png;base64," + "".join(rng.choice(alphabet) for _ in range(4096))


def minified_js() -> str:
    """leaked minified JavaScript on one line"""
    return ("(function(d,s,id){var js,fjs=d.getElementsByTagName(s)[0];if(d.getElementById(id))return;"
            "js=d.createElement(s);js.id=id;js.src='//connect.facebook.net/en_US/sdk.js';"
            "fjs.parentNode.insertBefore(js,fjs);}(document,'script','facebook-jssdk'));")


def exotic_breaks() -> str:
    """short lines ended by every line break str.splitlines knows, '\\n' excepted"""
    return "".join(f"Share this{brk}ok{brk}" for brk in EXOTIC_BREAKS)


def related_lists() -> str:
    """a related-links header with five headlines under it, over and over (every line a block's)"""
    return "RELATED CONTENT\n" + "".join(f"Council approves budget for road repairs, part {i}\n" for i in range(5))


def ad_blocks() -> str:
    """text ads: a title, a display URL and a pitch, over and over in one run of lines"""
    return "Funeral Insurance Online\ncanada-life-insurance.org/Funeral\nAffordable plans. Free quotes.\n"


def teaser_lines() -> str:
    """headlines cut short with '...', one a line, over and over (every line a teaser list's)"""
    return "Outrage as new Grand Theft Auto game allows player to...\n"


def headlines_between_paragraphs() -> str:
    """a title-case headline between two paragraphs, over and over (every other line an interleaved headline)"""
    return ("Man Shot at Dallas Gas Station Dies at Hospital\n\n"
            "The council approved the new budget on Tuesday after a long debate.\n\n")


SHAPES: dict[str, Callable[[], str]] = {
    "spam-line": spam_line,
    "spam-zero-width": spam_zero_width,
    "spam-spaced": spam_spaced,
    "spaced-runs-in-prose": spaced_runs_in_prose,
    "plain-line": plain_line,
    "newlines": newlines,
    "short-lines": short_lines,
    "article-lines": article_lines,
    "junk-between-lines": junk_between_lines,
    "junk-between-short-lines": junk_between_short_lines,
    "link-farm": link_farm,
    "combining": combining,
    "html-soup-line": html_soup_line,
    "html-soup-lines": html_soup_lines,
    "cjk": cjk,
    "base64-blob": base64_blob,
    "minified-js": minified_js,
    "exotic-breaks": exotic_breaks,
    "related-lists": related_lists,
    "ad-blocks": ad_blocks,
    "teaser-lines": teaser_lines,
    "headlines-between-paragraphs": headlines_between_paragraphs,
}


def make(shape: str, size: int) -> str:
    """The shape's block repeated to exactly `size` UTF-8 bytes (a split multibyte character becomes spaces)."""
    block = SHAPES[shape]()
    repeats = size // len(block.encode("utf-8")) + 1
    data = (block * repeats).encode("utf-8")[:size]
    text = data.decode("utf-8", errors="ignore")
    return text + " " * (size - len(text.encode("utf-8")))


def parse_size(label: str) -> int:
    """'100k' -> 100000, '1m' -> 1000000, '512' -> 512 (decimal units)."""
    label = label.strip().lower()
    scale = {"k": 1000, "m": MB}.get(label[-1:], 1)
    return int(float(label.rstrip("km")) * scale)


def spamguard_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m spamguard`."""
    script = shutil.which("spamguard", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "spamguard"]


TIME_CLEAN = """\
import sys, time, spamguard
text = open(sys.argv[1], encoding="utf-8", newline="").read()
cleaner = spamguard.Cleaner()
cleaner.clean("Warm-up.\\n\\nporno izle")
start = time.perf_counter()
cleaner.clean(text)
print(time.perf_counter() - start)
"""


def time_clean(path: str, timeout: float) -> tuple[str, float | None, str]:
    """('ok', seconds, '') | ('timeout', None, '') | ('error', None, stderr) for one fresh process."""
    try:
        run = subprocess.run([sys.executable, "-c", TIME_CLEAN, path], capture_output=True, text=True,
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", None, ""
    if run.returncode != 0:
        return "error", None, run.stderr.strip()
    return "ok", float(run.stdout), ""


# The peak is read by a small launcher process that forks and execs the command and waits for it. Linux keeps
# ru_maxrss across exec, so a command started straight from this script (vfork) would report this script's own peak
# (it built the test file's text) when larger; the launcher's few MB are below any command's own.
LAUNCHER = """\
import os, sys, time
timeout, command = float(sys.argv[1]), sys.argv[2:]
pid = os.fork()
if pid == 0:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # the report is not wanted, only this line below
        os.execvp(command[0], command)
    finally:
        os._exit(127)
deadline, status = time.monotonic() + timeout, "ok"
while True:
    done, wait_status, usage = os.wait4(pid, os.WNOHANG)
    if done:
        break
    if time.monotonic() > deadline:
        os.kill(pid, 9)
        _, wait_status, usage = os.wait4(pid, 0)
        status = "timeout"
        break
    time.sleep(0.02)
print(status, usage.ru_maxrss, os.waitstatus_to_exitcode(wait_status))
"""


def peak_rss(path: str, timeout: float) -> tuple[str, float, str]:
    """(status, peak RSS in MB, stderr) of `spamguard check FILE` in a fresh process (status ok/timeout/error);
    after a timeout the peak is the one until the kill (a lower bound)."""
    with tempfile.TemporaryFile() as errors:
        run = subprocess.run([sys.executable, "-c", LAUNCHER, str(timeout), *spamguard_command(), "check", path],
                             cwd=os.path.dirname(path), stdout=subprocess.PIPE, stderr=errors, text=True)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace").strip()
    fields = run.stdout.split()
    if run.returncode != 0 or len(fields) != 3:
        return "error", 0.0, stderr or f"launcher exit {run.returncode}"
    status, maxrss_kb, returncode = fields[0], int(fields[1]), int(fields[2])
    if status == "ok" and returncode not in (0, 1):
        status = "error"
    return status, maxrss_kb * 1024 / MB, stderr


def size_label(size: int) -> str:
    """1000000 -> '1m', 100000 -> '100k'."""
    for unit, scale in (("m", MB), ("k", 1000)):
        if size >= scale and size % scale == 0:
            return f"{size // scale}{unit}"
    return str(size)


class Row:
    """One shape at one size: what was measured, and how to print it."""

    def __init__(self, shape: str, size: int) -> None:
        self.shape, self.size = shape, size
        self.time_status, self.seconds = "skipped", None
        self.rss_status, self.rss_mb = "skipped", 0.0
        self.errors: list[str] = []

    @property
    def mb(self) -> float:
        return self.size / MB

    def s_per_mb(self, timeout: float) -> float | None:
        """Seconds per MB; after a timeout, the lower bound the timeout gives."""
        if self.time_status == "ok" and self.seconds is not None:
            return self.seconds / self.mb
        return timeout / self.mb if self.time_status == "timeout" else None

    def bound_mb(self) -> float:
        return RSS_FACTOR * self.mb + RSS_EXTRA_MB

    def cells(self, timeout: float) -> list[str]:
        rate = self.s_per_mb(timeout)
        if self.time_status == "ok":
            time_cell = f"{rate:.3f}"
        elif self.time_status == "timeout":
            time_cell = f"timeout >{rate:.0f}"
        else:
            time_cell = self.time_status
        if self.rss_status == "ok":
            verdict = "ok" if self.rss_mb <= self.bound_mb() else "OVER"
            rss_cell = f"{self.rss_mb:.0f} {verdict}"
        elif self.rss_status == "timeout":
            rss_cell = f"timeout >={self.rss_mb:.0f}"
        else:
            rss_cell = self.rss_status
        return [self.shape, size_label(self.size), time_cell, rss_cell, f"{self.bound_mb():.0f}"]


def ratio_cell(rows: list[Row], timeout: float) -> str:
    """s/MB at the largest size that ran over s/MB at the smallest.

    When the largest timed out, the timeout gives a lower bound ('>'): shown when it already breaks the floor,
    otherwise the ratio is unknown (a timeout at 1 MB says nothing when 100 KB took longer per MB).
    """
    ran = [row for row in rows if row.time_status in ("ok", "timeout")]
    if len(ran) < 2 or ran[0].time_status != "ok":
        return "n/a"
    small, large = ran[0].s_per_mb(timeout), ran[-1].s_per_mb(timeout)
    assert small is not None and large is not None
    ratio = large / small if small > 0 else float("inf")
    where = size_label(ran[-1].size)
    if ran[-1].time_status == "timeout":
        return f">{ratio:.1f}x OVER ({where})" if ratio > RATIO_FLOOR else f"unknown: {where} timed out"
    return f"{ratio:.1f}x {'ok' if ratio <= RATIO_FLOOR else 'OVER'} ({where})"


COLUMNS = ["shape", "size", "s/MB (clean)", "peak RSS MB (check)", "bound MB", "ratio largest/smallest"]
WIDTHS = [16, 6, 14, 20, 9, 24]


def print_line(cells: list[str]) -> None:
    print("  ".join(cell.ljust(width) for cell, width in zip(cells, WIDTHS)).rstrip(), flush=True)


def measure_shape(shape: str, sizes: list[int], folder: str, args: argparse.Namespace) -> list[Row]:
    """Measure one shape at every size, printing each row as it is done."""
    rows = []
    given_up = False
    for i, size in enumerate(sizes):
        row = Row(shape, size)
        rows.append(row)
        if not given_up:
            path = os.path.join(folder, f"{shape}-{size_label(size)}.txt")
            with open(path, "w", encoding="utf-8", newline="") as out:
                out.write(make(shape, size))
            if not args.memory_only:
                row.time_status, row.seconds, err = time_clean(path, args.timeout)
                row.errors += [f"clean: {err}"] if err else []
            if row.time_status != "timeout" or args.no_skip:
                row.rss_status, row.rss_mb, err = peak_rss(path, args.timeout)
                row.errors += [f"check: {err}"] if row.rss_status == "error" else []
            os.remove(path)
            given_up = row.time_status == "timeout" and not args.no_skip
        last = i == len(sizes) - 1
        print_line(row.cells(args.timeout) + ([ratio_cell(rows, args.timeout)] if last else []))
    return rows


def print_header(sizes: list[int], args: argparse.Namespace) -> None:
    print(f"spamguard hostile-input benchmark (issue #16): {os.cpu_count()} cores, Python {platform.python_version()}"
          f" ({sys.executable}), {platform.platform()}")
    print(f"sizes {', '.join(size_label(s) for s in sizes)} (decimal: 1m = 1,000,000 bytes); "
          f"timeout {args.timeout:g} s per measurement, each in a fresh process")
    print("  s/MB (clean): seconds per MB of Cleaner().clean(text), model loaded first, not timed; "
          "'timeout >N': at least N")
    print(f"  peak RSS MB (check): high-water RSS of `spamguard check FILE`; ok/OVER against the bound "
          f"{RSS_FACTOR} x size + {RSS_EXTRA_MB} MB; 'timeout >=N': the peak until the kill")
    print(f"  ratio: s/MB at the largest size that ran (named) over the smallest; issue #16 floor {RATIO_FLOOR:g}x; "
          "'skipped': a smaller size of the shape already timed out")
    print()
    print_line(COLUMNS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k,1m,10m", help="comma-separated sizes, e.g. 100k,1m,10m")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes (default: all)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per measurement before it is killed")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES} only (CI: checks that it runs)")
    parser.add_argument("--no-skip", action="store_true", help="measure larger sizes even after a timeout")
    parser.add_argument("--memory-only", action="store_true",
                        help="peak memory only (for sizes up to the bound's 200 MB, where timing doubles the run)")
    parser.add_argument("--list", action="store_true", help="list the shapes and exit")
    args = parser.parse_args()
    if args.list:
        for name, make_block in SHAPES.items():
            print(f"{name:<16} {make_block.__doc__}")
        return 0
    shapes = [name.strip() for name in args.shapes.split(",") if name.strip()]
    unknown = [name for name in shapes if name not in SHAPES]
    if unknown:
        parser.error(f"unknown shape(s) {', '.join(unknown)}; known: {', '.join(SHAPES)}")
    sizes = sorted(parse_size(s) for s in (QUICK_SIZES if args.quick else args.sizes).split(",") if s.strip())
    print_header(sizes, args)
    errors = []
    with tempfile.TemporaryDirectory(prefix="spamguard-hostile-") as folder:
        for shape in shapes:
            for row in measure_shape(shape, sizes, folder, args):
                errors += [f"{row.shape} {size_label(row.size)} {e.splitlines()[-1]}" for e in row.errors]
    for line in errors:
        print(f"ERROR {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
