"""The word lists in summarizer/data/language/: readable, each read by the code, one reader."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from summarizer import language

FOLDER = Path(__file__).resolve().parent.parent / "summarizer" / "data" / "language"
# The modules whose rules read the lists (importing them reads every list).
READERS = (
    "summarizer.schema",
    "summarizer.checks",
    "summarizer.rules",
    "summarizer.checks.coverage",
    "summarizer.assemble",
    "summarizer.field_roles",
    "summarizer.countries",
    "summarizer.briefing.aliases",
)


def test_every_list_is_read_by_the_code_and_every_file_exists() -> None:
    for module in READERS:
        importlib.import_module(module)
    assert language.files() == sorted(p.stem for p in FOLDER.glob("*.txt"))
    assert set(language.files()) == language.read_so_far(), "a list no rule reads, or a typo"


@pytest.mark.parametrize("name", language.files())
def test_each_list_says_what_it_encodes_and_has_no_duplicates(name: str) -> None:
    text = (FOLDER / f"{name}.txt").read_text(encoding="utf-8")
    header = [line for line in text.splitlines()[:3] if line.startswith("# ")]
    assert header, f"{name}.txt opens without a comment saying what the list is"
    items = language.entries(name)
    assert items
    lowered = [e for e in items if not (e.startswith("[") and e.endswith("]"))]
    assert len(lowered) == len(set(lowered)), f"{name}.txt repeats an entry"


@pytest.mark.parametrize("name", language.files())
def test_every_entry_is_a_valid_pattern(name: str) -> None:
    # Word lists too: no entry is read as a pattern by accident and then fails.
    for entry in language.entries(name):
        re.compile(entry)


def test_any_word_matches_whole_words_only() -> None:
    allege = language.any_word("allege_words")
    assert allege.search("Officials BLAMED the group")
    assert not allege.search("blameless")  # blam(?:ed|es|ing) only
    assert language.any_word("killing_words").search("killed")
    assert not language.any_word("killing_words").search("skilled")


def test_quote_marks_are_pairs() -> None:
    assert all(len(pair) == 2 for pair in language.entries("quote_marks"))


def test_sections_name_what_the_code_knows_and_keep_file_order() -> None:
    import pycountry

    from summarizer.schema import EVENT_TYPE_OF

    cues = language.sections("sub_type_cues")
    assert next(iter(cues)) == "Suicide bomb"  # checked first: a suicide bombing is a bomb too
    assert set(cues) <= set(EVENT_TYPE_OF), "a heading that is no ACLED sub-type"
    forms = language.sections("country_news_forms")
    assert forms["United States"] == ("US", "U.S.", "USA", "America")
    iso_names = {c.name for c in pycountry.countries}
    assert set(forms) <= iso_names, set(forms) - iso_names
    assert set(language.sections("date_precision")) == {"week", "month"}


def test_a_section_file_needs_a_heading_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_lines", lambda name: ("orphan", "[Head]", "entry"))
    with pytest.raises(ValueError, match="before any"):
        language.sections.__wrapped__("made_up")


def test_draft_and_briefing_read_one_placeholder_list() -> None:
    """One list: the draft matches it as written, the briefing in the names' normal form."""
    from summarizer.briefing import aliases
    from summarizer.schema import PLACEHOLDERS, DraftEvent, GroundedValue

    assert {aliases.normalise(p) for p in PLACEHOLDERS} == aliases._PLACEHOLDERS
    for written in ("Unknown.", "N/A", "the article", "Various", "not given"):
        event = DraftEvent(ids=[1], type="Attack", actor=written)
        assert event.actor1 is None, written
        assert aliases.value_of(GroundedValue(value=written)) is None, written
    assert aliases.value_of(GroundedValue(value="Islamic State")) == "Islamic State"
