"""Rules from held-out sample 25 (news read after it was scored): each encodes a general
pattern of English news, tested on invented sentences with its near misses."""

from __future__ import annotations

import pytest
from fakes import events_of, summary_of

from summarizer.article import split_sentences
from summarizer.checks.figurative import literal
from summarizer.rules.incident import has_incident_word


def test_a_riot_filed_as_a_bombing_is_the_riot() -> None:
    text = "A protester throws a Molotov cocktail during a demonstration near the court in Dara."
    (event,) = events_of(text, {"ids": [1], "type": "Grenade", "place": "Dara"})
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


def test_weapons_found_filed_as_a_battle_are_disrupted_weapons_use() -> None:
    text = "The army discovered arms including missiles and grenades in a farm near Dara."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type == "Disrupted weapons use"
    # A weapon found after it went off is no disrupted use: nothing is retyped.
    text = "Police discovered explosives in Dara after a bomb exploded, killing two."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type != "Disrupted weapons use"


def test_ground_taken_after_the_other_side_withdrew_is_a_non_violent_transfer() -> None:
    text = "Northland forces have taken control of the town of Dara after Kel forces withdrew."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type == "Non-violent transfer of territory"
    # Fighting told with it: a clash stays a clash.
    text = "Northland forces clashed with Kel fighters in Dara before the Kel fighters withdrew."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type == "Armed clash"


def test_a_protest_and_its_riot_at_one_place_are_one_violent_demonstration() -> None:
    text = (
        "Police fired tear gas as crowds held a march in Dara, with protesters throwing "
        "petrol bombs and smashing shop windows."
    )
    force = {"ids": [1], "type": "Protest with intervention", "place": "Dara"}
    riot = {"ids": [1], "type": "Violent demonstration", "place": "Dara"}
    (event,) = events_of(text, force, riot)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(
    ("text", "figurative"),
    [
        ("Two buildings were damaged after a cold storage container exploded in Dara.", True),
        ("A fuel tanker caught fire on the highway near Dara.", True),
        ("Firefighters said a gas explosion in a flat caused the damage.", True),
        ("A tanker laden with explosives exploded at the checkpoint, killing five.", False),
        ("A truck packed with explosives blew up near the base in Dara.", False),
    ],
)
def test_an_exploding_container_or_tanker_is_an_accident(text: str, figurative: bool) -> None:
    assert (not has_incident_word(literal(text))) == figurative


@pytest.mark.parametrize(
    ("text", "figurative"),
    [
        ("The two sides agreed a truce in their conflict over aircraft subsidies.", True),
        ("The blocs announced a tariff truce on Monday.", True),
        ("Rebels and the army agreed a truce on Monday in Dara.", False),
    ],
)
def test_a_truce_over_money_or_trade_is_no_agreement_of_war(text: str, figurative: bool) -> None:
    assert (not has_incident_word(literal(text))) == figurative


def test_a_quoted_question_and_its_speaker_are_one_sentence() -> None:
    text = '"Could we take two questions?" Noor asked, and Kel replied, "Good luck." Then he left.'
    parts = [s.text for s in split_sentences(text)]
    assert parts == [
        '"Could we take two questions?" Noor asked, and Kel replied, "Good luck."',
        "Then he left.",
    ]
    assert len(split_sentences('"Why now?" asked Noor. The vote went ahead.')) == 2
    assert len(split_sentences('"Why now?" she asked.')) == 1
    # A question that ends its sentence, then a new one.
    assert len(split_sentences('"Is this the end?" The question hung over the talks.')) == 2


def test_a_speaker_with_the_stray_comma_of_wire_copy_is_still_the_speaker() -> None:
    text = (
        "A spokesman says gunmen have attacked two villages near Dara, killing 20 people. "
        "Ali Noor of the Northland self-defense group, said Wednesday that armed men attacked "
        "the villages on Tuesday."
    )
    record = {
        "ids": [1],
        "type": "Attack",
        "actor": "Ali Noor of the Northland self-defense group",
        "place": "Dara",
    }
    (event,) = events_of(text, record)
    assert event.actors.actor1 is None or "Noor" not in event.actors.actor1.value


def test_a_summary_may_not_call_a_crowd_peaceful_where_the_article_does_not() -> None:
    text = "A protester throws a firebomb during a demonstration near the court in Dara."
    (kept,) = summary_of(
        text,
        ("A protester throws a firebomb during a demonstration near the court in Dara.", [1]),
        ("The protest was part of a peaceful demonstration.", [1]),
    )
    assert "peaceful" not in kept
    # Where the article says it, the word stands.
    text = "Hundreds held a peaceful march through Dara on Sunday. Police watched the march."
    kept = summary_of(
        text,
        ("Hundreds held a peaceful march through Dara on Sunday.", [1]),
        ("Police watched the march.", [2]),
    )
    assert "peaceful" in kept[0]


def test_the_weapons_found_are_not_who_found_them() -> None:
    text = "Around 20 wartime grenades and some ammunition were found near a school in Dara."
    record = {
        "ids": [1],
        "type": "Disrupted weapons use",
        "actor": "wartime grenades and some ammunition",
        "place": "Dara",
    }
    (event,) = events_of(text, record)
    assert event.actors.actor1 is None
    # An arms dealer is a party.
    text = "Police seized weapons from arms dealers near a school in Dara."
    (event,) = events_of(text, {**record, "actor": "Police"})
    assert event.actors.actor1 is not None and event.actors.actor1.value == "Police"
