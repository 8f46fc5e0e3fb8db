"""Edge cases of issue #15's rules, each a misfire a review found on invented sentences:
the rule must fire on the pattern of news it encodes and leave the look-alike alone.

Fake answers are hand-written fixtures; the article texts are written for the test.
"""

from __future__ import annotations

import pytest
from fakes import events_of

from summarizer.article import clean_text
from summarizer.checks.attribution import claimant_in, claims_responsibility
from summarizer.checks.clauses import speaker_of
from summarizer.checks.figurative import literal
from summarizer.checks.wellformed import asks_reader, says_nothing
from summarizer.rules.act_actor import names_a_weapon
from summarizer.rules.attribution import _speaker_phrase
from summarizer.rules.citations import _reports_nothing
from summarizer.rules.incident import has_incident_word
from summarizer.rules.perpetrator import unnamed_attackers
from summarizer.rules.sub_type import ground_kind, one_sided_kind


def test_a_wrapped_line_of_a_sentence_is_never_page_furniture() -> None:
    wrapped = (
        "Police in Dara on Monday urged residents to\n"
        "sign up for email alerts while the hunt for\n"
        "the gunmen went on, officials said."
    )
    text, notes = clean_text(wrapped)
    assert "sign up for email alerts" in text
    assert not any("furniture" in n for n in notes)


def test_stormed_is_no_storm() -> None:
    sentence = "Rebels stormed an army post outside Dara late on Sunday, and troops killed six."
    assert has_incident_word(literal(sentence))


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Police said the Dara Liberation Front claimed responsibility.", "Dara Liberation Front"),
        (
            "The Movement for Justice and Equality claimed responsibility.",
            "Movement for Justice and Equality",
        ),
        ("The Dara Front in a statement on its website claimed responsibility.", None),
        ("The Dara Front denied claiming responsibility.", None),
        ("It claimed responsibility on Monday.", None),
    ],
)
def test_the_claimant_is_the_name_right_before_the_claim(
    sentence: str, claimant: str | None
) -> None:
    assert claimant_in(sentence) == claimant


def test_a_word_ending_in_no_is_no_negation() -> None:
    assert claims_responsibility("A Filipino militant group claimed responsibility.")
    assert not claims_responsibility("No group has claimed responsibility.")


@pytest.mark.parametrize(
    "sentence",
    [
        "As rebels retreated, the army shelled the town.",
        "Three militants killed in the raid were identified on Tuesday.",
        "Two militants shot by police died in hospital.",
    ],
)
def test_no_unnamed_attackers_where_they_are_not_the_doers(sentence: str) -> None:
    assert unnamed_attackers(sentence) is None


def test_remote_violence_in_other_words_stays_remote() -> None:
    text = "The air force bombed hideouts near Dara, two days after gunmen ambushed a patrol."
    assert ground_kind(text) is None


def test_an_assault_beaten_back_is_a_clash_not_a_strike() -> None:
    text = (
        "The militants' attack to capture the army's positions near the Dara airbase was "
        "fended off by the troops."
    )
    assert ground_kind(text) == "Armed clash"
    # A person "repulsed" by a killing is no side beating back an attack.
    text = "Ali Noor said he was repulsed after gunmen shot dead three villagers in Dara."
    assert one_sided_kind(text) == "Attack"


def test_a_toll_is_not_zero_where_deaths_are_told_without_a_figure() -> None:
    text = "A bomb exploded in Dara. Nobody was hurt at first, but several were killed later."
    bomb = {"ids": [1, 2], "type": "Remote explosive/landmine/IED", "place": "Dara"}
    (event,) = events_of(text, bomb)
    assert event.fatalities is None


def test_an_earlier_toll_at_the_same_place_is_not_taken() -> None:
    text = (
        "A bomb exploded at the Dara market on Monday.\n"
        "Last month, a bombing at the Dara market killed 14 people."
    )
    bomb = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "the Dara market"}
    (event,) = events_of(text, bomb)
    assert event.fatalities is None


def test_a_passive_report_says_what_happened() -> None:
    assert says_nothing("The ceasefire was announced on Monday.") is None
    assert says_nothing("The ministry said in a statement on Tuesday.") is not None


def test_speakers_are_people_not_clauses_or_possessives() -> None:
    assert speaker_of("Three people were reported killed in Dara on Monday.") is None
    assert speaker_of("The rebels’ spokesman said the town had fallen.") == "The rebels’ spokesman"
    # A name with an abbreviation's or a title's dots is one speaker.
    said = "The officer acted lawfully, the U.S. Capitol Police announced Monday."
    assert speaker_of(said) == "the U.S. Capitol Police"
    assert speaker_of("The talks failed, Gen. Ali Noor told reporters.") == "Gen. Ali Noor"
    # ... also when the sentence opens with the speaker, and a party label is no part of
    # the name.
    opening = "Northland Gov. Ali Noor (D) said Sunday that there was no evidence of a plot."
    assert speaker_of(opening) == "Northland Gov. Ali Noor"
    assert speaker_of("Sen. Kel Dara (R-N.Y.) said the bill would pass.") == "Sen. Kel Dara"
    assert speaker_of("U.S. officials said the strike hit a depot.") == "U.S. officials"


