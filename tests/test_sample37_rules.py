"""Rules from the thirteenth round (held-out sample 37, read after it was scored, and the
dev memoir of a decades-old bombing): each encodes a general pattern of English news,
tested on invented sentences with its near misses."""

from __future__ import annotations

from datetime import date
from typing import Any

from fakes import FakeBackend, events_of, summary_of

from summarizer import Settings, summarize
from summarizer.article import as_article
from summarizer.assemble import _reworded, _said, _stems, resolve_date
from summarizer.checks.figurative import literal
from summarizer.checks.lexicon import find_loaded_terms, neutralise
from summarizer.rules.history import article_time
from summarizer.rules.incident import incident_words, reports_kind
from summarizer.rules.sub_type import protest_kind

_IED = {"type": "Remote explosive/landmine/IED", "place": "Northtown"}


def _words(text: str) -> list[str]:
    return incident_words(literal(text))


def test_a_road_crash_that_exploded_is_an_accident() -> None:
    assert _words("One person is dead following a multi-vehicle crash and explosion in Kel.") == []
    assert _words("A tanker crash and fire closed the Dara highway on Monday.") == []
    # A bomb told with the crash keeps its words.
    assert "bomb" in _words("Ten people were killed in a car crash and explosion caused by a bomb.")
    assert "car bomb" in _words("Two were killed when a car bomb exploded after a crash and fire.")


def test_gas_given_off_by_a_household_product_is_an_accident() -> None:
    text = (
        "Four children have died after being poisoned by a gas released from a pest "
        "control chemical, officials said."
    )
    assert _words(text) == []
    assert _words("Fumes leaking from a factory tank sickened 30 workers in Northtown.") == []
    # Gas released by an armed side is a weapon's use.
    assert "died" in _words("Five people died after gas released by militants from a container.")


def test_falling_victim_to_a_hack_is_an_idiom() -> None:
    text = "Prices rose after the Dara pipeline fell victim to a ransomware attack."
    assert _words(text) == []
    assert _words("The firm fell victim to hackers last year.") == []
    # Victims of violence keep the word, and an attack named after the idiom its words.
    assert _words("Ten traders fell victim to kidnappers on the Kel road.") == ["victim"]
    assert {"bomb", "attack"} <= set(_words("The town fell victim to a bomb attack on Monday."))


def test_a_poison_gas_or_one_left_by_an_armed_side_is_no_accident() -> None:
    assert "poison gas released" in _words(
        "Nine people were killed by poison gas released from a container left by Kel militants."
    )
    assert "died" in _words(
        "At least 40 died after chlorine gas leaked from a cylinder dropped by a helicopter."
    )
    # The older accident patterns still read a leak that exploded or caught fire.
    assert _words("Gas escaping from a cylinder exploded at a Kel market, injuring 12.") == []
    assert _words("Fumes escaping from a factory tank caught fire in Kel, killing two.") == []


def test_a_crash_someone_claims_keeps_its_explosion() -> None:
    text = "A military plane crash and explosion near Kel killed four; rebels claimed to down it."
    assert "explosion" in _words(text)


def test_a_full_date_is_read_without_a_publication_date() -> None:
    assert resolve_date("on December 22, 1974", None) == (date(1974, 12, 22), "day")
    assert resolve_date("21 November 2015", None) == (date(2015, 11, 21), "day")
    # A 24-hour clock time is no year.
    assert resolve_date("at 2000 hours on 3 May 2019", None) == (date(2019, 5, 3), "day")
    assert resolve_date("at 2000 hours on 3 May", None) == (None, "unknown")
    # Relative or partial dates need the publication date: nothing is invented.
    assert resolve_date("three years ago in 2019", None) == (None, "unknown")
    assert resolve_date("yesterday, 2019", None) == (None, "unknown")
    assert resolve_date("last year", None) == (None, "unknown")
    assert resolve_date("in 1974", None) == (None, "unknown")
    assert resolve_date("on Monday", None) == (None, "unknown")


