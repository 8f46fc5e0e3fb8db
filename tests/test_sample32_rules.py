"""Rules from the twelfth round (eval dev and held-out sample 32, read after it was scored):
each encodes a general pattern of English news, tested on invented sentences with its near
misses."""

from __future__ import annotations

from fakes import events_of, summary_of

from summarizer.article import as_article
from summarizer.checks.attribution import CLAIM, claims_responsibility
from summarizer.rules.attribution import argued_in_writers_voice
from summarizer.rules.base import before_foreign_letters
from summarizer.rules.doer import _FORCE_WORDS, _victims_side
from summarizer.rules.incident import reports_kind
from summarizer.rules.sub_type import _CLASH_SIDES, _SUB_TYPE_CUES, ground_kind, one_sided_kind

_IED = {"type": "Remote explosive/landmine/IED"}


def test_a_spot_told_inside_its_square_is_one_incidents_place() -> None:
    text = (
        "Until Monday, such bombings had not happened at the Dara marathon finish line in "
        "Kel Square. "
        "Officials met on Tuesday. "
        "No one has taken responsibility for the twin bombings near the Dara marathon "
        "finish line that killed three people."
    )
    events = events_of(
        text,
        {**_IED, "ids": [1], "place": "Kel Square"},
        {**_IED, "ids": [3], "place": "Dara marathon finish line"},
    )
    assert len(events) == 1
    assert events[0].location.place is not None
    assert events[0].location.place.value == "Kel Square"
    assert events[0].fatalities == 3  # the later telling's toll is the incident's


def test_places_of_a_list_of_incidents_stay_apart() -> None:
    text = (
        "Bombs exploded at markets in Northtown and in Dara on Monday. "
        "The bombing in Dara killed three people."
    )
    events = events_of(
        text,
        {**_IED, "ids": [1], "place": "Northtown"},
        {**_IED, "ids": [2], "place": "Dara"},
    )
    assert len(events) == 2


def test_taking_responsibility_for_an_attack_is_a_claim() -> None:
    assert CLAIM.search("No one has taken responsibility for the twin bombings.")
    assert not claims_responsibility("No one has taken responsibility for the twin bombings.")
    assert claims_responsibility("The Kel Front took responsibility for Tuesday's car bombing.")
    # A minister's responsibility for failures is no claim of an attack.
    assert not CLAIM.search("The minister took responsibility for the failures.")


def test_fire_opened_inside_a_place_of_worship_is_an_attack() -> None:
    assert one_sided_kind("A gunman opened fire inside a mosque in Dara.") == "Attack"
    assert one_sided_kind("A shooter opened fire at a nightclub, killing five.") == "Attack"
    # Fire opened on police or a checkpoint: the state's armed men, a clash.
    assert one_sided_kind("Militants opened fire on a police checkpoint in Dara.") is None
    assert one_sided_kind("A gunman opened fire on police officers outside the court.") is None


def test_a_clash_record_telling_only_a_bomb_is_the_bombs() -> None:
    text = (
        "A Northland Frontier Corps soldier was killed when an improvised explosive device "
        "exploded near a convoy in Dara district."
    )
    record = {"ids": [1], "type": "Armed clash", "place": "Dara district"}
    (event,) = events_of(text, {**record, "actor": "Northland Frontier Corps"})
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actors.actor1 is None  # the soldier's corps is the target, not the doer
    # A fight told with it keeps the clash.
    text = (
        "Soldiers clashed with Kel rebels in Dara district after an improvised explosive "
        "device exploded near their convoy."
    )
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Armed clash"
    # Mines defused are no mines used.
    text = (
        "Northland forces retrieved the bodies of 13 Kel fighters killed in Dara, and "
        "sappers defused hundreds of landmines."
    )
    (event,) = events_of(text, {**record, "place": "Dara"})
    assert event.sub_event_type != "Remote explosive/landmine/IED"


def test_a_side_whose_soldier_was_killed_is_its_victim() -> None:
    evidence = "A Northland Frontier Corps (NFC) soldier was killed when a bomb exploded."
    assert _victims_side("Northland Frontier Corps", evidence)
    assert _victims_side("the Northland army", "Two Northland soldiers were wounded.")
    assert not _victims_side("the Northland army", "Northland soldiers killed two rebels.")
    assert not _victims_side("the army", "The soldiers were killed.")


