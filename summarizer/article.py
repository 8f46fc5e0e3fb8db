"""Article: the text plus metadata, split into sentences with character offsets.

Offsets are Python string indices (Unicode code points) into `Article.text`, so
`article.text[s.start:s.end] == s.text` holds for any script, curly quotes and
Arabic names included.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import sentencex

from .errors import InputError
from .input_guard import (
    BYTES_PER_CHAR,
    DEFAULT_MAX_INPUT_CHARS,
    check_not_garbage,
    check_size,
    extract_html,
    looks_like_html,
)
from .schema import ArticleInfo


@dataclass(frozen=True)
class Sentence:
    id: int  # 1-based, as shown to the model
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    language: str = "en"
    path: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)  # what the reader had to fix

    def __post_init__(self) -> None:
        if not self.text or not self.text.strip():
            where = f" in {self.path}" if self.path else ""
            raise InputError(f"article text is empty{where}")

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text, self.language)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def info(self) -> ArticleInfo:
        """The article's metadata as it appears in every result."""
        return ArticleInfo(
            title=self.title,
            source=self.source,
            url=self.url,
            published=self.published,
            language=self.language,
            path=self.path,
            sha256=self.sha256,
            n_chars=len(self.text),
            n_sentences=len(self.sentences),
        )

    def sentence(self, sentence_id: int) -> Sentence | None:
        if 1 <= sentence_id <= len(self.sentences):
            return self.sentences[sentence_id - 1]
        return None


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Paragraphs (lines) first, then sentencex inside each; whitespace is trimmed off spans."""
    sentences: list[Sentence] = []
    cursor = 0
    for line in text.split("\n"):
        line_start = cursor
        cursor += len(line) + 1
        if not line.strip():
            continue
        for part_start, part_end in _boundaries(language, line):
            start = line_start + part_start
            end = line_start + part_end
            # Trim whitespace so that spans hold only the sentence itself.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                sentences.append(Sentence(len(sentences) + 1, start, end, text[start:end]))
    return sentences


_FALLBACK_SPLIT = re.compile(r"[^.!?]*(?:[.!?]+[\"'”’)\]]*|$)\s*")


def _boundaries(language: str, line: str) -> list[tuple[int, int]]:
    """sentencex's boundaries; a plain punctuation split if it fails on odd input.

    sentencex is Rust: on some inputs (found by hypothesis, around non-breaking spaces)
    it panics with pyo3's PanicException, which derives from BaseException.
    """
    try:
        parts = sentencex.get_sentence_boundaries(language, line)
        return [(p["start_index"], p["end_index"]) for p in parts]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # the Rust panic type is not importable
        return [m.span() for m in _FALLBACK_SPLIT.finditer(line) if m.group().strip()]


def normalise_text(raw: str) -> str:
    """Unify newlines, drop a BOM and control characters; keep every visible character."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs")
    )


def parse_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        import dateparser  # slow import; only when the date is not ISO

        parsed = dateparser.parse(str(value))
        if parsed is None:
            raise InputError(f"cannot read the published date {value!r}") from None
        return parsed.date()


def decode_bytes(data: bytes, where: str) -> tuple[str, tuple[str, ...]]:
    """UTF-8 first; a few bad bytes are replaced; otherwise charset-normalizer's best guess.

    Whatever was not plain UTF-8 is said in a note, which ends up in `run.notes`.
    """
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where} looks binary (NUL bytes), not an article")
    try:
        text, notes = data.decode("utf-8"), ()
    except UnicodeDecodeError:
        text, notes = _decode_non_utf8(data, where)
    check_not_garbage(text, where)
    return text, notes


def _decode_non_utf8(data: bytes, where: str) -> tuple[str, tuple[str, ...]]:
    replaced = data.decode("utf-8", errors="replace")
    n_bad = replaced.count("\ufffd")
    # A handful of stray bytes in a UTF-8 file (a cut paste, a bad proxy): keep the
    # rest as UTF-8 rather than re-guessing the whole file as some legacy code page.
    if n_bad <= max(3, len(replaced) // 1000):
        return replaced, (f"replaced {n_bad} invalid UTF-8 byte sequence(s) with U+FFFD",)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{where} is not text in any encoding we can detect")
    return str(best), (f"decoded as {best.encoding}, not UTF-8",)


def article_from_dict(data: dict[str, Any], path: str | None = None) -> Article:
    where = path or "input"
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError(f"{where}: JSON article needs a string field 'text'")
    return Article(
        text=normalise_text(data["text"]).strip("\n"),
        title=data.get("title"),
        source=data.get("source"),
        url=data.get("url"),
        published=parse_date(data.get("published")),
        language=data.get("language") or "en",
        path=path,
    )


def article_from_txt(raw: str, path: str | None = None) -> Article:
    """First non-empty line is the headline, the rest the body (the seed's format)."""
    text = normalise_text(raw).strip("\n")
    head, _, body = text.partition("\n")
    if not body.strip():
        # A single paragraph: no headline to take off.
        return Article(text=text, path=path)
    return Article(text=body.strip("\n"), title=head.strip() or None, path=path)


def read_article(path: str | Path, *, max_chars: int = DEFAULT_MAX_INPUT_CHARS) -> Article:
    """Read `.json`, `.html`, any text file (headline on the first line), or '-' for stdin.

    Never reads more than the size limit allows, so a huge file is refused, not loaded.
    """
    name = str(path)
    cap = max_chars * BYTES_PER_CHAR + 1
    if name == "-":
        data = sys.stdin.buffer.read(cap)
        where = "stdin"
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"{name}: no such file")
        with p.open("rb") as fh:
            data = fh.read(cap)
        where = name
    if len(data) >= cap:
        check_size(cap, where, max_chars)  # over the limit in any encoding
    text, notes = decode_bytes(data, where)
    if not text.strip():
        raise InputError(f"{where}: file is empty")
    check_size(len(text), where, max_chars)
    if name.endswith(".json") or (name == "-" and text.lstrip().startswith("{")):
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: invalid JSON ({exc.msg} at line {exc.lineno})") from exc
        article = article_from_dict(loaded, path=where)
    elif name.lower().endswith((".html", ".htm")) or looks_like_html(text):
        body, title, note = extract_html(text, where)
        article = Article(text=normalise_text(body).strip("\n"), title=title, path=where)
        notes = (*notes, note)
    else:
        article = article_from_txt(text, path=where)
    if notes:
        object.__setattr__(article, "notes", (*article.notes, *notes))
    return article


def as_article(item: Article | str | dict[str, Any]) -> Article:
    """Accept an Article, a dict in the JSON format, or plain text (or an HTML page)."""
    if isinstance(item, Article):
        return item
    if isinstance(item, dict):
        return article_from_dict(item)
    if isinstance(item, str):
        if looks_like_html(item):
            body, title, note = extract_html(item, "input")
            return Article(text=normalise_text(body).strip("\n"), title=title, notes=(note,))
        return Article(text=normalise_text(item).strip("\n"))
    if isinstance(item, bytes | bytearray):
        text, notes = decode_bytes(bytes(item), "input")
        return Article(text=normalise_text(text).strip("\n"), notes=notes)
    raise InputError(f"cannot make an article from {type(item).__name__}")
