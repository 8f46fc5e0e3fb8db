"""Event values name the party, in neutral words (issue #15: no loaded wording in records).

The fake answer is a hand-written fixture; the article text is written for the test.
"""

from __future__ import annotations

import pytest
from fakes import FakeBackend

from summarizer import Settings, summarize
from summarizer.rules.value_wording import neutral_piece
from summarizer.schema import GroundedValue, Span

TEXT = (
    "Drones struck a US-occupied base in al-Tanf on Saturday, "
    "the Resistance Front, an umbrella group of anti-terror fighters, said.\n"
    "There were no immediate reports of casualties."
)


def test_a_party_loses_its_description_and_a_value_its_loaded_label() -> None:
    first = TEXT.splitlines()[0]
    event = {
        "ids": [1],
        "type": "Air/drone strike",
        "actor": "the Resistance Front",
        "target": "a US-occupied base",
        "place": "al-Tanf",
        "source": "the Resistance Front, an umbrella group of anti-terror",
    }
    answer = {"summary": [{"text": first, "ids": [1]}] * 2, "events": [event]}
    result = summarize(
        {"text": TEXT},
        backend=FakeBackend(answer),
        settings=Settings(backend="local", max_reasks=0, rereads=0),
    )
    (ev,) = result.events
    assert ev.reported_by is not None and ev.reported_by.value == "the Resistance Front"
    # The label is cut out, and what is left is the article's own words, with its span.
    assert ev.target is not None and ev.target.value == "base"
    span = ev.target.evidence[0]
    assert TEXT[span.start : span.end] == span.text == "base"


@pytest.mark.parametrize(
    ("value", "piece"),
    [
        # A loaded modifier cut out: the rest is a contiguous span of the article.
        ("US-occupied military bases in Syria", "military bases in Syria"),
        ("an innocent aid worker and nine members", "aid worker and nine members"),
        # A loaded head noun cut out: the name before it is the party.
        ("Hamas terrorists", "Hamas"),
        # What is left names nobody (a prepositional phrase, a lone article): no piece,
        # and the lexicon's neutral word replaces the label instead.
        ("the masterminds behind the attack", None),
        ("the terrorists", None),
        # No loaded wording: nothing to cut.
        ("military bases in Syria", None),
    ],
)
def test_a_loaded_label_is_cut_out_of_a_value_when_a_phrase_is_left(
    value: str, piece: str | None
) -> None:
    span = Span(start=100, end=100 + len(value), text=value)
    found = neutral_piece(GroundedValue(value=value, evidence=[span], alignment="exact"))
    assert (found.value if found else None) == piece
    if found is not None:
        (cut,) = found.evidence
        assert cut.text == piece and cut.start == 100 + value.index(piece)
