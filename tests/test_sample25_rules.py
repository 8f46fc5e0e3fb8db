"""Rules from held-out samples 25 and 26 (news read after it was scored): each encodes a general
pattern of English news, tested on invented sentences with its near misses."""

from __future__ import annotations

import pytest
from fakes import FakeBackend, events_of, summary_of

from summarizer import Settings, summarize
from summarizer.article import split_sentences
from summarizer.checks.figurative import literal
from summarizer.checks.wellformed import problems
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


def test_a_later_detail_of_an_incidents_scene_is_no_second_record() -> None:
    text = (
        "Two drones loaded with explosives exploded near the president in Dara on Sunday.\n"
        "The officials said one drone exploded above the parade."
    )
    first = {"ids": [1], "type": "Air/drone strike", "place": "Dara"}
    scene = {"ids": [2], "type": "Air/drone strike", "place": "parade"}
    (event,) = events_of(text, first, scene)
    assert event.sentence_ids == [1, 2]
    # A second incident told with its own town, or its own toll, stays apart.
    text = (
        "A drone exploded near the president in Dara on Sunday.\n"
        "Another drone struck a market in Northtown, killing three."
    )
    other_town = {"ids": [2], "type": "Air/drone strike", "place": "Northtown"}
    assert len(events_of(text, first, other_town)) == 2
    market = {"ids": [2], "type": "Air/drone strike", "place": "a market", "fatalities": 3}
    assert len(events_of(text, first, market)) == 2


def test_a_country_s_forces_named_by_its_adjective_are_the_state_s() -> None:
    # Held-out sample 26: "Syrian forces took control" was read as a non-state takeover.
    text = "The Northlandian army took full control of the town of Dara after clashes."
    record = {"ids": [1], "type": "Government regains territory", "place": "Dara"}
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Government regains territory"
    text = "Iraqi forces and allied fighters seized back the city of Dara on Tuesday."
    (event,) = events_of(text, {**record, "type": "Armed clash"})
    assert event.sub_event_type == "Government regains territory"
    # A group's forces are no state's.
    text = "Kel rebel forces took control of the town of Dara on Tuesday."
    (event,) = events_of(text, {**record, "type": "Armed clash"})
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_the_state_retaking_a_town_filed_under_another_kind_is_retyped_not_dropped() -> None:
    text = (
        "Chadian army troops, working with Nigerien forces, recaptured the town on Tuesday "
        "to find shops vandalised."
    )
    (event,) = events_of(text, {"ids": [1], "type": "Agreement", "place": "the town"})
    assert event.sub_event_type == "Government regains territory"


def test_ground_entered_without_fighting_is_handed_over() -> None:
    text = "Kel forces withdrew from Dara, and Northland's forces then entered without fighting."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type == "Non-violent transfer of territory"


def test_a_day_is_no_place() -> None:
    text = "Police fired tear gas at protesters marching through Dara on New Year's Day."
    record = {
        "ids": [1],
        "type": "Protest with intervention",
        "actor": "protesters",
        "place": "New Year's Day",
    }
    (event,) = events_of(text, record)
    assert event.location.place is None


def test_an_attack_on_a_base_with_no_weapon_named_is_a_clash_not_a_strike() -> None:
    text = "An attack has been launched on a Northland military base in Dara, causing deaths."
    (event,) = events_of(text, {"ids": [1], "type": "Air/drone strike", "place": "Dara"})
    assert event.sub_event_type == "Armed clash"
    # A drone named keeps the strike.
    text = "A drone attack has been launched on a Northland military base in Dara."
    (event,) = events_of(text, {"ids": [1], "type": "Air/drone strike", "place": "Dara"})
    assert event.sub_event_type == "Air/drone strike"


def test_a_later_sentence_retelling_the_attack_is_no_second_record() -> None:
    text = (
        "A car bomb exploded at a police compound in Dara on Monday.\n"
        "The Kel group claimed responsibility for the attack, saying it killed 40."
    )
    bomb = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara"}
    claim = {"ids": [2], "type": "Armed clash", "actor": "Kel group", "fatalities": 40}
    (event,) = events_of(text, bomb, claim)
    assert event.sentence_ids == [1, 2]
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.fatalities == 40  # the toll only the retelling gives
    # Another incident, at its own place, told "after the attack", stays apart.
    text = (
        "A car bomb exploded at a police compound in Dara on Monday.\n"
        "Hours after the attack, gunmen stormed a checkpoint in Northtown."
    )
    raid = {"ids": [2], "type": "Armed clash", "place": "Northtown"}
    assert len(events_of(text, bomb, raid)) == 2
    # A lede listing several bases names each attack's place: no merge by that list.
    text = (
        "Drones struck bases in Dara and Northtown on Saturday.\n"
        "The drone strikes on the base in Northtown caused no damage, officials said."
    )
    dara = {"ids": [1], "type": "Air/drone strike", "place": "Dara"}
    northtown = {"ids": [2], "type": "Air/drone strike", "place": "Northtown"}
    assert len(events_of(text, dara, northtown)) == 2