def test_weapons_caches_found_are_disrupted_weapons_use() -> None:
    text = (
        "Two caches containing an important batch of weapons and ammunitions have been "
        "discovered on Sunday by Northland army detachments in Dara."
    )
    (event,) = events_of(text, {"ids": [1], "type": "Other", "place": "Dara"})
    assert event.sub_event_type == "Disrupted weapons use"


def test_ground_gained_by_militants_is_their_takeover() -> None:
    text = (
        "A Northland army spokesman said militants from the Kel Front (KF) had gained "
        "ground inside the north-western part of Dara."
    )
    record = {"ids": [1], "type": "Government regains territory", "actor": "KF"}
    (event,) = events_of(text, {**record, "place": "north-western part of Dara"})
    assert event.sub_event_type == "Non-state actor overtakes territory"
    # A poll's gains are no ground.
    kind = "Non-state actor overtakes territory"
    assert not reports_kind(kind, ["The candidate gained ground in the polls."])


# The review's probes: each was a misfire of the first version of the rules above.

_CLASH = {"ids": [1], "type": "Armed clash", "place": "Dara"}


def _typed(text: str, record: dict[str, object]) -> list[str]:
    return [e.sub_event_type for e in events_of(text, record)]


def test_review_only_weapons_named_found_make_other_records_disrupted() -> None:
    other = {"ids": [1], "type": "Other", "place": "Dara"}
    for text in (
        "Police in Dara said they had foiled a plot to assassinate the governor.",
        "The coast guard intercepted a boat carrying two tonnes of cocaine off Dara.",
        "Police dismantled a protest camp in Dara.",
    ):
        assert "Disrupted weapons use" not in _typed(text, other), text


def test_review_a_weapon_named_but_not_used_is_no_remote_violence() -> None:
    for text in (
        "Kel militants killed four soldiers near a mine in Dara.",
        "Kel militants killed four soldiers in Dara in retaliation for air strikes on their camps.",
        "Militants armed with rocket-propelled grenades killed four soldiers in Dara.",
        "Kel militants seized an army base in Dara and captured weapons including rockets and "
        "mortars.",
        "Army engineers in Dara found and destroyed a cache of mortars and rockets.",
        "Kel militants killed four soldiers in Dara as tensions exploded over the election.",
    ):
        kinds = _typed(text, _CLASH)
        assert not any(
            k in kinds
            for k in (
                "Air/drone strike",
                "Shelling/artillery/missile attack",
                "Remote explosive/landmine/IED",
            )
        ), (text, kinds)


def test_review_dead_soldiers_are_no_fight_and_a_mine_that_went_off_is_used() -> None:
    text = "Four soldiers were killed when a roadside bomb exploded near their convoy in Dara."
    assert _typed(text, _CLASH) == ["Remote explosive/landmine/IED"]
    text = "Sappers defused two landmines near Dara; a landmine exploded, wounding a soldier."
    assert _typed(text, _CLASH) == ["Remote explosive/landmine/IED"]


def test_review_a_list_of_places_is_not_one_place() -> None:
    text = (
        "Bombs exploded in Kel, Dara and Northtown on Monday. The blast in Dara killed five people."
    )
    events = events_of(
        text, {**_IED, "ids": [1], "place": "Kel"}, {**_IED, "ids": [2], "place": "Dara"}
    )
    assert len(events) == 2


def test_review_fire_at_a_public_place_on_soldiers_or_by_troops_stays_a_fight() -> None:
    assert (
        one_sided_kind("Kel rebels opened fire at a hotel in Dara where soldiers were staying.")
        != "Attack"
    )
    # Guards of a mall and a car at a checkpoint are no armed side.
    assert (
        one_sided_kind(
            "A gunman opened fire on security guards at a shopping mall, killing two shoppers."
        )
        == "Attack"
    )
    assert not _CLASH_SIDES["two sides"].search(
        "Soldiers fired at a checkpoint car that failed to stop."
    )


def test_review_a_side_that_acts_and_loses_a_man_stays_the_doer() -> None:
    evidence = (
        "Northland troops raided Kel village, killing four civilians. "
        "One Northland soldier was wounded."
    )
    assert not _victims_side("Northland troops", evidence)
    assert _victims_side("Northland army", "On Monday Northland soldiers were killed.")
    assert _victims_side("Northland army", "Eleven Northland soldiers were killed.")


