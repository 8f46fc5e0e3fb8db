"""What comes in is read as written or refused before any request; what goes out can be checked.

Issue 12, items 10-13: UTF-16/32 files with a BOM, JSON metadata of the wrong type, dates
that would be guesses, the text the offsets index carried in the output, settings that
would fail mid-run, and control characters removed without a word.
"""

from __future__ import annotations

import codecs
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from test_batch import EchoBackend

from summarizer import InputError, Settings, read_article, summarize
from summarizer.article import as_article
from summarizer.errors import ConfigError
from tests.conftest import SEED

SETTINGS = Settings(backend="local", max_reasks=0)
HEADLINE = "Protest in Zürich ends peacefully"
BODY = (
    "Hundreds of demonstrators marched through Zürich on Saturday, the police said.\n"
    "Organisers said the march was “peaceful” and that nobody was arrested.\n"
)


# --------------------------------------------------------------------------- item 10
@pytest.mark.parametrize(
    ("codec", "bom", "label"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
        # FF FE 00 00 also starts with the UTF-16 LE mark: must be read as UTF-32.
        ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32"),
        ("utf-32-be", codecs.BOM_UTF32_BE, "UTF-32"),
    ],
)
def test_utf16_and_utf32_with_a_bom_are_decoded_and_noted(
    tmp_path: Path, codec: str, bom: bytes, label: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bom + f"{HEADLINE}\n{BODY}".encode(codec))
    article = read_article(path)
    assert article.title == HEADLINE
    assert article.text == BODY.strip("\n")
    assert f"decoded as {label} (BOM)" in article.notes


def test_bytes_with_a_utf16_bom_are_decoded_too() -> None:
    article = as_article(codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"))
    assert article.text == BODY.strip("\n")
    assert article.notes == ("decoded as UTF-16 (BOM)",)


def test_nul_bytes_without_a_bom_are_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(BODY.encode("utf-16-le"))  # no BOM: no way to know it is text
    with pytest.raises(InputError, match="binary"):
        read_article(path)


# --------------------------------------------------------------------------- item 11
@pytest.mark.parametrize(
    ("field", "value", "type_name"),
    [
        ("title", 123, "int"),
        ("language", 5, "int"),
        ("source", ["x"], "list"),
        ("url", {"href": "x"}, "dict"),
        ("published", 20240106, "int"),
        ("title", True, "bool"),
    ],
)
def test_wrong_metadata_type_is_refused_before_any_request(
    field: str, value: Any, type_name: str
) -> None:
    backend = EchoBackend()
    with pytest.raises(
        InputError, match=rf"field '{field}' must be a string or null, not {type_name}"
    ):
        summarize({"text": BODY, field: value}, backend=backend, settings=SETTINGS)
    assert backend.calls == 0


def test_wrong_metadata_type_in_a_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": BODY, "title": 123}), "utf-8")
    with pytest.raises(InputError, match=r"a\.json: field 'title'"):
        read_article(path)


def test_null_metadata_is_accepted() -> None:
    fields = dict.fromkeys(("title", "source", "url", "language", "published"))
    article = as_article({"text": BODY, **fields})
    assert (article.title, article.published, article.language) == (None, None, "en")
    assert article.notes == ()


FUTURE = (date.today() + timedelta(days=30)).isoformat()


@pytest.mark.parametrize(
    "value", ["12", "May", "yesterday", "not a date", "1066-10-14", FUTURE, "x" * 5000]
)
def test_unreadable_or_implausible_date_is_left_empty_with_a_note(value: str) -> None:
    article = as_article({"text": BODY, "published": value})
    assert article.published is None
    assert len(article.notes) == 1
    assert article.notes[0].startswith("published date ")
    assert article.notes[0].endswith("left empty")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-06", date(2024, 1, 6)),
        ("2024-01-06T10:30:00Z", date(2024, 1, 6)),
        ("5 January 2024", date(2024, 1, 5)),
        ("Sat, 06 Jan 2024 10:00:00 GMT", date(2024, 1, 6)),
        (date(2021, 8, 27), date(2021, 8, 27)),  # Python callers may pass a date
    ],
)
def test_full_dates_are_read_without_a_note(value: Any, expected: date) -> None:
    article = as_article({"text": BODY, "published": value})
    assert article.published == expected
    assert article.notes == ()


