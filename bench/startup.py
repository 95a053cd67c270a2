"""Start-up cost of the pre-commit hook: `spamguard check SEED` as a whole new process, next to peers.

Every commit pays it, so it is measured the way a hook runs: a fresh interpreter per run, wall-clock time,
median of N runs (after one warm-up run so the OS file cache is warm). Peers: `python -c pass` (the floor)
and `python -c "import joblib"` (one common heavy import). Aim: under 0.5 s with the shipped model.

    python bench/startup.py [-n 15] [--importtime] [--model DIR]

--importtime also prints the slowest imports of one `spamguard check` run (python -X importtime).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join("seeds", "000_7aee77665af4d6e1.txt")
AIM_SECONDS = 0.5


def spamguard_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m spamguard`."""
    script = shutil.which("spamguard", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "spamguard"]


def timed(cmd: list[str], runs: int) -> tuple[float, int, str]:
    """Median wall-clock seconds of `runs` fresh processes (after one warm-up), the exit code, its stderr."""
    warm_up = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    code = warm_up.returncode
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code, warm_up.stderr


def slowest_imports(cmd: list[str], top: int = 12) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) of the slowest imports in one run, from -X importtime."""
    if cmd[0] != sys.executable:
        cmd = [sys.executable, "-m", "spamguard"] + cmd[1:]
    run = subprocess.run([sys.executable, "-X", "importtime"] + cmd[1:], cwd=ROOT, capture_output=True, text=True)
    err = run.stderr
    rows = []
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = (part.strip() for part in line[len("import time:"):].split("|"))
            if cumulative.isdigit():
                rows.append((int(cumulative), name))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=15, help="runs per command (median reported)")
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports of one run")
    parser.add_argument("--model", metavar="DIR", help="measure with this model directory (default: shipped)")
    args = parser.parse_args()

    check = spamguard_command() + ["check", SEED] + (["--model", args.model] if args.model else [])
    peers = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ('python -c "import joblib"', [sys.executable, "-c", "import joblib"]),
        ("spamguard " + " ".join(check[len(spamguard_command()):]), check),
    ]
    print(f"median of {args.runs} fresh processes each ({sys.executable}, cwd {ROOT})")
    results = {}
    for label, cmd in peers:
        seconds, code, stderr = timed(cmd, args.runs)
        results[label] = seconds
        print(f"  {label:<52} {seconds * 1000:8.1f} ms   exit {code}")
    if code not in (0, 1):  # the check itself failed: its time is not the hook's cost
        print(f"spamguard check FAILED (exit {code}), figures not meaningful:\n{stderr.strip()}")
        return 1
    floor, joblib_time, ours = (results[label] for label, _ in peers)
    print(f"spamguard check / python -c pass      = {ours / floor:5.1f}x")
    print(f"spamguard check / import joblib       = {ours / joblib_time:5.1f}x")
    print(f"spamguard check above the interpreter = {(ours - floor) * 1000:.1f} ms")
    verdict = "meets" if ours < AIM_SECONDS else "MISSES"
    print(f"{verdict} the {AIM_SECONDS:.1f} s aim ({ours:.3f} s)")
    if args.importtime:
        print("slowest imports of one run (cumulative ms):")
        for micros, name in slowest_imports(check):
            print(f"  {micros / 1000:8.1f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
