"""No incident sentence, no record; no value the article does not hold (issue #15).

Fake answers here are hand-written fixtures, not model output: they play a model that
codes a speech as a clash and copies the prompt's example into its records.
"""

from __future__ import annotations

import json
import re

import pytest
from fakes import FakeBackend

from summarizer import Settings, summarize, summarize_many
from summarizer.evaluation.cases import DEFAULT_CASES_V2, case_article, load_cases
from summarizer.prompts import load_prompt

SETTINGS = Settings(backend="local", max_reasks=0, rereads=0)
SPEECH = {
    "title": "Leader warns of wider war in televised speech",
    "text": "The group's leader warned on Friday that his fighters would fight without "
    "limits if a full-scale war began.\nOfficials did not immediately comment.",
}
BOMBING = {
    "title": "Bomb kills two at a bus station",
    "text": "A bomb exploded at the main bus station in Dara on Monday, killing two "
    "people, police said.\nNo group has claimed responsibility.",
}


def _answer(events: list[dict[str, object]], text: str) -> dict[str, object]:
    first = text.splitlines()[0]
    return {"summary": [{"text": first, "ids": [1]}, {"text": first, "ids": [1]}], "events": events}


def test_a_threat_in_a_speech_is_not_an_armed_clash() -> None:
    clash = {"ids": [1], "type": "Armed clash", "actor": "his fighters", "place": "Friday"}
    result = summarize(SPEECH, backend=FakeBackend(_answer([clash], SPEECH["text"])),
                       settings=SETTINGS)  # fmt: skip
    assert result.events == []
    assert any("no incident sentence, no record" in f.message for f in result.run.findings)


def test_a_reported_bombing_stays() -> None:
    bomb = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara",
            "target": "the main bus station", "killed": 2}  # fmt: skip
    result = summarize(BOMBING, backend=FakeBackend(_answer([bomb], BOMBING["text"])),
                       settings=SETTINGS)  # fmt: skip
    assert [e.location.place.value for e in result.events if e.location.place] == ["Dara"]


def test_values_copied_from_the_prompt_example_never_reach_the_output() -> None:
    # The record a careless model writes from the few-shot example, on an article that
    # names none of it: every copied value is left empty or the record dropped.
    copied = {"ids": [1], "type": "Air/drone strike", "actor": "the army", "resp": "confirmed",
              "target": "a depot", "place": "near Tarin", "when": "on Sunday",
              "why": "revenge for the brutal siege of Tarin", "source": "the army"}  # fmt: skip
    result = summarize(BOMBING, backend=FakeBackend(_answer([copied], BOMBING["text"])),
                       settings=SETTINGS)  # fmt: skip
    dumped = json.dumps([e.model_dump(mode="json") for e in result.events])
    for value in ("Tarin", "the army", "a depot", "on Sunday", "revenge"):
        assert value not in dumped


def _events_of(article: dict[str, str], *events: dict[str, object]) -> list[str]:
    backend = FakeBackend(_answer(list(events), article["text"]))
    result = summarize(article, backend=backend, settings=SETTINGS)
    return [e.sub_event_type for e in result.events]


def test_a_record_placed_where_the_article_never_says_is_dropped() -> None:
    # The place is the record's anchor: one the article lacks was invented with it.
    bomb = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "near Tarin"}
    assert _events_of(BOMBING, bomb) == []
    # A paraphrased place still locates the record.
    bomb = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "the bus station"}
    assert _events_of(BOMBING, bomb) == ["Remote explosive/landmine/IED"]


HEARING = {
    "title": "Court hears appeal in bombing case",
    "text": "Lawyers for a man convicted over a bombing that killed six people told the "
    "appeals court in Dara on Monday that the evidence was flawed.\n"
    "A committee agreed on Tuesday that the hearing would resume next month.",
}