# A review of the rules above on invented news found these misfires; each is kept fixed.
@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # A description between commas is no speaker: the doer stays.
        (
            "Kel militants, said to be loyal to Ali Noor, stormed Dara on Monday, killing 12.",
            "Attack",
            "Attack",
        ),
        # Arson with no crowd, in March or after a protest elsewhere, is no riot.
        ("Unknown arsonists torched a church in Dara on 3 March.", "Attack", "no riot"),
        (
            "Unknown men set fire to the home of an activist in Dara, days after she joined "
            "a protest.",
            "Attack",
            "no riot",
        ),
        # Protesters hurling petrol bombs riot, whatever bomb word is there.
        (
            "Protesters hurled petrol bombs at the police station during a march in Dara.",
            "Remote explosive/landmine/IED",
            "Violent demonstration",
        ),
        # Ground taken by force, or after a withdrawal from talks, is no handover.
        (
            "Kel rebels stormed and seized the town of Dara after government troops withdrew.",
            "Armed clash",
            "Non-state actor overtakes territory",
        ),
        (
            "Kel rebels seized the town of Dara on Monday, a day after they withdrew from "
            "peace talks.",
            "Armed clash",
            "Non-state actor overtakes territory",
        ),
        # A pledge to hand weapons over, or a suspect's weapons, is no disrupted use.
        ("Police found weapons in the car of the suspected attacker in Dara.", "Attack", None),
    ],
)
def test_review_misfires_of_this_rounds_rules(text: str, kind: str, expected: str | None) -> None:
    record = {"ids": [1], "type": kind, "place": "Dara", "actor": "Kel militants"}
    events = events_of(text, record)
    if expected is None:
        assert all(e.sub_event_type != "Disrupted weapons use" for e in events)
        return
    if expected == "no riot":
        assert all(e.sub_event_type != "Violent demonstration" for e in events)
        return
    (event,) = events
    assert event.sub_event_type == expected
    if "said to be" in text:
        assert event.actors.actor1 is not None


def test_review_misfires_in_splitting_figures_and_wording() -> None:
    assert len(split_sentences('Protesters chanted "Down with it!" Police said 40 were held.')) == 2
    assert len(split_sentences('"Why?" He said nothing.')) == 2
    # An accident's toll goes with it; an attacker's tanker is an attack.
    assert not has_incident_word(literal("A fuel tanker exploded near Dara, killing 12 people."))
    assert has_incident_word(literal("A fuel tanker driven by a suicide attacker exploded."))
    # An armed truce over a route or a tax is a truce of war.
    assert has_incident_word(literal("Rebels agreed a truce on Monday to reopen trade routes."))
    # "non-violent" holds no "violent".
    text = "Hundreds of students held a non-violent sit-in in Dara. Police watched."
    kept = summary_of(
        text,
        ("Hundreds of students held a violent sit-in in Dara.", [1]),
        ("Police watched.", [2]),
    )
    assert not any("violent sit-in" in s and "non-violent" not in s for s in kept)


def test_a_separate_riot_later_in_the_day_is_its_own_record() -> None:
    text = (
        "Police shot dead three protesters at a march in Dara on Monday.\n"
        "In the evening, rioters torched the governor's office in Dara."
    )
    force = {"ids": [1], "type": "Excessive force against protesters", "place": "Dara"}
    riot = {"ids": [2], "type": "Violent demonstration", "place": "Dara"}
    kinds = sorted(e.sub_event_type for e in events_of(text, force, riot))
    assert kinds == ["Excessive force against protesters", "Violent demonstration"]


