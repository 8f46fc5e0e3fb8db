"""Rules from the eleventh round (eval dev and held-out sample 29, read after it was scored):
each encodes a general pattern of English news, tested on invented sentences with its near
misses."""

from __future__ import annotations

from fakes import events_of, summary_of

from summarizer.article import as_article
from summarizer.checks.attribution import SPEECH
from summarizer.checks.clauses import speaker_of
from summarizer.checks.figurative import literal
from summarizer.checks.wellformed import problems
from summarizer.rules.attribution import argued_in_writers_voice
from summarizer.rules.incident import has_incident_word


def test_findings_from_a_source_name_that_source_as_the_speaker() -> None:
    text = (
        "Reports from doctors at Dara hospitals who treated the wounded indicate the bomb "
        "was packed with nails."
    )
    assert SPEECH.search(text)
    assert speaker_of(text) == "doctors at Dara hospitals"
    assert speaker_of("Figures released by the Northland health ministry show 40 died.") == (
        "the Northland health ministry"
    )
    # A place is no source: footage "from the scene" speaks for nobody.
    assert speaker_of("Footage from the scene showed a burning car.") is None
    assert not SPEECH.search("The results were clear.")


def test_a_summary_restating_a_finding_keeps_its_source() -> None:
    article = {
        "title": "Blast in Dara",
        "text": (
            "A bomb exploded at a market in Dara on Monday, killing three people. "
            "Reports from doctors at Dara hospitals who treated the wounded indicate the "
            "bomb was packed with nails and ball bearings."
        ),
    }
    (_, second) = summary_of(
        article,
        ("A bomb exploded at a market in Dara on Monday, killing three people.", [1]),
        ("The bomb was packed with nails and ball bearings.", [2]),
    )
    assert second == (
        "The bomb was packed with nails and ball bearings, according to doctors at Dara hospitals."
    )


def test_an_analyst_of_a_strike_is_not_its_doer() -> None:
    text = (
        "Drones loaded with explosives exploded over a parade in Dara on Saturday. "
        "Analysis carried out by the website Northland Watch suggests the drones were "
        "flown from a flat nearby."
    )
    record = {"ids": [1, 2], "type": "Air/drone strike", "place": "Dara"}
    (event,) = events_of(text, {**record, "actor": "Northland Watch"})
    assert event.actors.actor1 is None
    # Who carried out an analysis is an examiner, not an attacker.
    text = (
        "A drone struck a checkpoint in Dara on Saturday. "
        "Northland Watch has carried out an analysis of the footage."
    )
    (event,) = events_of(text, {**record, "actor": "Northland Watch"})
    assert event.actors.actor1 is None
    # A side announcing its own strike stays its doer.
    text = "The Northland army said it carried out a drone strike on a depot in Dara on Saturday."
    (event,) = events_of(text, {**record, "ids": [1], "actor": "the Northland army"})
    assert event.actors.actor1 is not None
    assert event.actors.actor1.value == "the Northland army"


def test_a_death_from_illness_is_no_incident() -> None:
    assert not has_incident_word(
        literal("Former minister Ali Noor has died at age 84 of COVID-19 complications.")
    )
    # The no-break space of web copy between the words changes nothing.
    assert not has_incident_word(
        literal("Northland recorded 600,000 deaths attributed to\xa0coronavirus.")
    )
    text = "Former minister Ali Noor has died at age 84 of COVID-19 complications in Dara."
    assert events_of(text, {"ids": [1], "type": "Other", "place": "Dara"}) == []
    # Wounds are no illness: who died of them died in the attack.
    assert has_incident_word(literal("The officer died of his wounds after gunmen attacked."))


def test_weapons_seized_in_a_long_phrase_are_disrupted_weapons_use() -> None:
    text = (
        "The Northland defence ministry said it had seized a total of 206 automatic weapons "
        "in four operations in Dara."
    )
    (event,) = events_of(text, {"ids": [1], "type": "Armed clash", "place": "Dara"})
    assert event.sub_event_type == "Disrupted weapons use"