def test_an_articles_time_is_its_date_or_the_latest_year_it_tells_as_past() -> None:
    assert article_time(as_article({"text": "Kel rebels met.", "published": "2019-05-02"})) == (
        date(2019, 5, 2)
    )
    told = as_article(
        "Ali Noor joined the Kel Front in 1970. He left it in 1975 and rejoined during the "
        "1981 hunger strike. He broke with the movement for good in 1993."
    )
    assert article_time(told) == date(1993, 1, 1)
    # Plans, forecasts and names with a year say nothing of when the article was written.
    planned = as_article(
        "Ali Noor joined the Kel Front in 1970. Elections are due in 2027. Northland "
        "launched Vision 2030 in 2016. Turnout fell 3% in 2015-2016."
    )
    assert article_time(planned) == date(2016, 1, 1)
    assert article_time(as_article("Rebels attacked Northtown on Monday.")) is None
    # A year of a schedule, a term, a lease or an event's name has not come yet.
    for sentence in (
        "The clashes came ahead of the 2027 general election.",
        "The governor's term ends in 2029.",
        "The lease on the base runs through 2040.",
        "Troops are to withdraw in 2027.",
        "A curfew is in force from 2030 to 0500.",
        "Northland was named host of the Olympics in 2032.",
        "The shooting happened on March 3, 2024 in the 2050 block of Kel Avenue.",
    ):
        assert article_time(as_article(sentence)) is None, sentence


_MEMOIR = (
    "Ali Noor, a former Kel Front commander, said in a memoir that the group carried out "
    "the bombing of a Northtown pub on November 21, 1974. "
    "He left the group in 1975 and broke with it for good in 1993. "
    "The bomb in Northtown killed 21 people."
)


def test_a_bombing_decades_before_the_article_is_background() -> None:
    events = events_of(_MEMOIR, {**_IED, "ids": [1], "when": "November 21, 1974"})
    assert events == []


def test_an_undated_record_of_an_old_article_stays() -> None:
    events = events_of(_MEMOIR, {**_IED, "ids": [3]})
    assert len(events) == 1


def _dated(published: str, when: str) -> list[Any]:
    article = {
        "text": "A bomb exploded in Northtown, killing three people, police said.",
        "published": published,
    }
    return events_of(article, {**_IED, "ids": [1], "when": when})


def test_a_record_within_a_year_of_publication_is_the_news() -> None:
    assert len(_dated("2019-05-02", "on Monday")) == 1
    assert len(_dated("2019-05-02", "on March 3, 2019")) == 1
    # Two years before its publication: told for context.
    assert _dated("2019-05-02", "on March 3, 2017") == []


_SPEECH = (
    "Ali Noor, the Kel governor, said on Monday that the Northland budget was unfair. "
    "He said the plan would hurt farmers. He criticised the Senate for delays."
)


def test_anger_and_pride_as_verbs_of_speech_are_rewritten() -> None:
    def first(sentence: str) -> str:
        return summary_of(_SPEECH, (sentence, [1, 2]), ("He criticised the Senate.", [3]))[0]

    assert first("Ali Noor fumed that the Northland budget was unfair.") == (
        "Ali Noor complained that the Northland budget was unfair."
    )
    assert first("Ali Noor railed against the Northland budget.") == (
        "Ali Noor criticised the Northland budget."
    )
    assert first("Ali Noor scoffed at the Senate's plan.") == (
        "Ali Noor dismissed the Senate's plan."
    )
    assert first("Ali Noor boasted that the budget was fair.") == (
        "Ali Noor said that the budget was fair."
    )
    # A city that boasts a museum says nothing, and weapons, storms and a volcano "fire
    # back", "tear into" and "fume" in their literal senses: no speech verb to rewrite.
    for literal_use in (
        "Northtown boasts a museum and two parks.",
        "The town boasted about 4,000 residents.",
        "Soldiers fired back at the attackers.",
        "The missile tore into a residential building.",
        "The volcano was fuming on Monday.",
        "Ali Noor scoffed when asked.",
    ):
        assert not find_loaded_terms(literal_use), literal_use


