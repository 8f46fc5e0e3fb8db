"""Guards on what comes in: size, binary data, HTML pages, and the article's language.

Each guard either refuses with an InputError that says what to do, or fixes the input
and returns a note that ends up in `run.notes`, so nothing is changed silently.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from .errors import InputError

# Why refuse rather than chunk: a news article is 2-20 KB. A 1 MB text is a book or a
# dump; on the embedded model it would be ~200 chunks of 1-3 minutes each (hours), and
# the 5-sentence summary could not cover it anyway. 200,000 characters (~40 chunks) is
# ten times the longest feature story and still finishes; above it we refuse clearly.
DEFAULT_MAX_INPUT_CHARS = 200_000
# Bytes read from a file at most: enough for the character limit in any UTF-8 text,
# so a multi-gigabyte file is never loaded into memory just to be refused.
BYTES_PER_CHAR = 4
# Share of unreadable characters (controls, U+FFFD) above which text is not an article.
MAX_GARBAGE_SHARE = 0.10
# Below this many letters the language guess is noise; do not report it.
MIN_LETTERS_FOR_LANGUAGE = 40
MIN_HTML_WORDS = 8

_HTML_START = re.compile(r"^\s*(<!doctype html|<html\b|<\?xml[^>]*>\s*<html\b)", re.IGNORECASE)
_TAG = re.compile(r"</?(p|div|span|a|br|h[1-6]|body|head|article|section|script|li)\b[^>]*>", re.I)


def max_chars_of(settings: Any) -> int:
    """The limit from Settings when it has one (older Settings objects do not)."""
    return int(getattr(settings, "max_input_chars", 0) or DEFAULT_MAX_INPUT_CHARS)


def check_size(n_chars: int, where: str, limit: int = DEFAULT_MAX_INPUT_CHARS) -> None:
    if n_chars > limit:
        raise InputError(
            f"{where} is {n_chars:,} characters; the limit is {limit:,} "
            "(news articles are far shorter). Split the text into articles, or raise "
            "SUMMARIZER_MAX_INPUT_CHARS if this really is one article"
        )


def check_not_garbage(text: str, where: str) -> None:
    """Refuse decoded text that is mostly control characters or replacement marks."""
    sample = text[:20000]
    if not sample:
        return
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (ch not in "\n\r\t" and unicodedata.category(ch) in ("Cc", "Co"))
    )
    if bad / len(sample) > MAX_GARBAGE_SHARE:
        raise InputError(
            f"{where} looks binary ({bad / len(sample):.0%} unreadable characters), "
            "not an article; pass a .txt, .json or .html file"
        )


def looks_like_html(text: str) -> bool:
    head = text[:5000]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 5


def extract_html(html: str, where: str) -> tuple[str, str | None, str]:
    """Main text and title of an HTML page (trafilatura drops menus, ads and footers)."""
    import trafilatura  # imports lxml: only when a page comes in

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    # A few words (a menu item, a cookie banner) are what is left of a page with no story.
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise InputError(
            f"{where} is an HTML page but no article text could be extracted from it; "
            "save the article as plain text"
        )
    meta = trafilatura.extract_metadata(html)
    title = meta.title.strip() if meta is not None and meta.title else None
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        text = rest  # trafilatura repeats the <h1> headline as the first line
    return text, title, "extracted the article text from HTML with trafilatura"


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import LanguageDetectorBuilder

    # Low-accuracy mode: ~10x less memory, still reliable on a paragraph of news text.
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str) -> tuple[str, float] | None:
    """ISO 639-1 code and confidence of the text's language, or None when unsure."""
    sample = text[:1000]  # a paragraph is enough, and detection cost grows with length
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS_FOR_LANGUAGE:
        return None
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def language_note(text: str, expected: str) -> str | None:
    """A note when the article is not in the language the model was asked to handle.

    We do not refuse: the model may still do well, but the reader should know.
    """
    found = detect_language(text)
    if found is None:
        return None
    code, confidence = found
    if code == expected.lower()[:2] or confidence < 0.5:
        return None
    return (
        f"the article looks like {code!r} (confidence {confidence:.2f}), not {expected!r} "
        "as expected; the prompt and checks are tuned for English, so review the output"
    )
