"""Eval v2's judges catch the failures an outside reader found, and pass clean output.

The sentences below are the broken, unattributed or distorted summary sentences quoted
in issue #13 (from outside reading), and clean wire sentences next to them.
"""

from __future__ import annotations

import pytest

from summarizer.article import Article
from summarizer.evaluation.v2 import wellformed
from summarizer.evaluation.v2.judges import (
    has,
    judge_events,
    judge_sentence,
    key_facts_found,
    unsupported_specifics,
)
from summarizer.schema import Actors, Event, GroundedValue, Location

needs_parser = pytest.mark.skipif(not wellformed.available(), reason="spaCy model not installed")

BROKEN = [
    "The withdrawal was chaotic, but only after a and deadly exit.",
    "Biden said it is.",
    "Prosecutors charged the co-defendants related to.",
    "Lieutenant Colonel Matthew Lohmeier.",
    "The group said the attack was retaliation for the.",
]
CLEAN = [
    "The Islamic Resistance in Iraq said it attacked three US bases with drones.",
    "There were no immediate reports of damage or casualties.",
    "A US drone strike in Baghdad killed a militia leader, the Pentagon said.",
    "The Senate passed the bill 74 to 24 on Thursday.",
]


@needs_parser
@pytest.mark.parametrize("sentence", BROKEN)
def test_broken_sentences_are_found(sentence: str) -> None:
    assert wellformed.problems(sentence)


@needs_parser
@pytest.mark.parametrize("sentence", CLEAN)
def test_clean_sentences_pass(sentence: str) -> None:
    assert wellformed.problems(sentence) == []


LABELS = {
    "attribute": [
        {
            "what": "retaliation for US support for Israel",
            "content": ["retaliation", "revenge"],
            "speakers": ["said", "the group", "claimed"],
        }
    ],
    "must_not_say": [
        {
            "what": "ETA carried out the bombing (ETA denied it)",
            "all": [["ETA"], ["carried out", "was behind"]],
            "unless": ["denied", "blamed", "suspected"],
        }
    ],
    "loaded": ["US-occupied", "anti-terror"],
}


def _judge(text: str, cited: str = ""):  # type: ignore[no-untyped-def]
    return judge_sentence(text, cited or text, LABELS, frozenset({"reckless"}), {"LATIN"})


def test_a_motive_without_its_speaker_is_unattributed() -> None:
    assert _judge("The drones hit the base in retaliation for US support for Israel.").unattributed
    assert not _judge("The group said the attack was retaliation for US support.").unattributed


def test_a_denial_turned_into_a_fact_is_a_distortion() -> None:
    assert _judge("The bombing was carried out by ETA.").distorted
    assert not _judge("Police blamed ETA, which denied it carried out the bombing.").distorted


def test_loaded_wording_counts_only_outside_quotation_marks() -> None:
    assert _judge("Drones hit a US-occupied base.").loaded
    assert not _judge('The group said it hit a "US-occupied" base.').loaded
    assert _judge("Critics called the plan reckless.").loaded  # the outside lexicon


def test_specifics_must_be_in_the_cited_sentences() -> None:
    cited = "Thousands of teachers marched peacefully in Lagos on Friday, organisers said."
    invented = "Police shot dead twelve marchers in Lagos on Friday, police said."
    assert any("twelve" in m for m in unsupported_specifics(invented, cited))
    assert unsupported_specifics("Teachers marched in Lagos on Friday.", cited) == []
    assert any("negation" in m for m in unsupported_specifics("No teachers marched.", cited))
    # A name cut short by the article is not a name the summary may complete.
    assert unsupported_specifics("Robert Kagan said it.", "Robert... said it.")


def test_key_facts_need_every_group_in_one_sentence_and_the_polarity() -> None:
    facts = [
        {"all": [["Islamic Resistance"], ["drone", "attack"]]},
        {"all": [["damage", "casualties"]], "polarity": "negated"},
    ]
    summary = [
        "The Islamic Resistance in Iraq said it carried out drone attacks.",
        "The attacks caused heavy casualties.",
    ]
    assert key_facts_found(summary, facts) == [True, False]
    assert key_facts_found(["There were no reports of casualties."], facts) == [False, True]


def test_a_fact_s_polarity_is_read_in_the_clauses_that_tell_it() -> None:
    won = [{"all": [["Noor", "party"], ["won"]]}]
    # A negation in another clause is about something else.
    assert key_facts_found(["Noor's party won the vote, but he did not get a majority."], won) == [
        True
    ]
    # In the fact's own clause it negates the fact.
    assert key_facts_found(["Noor's party has not won the vote."], won) == [False]
    assert key_facts_found(["Officials denied that Noor's party won the vote."], won) == [False]
    # A fact worded with a negation carries it as content.
    unanimous = [{"all": [["no justice", "unanimously"]]}]
    assert key_facts_found(["No justice publicly dissented."], unanimous) == [True]
    evacuated = [{"all": [["evacuate"]]}]
    told = "No one was hurt, as the army had ordered people to evacuate."
    assert key_facts_found([told], evacuated) == [True]


def test_phrase_matching_is_on_word_boundaries() -> None:
    assert has("Two attacks hit the bases.", "attack")
    assert not has("The counterattack began.", "attack")


def _event(place: str, actor: str | None = None, sub: str = "Air/drone strike") -> Event:
    def gv(text: str | None) -> GroundedValue | None:
        return GroundedValue(value=text, evidence=[], alignment="none") if text else None

    return Event(
        event_type="Explosions/Remote violence",
        sub_event_type=sub,
        actors=Actors(actor1=gv(actor)),
        location=Location(place=gv(place)),
        responsibility="unknown",
        sentence_ids=[1],
        evidence=[],
    )


ARTICLE = Article(text="A drone struck a convoy near Kunduz on Monday, killing two people.")
GOLD = {
    "incident": True,
    "events": [
        {
            "sub_event_type": "Air/drone strike",
            "event_type": "Explosions/Remote violence",
            "location": ["Kunduz"],
            "actor1": [],
            "fatalities": 2,
            "responsibility": "unknown",
        }
    ],
}


def test_a_record_copied_from_the_prompt_example_is_false() -> None:
    # "near Tarin" is the few-shot example's place: never in this article.
    j = judge_events([_event("Kunduz"), _event("near Tarin", "the army")], GOLD, ARTICLE)
    assert j.true_positive == 1
    assert j.false_records == ["a place, actor or target the article does not name"]


def test_records_on_an_article_without_an_incident_are_all_false() -> None:
    j = judge_events([_event("Kunduz")], {"incident": False, "events": []}, ARTICLE)
    assert j.non_event_records == 1 and j.true_positive == 0


@needs_parser
@pytest.mark.parametrize(
    "sentence",
    [
        'He called the result a "clear mandate" to govern.',
        "A majority voted no - meaning against the recall - on Tuesday.",
    ],
)
def test_a_quotation_or_aside_after_a_determiner_is_fine(sentence: str) -> None:
    assert wellformed.problems(sentence) == []
