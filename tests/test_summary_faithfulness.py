"""Summary sentences that say more, or less, than their sentences (issue #15).

Fake answers are hand-written fixtures playing a small model's habits seen on outside
news: completing a sentence the page cut off, padding with "The incident occurred in
...", stating someone's view as fact, stopping mid-sentence at a quotation mark, writing
an organisation's initials. The article texts are written for the test.
"""

from __future__ import annotations

from fakes import summary_of as _summary

from summarizer.checks.lexicon import neutralise
from summarizer.checks.wellformed import problems


def test_a_sentence_completing_a_cut_off_one_is_dropped() -> None:
    article = {
        "text": "Three papers withdrew reports about the mayor of Dara on Friday.\n"
        "The Dara Post issued a correction on Saturday saying it had removed claims that "
        "the mayor..."
    }
    texts = _summary(
        article,
        ("Three papers withdrew reports about the mayor of Dara on Friday.", [1]),
        (
            "The Dara Post issued a correction saying it had removed claims that the mayor "
            "took bribes.",
            [2],
        ),
    )
    assert texts == ["Three papers withdrew reports about the mayor of Dara on Friday."]


def test_a_filler_restating_the_place_or_misdating_the_incident_is_dropped() -> None:
    article = {
        "text": "Six people were killed when forces shelled a market in Kel, a monitoring "
        "group said Tuesday."
    }
    lede = "Six people were killed when forces shelled a market in Kel, a monitoring group said."
    assert _summary(article, (lede, [1]), ("The incident occurred in Kel.", [1])) == [lede]
    misdated = "The monitoring group said the attack occurred on Tuesday."
    assert _summary(article, (lede, [1]), (misdated, [1])) == [lede]
    # A sentence that tells a place the summary had not told stays.
    article = {"text": "Gunmen killed two guards on Monday.\nThe attack took place in Kel."}
    texts = _summary(
        article, ("Gunmen killed two guards on Monday.", [1]), ("The attack occurred in Kel.", [2])
    )
    assert texts[-1] == "The attack occurred in Kel."


def test_a_view_stated_as_fact_is_dropped() -> None:
    article = {
        "text": "The comedian has lashed out at what he views as organised attempts to "
        "silence him.\nHis latest show opens on Friday."
    }
    texts = _summary(
        article,
        ("The comedian has mocked organised attempts to silence him.", [1]),
        ("His latest show opens on Friday.", [2]),
    )
    assert texts == ["His latest show opens on Friday."]
    # With the view kept as his, it stands (its emotive verb made neutral, idiom and all).
    kept = "The comedian has lashed out at what he views as organised attempts to silence him."
    texts = _summary(article, (kept, [1]), ("His latest show opens on Friday.", [2]))
    assert (
        texts[0]
        == "The comedian has criticised what he views as organised attempts to silence him."
    )


def test_a_sentence_stopped_at_a_quotation_mark_is_dropped() -> None:
    article = {
        "text": 'A memo urges lawmakers to focus on how the plan "lowers costs for families".\n'
        "The vote is set for Friday."
    }
    texts = _summary(
        article,
        ("A memo urges lawmakers to focus on how the plan", [1]),
        ("The vote is set for Friday.", [2]),
    )
    assert texts == ["The vote is set for Friday."]


def test_initials_stand_for_the_name_the_article_spells_out() -> None:
    article = {
        "title": "Vaccinated people may spread the virus, N.H.A. reports",
        "text": "Vaccinated people may spread the virus, the Northland Health Agency said "
        "on Friday.\nSevere illness remains rare.",
    }
    texts = _summary(
        article,
        ("The NHA said vaccinated people may spread the virus.", [1]),
        ("Severe illness remains rare.", [2]),
    )
    assert texts[0] == "The NHA said vaccinated people may spread the virus."


def test_a_sentence_ending_on_a_title_is_cut_off() -> None:
    assert problems("Prisoners were swapped with forces loyal to Gen.")
    assert not problems("The forces were commanded by Gen. Ali Noor.")


def test_a_delegitimizing_modifier_is_deleted_where_the_sentence_stays_whole() -> None:
    text, left = neutralise("Prisoners were swapped with illegitimate forces loyal to Gen. Noor.")
    assert text == "Prisoners were swapped with forces loyal to Gen. Noor." and not left
    text, left = neutralise("People with so-called breakthrough infections may spread it.")
    assert text == "People with breakthrough infections may spread it." and not left
    # A predicate use cannot go without breaking the sentence: left, and flagged.
    text, left = neutralise("The vote was illegitimate.")
    assert text == "The vote was illegitimate." and left