_LEDE = (
    "Kel leaders are trying to sink a bill establishing an independent commission on the "
    "deadly attack on the Northland parliament that would probably scrutinize former "
    "president Ali Noor's role in the riot and his calls with Kel lawmakers that day. "
    "The bill passed the lower house on Wednesday with 35 Kel votes."
)


def _filled(*sentences: tuple[str, list[int]]) -> list[str]:
    """The summary when the lede is added for what the model's sentences leave out."""
    answer = {"summary": [{"text": t, "ids": ids} for t, ids in sentences], "events": []}
    settings = Settings(backend="local", max_reasks=0, rereads=0, min_summary_sentences=3)
    result = summarize(_LEDE, backend=FakeBackend(answer), settings=settings)
    return [s.text for s in result.summary]


def test_a_paraphrase_that_rewords_the_lede_gives_way_to_it() -> None:
    # The model's paraphrase reverses the lede ("pass" for "sink"); the lede is added for
    # what it left out, and takes the paraphrase's place instead of following it.
    summary = _filled(
        (
            "Kel leaders are trying to pass a bill to create an independent commission to "
            "investigate the deadly attack on the Northland parliament.",
            [1],
        ),
        ("The bill passed the lower house on Wednesday with 35 Kel votes.", [2]),
    )
    assert summary[0].startswith("Kel leaders are trying to sink a bill")
    assert not any("trying to pass" in s for s in summary)


def test_a_paraphrase_that_adds_a_name_or_more_words_is_no_rewording() -> None:
    lede = _stems("Kel leaders are trying to sink a bill establishing a commission.")

    def reworded(text: str) -> bool:
        return _reworded(text, _said(text), lede)

    assert reworded("Kel leaders are trying to pass a bill to create a commission.")
    # A name the lede lacks is news of its own, and so are four words of it.
    assert not reworded("Kel leaders and Ali Noor are trying to sink a bill creating a commission.")
    assert not reworded(
        "Kel leaders are trying to sink a bill creating a commission over farm subsidy cuts."
    )


def test_a_threat_an_alert_or_a_fear_reports_no_incident() -> None:
    assert not reports_kind(
        "Remote explosive/landmine/IED",
        ["Northland kept its highest alert, citing the threat of simultaneous attacks."],
    )
    assert not reports_kind("Attack", ["Officials fear an attack could happen in the capital."])
    # "feared" as an adjective, and fear after the incident, leave the incident told.
    assert reports_kind("Attack", ["A feared militia attacked the village of Kel, killing five."])
    assert reports_kind("Attack", ["Residents fled in fear after gunmen attacked the village."])


def test_a_toll_summed_over_years_is_no_incident() -> None:
    strike = "Air/drone strike"
    assert not reports_kind(
        strike, ["The drone program has killed an estimated 3,000 people since 2004, a group said."]
    )
    assert not reports_kind(
        "Attack", ["The insurgency has killed thousands of people over the past decade."]
    )
    # One incident's toll told against the years, and a toll since Monday, are news.
    assert reports_kind(strike, ["The strike killed 30 people, the deadliest since 2004."])
    assert reports_kind(strike, ["Airstrikes have killed 12 people in Kel since Monday."])


def test_last_weeks_attack_is_one_the_reader_knows() -> None:
    told = "Schools stayed closed as police searched for suspects in last week's attacks."
    assert not reports_kind("Attack", [told])
    # Today's incident told beside it is news.
    today = "Gunmen killed five on Sunday, a week after last week's attack."
    assert reports_kind("Attack", [today])


def _typed(text: str, sub: str, **fields: Any) -> list[str]:
    return [e.sub_event_type for e in events_of(text, {"type": sub, "ids": [1], **fields})]