def test_ground_taken_without_a_fight_is_a_non_violent_transfer() -> None:
    text = (
        "Northland troops regained territory held by Kel rebels in Dara province, taking "
        "control of several towns without engaging in any armed clashes."
    )
    (event,) = events_of(
        text, {"ids": [1], "type": "Government regains territory", "place": "Dara"}
    )
    assert event.sub_event_type == "Non-violent transfer of territory"
    # A fight told beside it keeps the battle.
    text = (
        "Northland troops took control of Dara after heavy clashes with Kel rebels that "
        "killed 12, without any resistance in the villages nearby."
    )
    (event,) = events_of(
        text, {"ids": [1], "type": "Government regains territory", "place": "Dara"}
    )
    assert event.sub_event_type == "Government regains territory"


def test_an_attribution_with_nothing_attributed_is_no_sentence() -> None:
    assert "an attribution with nothing attributed" in problems(
        "Northland News reported on 28 April."
    )
    assert "an attribution with nothing attributed" in problems("The ministry said on Monday.")
    assert problems("Imports fell as the ministry reported.") == []
    assert problems("The army said on Monday it had killed five militants.") == []


def test_a_party_value_is_the_lead_party_not_its_allies() -> None:
    text = (
        "The state forces of Northland with allied Kel militias took control of Dara "
        "after heavy fighting on Monday."
    )
    record = {"ids": [1], "type": "Armed clash", "place": "Dara"}
    (event,) = events_of(text, {**record, "actor": "The state forces of Northland with allied"})
    assert event.actors.actor1 is not None
    assert event.actors.actor1.value == "The state forces of Northland"
    # "with" that names no ally stays: a group is not cut at its own words.
    text = "Gunmen with rifles attacked a checkpoint in Dara on Monday, killing two."
    (event,) = events_of(
        text, {"ids": [1], "type": "Attack", "place": "Dara", "actor": "Gunmen with rifles"}
    )
    assert event.actors.actor1 is not None
    assert event.actors.actor1.value == "Gunmen with rifles"


def test_the_outlets_labelled_analysis_is_no_summary_sentence() -> None:
    article = {
        "title": "Northland bans ads on false climate claims",
        "source": "Northland Wire",
        "text": (
            "Northland's media regulator on Thursday banned advertising on content that "
            "denies climate change.\n"
            "Why it matters: It's one of the most aggressive measures any regulator has "
            "taken against climate misinformation.\n"
            "Why it matters: The regulator said the ban would start in May."
        ),
    }
    summary = summary_of(
        article,
        (
            "Northland's media regulator banned advertising on content that denies climate change.",
            [1],
        ),
        (
            "It is one of the most aggressive measures any regulator has taken against "
            "climate misinformation.",
            [2],
        ),
        ("The ban will start in May, the regulator said.", [3]),
    )
    # The analysis goes; a labelled paragraph that quotes its speaker stays.
    assert summary == [
        "Northland's media regulator banned advertising on content that denies climate change.",
        "The ban will start in May, the regulator said.",
    ]


def test_a_column_the_outlet_did_not_label_is_the_writers_view() -> None:
    column = {
        "title": "The governor's great pretence",
        "source": "Northland Review",
        "text": (
            "One hundred days in, the governor's record makes clear that his campaign was, "
            "in fact, a pretence.\n"
            "To this maxim we might add a few others.\n"
            "Talk like a moderate; act like a radical."
        ),
    }
    first, _ = summary_of(
        column,
        ("The governor's record shows his campaign was a pretence.", [1]),
        ("The writer says the governor talks like a moderate and acts like a radical.", [3]),
    )
    assert first.endswith(", the writer argues.")
    assert argued_in_writers_voice(as_article(column))
    # One cue alone is news: a report that says "indeed", a speech paraphrased with "we".
    report = {
        "title": "Dara council passes budget",
        "text": (
            "The Dara council passed the budget on Monday, and indeed the vote was close.\n"
            "The mayor said the city would hire 40 teachers."
        ),
    }
    assert not argued_in_writers_voice(as_article(report))
    # A statement read out in the speaker's singular is a transcript, not a column.
    statement = {
        "title": "Statement to the court",
        "text": ("I would like to thank my attorneys.\nIndeed, they have done much good for me."),
    }
    assert not argued_in_writers_voice(as_article(statement))
    # The writer's "we" inside a quotation running on from the sentence before is the
    # speaker's.
    quoted = {
        "title": "Officials name the hackers",
        "text": (
            '"This was surprising to us," an official said on Sunday. "And, in fact, '
            "one of the reasons we worked so hard on this is that it gave us new insights."
        ),
    }
    assert not argued_in_writers_voice(as_article(quoted))


