"""The Markdown view of one result, on the seed's committed real recording."""

from __future__ import annotations

import pytest

from summarizer import Settings, read_article, summarize
from summarizer.render import result_to_markdown
from tests.conftest import SEED


@pytest.fixture(scope="module")
def markdown() -> str:
    return result_to_markdown(summarize(read_article(SEED), settings=Settings(backend="replay")))


def test_a_loaded_term_used_twice_is_one_row_with_its_count(markdown: str) -> None:
    rows = [line for line in markdown.splitlines() if line.startswith("| US-occupied |")]
    assert rows == ["| US-occupied | delegitimizing label | US-held | no | 2 |"]


def test_an_event_value_in_loaded_wording_is_shown_in_neutral_words(markdown: str) -> None:
    # The model wrote "US-occupied bases ..."; the record takes the article's words it
    # matches ("US-occupied military bases ...") and value_wording cuts the label out,
    # leaving a span the article holds as written.
    assert "target military bases in Syria and neighboring Iraq;" in markdown
    assert "US-occupied military" not in markdown.split("## Loaded wording")[0]
    assert "the Islamic Resistance in Iraq; target" in markdown


def test_the_summary_replaces_the_fighters_label_with_a_plain_word(markdown: str) -> None:
    assert "an umbrella group of fighters" in markdown
    assert "anti-terror" not in markdown.split("## Events")[0]


def test_sentences_the_events_may_have_missed_are_listed() -> None:
    # Without the re-read, the seed's first pass leaves sentences 3, 10 and 11 uncited.
    first_pass = summarize(read_article(SEED), settings=Settings(backend="replay", rereads=0))
    events = result_to_markdown(first_pass).split("## Events")[1].split("## Loaded wording")[0]
    assert "Possibly missed (no record cites these):" in events
    # Brackets escaped: the message quotes the article, whose text may not make links.
    assert "- sentence \\[3\\] seems to report an incident" in events


def test_nothing_is_listed_as_missed_once_the_re_read_found_it(markdown: str) -> None:
    assert "Possibly missed" not in markdown
    assert "2 re-read window(s)" in markdown


def test_a_paraphrased_value_is_shown_in_the_articles_words(markdown: str) -> None:
    # The model's "source" for al-Harir ends in "anti-恐怖"; the article says "anti-terror".
    assert "anti-恐怖" not in markdown
    # The article's words, and only the party: its description (with the outlet's
    # "anti-terror" label) is the outlet's, not the source (rules/value_wording.py).
    assert "reported by The Islamic Resistance in Iraq [" in markdown
    assert "umbrella group of anti-terror [" not in markdown