def test_review_a_press_corps_is_no_armed_body() -> None:
    assert _FORCE_WORDS.search("Northland Frontier Corps")
    assert not _FORCE_WORDS.search("the Dara press corps")


def test_review_ground_gained_in_talks_or_in_the_past_is_no_takeover() -> None:
    kind = "Non-state actor overtakes territory"
    assert not reports_kind(kind, ["Kel rebels have gained ground in peace talks with Dara."])
    assert not reports_kind(kind, ["Rebels said the army had gained ground near Dara."])
    assert reports_kind(kind, ["Kel rebels have gained ground north of Dara."])


def test_review_a_duty_or_a_failure_is_no_claim() -> None:
    for text in (
        "Ali Noor said the government must take responsibility for the killings.",
        "He said he would take responsibility for the raid.",
        "The commander took responsibility for not preventing the massacre.",
    ):
        assert not CLAIM.search(text), text
    assert CLAIM.search(
        "The Kel Front took responsibility for Monday's deadly roadside bomb attack."
    )


# Sample 33.


def test_devices_feared_and_intercepted_are_disrupted_weapons_use() -> None:
    text = (
        "At least three packages identified as potential explosive devices were intercepted "
        "by Northland police in Dara before being delivered."
    )
    (event,) = events_of(text, {**_IED, "ids": [1], "place": "Dara"})
    assert event.sub_event_type == "Disrupted weapons use"
    # An attack feared is still no incident.
    assert not reports_kind(_IED["type"], ["Officials warned of potential bombings in Dara."])


def test_a_base_created_is_a_base_established() -> None:
    text = "The Northland military has created a new base at Dara, a monitor reported on Monday."
    record = {"ids": [1], "type": "Headquarters or base established", "place": "Dara"}
    (event,) = events_of(text, {**record, "actor": "the Northland military"})
    assert event.sub_event_type == "Headquarters or base established"


def test_control_established_by_the_army_is_ground_regained_not_a_base() -> None:
    text = (
        "Northland army units, in cooperation with allied forces, established control over "
        "an area of 120 km2 in the countryside of Dara."
    )
    record = {"ids": [1], "type": "Headquarters or base established", "place": "Dara"}
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Government regains territory"
    # A base named keeps the base.
    text = "Northland troops established control of the hill and set up a base near Dara."
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Headquarters or base established"


def test_a_column_pressing_a_conclusion_is_the_writers_view() -> None:
    column = as_article(
        {
            "title": "The wrong label for a problem",
            "text": (
                "Dara's clinics are struggling at a time when compliance matters more than "
                "ever. As our leaders struggle to find the best way to promote it, one thing "
                "is increasingly clear: lecturing patients is not working."
            ),
        }
    )
    assert argued_in_writers_voice(column)
    # A report saying a thing is clear, with no writer's "we", is no column.
    report = as_article(
        {
            "title": "Dara clinics",
            "text": (
                "Dara's clinics reopened on Monday. One thing is clear, the health minister "
                "said: the queues will be long."
            ),
        }
    )
    assert not argued_in_writers_voice(report)


# The second review's probes (each a misfire of the first fixes).

_BASE = {"ids": [1], "type": "Headquarters or base established", "place": "Dara"}


def test_review2_weapons_fired_dropped_or_detonated_are_used() -> None:
    cases = {
        "Northland warplanes bombed Kel positions in Dara.": "Air/drone strike",
        "Kel militants fired rockets at an army base in Dara.": (
            "Shelling/artillery/missile attack"
        ),
        "Rockets rained down on army positions in Dara overnight.": (
            "Shelling/artillery/missile attack"
        ),
        "A parcel exploded at a police station in Dara.": "Remote explosive/landmine/IED",
        "Militants remotely detonated a device under an army truck in Dara.": (
            "Remote explosive/landmine/IED"
        ),
        "A soldier stepped on a mine near Dara and was killed.": "Remote explosive/landmine/IED",
        "Two soldiers killed in Dara bomb blast, police said.": "Remote explosive/landmine/IED",
        "Five people including two soldiers died in a bomb blast in Dara.": (
            "Remote explosive/landmine/IED"
        ),
    }
    for text, kind in cases.items():
        assert _typed(text, _CLASH) == [kind], text