def test_the_toll_told_right_after_the_act_is_the_records() -> None:
    text = (
        "Twin bombs struck the crowd outside Dara airport on Thursday. "
        "Ninety people have been killed, mostly civilians. "
        "The evacuation resumed on Friday."
    )
    record = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara airport"}
    (event,) = events_of(text, record)
    assert event.fatalities == 90
    assert 2 in event.sentence_ids
    # A sentence with an act of its own, a place of its own or a running total is another
    # incident's toll, or none.
    for after in (
        "In Kel, gunmen killed twenty-five people.",
        "Twenty-five people have been killed in Northtown.",
        "Some 300 people have been killed since January.",
    ):
        (event,) = events_of(f"Twin bombs struck the crowd outside Dara airport. {after}", record)
        assert event.fatalities is None, after


def test_villagers_fighting_with_sticks_are_mob_violence() -> None:
    text = "A man was killed as villagers clashed using bamboo sticks and iron rods in Dara."
    record = {"ids": [1], "type": "Armed clash", "place": "Dara", "actor": "villagers"}
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Mob violence"
    # Firearms make it a clash of armed men; villagers as the victims make no mob.
    text = "Villagers clashed with sticks and guns in Dara, killing two."
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Armed clash"
    text = "Kel fighters clashed with army troops near Dara, where villagers hid with sticks."
    (event,) = events_of(text, {**record, "actor": "Kel fighters"})
    assert event.sub_event_type == "Armed clash"


def test_ground_retaken_by_a_non_state_side_is_its_takeover() -> None:
    text = "On Monday, Kel Front fighters recaptured the village of Dara from the Northland army."
    record = {"ids": [1], "type": "Government regains territory", "place": "Dara"}
    (event,) = events_of(text, {**record, "actor": "Kel Front fighters"})
    assert event.sub_event_type == "Non-state actor overtakes territory"
    text = "On Monday, Northland army troops recaptured the village of Dara from Kel fighters."
    (event,) = events_of(text, {**record, "actor": "Northland army troops"})
    assert event.sub_event_type == "Government regains territory"


def test_sample_31_patterns() -> None:
    # "Gunned down" reports a killing.
    (event,) = events_of(
        "Unidentified armed men have gunned down a doctor in Dara province.",
        {"ids": [1], "type": "Attack", "place": "Dara province"},
    )
    assert event.sub_event_type == "Attack"
    # A person set ablaze by a mob: mob violence, not a clash (and not the victim's).
    (event,) = events_of(
        "A man identified as Pastor was set ablaze by an angry mob in Dara on Wednesday.",
        {"ids": [1], "type": "Armed clash", "place": "Dara", "actor": "Pastor"},
    )
    assert event.sub_event_type == "Mob violence"
    # Ground "regained" after the other side withdrew without resistance: a transfer.
    (event,) = events_of(
        "Kel fighters regained Dara after Northland forces withdrew from the town on Monday "
        "without resistance.",
        {"ids": [1], "type": "Government regains territory", "place": "Dara"},
    )
    assert event.sub_event_type == "Non-violent transfer of territory"


def test_a_party_cut_inside_its_bracket_is_the_whole_name() -> None:
    text = "Islamic Front (IF) militants claimed two bomb attacks on embassies in Dara on Monday."
    record = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara"}
    (event,) = events_of(text, {**record, "actor": "IF) militants"})
    assert event.actors.actor1 is not None
    assert event.actors.actor1.value == "Islamic Front (IF) militants"