def test_a_denied_accusation_makes_nothing_alleged() -> None:
    text = (
        "A senior officer was killed when a bomb exploded under his car in Dara.\n"
        "Officials have not blamed any group for the attack."
    )
    bomb = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara"}
    (event,) = events_of(text, {**bomb, "actor": "A senior officer", "target": "A senior officer"})
    assert event.responsibility == "unknown"


def test_a_former_office_in_a_victims_description_is_no_history() -> None:
    text = "Gunmen shot dead a former aide to then-President Ali Noor in Dara on Monday."
    attack = {"ids": [1], "type": "Attack", "place": "Dara"}
    assert len(events_of(text, attack)) == 1


@pytest.mark.parametrize(
    ("line", "nothing"),
    [
        ("Aliases: Abu Karim, Saleh, Abu Mariam", True),
        ("Casualties: 12 dead, 30 wounded", False),
        ("Death toll: 14", False),
        ("Three died.", False),
    ],
)
def test_a_label_line_is_a_list_of_names(line: str, nothing: bool) -> None:
    assert _reports_nothing(line) is nothing


def test_a_unit_named_for_its_weapon_is_a_party() -> None:
    assert names_a_weapon("rockets") and not names_a_weapon("Royal Artillery")


def test_the_speaker_of_another_partys_claim_is_not_the_doer() -> None:
    text = (
        "Militants stormed a police post in Dara, the army said. "
        "The Dara Front claimed responsibility."
    )
    attack = {"ids": [1, 2], "type": "Armed clash", "place": "Dara", "actor": "the army"}
    (event,) = events_of(text, attack)
    assert event.actors.actor1 is not None and event.actors.actor1.value != "the army"


def test_state_media_is_a_source_not_an_order() -> None:
    text = (
        "A farmer was killed when government supporters attacked troops at a checkpoint "
        "in Dara on Monday, state media and activists reported."
    )
    clash = {"ids": [1], "type": "Armed clash", "place": "Dara"}
    (event,) = events_of(text, {**clash, "source": "state media and activists reported"})
    assert event.reported_by is not None


def test_would_be_bombers_who_blew_themselves_up_are_reported() -> None:
    text = "Two would-be suicide bombers blew themselves up before reaching a checkpoint in Dara."
    (event,) = events_of(text, {"ids": [1], "type": "Suicide bomb"})
    assert event.actors.actor1 is not None
    assert event.actors.actor1.value == "would-be suicide bombers"


def test_jets_that_struck_report_a_strike_at_the_articles_place() -> None:
    text = "Northland jets destroyed weapon depots in northern Dara, the military said."
    strike = {"ids": [1], "type": "Air/drone strike", "place": "northwestern Dara"}
    (event,) = events_of(text, strike)
    assert event.location.place is not None and event.location.place.value == "Dara"


def test_violence_against_civilians_filed_as_another_kind_is_retyped_not_dropped() -> None:
    text = "A unit of the Northland security forces raped women as they cleared a camp in Dara."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type == "Sexual violence"
    text = "Seven people were murdered by vigilantes in Dara last week, officials said."
    (event,) = events_of(text, {"ids": [1], "type": "Other", "place": "Dara"})
    assert event.sub_event_type == "Attack"


def test_the_accused_party_is_named_without_the_day() -> None:
    text = "A rights group accused Northland security forces on Thursday of raping women in Dara."
    rape = {"ids": [1], "type": "Sexual violence", "place": "Dara", "actor": "A rights group"}
    (event,) = events_of(text, rape)
    assert event.actors.actor1 is not None
    assert event.actors.actor1.value == "Northland security forces"
    assert event.responsibility == "alleged"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Police suppressed a peaceful student demonstration in Dara on Monday.",
            "Protest with intervention",
        ),
        (
            "Police used smoke grenades and pepper canisters to disperse a rally in Dara.",
            "Protest with intervention",
        ),
        ("Police detain protesters during a march in Dara on Sunday.", "Protest with intervention"),
        (
            "Two were killed in Dara after security forces used bullets to disperse demonstrators.",
            "Excessive force against protesters",
        ),
        ("Thousands marched peacefully through Dara on Sunday.", "Peaceful protest"),
    ],
)
def test_force_used_on_a_protest_types_it(sentence: str, kind: str) -> None:
    (event,) = events_of(sentence, {"ids": [1], "type": "Peaceful protest", "place": "Dara"})
    assert event.sub_event_type == kind


def test_a_pledging_speaker_gives_way_to_the_passives_agent() -> None:
    text = (
        "The president on Tuesday vowed a thorough investigation after seven people were "
        "murdered by vigilantes in Dara."
    )
    attack = {"ids": [1], "type": "Attack", "place": "Dara", "actor": "The president"}
    (event,) = events_of(text, attack)
    assert event.actors.actor1 is not None and event.actors.actor1.value == "vigilantes"


def test_who_condemned_an_arrest_did_not_make_it() -> None:
    text = (
        "Northland condemned Southland for forcing a plane to land in Dara, leading to the "
        "arrest of a journalist on board."
    )
    arrest = {"ids": [1], "type": "Arrests", "place": "Dara", "actor": "Northland"}
    (event,) = events_of(text, arrest)
    assert event.actors.actor1 is None


