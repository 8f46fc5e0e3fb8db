"""What the code knows about English news wording, read from `summarizer/data/language/`.

Every word list and cue pattern the rules use lives there, one file per concept, with a
comment that says what general pattern of news writing the list encodes. This module is
the only reader. The grammar around a list (word boundaries, "not after 'are'", digits)
stays in the code that uses it; the words are data.

File format (UTF-8 text):
  * `#` at the start of a line opens a comment; blank lines are skipped;
  * every other line is one entry, stripped of surrounding spaces (write a meaningful
    space inside a pattern as `[ ]`);
  * in a file read by `sections`, a line `[Name]` opens the section its entries follow.
Entries of a file read as patterns are regular expressions; of one read as words, text.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# Concepts read so far, by file name: a test checks each data file is read by the code.
_READ: set[str] = set()


@cache
def _lines(name: str) -> tuple[str, ...]:
    text = (
        resources.files("summarizer")
        .joinpath("data", "language", f"{name}.txt")
        .read_text(encoding="utf-8")
    )
    _READ.add(name)
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def entries(name: str) -> tuple[str, ...]:
    """The file's entries, in file order."""
    return _lines(name)


@cache
def words(name: str) -> frozenset[str]:
    """The file's entries as a set of words or phrases (matched by the caller as written)."""
    return frozenset(_lines(name))


def alternatives(name: str) -> str:
    """The file's patterns as one alternation, "a|b|c", for a caller that adds grammar."""
    return "|".join(_lines(name))


@cache
def any_word(name: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One of the file's patterns as a whole word: `\\b(?:a|b|c)\\b`."""
    return re.compile(rf"\b(?:{alternatives(name)})\b", flags)


@cache
def each_pattern(name: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    """The file's patterns compiled one by one, in file order."""
    return tuple(re.compile(p, flags) for p in _lines(name))


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """`[Name]` headings and the entries under each, both in file order."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1].strip(), [])
        elif current is None:
            raise ValueError(f"language/{name}.txt: entry {line!r} before any [section]")
        else:
            current.append(line)
    return {heading: tuple(items) for heading, items in out.items()}


def files() -> list[str]:
    """Names of the concept files shipped in the package (for tests and listings)."""
    folder = resources.files("summarizer").joinpath("data", "language")
    return sorted(p.name.removesuffix(".txt") for p in folder.iterdir() if p.name.endswith(".txt"))


def read_so_far() -> frozenset[str]:
    """Concept files the imported code has read (for the test that none is orphaned)."""
    return frozenset(_READ)