def test_a_kind_with_words_of_its_own_needs_them_whatever_violence_is_mentioned() -> None:
    # A court hearing about a killing: no protest, no arrest, no agreement.
    for kind in ("Peaceful protest", "Arrests"):
        assert _events_of(HEARING, {"ids": [1], "type": kind, "place": "Dara"}) == []
    # "agreed" by a committee is no agreement between armed actors (ACLED's sense).
    assert _events_of(HEARING, {"ids": [2], "type": "Agreement"}) == []
    truce = {
        "title": "Rivals agree truce",
        "text": "The two militias signed a ceasefire in Dara on Monday, officials said.",
    }
    assert _events_of(truce, {"ids": [1], "type": "Agreement", "place": "Dara"}) == ["Agreement"]


@pytest.mark.parametrize(
    "figurative",
    [
        "The senator attacked the bill in a speech in Dara on Monday.",
        "The two parties in Dara are locked in a partisan battle over redistricting.",
        "Teachers went on strike in Dara on Monday.",
        "Prices in Dara hit a four-year high in March.",
        "The army tested anti-drone systems near Dara.",
        "The president got his booster shot in Dara on Monday.",
        "In Dara the mayor faces a leadership fight with a councillor.",
        "Websites in Dara were hit by a widespread outage on Tuesday.",
        "A hurricane hit Dara on Sunday, killing four people.",
        "The navy fired two ballistic missiles off its east coast near Dara on Monday.",
        "The army carried out a test of a new cruise missile near Dara.",
        "Plants in Dara halted after an attack on the company's computer networks.",
        "The founder flew to space from Dara in a craft built by his rocket company.",
        "Two workers were hurt when a boiler at a chemical plant in Dara exploded.",
        "A chemical spill near Dara forced the road to close.",
        "Militias in Dara are receiving parts for drones and weapons from abroad.",
        "A massive earthquake leveled remote villages around Dara on Monday, killing 30.",
        "An award went to a short film, Dara Nights, about a man who is shot by police.",
        "The ransomware group Kel demanded $70 million after its attack on a software firm.",
        "A hacking group attacked the software vendor in Dara, sparing thousands of potential "
        "victims.",
        "Police in Dara arrested a man who claimed to have a bomb in his truck.",
        "A bomb threat closed two schools in Dara on Monday.",
        "Northland condemned Southland's test of a hydrogen bomb near Dara on Sunday.",
        "Officials say 19 people were killed when their bus plunged off a bridge near Dara.",
        "Another 22 people were injured in the Friday accident near Dara.",
    ],
)
def test_violence_words_used_figuratively_report_no_incident(figurative: str) -> None:
    article = {"title": "News", "text": figurative}
    kinds = ("Attack", "Armed clash", "Air/drone strike", "Peaceful protest")
    for kind in kinds:
        assert _events_of(article, {"ids": [1], "type": kind, "place": "Dara"}) == []


def test_literal_violence_words_still_report() -> None:
    for text, kind in (
        ("An airstrike hit a crowded market in Dara on Monday.", "Air/drone strike"),
        ("Post-election clashes erupted in Dara on Monday.", "Armed clash"),
        ("The army launched a counter-offensive near Dara.", "Armed clash"),
        ("A drone strike hit a depot in Dara on Monday.", "Air/drone strike"),
        ("Gunmen attacked a market in Dara on Monday.", "Attack"),
        ("Rebels fired rockets at a market in Dara.", "Shelling/artillery/missile attack"),
        ("Thousands of protesters marched in Dara on Monday.", "Peaceful protest"),
        ("A gunman shot dead two people at a Dara cinema showing a film about war.", "Attack"),
        ("A journalist who made a film about the militia was shot dead in Dara.", "Attack"),
        ("Militants shot down a helicopter, which crashed near Dara, killing two.", "Attack"),
        ("A suicide bomber's car crashed through the Dara gate, killing ten.", "Suicide bomb"),
        # A vehicle's crash beside a weapon is no accident; a claim to have done it reports it.
        (
            "A car bomb crashed into the gate of the Dara base, killing six soldiers.",
            "Remote explosive/landmine/IED",
        ),
        (
            "A bus struck a landmine and overturned near Dara, killing 14.",
            "Remote explosive/landmine/IED",
        ),
        ("Soldiers killed a driver after his car crashed through a Dara checkpoint.", "Attack"),
        ("The rebels claimed to have killed 20 soldiers near Dara.", "Attack"),
        ("A hacking group struck on Monday as militants attacked a Dara police post.", "Attack"),
        # Only the incident named by its date is recalled, not the sentence's own.
        ("Gunmen killed five in Dara on Sunday, a week after the May 2 attack.", "Attack"),
        (
            "Protesters angry about a book about the king clashed with police in Dara.",
            "Armed clash",
        ),
    ):
        record = {"ids": [1], "type": kind, "place": "Dara"}
        assert _events_of({"title": "News", "text": text}, record) == [kind]