def test_a_datelines_date_is_no_part_of_the_place() -> None:
    text = "Dara, March 12 (AFP) - Six soldiers were killed when their vehicle hit a landmine."
    record = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara, March"}
    (event,) = events_of(text, record)
    assert event.location.place is not None
    assert event.location.place.value == "Dara"


def test_no_toll_is_taken_after_a_count_of_incidents() -> None:
    text = (
        "A total of 563 strikes targeted Dara and Kel over eight years. "
        "Between 384 and 807 civilians were killed in those countries."
    )
    (event,) = events_of(text, {"ids": [1], "type": "Air/drone strike", "place": "Dara"})
    assert event.fatalities is None


# Misfires a read-only review found in this round's rules, each kept right.
def test_review_a_mob_elsewhere_in_the_sentence_makes_no_mob_violence() -> None:
    text = (
        "Kel fighters clashed with Northland troops in Dara on Monday, a week after a police "
        "post there was torched by a mob."
    )
    record = {"ids": [1], "type": "Armed clash", "place": "Dara", "actor": "Kel fighters"}
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Armed clash"
    assert event.actors.actor1 is not None


def test_review_a_fight_not_denied_keeps_the_battle() -> None:
    record = {"ids": [1], "type": "Non-state actor overtakes territory", "place": "Dara"}
    for text in (
        "Kel rebels took control of Dara on Sunday, though there was no independent "
        "confirmation of the fighting.",
        "Kel rebels took control of Dara on Sunday, with no end to the fighting in sight.",
    ):
        (event,) = events_of(text, record)
        assert event.sub_event_type == "Non-state actor overtakes territory", text
    text = "Northland troops retook Dara on Tuesday without air cover after heavy fighting."
    (event,) = events_of(text, {**record, "type": "Government regains territory"})
    assert event.sub_event_type == "Government regains territory"


def test_review_the_states_own_retaking_stays_the_states() -> None:
    record = {"ids": [1], "type": "Government regains territory", "place": "Dara"}
    for text in (
        "The Northland Armed Forces recaptured Dara from Kel rebels on Monday.",
        "Paratroopers recaptured Dara airport on Monday.",
        "Northland's army said on Monday it had recaptured Dara.",
        "The town of Dara was recaptured by Northland troops on Monday.",
    ):
        (event,) = events_of(text, record)
        assert event.sub_event_type == "Government regains territory", text


def test_review_a_running_total_is_no_records_toll() -> None:
    record = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara"}
    for after in (
        "Ninety people have been killed in the past week.",
        "More than 3,000 people have been killed in the region.",
        "Some 1,200 people have been killed in Dara in two years of fighting.",
    ):
        (event,) = events_of(
            f"A car bomb exploded at a checkpoint in Dara on Monday. {after}", record
        )
        assert event.fatalities is None, after


def test_review_a_doer_inferring_its_own_act_or_acting_after_is_kept() -> None:
    record = {"ids": [1], "type": "Air/drone strike", "place": "Dara"}
    text = (
        "The Northland air force estimated that its strikes on Kel positions near Dara on "
        "Monday killed 30 fighters."
    )
    (event,) = events_of(text, {**record, "actor": "The Northland air force"})
    assert event.actors.actor1 is not None
    text = (
        "Kel fighters carried out a reconnaissance survey of the Dara base before storming "
        "it on Monday, killing four soldiers."
    )
    (event,) = events_of(text, {**record, "type": "Armed clash", "actor": "Kel fighters"})
    assert event.actors.actor1 is not None


def test_review_the_newsrooms_we_is_no_column() -> None:
    live = {
        "title": "Dara council passes budget",
        "text": (
            "The Dara council passed the budget on Monday.\nHere is what we know so far.\n"
            "The vote was clearly closer than expected."
        ),
    }
    assert not argued_in_writers_voice(as_article(live))
    reported = {
        "title": "Prices rise in Northland",
        "text": "As we reported last week, inflation indeed reached 9% in Northland.",
    }
    assert not argued_in_writers_voice(as_article(reported))


