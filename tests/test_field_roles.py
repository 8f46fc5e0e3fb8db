"""A source must be cited as one and a motive given as one, not just occur in the text."""

from __future__ import annotations

import copy
from pathlib import Path

from summarizer import Settings, brief, read_article, summarize
from summarizer.briefing import briefing_to_markdown
from tests.conftest import SEED
from tests.fakes import FakeBackend
from tests.test_pipeline import CLEAN

SETTINGS = Settings(backend="replay", max_reasks=0)
TEXT = (
    "Evacuations from the airport enter their final stage.\n"
    "Protesters marched in Nairobi on Thursday to protest a finance bill, witnesses said.\n"
    "Twin explosions tore through the crowd at the gate."
)


def _event(**fields: object) -> dict:
    answer = copy.deepcopy(CLEAN)
    answer["summary"] = [
        {"text": "Protesters marched in Nairobi on Thursday, witnesses said.", "ids": [2]},
        {"text": "Twin explosions tore through the crowd at the gate.", "ids": [3]},
    ]
    answer["events"] = [
        {
            "ids": [2],
            "sub_event_type": "Peaceful protest",
            "actor1": "Protesters",
            "location": "Nairobi",
            **fields,
        }
    ]
    return answer


def _run(**fields: object):
    result = summarize(TEXT, backend=FakeBackend(_event(**fields)), settings=SETTINGS)
    return result.events[0], [f for f in result.run.findings if "is not given as" in f.message]


def test_a_cited_source_and_a_stated_motive_stay() -> None:
    event, dropped = _run(reported_by="witnesses", motive="to protest a finance bill")
    assert event.reported_by and event.reported_by.value == "witnesses"
    assert event.stated_motive and event.stated_motive.value == "to protest a finance bill"
    assert dropped == []


def test_a_headline_as_source_and_an_action_as_motive_are_dropped() -> None:
    event, dropped = _run(
        reported_by="Evacuations from the airport enter their final stage",
        motive="Twin explosions tore through the crowd",
    )
    assert event.stated_motive is None
    # The headline is dropped; the source is who the cited sentence says reported it.
    assert event.reported_by is not None and event.reported_by.value == "witnesses"
    assert [f.path for f in dropped] == ["events[0].reported_by", "events[0].stated_motive"]
    assert all(f.repaired and f.check == "attribution" for f in dropped)


def test_the_seeds_claimant_and_motive_stay() -> None:
    # Real recording: "The Islamic Resistance in Iraq ... in a statement ... claimed";
    # "in retaliation for Washington's support ...".
    result = summarize(read_article(SEED), settings=Settings(backend="replay"))
    first = result.events[0]
    assert first.reported_by and "Islamic Resistance in Iraq" in first.reported_by.value
    motive = first.stated_motive
    assert motive and motive.evidence[0].text.startswith("retaliation for")


def test_the_briefing_no_longer_cites_a_headline_as_its_source() -> None:
    # Real recordings of the example: the model gave BBC's headline as "source" and an
    # explosion as a "motive"; neither is presented so by the articles.
    folder = Path(__file__).resolve().parent.parent / "seeds" / "briefing-example"
    articles = [read_article(p) for p in sorted(folder.glob("*.json"))]
    text = briefing_to_markdown(brief(articles, settings=Settings(backend="replay")))
    assert "According to" in text  # the briefing's account is there
    assert "the information comes from US-led evacuations" not in text
    assert "the stated motive was twin explosions" not in text