def test_a_summary_may_not_swap_the_doer_of_a_passive_or_invent_a_claim() -> None:
    text = (
        "The Northland movement on Wednesday claimed that 27 members were kidnapped by the "
        "Kel group on Tuesday. The members were travelling from Dara on the main road."
    )
    kept = summary_of(
        text,
        ("The Northland movement kidnapped 27 members of the Kel group on Tuesday.", [1]),
        ("The Kel group claimed responsibility for the kidnapping.", [1]),
        ("The members were travelling from Dara on the main road.", [2]),
    )
    assert kept == ["The members were travelling from Dara on the main road."]
    # The doer as the article has it stands.
    kept = summary_of(
        text,
        ("The Kel group kidnapped 27 members of the Northland movement on Tuesday.", [1]),
        ("The members were travelling from Dara on the main road.", [2]),
    )
    assert len(kept) == 2


def test_a_figure_of_the_taken_is_no_toll() -> None:
    text = "27 members of a peace movement were kidnapped by gunmen near Dara on Tuesday."
    record = {"ids": [1], "type": "Abduction/forced disappearance", "place": "Dara"}
    (event,) = events_of(text, {**record, "fatalities": 27})
    assert event.fatalities is None


def test_a_courts_ruling_names_its_speaker() -> None:
    text = (
        "Laws barring sales to adults under 21 are unconstitutional, a federal appeals court "
        "said Tuesday. The panel said the age limit draws an arbitrary line."
    )
    kept = summary_of(
        text,
        (
            "The appeals court ruled that laws barring sales to adults under 21 are "
            "unconstitutional.",
            [1],
        ),
        ("The panel said the age limit draws an arbitrary line.", [2]),
    )
    assert kept[0].endswith("are unconstitutional.")  # no second speaker appended


def test_sample_27_kinds() -> None:
    # Rioters fighting are a riot, not an armed clash; rioters in a court story are none.
    text = "In Dara on Wednesday, rioters clashed along the peace line, with police struggling."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type == "Violent demonstration"
    text = "A man who pleaded guilty to breaching the chamber during the Dara riot was sentenced."
    assert events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"}) == []
    # Fire on protesters filed as a development is the protest's record.
    text = "One protester was killed in Dara after guards opened fire on demonstrators."
    (event,) = events_of(text, {"ids": [1], "type": "Other", "place": "Dara"})
    assert event.sub_event_type == "Excessive force against protesters"
    # Weapons seized filed as a clash: a disrupted use; a fight told keeps the clash.
    text = "Arms and ammunition have been seized from him in Dara, including rifles and grenades."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type == "Disrupted weapons use"
    # Bombers who "went off" are no ground attack; extremists who killed people at an
    # airport with no weapon named attacked, they did not clash.
    text = "Four female kamikazes went off near a bus station in Dara, killing two people."
    (event,) = events_of(text, {"ids": [1], "type": "Suicide bomb", "place": "Dara"})
    assert event.sub_event_type == "Suicide bomb"
    text = "Extremists have hit the terminal of Dara airport, killing dozens of people."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara airport"})
    assert event.sub_event_type == "Attack"


def test_a_mine_is_a_weapon_not_the_writers_first_person() -> None:
    assert (
        problems("Ten marines were wounded when a ground mine exploded under their convoy.") == []
    )
    assert problems("The land mine killed two soldiers near Dara on Monday.") == []
    assert problems("A friend of mine was at the rally in Dara on Monday.") != []


# A second review of this round's rules found these misfires; each is kept fixed.
def test_second_review_incidents_kept_apart_and_tolls_kept() -> None:
    text = (
        "A car bomb killed 5 people in Dara on Monday.\n"
        "In the second attack, gunmen killed 3 police officers."
    )
    bomb = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara", "fatalities": 5}
    raid = {"ids": [2], "type": "Armed clash", "fatalities": 3, "actor": "gunmen"}
    assert len(events_of(text, bomb, raid)) == 2
    text = (
        "Kel militants attacked the village of Dara on Monday, killing 4 villagers.\n"
        "The militants then attacked a nearby village, burning dozens of homes."
    )
    first = {"ids": [1], "type": "Attack", "place": "Dara", "fatalities": 4}
    nearby = {"ids": [2], "type": "Attack", "place": "a nearby village"}
    assert len(events_of(text, first, nearby)) == 2
    # A toll told with another death word stays.
    text = "Kel militants massacred 12 villagers in Dara on Monday."
    (event,) = events_of(text, {**first, "ids": [1], "fatalities": 12})
    assert event.fatalities == 12


