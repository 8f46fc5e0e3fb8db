"""Article fields into the prompt, HTML and Markdown without letting the article write markup.

Everything in an article (title, outlet, URL, text) is written by whoever published it,
so it is data wherever it goes: a headline or outlet name must not close the prompt's
`<article>` section or add numbered sentences, a `javascript:` URL must never become a
live link, and a title such as `<img src=x onerror=...>` must reach a Markdown viewer
as text.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

LINK_SCHEMES = ("http", "https")
# Metadata lines in the prompt: a headline runs to ~150 characters, an outlet's name to
# ~60; anything much longer is not a headline or a name but text smuggled into the prompt.
MAX_PROMPT_TITLE_CHARS = 300
MAX_PROMPT_SOURCE_CHARS = 120
# The prompt's data markup: `<article>` tags, and sentence numbers in square brackets.
_PROMPT_MARKUP = str.maketrans({"<": "‹", ">": "›", "[": "(", "]": ")"})
# What a metadata field may not carry because it imitates that markup: a tag of the data
# section, or a numbered sentence ("[9] Police shot ...").
_FORGED_MARKUP = re.compile(r"</?\s*article\b|\[\s*\d+\s*\]", re.IGNORECASE)
# Characters Markdown reads as markup where an article's words could open a link or an
# autolink or raw HTML: brackets, angle brackets and the escape character itself.
_MARKDOWN_ACTIVE = re.compile(r"([\\\[\]<>`])")


def prompt_field(value: str | None, limit: int) -> str | None:
    """A metadata value as one line of the prompt: line breaks folded into spaces, the
    data section's markup characters replaced by look-alikes that are not markup, and
    cut at `limit` characters, so it can neither end the article nor add sentences."""
    if not value:
        return value
    line = " ".join(value.split()).translate(_PROMPT_MARKUP)
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def forges_prompt_markup(value: str) -> bool:
    """Does a metadata value imitate the prompt's data markup (a tag, a numbered sentence)?"""
    return bool(_FORGED_MARKUP.search(value)) or "\n" in value.strip()


def safe_href(url: str | None) -> str | None:
    """The URL when it is an http(s) address with a host, else None (shown, never linked).

    Browsers drop leading control characters and spaces, and tabs and line breaks
    anywhere (`" java\\tscript:"` runs), so the scheme is read after doing the same.
    """
    if not url:
        return None
    text = "".join(ch for ch in url if ch not in "\t\n\r").strip("\x00- ")
    try:
        parts = urlsplit(text)
    except ValueError:  # an unbalanced IPv6 bracket, for one
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return text


def markdown_text(text: str) -> str:
    """Text for a Markdown document: its own markup characters escaped, so an article's
    `[x](javascript:...)` or `<script>` is printed as written, not rendered."""
    return _MARKDOWN_ACTIVE.sub(r"\\\1", text)


def markdown_link(label: str, url: str | None) -> str:
    """`[label](url)` for a safe URL (spaces and parentheses percent-encoded so the link
    cannot end early), else the label and the URL as plain text."""
    href = safe_href(url)
    if href is None:
        return markdown_text(label) + (f" ({markdown_text(url)})" if url else "")
    return f"[{markdown_text(label)}]({quote(href, safe=':/?#@!$&*+,;=%~.-_')})"