def test_an_attack_named_by_its_weapon_is_typed_by_it() -> None:
    text = (
        "Militants on Wednesday carried out two grenade attacks in Kel targeting a police "
        "vehicle, injuring twelve people."
    )
    assert _typed(text, "Armed clash", actor="Militants", place="Kel") == ["Grenade"]
    # A grenade attack foiled is no grenade thrown.
    foiled = "Police foiled a grenade attack in Kel on Wednesday, seizing two grenades."
    assert _typed(foiled, "Armed clash", actor="Police", place="Kel") != ["Grenade"]


def test_a_man_abducted_by_security_forces_is_a_forced_disappearance() -> None:
    text = "Security forces from Northtown illegally abducted a man in Kel on Monday."
    assert _typed(text, "Arrests", actor="Security forces", place="Kel") == [
        "Abduction/forced disappearance"
    ]
    arrested = "Security forces arrested a man in Kel on Monday, after he abducted a child."
    assert _typed(arrested, "Arrests", actor="Security forces", place="Kel") == ["Arrests"]


def test_a_disaster_that_hit_a_place_is_no_attack() -> None:
    text = "Army troops helped with relief in quake-hit areas after earthquakes hit Kel."
    assert _words(text) == []
    assert _words("A storm hit the coast, while rebels shelled the town.") == ["shelled"]


def test_protesters_who_clashed_with_police_are_a_violent_demonstration() -> None:
    text = "Clashes erupted between Kel police forces and protesters in Northtown on Monday."
    assert _typed(text, "Peaceful protest", actor="protesters", place="Northtown") == [
        "Violent demonstration"
    ]
    peaceful = "Protesters marched peacefully through Northtown on Monday."
    assert _typed(peaceful, "Peaceful protest", actor="Protesters", place="Northtown") == [
        "Peaceful protest"
    ]


def test_a_deleted_modifier_keeps_the_conjunction_between_nouns() -> None:
    assert neutralise("Mines take the lives of civilians and innocent people.")[0] == (
        "Mines take the lives of civilians and people."
    )
    assert neutralise("Excluding oil prices, so-called core inflation rose.")[0] == (
        "Excluding oil prices, core inflation rose."
    )
    # Between modifiers the conjunction goes with the one deleted.
    assert neutralise("It was a dangerous and brutal attack.")[0] == "It was a dangerous attack."
    assert neutralise("It was a long, brutal war.")[0] == "It was a long war."


def test_weapons_seized_in_a_raid_are_disrupted_weapons_use() -> None:
    text = "Police seized guns and drugs at an armed raid on two homes in Northtown."
    assert _typed(text, "Armed clash", actor="Police", place="Northtown") == [
        "Disrupted weapons use"
    ]
    # A raid with a fight in it stays a clash.
    fought = "Police raided two homes in Northtown and exchanged fire with gunmen, seizing guns."
    assert _typed(fought, "Armed clash", actor="Police", place="Northtown") == ["Armed clash"]


def test_protests_the_report_calls_violent_are_a_violent_demonstration() -> None:
    text = "Violent protests erupted in Northtown on Tuesday ahead of nationwide marches."
    assert _typed(text, "Protest with intervention", place="Northtown") == ["Violent demonstration"]


def test_the_reason_for_a_ban_reports_no_incident() -> None:
    text = (
        "The company banned Ali Noor in January for inciting a deadly riot in Northtown, "
        "and its board said his history of violence disqualified him."
    )
    assert not reports_kind("Other", [text])


def test_a_business_verb_reports_a_development_only_of_an_armed_side() -> None:
    assert not reports_kind("Other", ["The board the company established said on Wednesday."])
    assert not reports_kind("Other", ["Ali Noor took over as chief executive of Kel Bank."])
    assert reports_kind("Other", ["Northland troops withdrew from Kel on Monday."])
    assert reports_kind(
        "Headquarters or base established",
        ["The latest Northland point was established on Monday in Kel province."],
    )