def test_a_change_of_territory_needs_words_of_one() -> None:
    # A clash is no change of who holds ground.
    clash = {"title": "Clash", "text": "Soldiers attacked rebels in Dara on Monday."}
    regain = {"ids": [1], "type": "Government regains territory", "place": "Dara"}
    assert _events_of(clash, regain) == []
    retaken = {"title": "Town retaken", "text": "The army recaptured Dara on Monday."}
    assert _events_of(retaken, regain) == ["Government regains territory"]


def test_an_incident_recalled_by_its_anniversary_is_background() -> None:
    memorial = {
        "title": "Memorial",
        "text": "Leaders met in Dara to mark the anniversary of the attack that killed 30.",
    }
    attack = {"ids": [1], "type": "Attack", "place": "Dara"}
    assert _events_of(memorial, attack) == []
    # An office its actor no longer holds dates the incident too.
    column = {
        "title": "Column",
        "text": "When then-President Ali Noor ordered a strike on Dara, two leaders died.",
    }
    strike = {"ids": [1], "type": "Air/drone strike", "place": "Dara"}
    assert _events_of(column, strike) == []


def test_a_heading_in_title_case_reports_nothing() -> None:
    charges = {
        "title": "Wanted",
        "text": "Murder of Nationals Outside Dara; Conspiracy to Murder Nationals.",
    }
    other = {"ids": [1], "type": "Other", "place": "Dara"}
    assert _events_of(charges, other) == []
    # Place names do not make a report a heading: "gunmen attacked" is lower case.
    report = {
        "title": "Attack",
        "text": "Unidentified gunmen attacked the Polytechnic Staff Quarters in Dara.",
    }
    attack = {"ids": [1], "type": "Attack", "place": "Dara"}
    assert _events_of(report, attack) == ["Attack"]


def test_an_incident_dated_by_a_year_is_background() -> None:
    history = {
        "title": "Memorial opens",
        "text": "A memorial opened on Monday for the victims of the 1998 bombings of the "
        "embassies in Nairobi, officials said.",
    }
    bomb = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Nairobi"}
    assert _events_of(history, bomb) == []
    # A date opening the report is not history: "On 17 September 2019, two bombs killed".
    current = {
        "title": "Bombs kill 48",
        "text": "On 17 September 2019, two bombs killed 48 people in Nairobi, police said.",
    }
    assert _events_of(current, bomb) == ["Remote explosive/landmine/IED"]


def test_an_incident_named_by_its_date_is_background() -> None:
    # "the January 6 attack": a date worn as a name is an incident the reader knows.
    plan = {
        "title": "No commission",
        "text": "The president has no plans to create a commission to investigate the "
        "January 6 attack on the Dara parliament, a spokeswoman said.",
    }
    other = {"ids": [1], "type": "Other", "place": "Dara"}
    assert _events_of(plan, other) == []
    # A day that dates today's report is no name: "gunmen attacked Dara on January 6".
    report = {"title": "Attack", "text": "Gunmen attacked a market in Dara on January 6."}
    attack = {"ids": [1], "type": "Attack", "place": "Dara"}
    assert _events_of(report, attack) == ["Attack"]
    # The named incident's other violence words are its own, unless today's day is told.
    inquiry = {
        "title": "Inquiry",
        "text": "Rioters assaulted officers in the January 6 attack on Dara.",
    }
    assert _events_of(inquiry, attack) == []
    sunday = {
        "title": "Five killed",
        "text": "Gunmen killed five in Dara on Sunday, a week after the May 2 attack.",
    }
    assert _events_of(sunday, attack) == ["Attack"]
    # A date that names an election is no incident's name.
    vote = {"title": "Killings", "text": "After the June 20 elections gunmen killed three in Dara."}
    assert _events_of(vote, attack) == ["Attack"]