def test_review2_a_weapon_told_a_clause_away_or_answered_is_not_used() -> None:
    for text in (
        "Kel militants killed two soldiers in Dara; an army helicopter evacuated the wounded.",
        "Kel militants killed two soldiers in Dara, where the army has deployed artillery.",
        "Kel militants killed four soldiers guarding a rocket launcher in Dara.",
        "Kel militants killed two soldiers in Dara, saying it was revenge for air strikes.",
        "Kel militants killed two soldiers in Dara and stole their grenades.",
    ):
        assert _typed(text, _CLASH) == ["Armed clash"], text


def test_review2_finds_of_ieds_and_landmines_are_disrupted_weapons_use() -> None:
    assert _typed("Sappers defused two landmines near Dara.", _CLASH) == ["Disrupted weapons use"]
    other = {"ids": [1], "type": "Other", "place": "Dara"}
    text = "Police defused an IED planted outside a school in Dara."
    assert _typed(text, other) == ["Disrupted weapons use"]


def test_review2_fire_on_a_convoy_of_troops_is_a_clash() -> None:
    text = "Kel militants opened fire on a convoy of Northland troops near Dara, killing three."
    assert _typed(text, _CLASH) == ["Armed clash"]


def test_review2_control_taken_by_another_side_is_no_state_regaining() -> None:
    text = "Kel rebels, who had fought Northland troops for months, established control over Dara."
    assert _typed(text, _BASE) != ["Government regains territory"]
    text = "Northland troops extended control of the Dara valley."
    assert _typed(text, _BASE) == ["Government regains territory"]


def test_review2_the_victims_truck_is_no_doing() -> None:
    text = (
        "Two Northland soldiers were killed in Dara on Monday when a Northland army truck "
        "struck a roadside bomb."
    )
    (event,) = events_of(text, {**_IED, "ids": [1], "place": "Dara", "actor": "Northland army"})
    assert event.actors.actor1 is None


def test_review2_only_the_devices_own_word_is_read_past() -> None:
    kind = "Disrupted weapons use"
    for text in (
        "Two years after explosives were found at Dara station, the trial of Ali Noor opened.",
        "Police will check whether any explosives were found in the car.",
        "Police could not confirm that bombs were found in Dara.",
    ):
        assert not reports_kind(kind, [text]), text


def test_review2_a_town_in_its_province_is_one_place() -> None:
    text = (
        "A bomb exploded at a market in Northtown, Dara province, on Monday. "
        "The blast killed five people, police in Dara said."
    )
    events = events_of(
        text,
        {**_IED, "ids": [1], "place": "Northtown"},
        {**_IED, "ids": [2], "place": "Dara"},
    )
    assert len(events) == 1


def test_review2_gains_online_and_a_failed_raid_are_no_ground_or_claim() -> None:
    kind = "Non-state actor overtakes territory"
    assert not reports_kind(kind, ["Kel rebels are gaining ground on social media."])
    assert reports_kind(kind, ["Kel rebels are gaining ground north of Dara."])
    for text in (
        "The ministry took responsibility for the victims of the bombing.",
        "The army took responsibility for the botched raid.",
    ):
        assert not CLAIM.search(text), text


# Sample 34.


def test_tear_gas_on_crowds_is_no_strike() -> None:
    text = "Police in Dara fired tear gas and pepper spray at crowds in a busy shopping district."
    assert ground_kind(text) == "Protest with intervention"
    # A shell that went off is a shelling, whoever was there.
    assert ground_kind("A shell exploded near crowds in Dara.") is None


def test_a_poison_used_as_a_weapon_is_reported() -> None:
    kind = "Chemical weapon"
    for text in (
        "The watchdog said Thursday that chlorine was likely used as a weapon in Dara.",
        "A helicopter is said to have dropped containers of toxic gas on a town near Dara.",
        "Civilians were exposed to poisonous gas used by militants in Dara.",
    ):
        assert reports_kind(kind, [text]), text
    # Looked for and not found, or denied: no incident.
    for text in (
        "Inspectors said they found no evidence that chlorine was used in Dara.",
        "The chemical weapons watchdog said it would send inspectors to Dara.",
    ):
        assert not reports_kind(kind, [text]), text
    assert not reports_kind(
        "Air/drone strike", ["The army denied that its jets bombed the market in Dara."]
    )