def test_a_cumulative_toll_beside_todays_incident_leaves_the_incident() -> None:
    for told in (
        "A suicide bomber killed 14 people at a market in Kel, the latest attack by "
        "militants who have killed thousands since 2009.",
        "The bombing at a Kel market has killed at least 30 people, the deadliest attack in "
        "the city since 2010.",
        "Floods have killed 200 since 2020, and gunmen attacked a Kel convoy last night.",
    ):
        assert reports_kind("Attack", [told]), told


def test_a_fear_names_only_the_incident_right_after_it() -> None:
    for told in (
        "Police fear the gunmen who killed five villagers in Kel on Monday will strike again.",
        "Residents fear the militants who attacked Kel overnight will return.",
        "Residents who fled in fear said gunmen burned homes in Kel.",
    ):
        assert reports_kind("Attack", [told]), told
    defied = "Thousands of people defied threats of arrest to protest in Northtown on Sunday."
    assert reports_kind("Peaceful protest", [defied])
    leaders = "Last month's strike leaders marched through Northtown on Monday."
    assert reports_kind("Peaceful protest", [leaders])


def test_an_arrest_of_abductors_stays_an_arrest() -> None:
    text = "Police on Monday captured the leader of a gang that abducted 20 pupils in Kel."
    assert _typed(text, "Arrests", actor="Police", place="Kel") == ["Arrests"]


def test_a_grenade_attack_threatened_is_no_grenade_thrown() -> None:
    text = "Militants threatened grenade attacks on Kel police stations on Monday."
    assert _typed(text, "Armed clash", actor="Militants", place="Kel") != ["Grenade"]


def test_a_clash_denied_or_of_another_time_makes_no_riot() -> None:
    for text in (
        "Protesters never clashed with police during the march in Northtown on Monday.",
        "Protesters marched in Northtown a week after protesters clashed with police in Kel.",
    ):
        assert _typed(text, "Peaceful protest", actor="Protesters", place="Northtown") == [
            "Peaceful protest"
        ], text


def test_a_disaster_never_hides_an_attack_told_after_it() -> None:
    assert _words("Tornadoes swept Northland as rebels shelled Kel, killing 12.") == [
        "shelled",
        "killing",
    ]
    text = "Despite the hurricanes, rebels attacked a Kel army post and killed three soldiers."
    assert _words(text) == ["attacked", "killed"]


def test_a_modifier_between_demonyms_or_at_the_start_takes_its_conjunction() -> None:
    assert neutralise("Deadly and brutal attacks continued.")[0] == "Deadly attacks continued."
    assert neutralise("It was a Northlandian and brutal crackdown.")[0] == (
        "It was a Northlandian crackdown."
    )
    assert neutralise("The militants targeted Kel and innocent villagers.")[0] == (
        "The militants targeted Kel and villagers."
    )


def test_a_paraphrase_with_words_of_another_sentence_is_no_rewording() -> None:
    lede = _stems("Rebels attacked an army base near Kel on Monday.")
    text = "Rebels attacked an army base near Kel, killing soldiers."
    elsewhere = _stems("Four soldiers were killed in the attack, officials said.")
    assert _reworded(text, _said(text), lede)
    assert not _reworded(text, _said(text), lede, elsewhere)


def test_a_clash_with_protesters_is_their_violent_demonstration() -> None:
    text = (
        "Dozens of people were wounded in Northtown on Saturday as security forces used "
        "tear gas in clashes with protesters armed with tree branches."
    )
    assert _typed(text, "Armed clash", actor="security forces", place="Northtown") == [
        "Violent demonstration"
    ]


def test_protesters_detained_at_their_protest_are_a_protest_with_intervention() -> None:
    text = (
        "Northland police detained thousands of protesters on Sunday as activists took to "
        "the streets of Northtown demanding the release of Ali Noor."
    )
    assert _typed(text, "Arrests", actor="Northland police", place="Northtown") == [
        "Protest with intervention"
    ]
    # An arrest of a protest's organiser after it, no protest told, stays an arrest.
    organiser = "Northland police arrested Ali Noor, a Kel activist, in Northtown on Sunday."
    assert _typed(organiser, "Arrests", actor="Northland police", place="Northtown") == ["Arrests"]