def test_review_a_place_or_time_is_no_source_of_findings() -> None:
    assert (
        speaker_of("Accounts from the front line indicate Kel fighters have pulled back.") is None
    )
    assert speaker_of("Figures from last year show exports fell 8%.") is None
    assert speaker_of("Reports from inside the city indicate food is running out.") is None


def test_review_a_labelled_paragraph_with_its_source_is_a_report() -> None:
    article = {
        "title": "Rebels advance in Northland",
        "text": (
            "Kel rebels seized two more towns in Northland on Monday.\n"
            "Why it matters: The rebels have seized 12 towns since January, displacing "
            "300,000 people, according to the UN."
        ),
    }
    summary = summary_of(
        article,
        ("Kel rebels seized two more towns in Northland on Monday.", [1]),
        ("The rebels have seized 12 towns since January, displacing 300,000 people.", [2]),
    )
    assert len(summary) == 2


def test_review_a_council_or_a_lead_regained_is_no_ground() -> None:
    record = {"ids": [1], "type": "Non-state actor overtakes territory", "place": "Dara"}
    for text in (
        "The Kel Party regained control of the Dara council in Sunday's election.",
        "Dara United regained the lead in the league on Sunday.",
    ):
        assert events_of(text, record) == [], text


def test_review_an_illness_after_violence_or_a_ward_shelled_stays_violence() -> None:
    for text in (
        "Four patients died in the shelling of the coronavirus ward at Dara hospital.",
        "Ali Noor died of a heart attack after police beat him during his arrest in Dara.",
        "Six detainees died of illness after Kel guards beat them in a Dara jail.",
    ):
        assert has_incident_word(literal(text)), text


def test_review_villagers_fighting_an_armed_group_is_a_clash() -> None:
    text = "Residents of Dara fought Kel militiamen with machetes on Monday, killing three."
    record = {"ids": [1], "type": "Armed clash", "place": "Dara", "actor": "Residents of Dara"}
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Armed clash"


def test_review_a_bracketed_name_starts_at_its_initials() -> None:
    text = "On Monday Kel Front (KF) militants detonated a bomb at a market in Dara."
    record = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara"}
    (event,) = events_of(text, {**record, "actor": "KF) militants"})
    assert event.actors.actor1 is not None
    assert event.actors.actor1.value == "Kel Front (KF) militants"


# Misfires a second review found in the first review's fixes.
def test_review2_non_state_retaking_told_with_time_or_aside() -> None:
    record = {"ids": [1], "type": "Government regains territory", "place": "Dara"}
    for text in (
        "ISIS fighters have recaptured the village of Dara from the Northland army.",
        "Kel rebels on Monday night recaptured Dara from the Northland army.",
        "Kel rebels, backed by Southland, recaptured Dara on Monday.",
        "The Houthis recaptured Dara on Monday.",
    ):
        (event,) = events_of(text, record)
        assert event.sub_event_type == "Non-state actor overtakes territory", text
    text = "Northland troops battled Kel rebels and recaptured Dara on Monday."
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Government regains territory"


def test_review2_a_mob_told_with_a_day_or_a_fight_is_still_a_mob() -> None:
    record = {"ids": [1], "type": "Armed clash", "place": "Dara"}
    for text in (
        "A cultist was set ablaze on Tuesday by an angry mob in Dara.",
        "A pastor was set ablaze by a mob in Dara after a fight over a stolen goat.",
    ):
        (event,) = events_of(text, record)
        assert event.sub_event_type == "Mob violence", text


def test_review2_an_analyst_whose_finding_tells_the_act_is_cleared() -> None:
    text = (
        "Drones loaded with explosives exploded over a parade in Dara on Saturday. "
        "Analysis carried out by the website Northland Watch suggests the drones were flown "
        "from a flat nearby and struck the parade from the east."
    )
    record = {"ids": [1, 2], "type": "Air/drone strike", "place": "Dara"}
    (event,) = events_of(text, {**record, "actor": "Northland Watch"})
    assert event.actors.actor1 is None
    text = (
        "Gunmen stormed a church in Dara on Sunday. Police are searching for the gunmen who "
        "stormed the church and killed the worshippers."
    )
    (event,) = events_of(text, {**record, "type": "Attack", "actor": "Police"})
    assert event.actors.actor1 is None or event.actors.actor1.value != "Police"