# --------------------------------------------------------------------------- item 12
def _spans(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every object in the JSON that has start, end and text: a span into article.text."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys():
            found.append((path, node))
        for key, value in node.items():
            found += _spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _spans(value, f"{path}[{i}]")
    return found


def test_every_span_of_the_seed_is_checkable_from_the_json_output_alone() -> None:
    result = summarize(read_article(SEED), settings=Settings(backend="replay"))
    output = json.loads(result.model_dump_json())  # what a consumer gets, nothing else
    text = output["article"]["text"]
    assert output["article"]["n_chars"] == len(text)
    spans = _spans({k: output[k] for k in ("summary", "events", "loaded_terms")})
    summary_spans = [s for p, s in spans if p.startswith(".summary")]
    field_spans = [s for p, s in spans if p.startswith(".events") and ".evidence" in p]
    # Spans inside an event's grounded fields (actors, place, claimed_by, ...), not only
    # the event's own evidence list.
    value_spans = [s for p, s in spans if p.startswith(".events") and p.count(".") > 2]
    term_spans = [s for p, s in spans if p.startswith(".loaded_terms")]
    assert summary_spans and field_spans and value_spans and term_spans
    for path, span in spans:
        assert text[span["start"] : span["end"]] == span["text"], path


def test_txt_offsets_index_the_body_after_the_headline(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{HEADLINE}\n{BODY}", "utf-8")
    info = json.loads(read_article(path).info().model_dump_json())
    assert info["text"] == BODY.strip("\n")
    assert info["title"] == HEADLINE


# --------------------------------------------------------------------------- item 13
@pytest.mark.parametrize(
    ("variable", "raw"),
    [
        ("SUMMARIZER_MAX_INPUT_CHARS", "-1"),
        ("SUMMARIZER_MAX_INPUT_CHARS", "0"),
        ("SUMMARIZER_N_CTX", "0"),
        ("SUMMARIZER_CHUNK_SENTENCES", "0"),
        ("SUMMARIZER_CHUNK_OVERLAP", "-1"),
        ("SUMMARIZER_REQUEST_TIMEOUT_S", "0"),
        ("SUMMARIZER_REQUEST_TIMEOUT_S", "nan"),
        ("SUMMARIZER_TEMPERATURE", "-0.5"),
    ],
)
def test_out_of_range_settings_are_refused_at_load(variable: str, raw: str) -> None:
    with pytest.raises(ConfigError, match=variable):
        Settings.from_env({variable: raw})


def test_negative_max_input_chars_on_the_command_line_is_a_clean_error() -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app

    run = CliRunner().invoke(
        app,
        ["summarize", str(SEED), "--backend", "replay"],
        env={"SUMMARIZER_MAX_INPUT_CHARS": "-1"},
    )
    # A traceback would show as an exception other than the CLI's own exit.
    assert isinstance(run.exception, SystemExit) and run.exit_code != 0
    assert "SUMMARIZER_MAX_INPUT_CHARS" in run.output


def test_removed_control_characters_are_noted(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "Police\x00 arrested three men.\x07 Two fled."}), "utf-8")
    article = read_article(path)
    assert article.text == "Police arrested three men. Two fled."
    assert article.notes == (
        "removed 2 control character(s) from the text, including 1 NUL byte(s)",
    )


def test_text_without_control_characters_gets_no_note() -> None:
    assert as_article("Police arrested three men.\r\nTwo fled.\tLater.").notes == ()


def test_the_note_reaches_run_notes() -> None:
    result = summarize(
        BODY.replace("marched", "mar\x00ched"), backend=EchoBackend(), settings=SETTINGS
    )
    assert any("NUL byte" in n for n in result.run.notes)