def test_a_ruling_on_an_old_shooting_reports_the_ruling() -> None:
    ruled = (
        "The Northland police officer who fatally shot Ali Noor during the riots in January "
        "acted lawfully, the police announced Monday."
    )
    assert not reports_kind("Attack", [ruled])
    # A clause that tells the incident's day is today's news.
    charged = "The soldier who shot a protester in Kel on Monday was charged with murder."
    assert reports_kind("Attack", [charged])


def test_a_lawsuit_over_a_known_attack_reports_the_lawsuit() -> None:
    filed = (
        "Seven Northland police officers filed a lawsuit Thursday accusing Ali Noor of "
        "planning what led to the Jan. 6 attack in Northtown."
    )
    assert not reports_kind("Attack", [filed])
    aim = "The suit seeks to hold Ali Noor legally accountable for the parliament assault."
    assert not reports_kind("Attack", [aim])
    # Today's incident told on the day it was said stays news.
    assert reports_kind("Attack", ["Police said Thursday that gunmen killed five people in Kel."])


def test_an_armed_sides_development_is_told_next_to_its_verb() -> None:
    for told in (
        "The junta withdrew from Kel on Monday.",
        "The Kel Brigade deployed to Northtown on Monday.",
        "Kel Front took control of Northtown on Monday.",
        "Northland deployed warships to Kel on Monday.",
    ):
        assert reports_kind("Other", [told]), told
    assert reports_kind("Headquarters or base established", ["Kel Front set up a headquarters."])
    for business in (
        "The defence ministry established a committee to review pay.",
        "Ali Noor took over the position of party leader.",
    ):
        assert not reports_kind("Other", [business]), business


def test_a_noun_only_lead_in_never_reaches_a_verb() -> None:
    assert reports_kind("Attack", ["A man with a history of violence stabbed three people."])
    assert reports_kind(
        "Violent demonstration", ["Youths angry at Ali Noor's arrest for inciting violence rioted."]
    )
    # "the": a known incident, no fear that it may come.
    assert reports_kind("Attack", ["Officials feared the attack on Monday was Kel Front's work."])
    assert not reports_kind("Attack", ["Officials fear a wave of attacks in the capital."])
    assert not reports_kind("Attack", ["The threat of a Kel Front attack kept schools closed."])


def test_a_toll_over_years_after_a_place_is_still_a_tally() -> None:
    assert not reports_kind("Attack", ["In Kel, gunmen have killed 300 villagers since 2019."])
    assert not reports_kind(
        "Attack", ["According to officials, the insurgency has killed 3,000 people since 2011."]
    )


def test_last_weeks_incident_and_what_it_did_are_known() -> None:
    assert not reports_kind("Attack", ["Police held two suspects in last week's twin bombings."])
    assert not reports_kind("Attack", ["Officials said last week's attacks killed 40 soldiers."])


def test_a_riot_word_of_another_time_leaves_a_peaceful_protest() -> None:
    for text in (
        "Hundreds marched peacefully in Northtown on Monday, unlike last year's violent protests.",
        "Protesters marched in Northtown on Monday, a week after violent protests in Kel.",
    ):
        assert _typed(text, "Peaceful protest", place="Northtown") == ["Peaceful protest"], text
    today = "A curfew was imposed in Northtown on Monday after protesters had clashed with police."
    assert _typed(today, "Peaceful protest", place="Northtown") == ["Violent demonstration"]


def test_a_raid_with_fire_taken_is_a_clash() -> None:
    text = "Police came under fire during a raid on two homes in Northtown and seized rifles."
    assert _typed(text, "Armed clash", actor="Police", place="Northtown") == ["Armed clash"]