def test_a_closing_apposition_set_off_alone_is_dropped() -> None:
    article = (
        "The watchdog said chlorine was likely used as a weapon in Dara in July, the latest "
        "report of poison gas being unleashed in Northland's civil war."
    )
    kept = summary_of(
        article,
        ("The watchdog said chlorine was likely used as a weapon in Dara in July.", [1]),
        ("The latest report of poison gas being unleashed in Northland's civil war.", [1]),
    )
    assert kept == ["The watchdog said chlorine was likely used as a weapon in Dara in July."]
    # A whole clause after a comma is a sentence: it is kept.
    article = (
        "The Dara court ruled for the officers on Monday. "
        "In both cases, the justices overturned lower court decisions in Dara."
    )
    kept = summary_of(
        article,
        ("The Dara court ruled for the officers on Monday.", [1]),
        ("The justices overturned lower court decisions in Dara.", [2]),
    )
    assert kept[-1] == "The justices overturned lower court decisions in Dara."


def test_an_abduction_told_in_a_participle_is_one() -> None:
    text = (
        "Unidentified gunmen attacked the staff quarters of Dara Polytechnic, abducting the "
        "sister of the registrar."
    )
    record = {"ids": [1], "type": "Arrests", "place": "Dara Polytechnic"}
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Abduction/forced disappearance"


def test_fighters_surrendering_is_an_agreement() -> None:
    kind = "Agreement"
    assert reports_kind(
        kind, ["A Kel outlet says 67 Northland fighters have surrendered to Kel forces."]
    )
    assert not reports_kind(kind, ["The suspect surrendered to police in Dara."])


# The third review's probes.


def test_review3_a_sentence_without_its_opening_phrase_is_kept() -> None:
    article = (
        "Kel rebels advanced on Sunday. On Monday, the rebels took control of Northtown. "
        "On Friday, a bomb hit a market in Northtown."
    )
    kept = summary_of(
        article,
        ("Kel rebels advanced on Sunday.", [1]),
        ("The rebels took control of Northtown.", [2]),
        ("A bomb hit a market in Northtown.", [3]),
    )
    assert kept == [
        "Kel rebels advanced on Sunday.",
        "The rebels took control of Northtown.",
        "A bomb hit a market in Northtown.",
    ]


def test_review3_a_denial_about_a_known_incident_keeps_it() -> None:
    for kind, text in (
        (
            "Attack",
            "Police said there was no evidence that Monday's shooting at a mall in Dara was "
            "linked to terrorism.",
        ),
        ("Air/drone strike", "Northland denied that the airstrike hit a hospital in Dara."),
    ):
        assert reports_kind(kind, [text]), text
    assert not reports_kind("Armed clash", ["There was no sign of fighting in Dara."])


def test_review3_a_mob_torching_a_station_stays_a_riot() -> None:
    assert (
        ground_kind("Police fired tear gas at a mob that set fire to a police station in Dara.")
        == "Violent demonstration"
    )


def test_review3_kidnapping_as_a_crime_is_no_abduction() -> None:
    for text in (
        "The governor of Dara said kidnapping had become a lucrative business.",
        "A court in Dara convicted Ali Noor of kidnapping a local chief.",
    ):
        assert events_of(text, {"ids": [1], "type": "Other", "place": "Dara"}) == [], text


def test_review3_poison_denied_or_inspected_is_no_incident() -> None:
    for text in (
        "Northland has never used chemical weapons in Dara.",
        "Chemical weapons inspectors were deployed to Dara on Monday.",
        "The watchdog released a report on chemical weapons in Dara on Thursday.",
    ):
        assert not reports_kind("Chemical weapon", [text]), text
    text = "The army said its troops had not surrendered to the rebels in Dara."
    assert not reports_kind("Agreement", [text])


# Sample 35.


def test_a_place_whose_words_leak_another_script_is_read_before_the_leak() -> None:
    text = (
        "Northland army units discovered an underground depot containing a large amount of "
        "weapons and ammunition in the surrounding areas of Kel West of the city of Dara."
    )
    record = {"ids": [1], "type": "Other", "place": "surrounding areas of Kel West of Dara in东方"}
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.location.place is not None
    assert "东" not in event.location.place.value


