"""Bad input ends in a clear InputError or in a result whose run.notes say what was fixed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from test_batch import EchoBackend

from summarizer import Article, InputError, Settings, read_article, summarize

SETTINGS = Settings(backend="local", max_reasks=0)
BODY = (
    "Police in Springfield arrested three men on Tuesday after a protest outside city hall.\n"
    "About 200 people gathered to protest a new parking fee, according to organisers.\n"
)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \n", "\ufeff", "\x00\x01\x02"])
def test_empty_or_whitespace_text_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        summarize(text, backend=EchoBackend(), settings=SETTINGS)


@pytest.mark.parametrize("data", [b"", b"  \n\r\n", b"\xef\xbb\xbf  \n"])
def test_empty_file_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="empty"):
        read_article(path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_binary_file_with_nul_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary"):
        read_article(path)


def test_binary_file_without_nul_bytes_is_refused(tmp_path: Path) -> None:
    # Control bytes everywhere but no NUL: decodes in some code page, yet is not text.
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 200)
    with pytest.raises(InputError, match=r"binary|not text"):
        read_article(path)


def test_legacy_encoding_is_decoded_and_noted(tmp_path: Path) -> None:
    text = (
        "Protest in Zürich ends peacefully\n"
        "Hundreds of demonstrators marched through Zürich on Saturday, the police said. "
        "The café owners on the Bahnhofstraße closed early, according to the city. "
        "Organisers said the march was “peaceful” and that nobody was arrested.\n"
    )
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    article = read_article(path)
    assert "Zürich" in article.text and "“peaceful”" in article.text
    assert any("not UTF-8" in n for n in article.notes)
    result = summarize(article, backend=EchoBackend(), settings=SETTINGS)
    assert any("not UTF-8" in n for n in result.run.notes)


def test_a_few_bad_bytes_in_utf8_are_replaced_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "mostly.txt"
    path.write_bytes(("Headline\n" + BODY).encode("utf-8").replace(b"three", b"thr\xffee"))
    article = read_article(path)
    assert "thr\ufffdee" in article.text
    assert article.notes == ("replaced 1 invalid UTF-8 byte sequence(s) with U+FFFD",)


def test_one_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Headline\n" + BODY * (1_048_576 // len(BODY) + 1), "utf-8")
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"limit is 200,000.*SUMMARIZER_MAX_INPUT_CHARS"):
        read_article(path)
    assert time.perf_counter() - started < 2


def test_huge_file_is_not_read_into_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse 3 GB file: reading it all would take GBs of RAM
        fh.seek(3 * 1024**3)
        fh.write(b"x")
    with pytest.raises(InputError, match="limit"):
        read_article(path)


def test_one_megabyte_string_is_refused_by_summarize() -> None:
    backend = EchoBackend()
    with pytest.raises(InputError, match="limit"):
        summarize(BODY * (1_048_576 // len(BODY) + 1), backend=backend, settings=SETTINGS)
    assert backend.calls == 0  # refused before any model call


def test_long_article_under_the_limit_is_chunked() -> None:
    text = "".join(
        f"Officials in district {i} said {i} roads were closed after heavy rain on Monday.\n"
        for i in range(1500)
    )  # ~120 KB, well past one context window
    backend = EchoBackend()
    started = time.perf_counter()
    result = summarize(text, backend=backend, settings=SETTINGS)
    assert result.run.chunks > 10
    assert backend.calls == result.run.chunks
    assert len(result.summary) <= 5
    assert time.perf_counter() - started < 30


def test_limit_is_a_setting() -> None:
    with pytest.raises(InputError, match="limit is 100"):
        summarize(BODY, backend=EchoBackend(), settings=SETTINGS.with_(max_input_chars=100))


HTML = """<!DOCTYPE html><html><head><title>Arrests after Springfield protest</title>
<script>var tracking = "ignore me";</script></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Arrests after Springfield protest</h1>
<p>Police in Springfield arrested three men on Tuesday after a protest outside city hall,
the mayor's office said.</p>
<p>About 200 people gathered to protest a new parking fee, according to organisers.</p>
<p>The mayor said the fee would be reviewed next month.</p></article>
<footer>Copyright 2024 Springfield Times. All rights reserved.</footer></body></html>"""


def test_html_file_is_extracted_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, "utf-8")
    article = read_article(path)
    assert article.title == "Arrests after Springfield protest"
    assert article.text.startswith("Police in Springfield arrested three men")
    assert "tracking" not in article.text and "Copyright" not in article.text
    assert "Home" not in article.text
    assert any("HTML" in n for n in article.notes)


def test_html_string_is_extracted() -> None:
    result = summarize(HTML, backend=EchoBackend(), settings=SETTINGS)
    assert result.summary[0].text.startswith("Police in Springfield")
    assert any("trafilatura" in n for n in result.run.notes)


def test_html_without_article_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x()</script></head><body><nav>Home</nav></body></html>")
    with pytest.raises(InputError, match="HTML page but no article text"):
        read_article(path)


GERMAN = (
    "Die Polizei in Berlin hat am Dienstag drei Männer nach einer Demonstration vor dem "
    "Rathaus festgenommen, teilte die Stadtverwaltung mit.\n"
    "Etwa 200 Menschen protestierten gegen eine neue Parkgebühr, sagten die Veranstalter.\n"
)


def test_other_language_is_reported_not_refused() -> None:
    result = summarize(GERMAN, backend=EchoBackend(), settings=SETTINGS)
    assert result.summary  # not refused
    assert any("'de'" in n for n in result.run.notes)
    found = [f for f in result.run.findings if f.check == "input"]
    assert found and found[0].severity == "warning"


def test_the_callers_article_is_not_changed() -> None:
    article = Article(text=GERMAN)
    first = summarize(article, backend=EchoBackend(), settings=SETTINGS)
    again = summarize(article, backend=EchoBackend(), settings=SETTINGS)
    assert article.notes == ()  # the note goes on a copy
    assert first.run.notes == again.run.notes and len(first.run.notes) == 1


def test_declared_language_is_not_reported() -> None:
    article = {"text": GERMAN, "language": "de"}
    result = summarize(article, backend=EchoBackend(), settings=SETTINGS)
    assert not [f for f in result.run.findings if f.check == "input"]


def test_english_is_not_reported() -> None:
    result = summarize(BODY, backend=EchoBackend(), settings=SETTINGS)
    assert not [f for f in result.run.findings if f.check == "input"]
    assert result.run.notes == []


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "invalid JSON"),
        (json.dumps({"title": "no text"}), "needs a string field 'text'"),
        (json.dumps({"text": 42}), "needs a string field 'text'"),
        (json.dumps({"text": "   "}), "empty"),
        (json.dumps(["a", "list"]), "needs a string field 'text'"),
    ],
)
def test_bad_json_articles_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError, match=message):
        read_article(path)