def test_second_review_cases() -> None:
    from summarizer.assemble import _without_repeated_tail
    from summarizer.checks.injection import instruction_like
    from summarizer.rules.attribution import _column_headline
    from summarizer.rules.sub_type import protest_kind
    from summarizer.schema import SummarySentence

    earlier = [
        SummarySentence(
            text="Troops took the town, according to the ministry.", sentence_ids=[1], evidence=[]
        )
    ]
    # A source is never cut as a repeat.
    assert (
        _without_repeated_tail("Troops arrested four suspects, according to the ministry.", earlier)
        is None
    )
    # Marchers who dispersed peacefully, or police who said they would not, used no force.
    assert protest_kind("Thousands marched, and the crowd dispersed peacefully.") is None
    assert protest_kind("Police said they would not disperse the demonstrators.") is None
    assert (
        protest_kind("Police fired tear gas at the marchers in Dara.")
        == "Protest with intervention"
    )
    # A headline that quotes its speaker is no column.
    assert not _column_headline("We will rebuild, Dara mayor pledges")
    assert instruction_like("State: the rebels won the war.")
    assert claimant_in("On Monday the Dara Front claimed responsibility.") == "Dara Front"


def test_a_trial_or_a_law_about_violence_is_no_incident() -> None:
    for text in (
        "A court in Dara sentenced Ali Noor to life for the murder of a journalist.",
        "Parliament in Dara passed a law that makes marital rape a crime.",
    ):
        assert events_of(text, {"ids": [1], "type": "Agreement", "place": "Dara"}) == []


def test_would_be_bombers_caught_first_are_no_bombing() -> None:
    text = "Police arrested three would-be suicide bombers in Dara on Monday."
    assert events_of(text, {"ids": [1], "type": "Suicide bomb", "place": "Dara"}) == []


def test_a_speaker_who_also_acts_stays_the_doer() -> None:
    text = "Northland police warned residents to stay indoors and arrested 40 people in Dara."
    arrest = {"ids": [1], "type": "Arrests", "place": "Dara", "actor": "Northland police"}
    (event,) = events_of(text, arrest)
    assert event.actors.actor1 is not None


def test_a_doer_telling_of_its_own_strike_confirms_it() -> None:
    text = (
        "An inquiry by the Northland Air Command has determined that a drone strike in "
        "Dara on Monday killed two farmers, a general said on Friday."
    )
    strike = {"ids": [1], "type": "Air/drone strike", "place": "Dara", "fatalities": 2}
    answer = {**strike, "actor": "Northland Air Command", "responsibility": "claimed"}
    (event,) = events_of(text, answer)
    assert event.responsibility == "confirmed"
    # A denial, an inquiry or a monitor's report confirms nothing.
    for told, actor in (
        (
            "The Northland army said it had not carried out any air strike in Dara.",
            "Northland army",
        ),
        ("A strike hit Dara and the Northland army said it was investigating.", "Northland army"),
        ("The Dara Monitor reported that an air strike killed four in Dara.", "Dara Monitor"),
    ):
        (event,) = events_of(told, {**strike, "actor": actor, "responsibility": "claimed"})
        assert event.responsibility == "unknown", told
    # Told by someone else, the strike stays unknown: the speaker is not its doer.
    other = {**strike, "actor": "Southland militias", "responsibility": "claimed"}
    (event,) = events_of(text.replace("Northland Air Command", "a rights group"), other)
    assert event.responsibility == "unknown"


def test_a_lede_summing_incidents_in_several_places_is_no_records_toll() -> None:
    text = (
        "Two suicide bombings killed over 48 people in Dara and Northtown on Tuesday.\n"
        "The first attack, at a rally in Dara, killed 26 people."
    )
    bomb = {"ids": [1, 2], "type": "Suicide bomb", "place": "Dara", "fatalities": 48}
    (event,) = events_of(text, bomb)
    assert event.fatalities == 26
    # The other place's record does not take this one's figure.
    (event,) = events_of(text, {**bomb, "place": "Northtown"})
    assert event.fatalities is None
    # A sum of another time's incidents is not this record's.
    later = (
        "A suicide bomber killed 12 people at a market in Dara on Monday, a week after two "
        "bombings in Northtown and Kel."
    )
    (event,) = events_of(later, {**bomb, "ids": [1], "fatalities": 12})
    assert event.fatalities == 12
    # Twin blasts at one place are one event: their sum is its toll.
    one_place = "Twin blasts killed 48 people at a market in Dara on Tuesday."
    (event,) = events_of(one_place, {**bomb, "ids": [1], "type": "Remote explosive/landmine/IED"})
    assert event.fatalities == 48


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("The siege became a metaphor this past year, didn't it?", True),
        ("Who pays for the war?", True),
        ("The governor asked: “What is wrong with us?”", False),
        ("He asked whether the talks would resume.", False),
    ],
)
def test_the_writers_own_question_is_no_summary_sentence(sentence: str, asks: bool) -> None:
    assert asks_reader(sentence) is asks


def test_a_country_is_no_crowd_of_its_own_protest() -> None:
    text = "Thousands of protesters marched in Northland on Sunday, demanding elections."
    protest = {"ids": [1], "type": "Peaceful protest", "place": "Northland"}
    (event,) = events_of(text, {**protest, "actor": "Northland"})
    assert event.actors.actor1 is None