def test_pistols_found_on_a_road_in_a_region_are_one_find() -> None:
    text = (
        "Northland police said the pistols were discovered during a search on a bus along "
        "the Dara-Kel road in Northtown Regional State."
    )
    events = events_of(
        text,
        {"ids": [1], "type": "Armed clash", "place": "Dara-Kel road"},
        {"ids": [1], "type": "Other", "place": "Northtown Regional State"},
    )
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


# The fourth review's probes.


def test_review4_a_leak_inside_a_word_leaves_the_place_empty() -> None:
    article = as_article("Gunmen attacked a checkpoint in the village of Ain near Northtown.")
    assert before_foreign_letters("Nor东town", article) == ""
    assert before_foreign_letters("village of A东", article) == ""
    assert before_foreign_letters("the village of Ain near Northtown in东方", article) == (
        "the village of Ain near Northtown"
    )


def test_review4_a_list_of_regions_or_another_day_is_not_one_place() -> None:
    text = "Airstrikes hit Kel district, Northtown district and Dara district on Monday."
    kind = {"type": "Air/drone strike", "ids": [1]}
    events = events_of(
        text, {**kind, "place": "Kel district"}, {**kind, "place": "Northtown district"}
    )
    assert len(events) == 2
    text = (
        "Gunmen attacked a police post in Northtown, Dara province, on Monday and a church "
        "elsewhere in Dara province on Wednesday."
    )
    kind = {"type": "Attack", "ids": [1]}
    events = events_of(text, {**kind, "place": "Northtown"}, {**kind, "place": "Dara province"})
    assert len(events) == 2


def test_review4_a_depot_cue_stays_in_its_clause() -> None:
    cue = _SUB_TYPE_CUES["Disrupted weapons use"]
    assert not cue.search(
        "Soldiers uncovered a tunnel with a hidden entrance near Dara, and rockets were "
        "later fired from it."
    )


def test_review4_an_apposition_headed_by_a_noun_like_a_verb_is_still_one() -> None:
    article = (
        "Northland jets bombed Dara on Monday. "
        "Kel fighters shelled Northtown on Tuesday, the third strike on the town this week."
    )
    kept = summary_of(
        article,
        ("Northland jets bombed Dara on Monday.", [1]),
        ("The third strike on the town this week.", [2]),
    )
    assert kept == ["Northland jets bombed Dara on Monday."]


def test_weapons_destroyed_by_who_found_them_are_disrupted_not_used() -> None:
    text = (
        "Northland Special Forces have destroyed dozens of heavy machine guns, rockets and "
        "explosive devices during an operation in Dara province."
    )
    assert _typed(text, {**_CLASH, "place": "Dara province"}) == ["Disrupted weapons use"]
    # A strike that destroyed a depot is the strike's.
    text = "A Northland air strike destroyed a weapons depot in Dara."
    assert _typed(text, {"ids": [1], "type": "Air/drone strike", "place": "Dara"}) == [
        "Air/drone strike"
    ]


def test_what_is_done_in_a_test_or_a_drill_is_no_incident() -> None:
    for text in (
        "The army carried out test flights of new anti-drone equipment near Dara on Monday, "
        "shooting down three target drones.",
        "During the exercise, troops fired live rounds at targets near Dara.",
        "Soldiers practised intercepting drones at a range outside Dara.",
    ):
        assert not reports_kind("Air/drone strike", [text]), text
    # People hurt, or an attack during a drill, are an incident.
    for text in (
        "During a military exercise, Kel gunmen attacked the base, killing three soldiers.",
        "A drone struck a base in Dara where troops were holding drills.",
    ):
        assert reports_kind("Air/drone strike", [text]), text


def test_review5_attacks_told_beside_a_drill_are_incidents() -> None:
    for text in (
        "During a drill on Tuesday, Kel militants stormed the base in Dara and took 20 "
        "soldiers hostage.",
        "In a drill last week troops fired at targets, but on Tuesday Kel gunmen attacked the "
        "base in Dara.",
        "In an exercise of its right to self-defence, Northland launched airstrikes on Kel "
        "positions near Dara.",
        "In practice, the army has shelled Dara every night.",
        "The test flights ended when a Kel missile shot down the Northland jet over Dara.",
    ):
        assert any(
            reports_kind(kind, [text]) for kind in ("Air/drone strike", "Armed clash", "Attack")
        ), text
