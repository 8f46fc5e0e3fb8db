"""Event values name the party, in neutral words (issue #15: no loaded wording in records).

The fake answer is a hand-written fixture; the article text is written for the test.
"""

from __future__ import annotations

from fakes import FakeBackend

from summarizer import Settings, summarize

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
    assert ev.target is not None and "occupied" not in ev.target.value
    # The evidence still points at the article's own words.
    assert "US-occupied" in ev.target.evidence[0].text