@pytest.mark.parametrize(
    "evidence",
    [
        "A transit employee killed eight co-workers at a rail yard in Dara on Wednesday.",
        "It was the latest in a spate of mass shootings in Northland.",
    ],
)
def test_a_gunman_killing_people_at_work_is_no_armed_clash(evidence: str) -> None:
    assert one_sided_kind(evidence) == "Attack"


def test_a_speaker_spaced_with_no_break_spaces_reads_as_one_name() -> None:
    assert _speaker_phrase("The\xa0Dara administration") == "the Dara administration"


def test_tear_gas_on_protesters_typed_as_a_strike_is_the_protests_record() -> None:
    evidence = "Police officers fired tear gas at protesters in Dara on Monday."
    assert ground_kind(evidence) == "Protest with intervention"
    # Tear gas beside a ground attack leaves the attack.
    assert ground_kind("Gunmen stormed the Dara prison; guards fired tear gas.") == "Attack"
    # A remote weapon that killed people stays remote violence.
    assert ground_kind("A roadside device killed three people in Dara.") is None
    # A strike named as such stays remote violence.
    assert ground_kind("A drone strike hit protesters in Dara on Monday.") is None


def test_the_police_that_broke_up_a_protest_are_not_its_crowd() -> None:
    text = "Police fired tear gas to disperse hundreds of protesters in Dara on Monday."
    protest = {"ids": [1], "type": "Protest with intervention", "place": "Dara"}
    (event,) = events_of(text, {**protest, "actor": "Police"})
    assert event.actors.actor1 is None
    # Firing on them, the police act first (ACLED's excessive force: the force is actor1).
    fired = "Police opened fire on protesters in Dara on Monday, killing two."
    lethal = {**protest, "type": "Excessive force against protesters", "actor": "Police"}
    (event,) = events_of(fired, lethal)
    assert event.actors.actor1 is not None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The blast hit Dara, a town near the U.S. base where officials said four died.",
            "officials",
        ),
        ("Gunmen hit the market, near Gate B. Police said four died.", None),
    ],
)
def test_a_speaker_is_never_a_place_or_a_lone_initial(sentence: str, speaker: str | None) -> None:
    assert speaker_of(sentence) == speaker


def test_one_protest_told_in_two_phases_is_one_record_with_the_force_used() -> None:
    text = (
        "Protesters removed the fences near the parliament in Dara on Sunday.\n"
        "Security forces fired tear gas to disperse hundreds of protesters in Dara."
    )
    march = {"ids": [1], "type": "Peaceful protest", "actor": "Protesters", "place": "Dara"}
    force = {"ids": [2], "type": "Protest with intervention", "place": "Dara"}
    (event,) = events_of(text, march, force)
    assert event.sub_event_type == "Protest with intervention"
    assert event.sentence_ids == [1, 2]
    assert event.actors.actor1 is not None and event.actors.actor1.value == "Protesters"
    # Protests in two places stay two.
    text = "Protesters marched in Dara on Sunday.\nProtesters marched in Northtown on Sunday."
    first = {"ids": [1], "type": "Peaceful protest", "place": "Dara"}
    second = {"ids": [2], "type": "Peaceful protest", "place": "Northtown"}
    assert len(events_of(text, first, second)) == 2
    # Two crowds, or a later day, are two protests.
    text = "Teachers protested in Dara.\nFarmers marched in Dara, and police shot two dead."
    teachers = {"ids": [1], "type": "Peaceful protest", "actor": "Teachers", "place": "Dara"}
    farmers = {
        "ids": [2],
        "type": "Excessive force against protesters",
        "actor": "Police",
        "place": "Dara",
    }
    assert len(events_of(text, teachers, farmers)) == 2
    text = (
        "Students protested in Dara.\nTwo days later, police fired tear gas at protesters in Dara."
    )
    students = {"ids": [1], "type": "Peaceful protest", "actor": "Students", "place": "Dara"}
    assert len(events_of(text, students, {**force, "ids": [2]})) == 2


def test_police_dispersing_rioters_is_still_the_riot() -> None:
    text = "Police in Dara used a water cannon and tear gas to disperse a crowd of rioters."
    riot = {"ids": [1], "type": "Violent demonstration", "place": "Dara"}
    (event,) = events_of(text, riot)
    assert event.sub_event_type == "Violent demonstration"
    # The police's kit, an accusation or a denial tells no riot.
    for text in (
        "Anti-riot forces fired tear gas to disperse protesters in Dara.",
        "Police fired tear gas to disperse protesters in Dara. Officials accused them of looting.",
        "Police fired tear gas to disperse protesters in Dara. No stones were thrown.",
    ):
        record = {**riot, "ids": [1, 2] if text.count(".") == 2 else [1]}
        (event,) = events_of(text, record)
        assert event.sub_event_type == "Protest with intervention", text


def test_a_looting_spree_is_property_destruction() -> None:
    text = "Hundreds of locals went on a looting spree in Dara despite police reinforcements."
    looting = {"ids": [1], "type": "Looting/property destruction", "place": "Dara"}
    (event,) = events_of(text, looting)
    assert event.sub_event_type == "Looting/property destruction"


