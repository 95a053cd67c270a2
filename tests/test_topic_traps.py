"""Clean topic traps (issue #11, part 5): a topic is not junk.

News about casinos, porn laws, drug patents, counterfeit seizures or escort-service crackdowns, in any language,
keeps every line: spam is a line that sells or links, not a line that names a topic. Every document built here is
plain news prose, so the only right result is the text unchanged, with no flag, with the shipped model and with
rules alone.

Data format: ``tests/data/topic_traps/<lang>.txt``, UTF-8, one file per language.

- A line ``## <story>`` starts a story; the story id is unique in its file and starts with its topic
  (``gambling``, ``pornography``, ``pharma``, ``counterfeit``, ``escorts``; e.g. ``betting-brand`` is a second
  gambling story that names a betting brand, ``gambling-macau`` the Chinese story on Macau's gaming revenue).
- The story is every line after it up to the next ``## `` line, leading and trailing blank lines dropped. Its
  paragraphs are one line each, separated by one blank line. The ``## `` lines are never part of a document.

Documents: each story alone, and the whole file (every story, in order, separated by one blank line); each ends
with one line break.
"""
from pathlib import Path

import pytest

import spamguard

DATA = Path(__file__).parent / "data" / "topic_traps"
LANGUAGES = ["en", "tr", "id", "ru", "zh", "ja", "ar", "es", "pt", "de", "fr", "vi", "th", "ko", "hi", "pl", "it",
             "nl", "fa", "uk"]
TOPICS = ["gambling", "pornography", "pharma", "counterfeit", "escorts"]
WHOLE = "whole"  # the id of the whole-file document


def read_stories(lang: str) -> dict[str, str]:
    """story id -> its text (paragraphs separated by a blank line, no final line break), in file order."""
    stories: dict[str, list[str]] = {}
    lines: list[str] | None = None
    for line in (DATA / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            story = line[3:].strip()
            assert story and story not in stories, f"{lang}: empty or repeated story id {story!r}"
            lines = stories[story] = []
        else:
            assert lines is not None, f"{lang}: text before the first '## ' line"
            lines.append(line)
    return {story: "\n".join(lines).strip("\n") for story, lines in stories.items()}


def documents(lang: str) -> dict[str, str]:
    """document id -> text: each story alone, and the whole file."""
    stories = read_stories(lang)
    docs = {story: text + "\n" for story, text in stories.items()}
    docs[WHOLE] = "\n\n".join(stories.values()) + "\n"
    return docs


CASES = [pytest.param(lang, doc, id=f"{lang}-{doc}") for lang in LANGUAGES for doc in documents(lang)]


@pytest.fixture(scope="module", params=[True, False], ids=["model", "rules"])
def cleaner(request) -> spamguard.Cleaner:
    return spamguard.Cleaner(use_model=request.param)


def describe(text: str, flags) -> str:
    """The removed lines and why, for the failure message."""
    return "\n".join(f"  line {flag.line}: rules={list(flag.rules)} score={flag.score:.3f} "
                     f"model_score={flag.model_score} {text[flag.start:flag.end].strip()!r}" for flag in flags)


@pytest.mark.parametrize(("lang", "doc"), CASES)
def test_news_about_a_junk_topic_is_kept_unchanged(cleaner, lang, doc):
    text = documents(lang)[doc]
    result = cleaner.clean(text)
    assert not result.flags, f"{lang}/{doc}: clean news lost lines:\n{describe(text, result.flags)}"
    assert result.text == text
    assert result.verdict == "clean"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_covers_every_topic_and_the_hard_cases(lang):
    stories = read_stories(lang)
    assert len(stories) >= 5
    for topic in TOPICS:
        assert any(story.startswith(topic) for story in stories), f"{lang}: no {topic} story"
    paragraphs = [p for text in stories.values() for p in text.split("\n\n")]
    assert all(p.strip() and "\n" not in p for p in paragraphs), f"{lang}: a paragraph is empty or spans lines"
    assert any(len(p) < 80 for p in paragraphs[:-1]), f"{lang}: no short one-line paragraph before the end"
    assert len(paragraphs[-1]) < 80, f"{lang}: the document's last paragraph is not short"
    assert not any("http" in p or "www." in p for p in paragraphs), f"{lang}: news prose holds no links"
