"""Article: the text plus metadata, split into sentences with character offsets.

Offsets are Python string indices (Unicode code points) into `Article.text`, so
`article.text[s.start:s.end] == s.text` holds for any script, curly quotes and
Arabic names included.
"""

from __future__ import annotations

import codecs
import hashlib
import itertools
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

import sentencex

from . import language
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
            text=self.text,
        )

    def with_notes(self, *notes: str, first: bool = False) -> Article:
        """A copy with `notes` after the article's own (before them with `first`)."""
        return replace(self, notes=(*notes, *self.notes) if first else (*self.notes, *notes))

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
        for part_start, part_end in _rejoin_abbreviations(line, _boundaries(language, line)):
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


_TITLES = language.sections("title_abbreviations")
# The verbs that attribute a quotation right after it ("..." she said).
_QUOTE_VERBS = "said|says|asked|asks|added|adds|replied|replies|told|wrote|writes|shouted|tweeted"
# Splits sentencex makes inside one sentence of English news, where a period belongs to
# an abbreviation. Each pattern is (end of the part before, start of the part after).
_ABBREVIATION_SPLITS = (
    # A courtesy title never ends a sentence: "the move came after Ms. | Noor had...".
    (re.compile(rf"(?<![\w.])(?:{'|'.join(_TITLES['courtesy titles'])})\.$"), re.compile(r"[A-Z]")),
    # A dotted abbreviation cut between its letters, as in the party-and-state tag of US
    # politics and place abbreviations: "Sen. Ali Noor, D-W. | Va., said",
    # "Rep. Jane Doe, D-N. | Y., called", "Smith, D-R. | I., was asked".
    # The tail is followed by a comma or a dash ("Va., said"), never a name ("A. Mr. Jones").
    (re.compile(r"(?<![\w.])[A-Z]\.$"), re.compile(r"[A-Z][a-z]?\.(?=[,;)]|\s+--|\s+—|$)")),
    # A clock time followed by its zone or day: "at 10:30 p.m. | Sunday.",
    # "about 1:30 a.m. | ET, officials said", "6:30 a.m. | Pacific Time (1330 GMT)".
    (
        re.compile(r"\b[ap]\.m\.$"),
        # A zone ends the phrase ("ET, officials said", "Eastern time"), never opens a
        # name ("2 a.m. Central Command said" is two sentences).
        re.compile(
            r"(?:ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|GMT|UTC|BST|local|Eastern|Central|"
            r"Mountain|Pacific)(?=[,.;)]|\s+[Tt]ime\b|\s+\()"
            r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
            r"today|tomorrow|yesterday|on)\b"
        ),
    ),
    # A quoted question or exclamation and its attribution are one sentence in news
    # style: '"Would it be okay?" | Johnson asked', '"Never!" | she said', '"Why?" | asked
    # Noor'. The part after names the speaker then a speech verb, or the verb then a name;
    # a capitalised pronoun opens a new sentence ('"Why?" He said nothing.').
    (
        # The part before is the quotation alone: 'Protesters chanted "Down with it!" |
        # Police said ...' is two sentences.
        re.compile(r"^[\"“‘'][^\"“”]*[?!][\"”’']$"),
        re.compile(
            rf"(?:(?!(?:He|She|They|We|It|I)\b)(?:[A-Z][\w.'’-]*\s+){{1,4}}|(?:he|she|they|we)\s+)"
            rf"(?:{_QUOTE_VERBS})\b|(?:{_QUOTE_VERBS})\s+(?:[A-Z]|the\s)"
        ),
    ),
    # A part that starts lower-case or with a hyphen is the rest of the sentence: edited
    # English starts sentences with a capital ("the Jan. 6. | attack on the building",
    # "a Republican-vs. | -Republican runoff").
    (re.compile(r"\.$"), re.compile(r"[a-z]|-\w")),
)