def test_a_value_written_in_a_later_cited_sentence_beats_a_near_match_in_an_earlier_one() -> None:
    text = (
        "A group of militants detonated car bombs in Dara.\n"
        "Police said the militants attacked the police headquarters in Dara."
    )
    bomb = {
        "ids": [1, 2],
        "type": "Remote explosive/landmine/IED",
        "actor": "the militants",
        "place": "Dara",
    }
    (event,) = events_of(text, bomb)
    assert event.actors.actor1 is not None and event.actors.actor1.value == "the militants"


def test_a_clash_record_that_tells_only_towns_taken_is_a_takeover() -> None:
    text = (
        "The president said he sought to prevent bloodshed, as the rebels tightened their "
        "grip on Northland, seizing two more provincial capitals."
    )
    clash = {"ids": [1], "type": "Armed clash", "place": "Northland"}
    (event,) = events_of(text, clash)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    # The army taking a town is the government's; a fight stays a clash.
    text = "The army captured the town of Dara on Monday."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type == "Government regains territory"
    text = "Rebels clashed with troops and seized the town of Dara on Monday."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        "Police seized weapons in the city of Dara.",  # weapons taken, not the city
        "Rebels captured 12 soldiers in Dara.",
        "Gunmen took the wife of Ali Noor in Dara, killing two guards.",
        "Rebels killed 12 soldiers in Dara, three years after the army captured the city.",
    ],
)
def test_a_clash_record_with_no_towns_taken_is_not_a_takeover(text: str) -> None:
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    # Weapons seized with no fight are a disrupted use (issue #15, tenth round).
    kept = "Disrupted weapons use" if text.startswith("Police seized") else "Armed clash"
    assert event.sub_event_type == kept


def test_a_takeover_typed_as_the_governments_is_the_side_the_words_tell() -> None:
    text = "As the rebels tightened their grip, they seized two more provincial capitals."
    regain = {"ids": [1], "type": "Government regains territory", "place": "provincial capitals"}
    (event,) = events_of(text, regain)
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_the_state_taking_towns_is_told_by_its_forces_not_by_who_said_it() -> None:
    text = "Security forces said militants captured three villages near Dara."
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A tally over a period is no incident, even with the day its figures came out ...
        (
            "Border agents in Northland have made more than a million arrests so far this "
            "year, according to figures released Friday.",
            False,
        ),
        (
            "Agents in Northland made 178,000 arrests in June, a 3% increase over the prior month.",
            False,
        ),
        # ... but a day of today's incident, or one incident singled out, is reported.
        (
            "Police in Northland arrested 40 people on Monday, bringing this year's total to 900.",
            True,
        ),
        ("In the largest raid this year, police in Northland arrested 40 people.", True),
        # A count of people, or a period told of something else, is no tally.
        ("Police in Northland arrested 12 people, the third such raid this year.", True),
        (
            "Police in Northland arrested a man who had attacked a bus driver earlier this year.",
            True,
        ),
    ],
)
def test_a_tally_over_a_period_is_no_incident(text: str, kept: bool) -> None:
    arrests = {"ids": [1], "type": "Arrests", "place": "Northland"}
    assert len(events_of(text, arrests)) == int(kept)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Fire traded in words or a sport's tie-break is no battle; in a fight it is.
        ("The two parties in Northtown skirmished over the budget on Monday.", False),
        ("Northtown won the penalty shoot-out on Sunday.", False),
        ("Lawmakers in Northtown exchanged fire over the bill.", False),
        ("Soldiers and militants exchanged fire in Northtown on Monday.", True),
    ],
)
def test_fire_traded_in_words_is_no_battle(text: str, kept: bool) -> None:
    clash = {"ids": [1], "type": "Armed clash", "place": "Northtown"}
    assert len(events_of(text, clash)) == int(kept)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # An attack told of the people a lawsuit or a hearing is about is not reported ...
        (
            "Police officers in Northtown who were attacked during the riot filed a lawsuit "
            "on Thursday.",
            False,
        ),
        ("Families of those who were killed in the Northtown bombing testified on Tuesday.", False),
        # ... but the same clause in a report of the attack, or its aftermath, is.
        ("Two officers who were attacked in Northtown on Monday remain in hospital.", True),
    ],
)
def test_an_attack_in_a_lawsuits_relative_clause_is_no_report(text: str, kept: bool) -> None:
    attack = {"ids": [1], "type": "Attack", "place": "Northtown"}
    assert len(events_of(text, attack)) == int(kept)


def test_a_record_value_holds_its_field_and_nothing_of_the_clause() -> None:
    text = (
        "Militants carried out two grenade attacks on security forces in the area of the "
        "town of Kel, on Friday, police said.\n"
        "A mob beat a man accused of cattle theft in Dara.\n"
        "Forces used chlorine gas on a village near Northtown, killing six, a monitor said."
    )
    grenade = {
        "ids": [1],
        "type": "Grenade",
        "actor": "militants",
        "place": "the area of the town of Kel, on Friday",
        "source": "police said",
    }
    mob = {"ids": [2], "type": "Mob violence", "actor": "A mob", "place": "accused of cattle theft"}
    gas = {"ids": [3], "type": "Chemical weapon", "actor": "Forces", "target": "chlorine gas"}
    first, second, third = events_of(text, grenade, mob, gas)
    assert first.location.place is not None
    assert first.location.place.value == "the area of the town of Kel"
    assert first.reported_by is not None and first.reported_by.value == "police"
    assert second.location.place is None  # a clause's piece is no place
    assert third.target is None  # the weapon is not who was hit