def test_a_protest_told_beside_a_recalled_attack_is_todays() -> None:
    rally = {
        "title": "Rally",
        "text": "Hundreds rallied in Dara on Saturday to support those charged over the "
        "January 6 attack.",
    }
    protest = {"ids": [1], "type": "Peaceful protest", "place": "Dara"}
    assert _events_of(rally, protest) == ["Peaceful protest"]
    # A protest named by its year is the recalled one.
    memorial = {"title": "Memorial", "text": "A plaque in Dara honours the 2019 protests."}
    assert _events_of(memorial, protest) == []
    # A sentence that recalls a year's events recalls its arrests too.
    recalled = {
        "title": "Memories",
        "text": "Hundreds were arrested during the 2019 protests in Dara.",
    }
    assert _events_of(recalled, {"ids": [1], "type": "Arrests", "place": "Dara"}) == []


def _example_values() -> set[str]:
    """The values of the prompt's own few-shot answer."""
    example = dict(load_prompt("summarize").examples)["assistant"]
    values: set[str] = set()
    for event in json.loads(example)["events"]:
        values |= {v for v in event.values() if isinstance(v, str) and len(v) > 3}
    return values - {
        "claimed",
        "confirmed",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    }


@pytest.mark.parametrize("split", ["dev", "check"])
def test_no_replayed_record_holds_a_value_of_the_example_its_article_lacks(split: str) -> None:
    cases = [c for c in load_cases(DEFAULT_CASES_V2) if c["split"] == split]
    articles = [case_article(c) for c in cases]
    example = _example_values()
    assert "near Tarin" in example
    results = summarize_many(articles, settings=Settings(backend="replay"))
    for article, result in zip(articles, results, strict=True):
        assert not isinstance(result, dict), result
        words = set(re.findall(r"\w+", f"{article.title or ''} {article.text}".casefold()))
        dumped = json.dumps(
            [e.model_dump(mode="json", exclude={"evidence"}) for e in result.events]
        )
        for value in example:
            # A value whose words the article does not all hold came from the example.
            if not set(re.findall(r"\w+", value.casefold())) <= words:
                assert value not in dumped, (article.path, value)


def test_an_incident_recalled_by_its_distance_in_years_is_background() -> None:
    text = "The report was released 20 years after the 9/11 attacks in Dara, officials said."
    article = {"title": "Report released", "text": text}
    assert _events_of(article, {"ids": [1], "type": "Attack", "place": "Dara"}) == []
    # The years before a clause do not make its incident background.
    text = "Twenty years after being removed from power, the rebels swept into Dara on Sunday."
    article = {"title": "Rebels take Dara", "text": text}
    sweep = {"ids": [1], "type": "Non-state actor overtakes territory", "place": "Dara"}
    assert len(_events_of(article, sweep)) == 1


def test_an_arrest_on_suspicion_of_murder_reports_no_murder() -> None:
    arrest = {
        "title": "Man held after stabbing",
        "text": "Police said a 25-year-old man had been arrested in Dara on suspicion of murder."
        "\nOfficials did not comment.",
    }
    murder = {"ids": [1], "type": "Attack", "place": "Dara"}
    answer = _answer([murder], arrest["text"])
    result = summarize(arrest, backend=FakeBackend(answer), settings=SETTINGS)
    assert result.events == []