def test_a_given_name_before_the_conjunction_keeps_it() -> None:
    assert neutralise("The strike killed Ali and innocent villagers.")[0] == (
        "The strike killed Ali and villagers."
    )
    assert neutralise("Ali and innocent villagers were killed.")[0] == (
        "Ali and villagers were killed."
    )


def test_a_day_of_telling_keeps_a_known_incident_the_news() -> None:
    for told in (
        "Police said Monday the Aug. 3 attack killed 12 people in Northtown.",
        "Police said gunmen killed 12 on Monday, days after the May 2 attack.",
    ):
        assert reports_kind("Attack", [told]), told


def test_a_charge_the_same_day_is_no_ruling_on_an_old_incident() -> None:
    charged = "The gunman who killed five people at a Northtown market was charged with murder."
    assert reports_kind("Attack", [charged])


def test_a_toll_over_years_in_a_clause_after_todays_incident_leaves_it() -> None:
    told = (
        "Last night, gunmen killed 12 people in a region where militants have killed "
        "hundreds since 2019."
    )
    assert reports_kind("Attack", [told])


def test_an_armed_side_far_from_its_verb_or_a_named_place_taken() -> None:
    far = "The rebel alliance that seized the Kel province last year withdrew from Northtown."
    assert reports_kind("Other", [far])
    assert reports_kind("Other", ["The defence ministry deployed reinforcements to Kel."])
    for civil in (
        "The opposition took control of Parliament on Monday.",
        "Customs officials took control of the border crossing.",
    ):
        assert not reports_kind("Other", [civil]), civil


def test_violent_protests_joined_and_a_sanctions_reason_with_the() -> None:
    joined = "Thousands joined violent protests in Northtown on Monday."
    assert reports_kind("Violent demonstration", [joined])
    assert not reports_kind("Attack", ["A Northtown court jailed Dara for inciting the riots."])


def test_a_raid_where_no_shots_were_fired_is_a_seizure() -> None:
    text = "Police seized rifles in a raid on two homes in Northtown in which no shots were fired."
    assert _typed(text, "Armed clash", actor="Police", place="Northtown") == [
        "Disrupted weapons use"
    ]


def test_an_adjectives_ending_makes_a_capitalised_word_a_modifier() -> None:
    assert neutralise("Rebels killed Christian and innocent villagers.")[0] == (
        "Rebels killed Christian villagers."
    )
    assert neutralise("Rebels attacked. Islamist and savage fighters fled.")[0] == (
        "Rebels attacked. Islamist fighters fled."
    )


_ACCUSED = (
    "Ali Noor accused the Kel police of staging the Northtown riot on Monday. "
    "His claims were not backed by evidence, officials said. The riot left two people hurt."
)


def test_the_writers_doubt_hung_on_a_report_is_cut() -> None:
    def first(sentence: str) -> str:
        return summary_of(_ACCUSED, (sentence, [1]), ("The riot left two people hurt.", [3]))[0]

    assert (
        first(
            "Ali Noor accused the Kel police of staging the Northtown riot, but his comments "
            "may have been flimsy."
        )
        == "Ali Noor accused the Kel police of staging the Northtown riot."
    )
    # The report's own hedge and a named speaker's doubt stay.
    hedged = (
        "Ali Noor accused the Kel police of staging the Northtown riot, but the toll may be higher."
    )
    assert first(hedged) == hedged
    said = (
        "Ali Noor accused the Kel police of staging the Northtown riot, but officials said "
        "his claims may have been false."
    )
    assert first(said) == said


def test_an_irregular_past_after_last_weeks_event_is_todays_act() -> None:
    told = "After last week's vote gunmen shot three election workers in Kel."
    assert reports_kind("Attack", [told])


def test_a_non_violent_demonstration_is_no_riot() -> None:
    text = (
        "More than ten protesters were injured after a non-violent demonstration was broken "
        "up in Northtown on Monday."
    )
    assert protest_kind(text) != "Violent demonstration"