def test_the_place_is_never_the_records_own_actor() -> None:
    text = "The warring Northland groups exchanged six more prisoners on Monday."
    swap = {
        "ids": [1],
        "type": "Agreement",
        "actor": "The warring Northland groups",
        "place": "The warring Northland groups",
    }
    (event,) = events_of(text, swap)
    assert event.location.place is None


def test_a_party_that_denies_the_attack_is_not_its_doer() -> None:
    text = (
        "A bomb killed 17 people at a market in Dara on Monday.\n"
        "Dara Front spokesman Ali Noor denied his group was responsible for the attack."
    )
    bomb = {"ids": [1, 2], "type": "Remote explosive/landmine/IED", "actor": "Dara Front"}
    (event,) = events_of(text, {**bomb, "place": "Dara"})
    assert event.actors.actor1 is None
    # Its own act, told with another's denial, stays its own.
    text = "Dara Front fighters shot dead two guards in Kel, though the army denied any losses."
    shot = {"ids": [1], "type": "Attack", "actor": "Dara Front fighters", "place": "Kel"}
    (event,) = events_of(text, shot)
    assert event.actors.actor1 is not None


def test_the_wounded_in_words_are_the_records_injuries() -> None:
    text = (
        "Two soldiers were killed and ten others were wounded as militants detonated a "
        "bomb in Kel on Tuesday, officials said."
    )
    bomb = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Kel", "killed": 2}
    (event,) = events_of(text, {**bomb, "injured": 10})
    assert event.fatalities == 2 and event.injuries == 10


def test_a_demolition_and_a_collapse_are_nobodys_attack() -> None:
    text = (
        "Rescuers resumed the search for victims at a collapsed condo building in Dara after "
        "demolition crews set off explosives that brought down the rest of the building."
    )
    blast = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara"}
    assert events_of(text, {**blast, "actor": "demolition crews"}) == []
    # Militants' explosives that brought a post down are an attack.
    text = "Militants set off explosives that demolished a police post in Dara, killing three."
    assert len(events_of(text, {**blast, "actor": "Militants"})) == 1


def test_munitions_dropped_are_an_attack() -> None:
    text = (
        "Chlorine munitions were likely dropped on a neighbourhood of Dara in June, a "
        "chemical weapons watchdog said on Monday."
    )
    gas = {"ids": [1], "type": "Chemical weapon", "place": "Dara"}
    (event,) = events_of(text, gas)
    assert event.sub_event_type == "Chemical weapon"
    # A depot of munitions is no incident.
    text = "The army opened a new munitions depot near Dara on Monday."
    assert events_of(text, gas) == []


def test_an_unplaced_record_takes_the_place_its_sentence_names() -> None:
    text = "A civilian was killed in a grenade attack late Tuesday in Kel, the capital of Dara."
    grenade = {"ids": [1], "type": "Grenade", "killed": 1}
    (event,) = events_of(text, grenade)
    assert event.location.place is not None and event.location.place.value == "Kel"
    text = (
        "Sixteen people were killed when a bomb blew up in the southern Northland province of Dara."
    )
    (event,) = events_of(text, {**grenade, "type": "Remote explosive/landmine/IED"})
    assert event.location.place is not None and event.location.place.value == "Dara"
    # A month is no place.
    text = "A bomb exploded in March, killing two, police said."
    assert events_of(text, {**grenade, "type": "Remote explosive/landmine/IED"}) == []


def test_a_natural_disasters_dead_are_no_attacks() -> None:
    text = "Deaths in Sunday's violent volcanic eruption in Dara rose to 99, officials said."
    strike = {"ids": [1], "type": "Air/drone strike", "place": "Dara", "killed": 99}
    assert events_of(text, strike) == []


def test_a_weapons_programme_is_no_attack() -> None:
    text = "The launch revealed a space program that could speed Northland's missile development."
    strike = {"ids": [1], "type": "Shelling/artillery/missile attack", "actor": "Northland"}
    assert events_of(text, strike) == []
    # A strike on a programme's factory is an attack.
    text = "A missile strike hit the drone factory in Kel on Monday, killing three workers."
    assert len(events_of(text, {**strike, "place": "Kel"})) == 1


def test_an_insurrection_named_by_its_day_is_background() -> None:
    text = (
        "Ali Noor will lead the Northland police in the aftermath of the violent Jan. 6 "
        "insurrection in which a crowd stormed the assembly."
    )
    riot = {"ids": [1], "type": "Violent demonstration", "actor": "a crowd", "place": "Northland"}
    assert events_of(text, riot) == []