def test_second_review_claims_and_swapped_doers() -> None:
    # A claim in other words than "claimed responsibility" is a claim.
    text = "A bomb exploded in Dara on Monday. The Kel group said it carried out the attack."
    kept = summary_of(
        text,
        ("A bomb exploded in Dara on Monday.", [1]),
        ("The Kel group claimed responsibility for the attack.", [2]),
    )
    assert len(kept) == 2
    # A group claiming its own fighter's act stays the claimant.
    text = (
        "A suicide bomber killed 12 people in Dara on Monday. The Kel group claimed that one "
        "of its fighters carried out the attack."
    )
    record = {
        "ids": [1, 2],
        "type": "Suicide bomb",
        "actor": "Kel group",
        "place": "Dara",
        "responsibility": "claimed",
        "claimed_by": "Kel group",
    }
    (event,) = events_of(text, record)
    assert event.actors.actor1 is not None and event.actors.actor1.value == "Kel group"
    # A reprisal is no swap.
    text = (
        "Five Northland soldiers were killed by Kel militants near Dara on Monday. Northland "
        "troops later killed 20 Kel militants in a raid on their camp."
    )
    kept = summary_of(
        text,
        ("Five Northland soldiers were killed by Kel militants near Dara on Monday.", [1]),
        ("Northland troops killed 20 Kel militants in a raid on their camp.", [1, 2]),
    )
    assert len(kept) == 2


def test_second_review_territory_and_ground_attacks() -> None:
    # Rebels retaking a town after troops withdrew are not the state.
    text = "Troops withdrew, and Kel rebels retook the town of Dara on Monday."
    record = {"ids": [1], "type": "Non-state actor overtakes territory", "place": "Dara"}
    assert all(e.sub_event_type != "Government regains territory" for e in events_of(text, record))
    # Captives handed over are no ground handed over.
    text = "Northland troops took control of Dara and handed over three captured fighters."
    (event,) = events_of(text, {**record, "type": "Government regains territory"})
    assert event.sub_event_type == "Government regains territory"
    # Shoppers shot, as police tell it, were attacked; no clash with the police.
    text = "A shooting at a market in Dara left five shoppers dead, police said."
    (event,) = events_of(text, {"ids": [1], "type": "Air/drone strike", "place": "Dara"})
    assert event.sub_event_type == "Attack"


def test_sample_28_territory_place_and_crashes() -> None:
    # The state's army and its allies capturing ground regain it; a shortened place
    # phrase keeps the name the article gives.
    text = (
        "The Northlandian army and allied fighters captured on Thursday a key neighborhood "
        "in the countryside of the eastern province of Dara, the army said."
    )
    record = {
        "ids": [1],
        "type": "Government regains territory",
        "actor": "Northlandian army",
        "place": "countryside of Dara",
    }
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Government regains territory"
    assert event.location.place is not None and event.location.place.value == "Dara"
    # A place the article never names is still no place: the record goes.
    assert events_of(text, {**record, "place": "outskirts of Northtown"}) == []
    # A road crash is an accident; a helicopter downed by a missile is not.
    text = "A man was airlifted to hospital with injuries after a serious crash near Dara."
    assert events_of(text, {"ids": [1], "type": "Air/drone strike", "place": "Dara"}) == []
    assert has_incident_word(literal("The helicopter crashed after being hit by a missile."))


def test_the_lede_filling_adds_no_line_in_a_speakers_own_voice() -> None:
    text = (
        "Ali Noor released campaign ads in Dara on Saturday.\n"
        "Noor speaks in Kel:\n"
        "The mayor closed the schools while his own children went to a private school.\n"
        "He closed restaurants while he dined in the finest one, where wine costs $1,000!"
    )
    summary = [
        {"text": "Ali Noor released campaign ads in Dara on Saturday.", "ids": [1]},
        {"text": "Noor spoke in Kel in the ads.", "ids": [2]},
    ]
    settings = Settings(backend="local", max_reasks=0, rereads=0)
    answer = {"summary": summary, "events": []}
    result = summarize(text, backend=FakeBackend(answer), settings=settings)
    said = " ".join(s.text for s in result.summary)
    assert "wine" not in said and "private school" not in said


def test_a_live_pages_header_is_no_sentence() -> None:
    header = "The Latest on unrest in Dara's northern region (all times local): 8 p.m."
    assert problems(header) != []
    assert problems("The latest figures show 12 people were hurt in Dara on Monday.") == []