def test_review2_a_bracketed_name_without_matching_initials_is_completed() -> None:
    text = "Islamic State (ISIS) militants claimed two bomb attacks in Dara on Monday."
    record = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara"}
    (event,) = events_of(text, {**record, "actor": "ISIS) militants"})
    assert event.actors.actor1 is not None
    assert event.actors.actor1.value == "Islamic State (ISIS) militants"


def test_review2_villagers_brawl_named_by_police_stays_mob_violence() -> None:
    text = (
        "A man was killed as villagers clashed using bamboo sticks and iron rods in Dara, "
        "police said."
    )
    record = {"ids": [1], "type": "Armed clash", "place": "Dara", "actor": "villagers"}
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Mob violence"


def test_review2_a_lone_name_or_a_month_is_no_source_of_findings() -> None:
    assert speaker_of("Reports from Dara indicate the town has fallen to Kel rebels.") is None
    assert speaker_of("Figures from March show exports fell 8%.") is None
    assert speaker_of("Data from the UN show 40 died.") == "the UN"


def test_review2_illness_told_in_other_words_is_no_incident() -> None:
    for text in (
        "Former minister Ali Noor has died of complications from COVID-19 in Dara.",
        "Ali Noor died in a Dara hospital of COVID-19.",
        "Ali Noor died last week of cancer.",
        "Ali Noor died of COVID-19 in Dara as infections hit a record high.",
    ):
        assert not has_incident_word(literal(text)), text


def test_review2_little_resistance_is_no_fight() -> None:
    record = {"ids": [1], "type": "Non-state actor overtakes territory", "place": "Dara"}
    for text in (
        "Kel rebels took control of Dara on Sunday without much resistance.",
        "Kel rebels took control of Dara on Sunday after troops fled without putting up a fight.",
    ):
        (event,) = events_of(text, record)
        assert event.sub_event_type == "Non-violent transfer of territory", text


def test_review2_a_toll_ranked_against_recent_months_is_the_records() -> None:
    text = (
        "A car bomb exploded at a crowded market in Dara on Monday. Ninety people have been "
        "killed, the deadliest toll in recent months."
    )
    record = {"ids": [1], "type": "Remote explosive/landmine/IED", "place": "Dara"}
    (event,) = events_of(text, record)
    assert event.fatalities == 90


def test_review2_a_labelled_view_beside_a_date_is_still_the_outlets() -> None:
    article = {
        "title": "Northland regulator bans ads",
        "text": (
            "Northland's regulator banned the ads on Thursday.\n"
            "Why it matters: It is the toughest step any regulator has taken since the "
            "minister announced a review in March."
        ),
    }
    summary = summary_of(
        article,
        ("Northland's regulator banned the ads on Thursday.", [1]),
        ("It is the toughest step any regulator has taken.", [2]),
    )
    assert summary == ["Northland's regulator banned the ads on Thursday."]


def test_review2_newsroom_phrases_are_read_past_not_skipped() -> None:
    news = {
        "title": "Blast in Dara",
        "text": (
            "A blast hit Dara on Monday.\nWe have not been able to independently verify the "
            "footage.\nThe damage was clearly extensive."
        ),
    }
    assert not argued_in_writers_voice(as_article(news))
    editorial = {
        "title": "The mayor's broken promise",
        "text": (
            "As we have reported, he has indeed broken that promise, and we believe he "
            "should say so."
        ),
    }
    assert argued_in_writers_voice(as_article(editorial))


def test_review2_a_legislature_regained_is_no_ground() -> None:
    record = {"ids": [1], "type": "Non-state actor overtakes territory", "place": "Northland"}
    text = "The Kel Party regained control of Parliament in Sunday's election in Northland."
    assert events_of(text, record) == []