def test_a_place_a_party_or_a_source_is_read_narrowly() -> None:
    # The doer's name, a person's convoy, a holiday: no place of the incident.
    for text in (
        "Five soldiers were killed in a Kel Front ambush on Monday.",
        "A bomb exploded near Governor Ali Noor's convoy, killing two.",
        "A bomb killed three worshippers in Ramadan prayers.",
    ):
        events = events_of(text, {"ids": [1], "type": "Attack", "killed": 2})
        assert all(e.location.place is None for e in events), text
    text = (
        "Northland forces shelled Kel on Monday, killing six, the WHO said.\n"
        "Gunmen from a group called the Kel Front attacked a checkpoint on Highway 7 near Kel."
    )
    shelling = {
        "ids": [1],
        "type": "Shelling/artillery/missile attack",
        "actor": "Northland forces",
        "other": "Kel",
        "place": "Kel",
        "source": "WHO said",
    }
    attack = {
        "ids": [2],
        "type": "Attack",
        "actor": "Gunmen from a group called the Kel Front",
        "place": "a checkpoint on Highway 7 near Kel",
    }
    first, second = events_of(text, shelling, attack)
    assert first.location.place is not None and first.location.place.value == "Kel"
    assert first.reported_by is not None and first.reported_by.value == "WHO"
    assert second.actors.actor1 is not None
    assert second.actors.actor1.value == "Gunmen from a group called the Kel Front"
    assert second.location.place is not None
    assert second.location.place.value == "a checkpoint on Highway 7 near Kel"


def test_an_attack_beside_a_disaster_word_stays_an_attack() -> None:
    for text in (
        "Security forces killed four protesters who tried to storm the parliament in Dara.",
        "Rescuers pulled victims of the missile strike from the rubble of a building in Dara.",
        "Two people were killed in a drone strike in Dara, which has been hit by floods.",
    ):
        assert len(events_of(text, {"ids": [1], "type": "Attack", "place": "Dara"})) == 1, text


def test_a_claim_beside_a_denial_keeps_its_doer() -> None:
    text = "The Kel Front claimed the bombing in Dara but denied involvement in a shooting."
    bomb = {"ids": [1], "type": "Remote explosive/landmine/IED", "actor": "The Kel Front"}
    (event,) = events_of(text, {**bomb, "place": "Dara"})
    assert event.actors.actor1 is not None


def test_a_protest_with_banks_set_ablaze_is_a_riot_in_its_first_town() -> None:
    text = "Protests erupted in Kel and spread to other cities on Tuesday, with banks set ablaze."
    protest = {"ids": [1], "type": "Peaceful protest", "place": "Kel and spread to other cities"}
    (event,) = events_of(text, protest)
    assert event.sub_event_type == "Violent demonstration"
    assert event.location.place is not None and event.location.place.value == "Kel"


def test_sides_that_exchanged_prisoners_made_an_agreement() -> None:
    text = (
        "Rebels and government forces exchanged prisoners and dead fighters near Kel, the "
        "scene of some of the fiercest fighting in months."
    )
    clash = {"ids": [1], "type": "Armed clash", "actor": "Rebels and government forces"}
    (event,) = events_of(text, {**clash, "place": "Kel"})
    assert event.sub_event_type == "Agreement"


def test_a_drone_unit_a_drone_found_and_a_feared_attack_report_nothing() -> None:
    strike = {"ids": [1], "type": "Air/drone strike", "actor": "the Guards", "place": "Kel"}
    text = "The Guards said they have formed a drone unit with bases in Kel."
    assert events_of(text, strike) == []
    text = "A drone found in Kel triggered fears of potential attacks, the Guards said."
    assert events_of(text, strike) == []
    for attack in (
        "Drones struck a fuel depot in Kel on Monday, the Guards said.",
        "The Guards launched 120 drones at Kel overnight.",
    ):
        assert len(events_of(attack, strike)) == 1, attack
    # A feared incident's lead-in stops at a clause of its own.
    text = "Northland warned of reprisals after militants killed 12 soldiers in Kel on Monday."
    attack = {"ids": [1], "type": "Attack", "actor": "militants", "place": "Kel"}
    assert len(events_of(text, attack)) == 1


def test_an_arrest_filed_as_a_strike_is_an_arrest() -> None:
    text = (
        "Northland police have arrested a man who landed a drone on the roof of a ministry in Kel."
    )
    strike = {"ids": [1], "type": "Air/drone strike", "actor": "Northland police", "place": "Kel"}
    (event,) = events_of(text, strike)
    assert event.sub_event_type == "Arrests"
    # A court that ordered an arrest made none.
    text = "A court in Kel ordered the arrest of a former minister on Monday."
    assert events_of(text, {**strike, "actor": "A court"}) == []


def test_a_speaker_inside_a_relative_clause_is_the_speaker() -> None:
    said = "Gunmen attacked a cafe in Kel in an assault that police said was linked to the Front."
    assert speaker_of(said) == "police"
    assert speaker_of("The strike, which officials said killed 12, hit a market.") == "officials"
    assert speaker_of("It was the attack that he said was planned.") is None


def test_a_name_with_state_in_it_is_no_speech() -> None:
    from summarizer.checks.attribution import SPEECH

    assert SPEECH.search("The bombing was linked to the Islamic State group.") is None
    assert SPEECH.search("The ministry stated that three people died.")