def _rejoin_abbreviations(line: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join back parts that were split at an abbreviation's period (_ABBREVIATION_SPLITS)."""
    joined: list[tuple[int, int]] = []
    for start, end in parts:
        if joined:
            before = line[joined[-1][0] : joined[-1][1]].rstrip()
            after = line[start:end].lstrip()
            if any(b.search(before) and a.match(after) for b, a in _ABBREVIATION_SPLITS):
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


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


# A web page's furniture between paragraphs (data/language/page_chrome.txt).
_PAGE_CHROME = tuple(re.compile(p, re.IGNORECASE) for p in language.entries("page_chrome"))


def drop_page_chrome(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without the lines that are a web page's furniture ("Advertisement", a
    newsletter sign-up, a video player, "Read more: ..."), with a note saying how many.

    Read before lines are unwrapped (furniture would be joined to the story), so a line
    counts only where a paragraph can start: first, after a line that ends a sentence,
    or after other furniture; never the middle of a wrapped sentence ("... urged residents
    to sign up for email alerts while the").
    """
    lines = text.split("\n")
    kept: list[str] = []
    paragraph_start = True
    for line in lines:
        chrome = any(p.fullmatch(line.strip()) for p in _PAGE_CHROME)
        if chrome and paragraph_start:
            continue  # the next line may start a paragraph too
        kept.append(line)
        paragraph_start = not line.strip() or bool(_LINE_ENDS_SENTENCE.search(line))
    dropped = len(lines) - len(kept)
    if not dropped:
        return text, ()
    note = f"removed {dropped} line(s) of web-page furniture (ads, sign-ups, players, footers)"
    return "\n".join(kept), (note,)


def clean_text(raw: str) -> tuple[str, tuple[str, ...]]:
    """normalise_text, drop_page_chrome and unwrap_lines, with a note for what each
    changed (nothing silently)."""
    text, chrome = drop_page_chrome(normalise_text(raw).strip("\n"))
    text, unwrapped = unwrap_lines(text)
    unwrapped = (*chrome, *unwrapped)
    # What normalise_text drops beyond newline unification and the leading BOM.
    n_removed = sum(
        1 for ch in raw if ch not in "\n\t\r" and unicodedata.category(ch) in ("Cc", "Cs")
    )
    if not n_removed:
        return text, unwrapped
    n_nul = raw.count("\x00")
    nul = f", including {n_nul} NUL byte(s)" if n_nul else ""
    return text, (f"removed {n_removed} control character(s) from the text{nul}", *unwrapped)


# A published date outside these bounds is a misreading ("12" taken as a day of this
# month, a year typed wrong), not a news date; the pipeline would date events by it.
EARLIEST_PUBLISHED = date(1900, 1, 1)
PUBLISHED_SLACK_DAYS = 2  # time zones and embargoed stories: a day or two ahead is real
MAX_DATE_CHARS = 100  # longer is not a date, and dateparser's time grows with length


def parse_date(value: Any) -> tuple[date | None, str | None]:
    """The published date and, when it is left empty because it is unusable, a note why.

    Never a guess: only an ISO date or one dateparser reads with year, month and day
    all present ("12" or "May" is not read as some day of this year).
    """
    if value in (None, ""):
        return None, None
    if isinstance(value, datetime):
        parsed: date | None = value.date()
    elif isinstance(value, date):
        parsed = value
    else:
        parsed = _read_date(str(value))
    if parsed is None:
        return None, f"published date {value!r} could not be read; left empty"
    latest = date.today() + timedelta(days=PUBLISHED_SLACK_DAYS)
    if not EARLIEST_PUBLISHED <= parsed <= latest:
        read = "" if str(value) == parsed.isoformat() else f" (read as {parsed.isoformat()})"
        return None, f"published date {value!r}{read} is before 1900 or in the future; left empty"
    return parsed, None


def _read_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    if len(text) > MAX_DATE_CHARS:
        return None
    import dateparser  # slow import; only when the date is not ISO

    try:
        parsed = dateparser.parse(
            text,
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["absolute-time"]},
        )
    except Exception:  # dateparser raises assorted errors on odd strings: unreadable
        return None
    return parsed.date() if parsed is not None else None


def decode_bytes(data: bytes, where: str) -> tuple[str, tuple[str, ...]]:
    """UTF-8 first; a few bad bytes are replaced; otherwise charset-normalizer's best guess.

    Whatever was not plain UTF-8 is said in a note, which ends up in `run.notes`.
    """
    by_bom = _decode_by_bom(data)
    if by_bom is not None:
        check_not_garbage(by_bom[0], where)
        return by_bom
    if b"\x00" in data[:4096]:
        raise InputError(f"{where} looks binary (NUL bytes), not an article")
    notes: tuple[str, ...] = ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, notes = _decode_non_utf8(data, where)
    check_not_garbage(text, where)
    return text, notes


# UTF-32 before UTF-16: the UTF-32 LE mark FF FE 00 00 starts with UTF-16 LE's FF FE.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _decode_by_bom(data: bytes) -> tuple[str, tuple[str, ...]] | None:
    """UTF-16/32 text with a byte-order mark (Windows editors write it); None otherwise.

    Checked before the NUL test: every ASCII character has NUL bytes in these encodings.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            # The codec reads the BOM for byte order and drops it; a cut final code unit
            # becomes U+FFFD, which check_not_garbage weighs like any other.
            return data.decode(codec, errors="replace"), (f"decoded as {label} (BOM)",)
    return None


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


# Metadata fields of a JSON article: each a string or null. Checked before any request,
# so a wrong type is the input's error, not a failure after the model was paid.
METADATA_FIELDS = ("title", "source", "url", "language", "published")


def article_from_dict(data: dict[str, Any], path: str | None = None) -> Article:
    where = path or "input"
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError(f"{where}: JSON article needs a string field 'text'")
    for name in METADATA_FIELDS:
        value = data.get(name)
        # A date object can only come from Python callers (as_article); JSON gives strings.
        ok: tuple[type, ...] = (str, date) if name == "published" else (str,)
        if value is not None and not isinstance(value, ok):
            raise InputError(
                f"{where}: field {name!r} must be a string or null, not "
                f"{type(value).__name__} ({_preview(value)})"
            )
    text, notes = clean_text(data["text"])
    published, date_note = parse_date(data.get("published"))
    return Article(
        text=text,
        title=data.get("title"),
        source=data.get("source"),
        url=data.get("url"),
        published=published,
        language=data.get("language") or "en",
        path=path,
        notes=(*notes, date_note) if date_note else notes,
    )


def _preview(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False, default=str)
    return shown if len(shown) <= 40 else shown[:39] + "…"


# A line that ends a sentence (with any closing quote or bracket after the stop).
_LINE_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'”’)\]]*\s*$")
# A title never ends a sentence: "the state's Gov.\nAli Noor said ..." (the titles:
# data/language/title_abbreviations.txt).
_LINE_ENDS_ON_TITLE = re.compile(
    rf"(?<![\w.])(?:{'|'.join(_TITLES['courtesy titles'] + _TITLES['titles and ranks'])})\.\s*$"
)


def _hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed width (e-mail, plain-text wires): most lines that run on
    into a next line stop mid-sentence, and none is long."""
    running = [a for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
    mid_sentence = sum(not _LINE_ENDS_SENTENCE.search(a) for a in running)
    return len(running) >= 3 and mid_sentence >= 0.6 * len(running) and max(map(len, lines)) <= 100


def unwrap_lines(text: str) -> tuple[str, tuple[str, ...]]:
    """Join lines that break a sentence in two; blank lines still separate paragraphs.

    Sentences are split line by line (a line is a paragraph), so a hard line break
    inside a sentence would cut it: a wrapped plain-text article would reach the model
    as fragments. A break is joined when the text is hard-wrapped throughout, when the
    next line starts lower-case (no sentence does), or after a title ("Gov.").
    """
    lines = text.split("\n")
    wrapped = _hard_wrapped(lines)
    out = [lines[0]]
    joined = 0
    for line in lines[1:]:
        before = out[-1]
        runs_on = before.strip() and line.strip() and not _LINE_ENDS_SENTENCE.search(before)
        lower_start = line.lstrip()[:1].islower()
        # The first line may be a headline: wrapping alone never joins the next line to it.
        onto_first = len(out) == 1
        if (
            before.strip()
            and line.strip()
            and (
                (wrapped and runs_on and not onto_first)
                or (runs_on and lower_start)
                or _LINE_ENDS_ON_TITLE.search(before)
            )
        ):
            out[-1] = before.rstrip() + " " + line.lstrip()
            joined += 1
        else:
            out.append(line)
    if not joined:
        return text, ()
    return "\n".join(out), (f"joined {joined} line break(s) inside sentences",)


def article_from_txt(raw: str, path: str | None = None) -> Article:
    """First line is the headline, the rest the body (the seed's format), unless that
    line ends with a full stop: headlines do not, and a lede is never dropped."""
    text, notes = clean_text(raw)
    head, _, body = text.partition("\n")
    if not body.strip() or head.rstrip().endswith("."):
        # A single paragraph, or a first line that is the lede: no headline to take off.
        return Article(text=text, path=path, notes=notes)
    return Article(text=body.strip("\n"), title=head.strip() or None, path=path, notes=notes)


def _read_file(name: str, cap: int) -> bytes:
    """At most `cap` bytes of a regular file. Anything else is an InputError that says
    what the path is, so a bad input is that input's error record, never a traceback."""
    import errno
    import stat

    path = Path(name)
    try:
        mode = path.stat().st_mode  # before opening: opening a FIFO would block
        if stat.S_ISDIR(mode):
            raise InputError(f"{name}: is a directory, not an article file")
        if not stat.S_ISREG(mode):
            kind = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
            raise InputError(f"{name}: is not a regular file ({kind})")
        with path.open("rb") as fh:
            return fh.read(cap)
    except OSError as exc:
        reason = {
            errno.ENOENT: "no such file",
            errno.ENOTDIR: "no such file",
            errno.EACCES: "permission denied",
            errno.EPERM: "permission denied",
            errno.ELOOP: "symlink loop",
        }.get(exc.errno or 0, exc.strerror or str(exc))
        if exc.errno == errno.ENOENT and path.is_symlink():
            reason = "broken symlink (its target does not exist)"
        raise InputError(f"{name}: {reason}") from exc


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
        data = _read_file(name, cap)
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
        body, body_notes = clean_text(body)
        article = Article(text=body, title=title, path=where, notes=body_notes)
        notes = (*notes, note)
    else:
        article = article_from_txt(text, path=where)
    if notes:  # decoding came first, so its notes do too
        article = article.with_notes(*notes, first=True)
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
            body, notes = clean_text(body)
            return Article(text=body, title=title, notes=(note, *notes))
        text, notes = clean_text(item)
        return Article(text=text, notes=notes)
    if isinstance(item, bytes | bytearray):
        decoded, notes = decode_bytes(bytes(item), "input")
        text, removed = clean_text(decoded)
        return Article(text=text, notes=(*notes, *removed))
    raise InputError(f"cannot make an article from {type(item).__name__}")
