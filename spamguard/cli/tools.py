"""`spamguard rules`, `train` and `eval`: list the rules, retrain the model, score a model on labeled data."""
from __future__ import annotations

import argparse
import json
from types import ModuleType

from spamguard.cli.run import OK
from spamguard.errors import SpamguardError


def add_parsers(commands: argparse._SubParsersAction, model: argparse.ArgumentParser) -> None:
    """The `rules`, `train` and `eval` subcommands (`model`: the model options eval shares with check/clean)."""
    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(handler=cmd_rules)

    train = commands.add_parser("train", help="train a model from labeled JSONL, or rebuild the shipped one")
    source = train.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", metavar="FILE.jsonl", help="labeled samples: one {text, junk_spans} a line")
    source.add_argument("--shipped", action="store_true",
                        help="rebuild the shipped default model from a checkout of the repository and its shared "
                             "data folder (training/train_default.py; the same bytes as models/model.joblib)")
    train.add_argument("--shared", metavar="DIR", help="with --shipped: the shared data folder (default ../shared)")
    train.add_argument("--out", required=True, metavar="DIR", help="model directory to write")
    train.add_argument("--base", action="store_true", help="start from the shipped base training data")
    train.add_argument("--seed", type=int, default=0, metavar="N", help="random seed (default 0)")
    train.set_defaults(handler=cmd_train)

    evaluate = commands.add_parser("eval", parents=[model], help="score a model on labeled JSONL")
    evaluate.add_argument("--data", required=True, metavar="FILE.jsonl")
    evaluate.set_defaults(handler=cmd_eval)


def cmd_rules(args: argparse.Namespace) -> int:
    """Print every rule: a table, or a JSON list with --format json."""
    from spamguard.rules import RULES

    if args.format == "json":
        listing = [{"id": r.id, "category": r.category, "languages": list(r.languages), "description": r.description}
                   for r in RULES]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return OK
    rows = [("ID", "CATEGORY", "LANGUAGES", "DESCRIPTION")]
    rows += [(r.id, r.category, ",".join(r.languages) or "any", r.description) for r in RULES]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]  # the description is last: not padded
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths, strict=True)) + "  " + row[3])
    return OK


def _optional_module(name: str, what: str) -> ModuleType:
    import importlib

    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        raise SpamguardError(f"{what} is not available in this installation ({name} is missing)") from None


def cmd_train(args: argparse.Namespace) -> int:
    """Train a model from --data into --out and print its held-out metrics (or rebuild the shipped one)."""
    if args.shipped:
        return _train_shipped(args.out, args.shared)
    train = _optional_module("spamguard.train", "training")
    evaluate = _optional_module("spamguard.evaluate", "evaluation")
    metrics = train.train_from_file(args.data, args.out, base=args.base, seed=args.seed)
    print(f"wrote the model to {args.out}; held-out metrics:")
    print(evaluate.format_metrics(metrics))
    return OK


def _train_shipped(out: str, shared: str | None) -> int:
    """Run the repository's training/train_default.py into `out` (it builds the data from the shared folder)."""
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    script = repo / "training" / "train_default.py"
    if not script.is_file():
        raise SpamguardError("--shipped needs a checkout of the spamguard repository (pip install -e .): "
                             "training/ is not installed with the package")
    shared_dir = Path(shared) if shared else repo.parent / "shared"
    if not (shared_dir / "corpora").is_dir() or not (shared_dir / "eval").is_dir():
        raise SpamguardError(f"--shipped needs the shared data folder (corpora/ and eval/): {shared_dir} has not "
                             "got them (pass --shared DIR)")
    command = [sys.executable, str(script), "--out", str(Path(out).resolve()), "--shared", str(shared_dir)]
    return subprocess.run(command, check=False).returncode


def cmd_eval(args: argparse.Namespace) -> int:
    """Print the metrics of the chosen model on the labeled --data."""
    evaluate = _optional_module("spamguard.evaluate", "evaluation")
    from spamguard.cleaner import Cleaner

    cleaner = Cleaner(model=args.model, threshold=args.threshold, use_model=args.use_model)
    print(evaluate.format_metrics(evaluate.evaluate_file(args.data, cleaner)))
    return OK