def test_rebels_that_have_taken_over_localities_overtook_territory() -> None:
    text = "An army spokesman said the Mai Mai rebels have taken over four localities in Kel."
    clash = {"ids": [1], "type": "Armed clash", "actor": "Mai Mai rebels", "place": "Kel"}
    (event,) = events_of(text, clash)
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_an_explosion_ripping_through_a_warehouse_is_an_accident() -> None:
    text = (
        "An engineer was killed on Thursday when an explosion ripped through a warehouse of "
        "petroleum products at an oil company in Kel."
    )
    blast = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Kel", "killed": 1}
    assert events_of(text, blast) == []
    text = "Three workers were killed when militants set off a bomb at a factory in Kel."
    assert len(events_of(text, blast)) == 1


def test_second_review_misfires_stay_fixed() -> None:
    # A fight while a swap is talked about is a fight; a swap in another time is too.
    clash = {"ids": [1], "type": "Armed clash", "actor": "rebels", "place": "Kel"}
    for text in (
        "Fighting between rebels and the army raged in Kel on Monday as talks on a "
        "prisoner swap stalled.",
        "Rebels attacked an army post in Kel on Monday, killing five soldiers, a week after "
        "the two sides exchanged prisoners.",
    ):
        assert [e.sub_event_type for e in events_of(text, clash)] != ["Agreement"], text
    # No arrest made is no arrest; a rebel army's detentions are no state arrest.
    text = "A gas cylinder exploded at a restaurant in Kel; police said no arrests had been made."
    blast = {"ids": [1], "type": "Remote explosive/landmine/IED", "actor": "Police", "place": "Kel"}
    assert all(e.sub_event_type != "Arrests" for e in events_of(text, blast))
    text = "The Kel Army detained 30 villagers in Dara on Monday."
    strike = {"ids": [1], "type": "Air/drone strike", "actor": "The Kel Army", "place": "Dara"}
    assert all(e.sub_event_type != "Arrests" for e in events_of(text, strike))
    # A protest after someone else's arson stays peaceful.
    text = "Hundreds protested peacefully in Dara on Sunday after a mosque was set ablaze."
    march = {"ids": [1], "type": "Peaceful protest", "actor": "Hundreds", "place": "Dara"}
    assert [e.sub_event_type for e in events_of(text, march)] == ["Peaceful protest"]
    # An explosion at a refinery that rebels set off is their attack.
    text = "Rebels killed three guards in a blast at a refinery in Kel on Monday."
    attack = {"ids": [1], "type": "Attack", "actor": "Rebels", "place": "Kel"}
    assert len(events_of(text, attack)) == 1
    # Troops that have taken over villages regained territory.
    text = "The army said troops have taken over two villages near Kel from the rebels."
    (event,) = events_of(text, {**clash, "actor": "troops"})
    assert event.sub_event_type == "Government regains territory"
    # How the speaker spoke is no part of its name.
    said = "The attack, which the army initially said killed 12, hit a market in Kel."
    assert speaker_of(said) == "the army"


def test_a_place_struck_by_a_storm_suffered_no_attack() -> None:
    text = (
        "Kel was struck by the region's latest tropical storm on Monday as it recovers from "
        "an earthquake that killed hundreds."
    )
    shelling = {"ids": [1], "type": "Shelling/artillery/missile attack", "place": "Kel"}
    assert events_of(text, shelling) == []
    text = "The convoy was struck by a roadside bomb in Kel on Monday, killing four."
    assert len(events_of(text, {**shelling, "type": "Remote explosive/landmine/IED"})) == 1


def test_third_review_misfires_stay_fixed() -> None:
    # A name ending in "-ly" keeps its last word.
    assert speaker_of("The National Assembly said the law would pass.") == "The National Assembly"
    # A lead-in keeps "and" in its list and stops at a clause of its own.
    from summarizer.rules.incident import reports_kind

    accused = "A man accused of kidnapping and killing a girl appeared in court in Dara."
    assert not reports_kind("Attack", [accused])
    shot = "A man charged with fraud was shot dead in Dara on Monday."
    assert reports_kind("Attack", [shot])
    # A drone that struck in a storm, a blast a group claimed: attacks.
    for text in (
        "Two soldiers were struck by a drone amid a storm near Dara.",
        "A blast rocked the Kel refinery on Monday, killing five, and the Kel Front "
        "claimed responsibility.",
        "The Guards' drones found their targets across Kel overnight.",
    ):
        assert "drone" in literal(text) or "blast" in literal(text), text
    # Drones put to work report nothing.
    assert "drones" not in literal("Rescuers used drones to search for survivors in Kel.")
    # Capitalised state forces arrest; "no one has been arrested" is no arrest.
    text = "Soldiers detained 30 suspected rebels in Kel on Monday."
    strike = {"ids": [1], "type": "Air/drone strike", "actor": "Soldiers", "place": "Kel"}
    assert [e.sub_event_type for e in events_of(text, strike)] == ["Arrests"]
    text = "A gas cylinder exploded in Kel on Monday; nobody has been arrested, police said."
    blast = {"ids": [1], "type": "Remote explosive/landmine/IED", "actor": "Police", "place": "Kel"}
    assert all(e.sub_event_type != "Arrests" for e in events_of(text, blast))
    # An exchange told in figures or as a completed swap is an agreement.
    text = "Rebels and the army exchanged 1,200 prisoners near Kel on Monday."
    clash = {"ids": [1], "type": "Armed clash", "actor": "Rebels", "place": "Kel"}
    assert [e.sub_event_type for e in events_of(text, clash)] == ["Agreement"]
