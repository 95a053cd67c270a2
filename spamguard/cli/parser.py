"""The argument parser: the options check/clean/eval share, and one subcommand per command module."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import NoReturn

from spamguard import __version__
from spamguard.cli import check, clean, memory, tools
from spamguard.cli.allowlist import ALLOW_FILE
from spamguard.cli.jsonl import JSONL_SUFFIXES


def _bounded(kind: type, low: float, high: float | None = None) -> Callable[[str], float]:
    """An argparse type: a number of `kind` in [low, high] (no upper bound when high is None)."""

    def parse(value: str) -> float:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {'an integer' if kind is int else 'a number'}: {value!r}") from None
        if number < low or (high is not None and number > high):
            wanted = f"at least {low}" if high is None else f"between {low} and {high}"
            raise argparse.ArgumentTypeError(f"must be {wanted}, got {value}")
        return number

    return parse


_threshold = _bounded(float, 0.0, 1.0)
_positive = _bounded(int, 1)


def _model_options() -> argparse.ArgumentParser:
    """--model, --threshold, --no-model: shared by check, clean and eval."""
    model = argparse.ArgumentParser(add_help=False)
    model.add_argument("--model", metavar="DIR", help="model directory (default: the shipped model)")
    model.add_argument("--threshold", type=_threshold, metavar="P",
                       help="junk score from which a span is flagged, 0..1 (default: the model card's)")
    model.add_argument("--no-model", dest="use_model", action="store_false",
                       help="rules and context only: no model file is loaded")
    return model


def _input_options() -> argparse.ArgumentParser:
    """--jsonl, --no-jsonl, --field: how inputs are read, shared by check, clean and memory build."""
    inputs = argparse.ArgumentParser(add_help=False)
    kind = inputs.add_mutually_exclusive_group()
    kind.add_argument("--jsonl", action="store_const", const=True, default=None,
                      help="every input is JSON Lines: the --field of each record is a document "
                      f"(default: only files named {', '.join('*' + e for e in JSONL_SUFFIXES)})")
    kind.add_argument("--no-jsonl", dest="jsonl", action="store_const", const=False,
                      help="read every input as plain text, whatever its name")
    inputs.add_argument("--field", default="text", help="the JSONL field holding the text (default: text)")
    return inputs


def _text_options(model: argparse.ArgumentParser, inputs: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The paths and the options of the commands that read text: check and clean."""
    texts = argparse.ArgumentParser(add_help=False, parents=[model, inputs])
    texts.add_argument("paths", nargs="+", metavar="PATH", help="text files; '-' reads standard input")
    texts.add_argument("--allow", action="append", default=[], metavar="FILE",
                       help=f"allowlist file (exact lines, re:<regex>, # comments), in addition to {ALLOW_FILE}")
    texts.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes for JSON Lines")
    corpus = texts.add_mutually_exclusive_group()
    corpus.add_argument("--memory", metavar="FILE",
                        help="judge with the corpus memory FILE saved by `spamguard memory build` instead of one "
                        "built from the inputs: a run on a few changed files then knows the template lines of the "
                        "whole corpus")
    corpus.add_argument("--no-corpus-memory", dest="corpus_memory", action="store_false",
                        help="do not count the inputs first. By default, inputs holding "
                        f"{memory.AUTO_MIN_DOCUMENTS} or more documents (files or JSONL records; standard input "
                        "aside) are read twice: every line is counted, then each document is judged with the "
                        "counts, so a line that many documents repeat (a site's template) is removed as junk")
    return texts


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that names an unknown option even when a required argument is missing too.

    argparse reports a missing COMMAND or PATH before unknown options, so `spamguard --bogus` would say
    "the following arguments are required: COMMAND"; this one says "unrecognized arguments: --bogus".
    Subcommand parsers are made of the same class; build_parser sets their `root`."""

    root: Parser | None = None  # the top-level parser, for a subcommand's parser
    _argv: Sequence[str] = ()  # the whole command line, as the top-level parser was given it

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        if self.root is None:
            self._argv = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        if message.startswith("the following arguments are required"):
            root = self.root or self
            unknown = [token for token in _options(root._argv) if not self.knows(token) and not root.knows(token)]
            if unknown:
                message = f"unrecognized arguments: {' '.join(unknown)}"
        super().error(message)

    def knows(self, token: str) -> bool:
        """Is `token` (``--name``, ``--name=value``, ``-x``, ``-xVALUE``) one of this parser's options?"""
        name = token.split("=", 1)[0] if token.startswith("--") else token[:2]
        known = self._option_string_actions
        return name in known or (name.startswith("--") and any(option.startswith(name) for option in known))


def _options(argv: Sequence[str]) -> list[str]:
    """The tokens of `argv` that look like options (not `-`, not negative numbers, none after `--`)."""
    tokens = list(argv)
    if "--" in tokens:
        tokens = tokens[:tokens.index("--")]
    return [t for t in tokens if len(t) > 1 and t.startswith("-") and not t[1:2].isdigit() and t[1:2] != "."]


def build_parser() -> argparse.ArgumentParser:
    """The `spamguard` parser; each subcommand sets `handler` (and maybe `validate`) in its namespace."""
    parser = Parser(
        prog="spamguard",
        description="Find and remove SEO spam, hidden-link anchors and site boilerplate in scraped text.",
        epilog=f"False positives: list exact lines or re:<regex> in {ALLOW_FILE} at the repository root.",
    )
    parser.add_argument("--version", action="version", version=f"spamguard {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    model = _model_options()
    inputs = _input_options()
    texts = _text_options(model, inputs)
    check.add_parser(commands, texts)
    clean.add_parser(commands, texts)
    memory.add_parser(commands, inputs)
    tools.add_parsers(commands, model)
    for command in _commands(parser):
        command.root = parser
    return parser


def _commands(parser: argparse.ArgumentParser) -> Iterator[Parser]:
    """The subcommand parsers under `parser`, nested ones (`memory build`) included."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                yield command
                yield from _commands(command)