def test_what_a_filler_adds_keeps_a_sentence_that_says_more() -> None:
    from summarizer.filler import filler_restatement

    lede = "Five people were killed at a market in Dara on Monday, police said."
    for kept in (
        "The attack was carried out by a suicide bomber, police said.",
        "The bombing took place during evening prayers at a crowded mosque.",
        "The explosion occurred near a police checkpoint.",
    ):
        assert filler_restatement(kept, [lede], lede) is None
    claim = "The Kel Front's northern branch claimed the rocket attack on the gas plant."
    restated = "The attack was carried out by the Kel Front's northern branch."
    assert filler_restatement(restated, [claim], claim)  # the claim made a fact
    assert filler_restatement("Police said the incident occurred.", [lede], lede)


def test_a_cut_off_sentence_ends_at_a_stub_not_at_any_comma() -> None:
    from summarizer.rules.neutrality import complete_sentence

    stub = "Northland forces shelled Kel on Monday, killing six civilians, a monitoring"
    assert (
        complete_sentence(stub) == "Northland forces shelled Kel on Monday, killing six civilians."
    )
    clause = "A witness who spoke to a paper, said that twelve people were killed in Kel"
    assert complete_sentence(clause) == clause + "."


def test_views_and_predicates_are_read_narrowly() -> None:
    from summarizer.rules.hedges import _view_as_fact

    seen = "Witnesses described what they saw in the market after the bomb exploded."
    assert _view_as_fact("The bomb exploded in the market.", seen) is None
    called = "The strike came in what Northland called an attack on its sovereignty."
    assert _view_as_fact("The attack on Kel killed two.", called) is None
    # "were indeed used": an adverb, deleted; "was illegitimate and ...": the claim, kept.
    assert (
        neutralise("Drones were indeed used in the attack.")[0] == "Drones were used in the attack."
    )
    text = "The opposition said the vote was illegitimate and called for a rerun."
    assert neutralise(text)[0] == text


def test_an_explosive_report_is_a_report_and_an_explosive_device_a_device() -> None:
    assert neutralise("This follows an explosive report on the school.")[0] == (
        "This follows a report on the school."
    )
    assert neutralise("Police found an explosive device near Kel.")[0] == (
        "Police found an explosive device near Kel."
    )


def test_a_columns_noun_phrase_set_off_as_a_sentence_is_no_sentence() -> None:
    assert problems("A risk to their fellow citizens.")
    assert problems("A threat to the country's economic recovery.")
    assert not problems("A bomb exploded in Kel on Monday.")
    assert not problems("A spokesman says the talks will resume.")
    assert not problems("A Senate report details failures and shortcomings before the riot in Kel.")


def test_a_speaker_left_dangling_becomes_the_attribution() -> None:
    article = {
        "text": "Four guards were killed when a bomb detonated on a street in Kel on Monday, "
        "Northland News reported.\nThe street was closed on Tuesday."
    }
    texts = _summary(
        article,
        ("Four guards were killed when a bomb detonated in Kel on Monday, Northland News.", [1]),
        ("The street was closed on Tuesday.", [2]),
    )
    assert texts[0].endswith("in Kel on Monday, according to Northland News.")


def test_a_name_said_twice_is_no_repeated_word() -> None:
    assert not problems("The Mai Mai militia took the town of Kel on Monday.")
    assert problems("The the militia took the town of Kel on Monday.")


def test_present_tense_reports_opening_on_a_are_sentences() -> None:
    assert not problems("A car bomb explodes in Kel, killing five people.")
    assert not problems("A new curfew starts in Kel on Friday.")
    assert problems("A source of frustration for officials.")


def test_a_pages_stray_quotation_mark_is_no_part_of_the_sentence() -> None:
    from summarizer.rules.neutrality import complete_sentence

    stray = 'The campaign collected 1.6 million signatures, the office said. "'
    assert (
        complete_sentence(stray)
        == "The campaign collected 1.6 million signatures, the office said."
    )


def test_third_review_summary_misfires_stay_fixed() -> None:
    from summarizer.checks.attribution import SPEECH
    from summarizer.rules.neutrality import complete_sentence

    assert SPEECH.search("EU member states that have ratified the deal met.") is None
    assert SPEECH.search("The indictment states that he lied.")
    assert not problems("A search for survivors continues in Dara.")
    stray = 'He said the man was "dead on arrival." "'
    assert complete_sentence(stray) == 'He said the man was "dead on arrival."'


def test_a_list_ending_the_sentence_is_no_stub() -> None:
    from summarizer.rules.neutrality import complete_sentence

    listed = "The talks in Kel involved Northland, Dara and Kel"
    assert complete_sentence(listed) == listed + "."
