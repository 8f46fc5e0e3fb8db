"""Summary sentences a wire editor would sign (issue #15): no fragment, no view or
motive without its speaker, no negation the article lacks, no loaded intensifier
deleted into a fragment, and the lede's facts when the model's summary is short.

The fake answers are hand-written fixtures playing a model that copies the outlet's
sentences; the article texts are written for the test.
"""

from __future__ import annotations

import pytest
from fakes import FakeBackend

from summarizer import Settings, summarize
from summarizer.article import Article
from summarizer.checks.clauses import speaker_of, trim_before
from summarizer.checks.lexicon import neutralise
from summarizer.checks.wellformed import addresses_reader, problems, says_nothing
from summarizer.rules import SentenceWork, abbreviation_spacing, dateline, section_label
from summarizer.rules.attribution import writer_of_column

SETTINGS = Settings(backend="local", max_reasks=0, rereads=0, min_summary_sentences=0)


@pytest.mark.parametrize(
    "fragment",
    [
        "Rand Paul called the bill a.",  # a quotation stripped in place
        "Biden dismissed the tactics as common and.",
        "The outcry grew over the course of the...",
        "Prosecutors charged three co-defendants related to.",
        "The attack was condemned by",  # no full stop
        'The minister called it "" and left.',
        "it was a deadly exit.",
        "It was a and deadly exit.",
        "Colonel John Smith of the air force.",  # a name, no verb
        "Protests in Marseille ahead of the vaccine pass.",  # capitalised: a noun
        "Y., called the request for disaster relief necessary.",  # a name cut in two
        "The security situation in the country was, according to Joseph.",  # cut off
        "Biden said it is.",  # the quotation stripped
        "Trudeau's Reason for Calling Snap Election Fails, according to CNN.",  # a headline
        "Photo © 2001 Corbis Images all rights reserved.",  # a credit line
        "The retreat has evoked a feeling of deja vu for me.",  # the writer's own voice
        "And not wood chips.",  # a column's fragment continuing the sentence before it
    ],
)
def test_fragments_are_flagged(fragment: str) -> None:
    assert problems(fragment)


@pytest.mark.parametrize(
    "sentence",
    [
        "A court in Oslo sentenced a man to life in prison for planning an attack in 2019.",
        "A bomb went off in New York and nobody knows exactly what is going on.",
        "“We will hunt you down,” Biden said.",
        "The group said it fired at the base (near the border) on Monday.",
        # Bare verbs: a plural subject's verb has no ending of its own.
        "The announcement and the date apply to both air and land travel.",
        "Rebel units control the town of Tarsa.",
        "Officials fled the capital on Monday.",
        "Not a single shot was fired.",
        "But not everyone agreed.",
        "And not one of them survived.",
        "The army withdrew from the area.",
        "A fighter jet flew over the city.",
        "The economy shrank by 2 percent.",
    ],
)
def test_whole_sentences_pass(sentence: str) -> None:
    assert problems(sentence) == []


def test_intensifier_deletion_keeps_the_sentence_whole() -> None:
    assert neutralise("It was a chaotic and deadly exit.")[0] == "It was a deadly exit."
    assert neutralise("It was a deadly and chaotic exit.")[0] == "It was a deadly exit."
    assert neutralise("A brutal attack killed five.")[0] == "An attack killed five."
    text, left = neutralise("The attack was brutal.")  # a predicate: no safe deletion
    assert text == "The attack was brutal." and [t.text for t in left] == ["brutal"]
    assert neutralise("He led a resistance group.")[0] == "He led an armed group."
    # A noun use is no modifier: deleting "evil" would leave "the of war".
    text, left = neutralise("They fought the evil of war.")
    assert text == "They fought the evil of war." and [t.text for t in left] == ["evil"]
    # Emotive verbs give way to plain ones in the same tense.
    assert neutralise("Prices soared as lawmakers grilled the minister.")[0] == (
        "Prices rose as lawmakers questioned the minister."
    )


def test_trailing_clause_is_cut_whole() -> None:
    text = (
        "Jets destroyed a tower in Gaza City, which has been criticised as an attack on the press."
    )
    assert trim_before(text, text.index("criticised")) == "Jets destroyed a tower in Gaza City."
    assert trim_before("He left, which hurt.", 12) is None  # the main clause is too short


def test_speaker_is_found_next_to_the_speech_verb() -> None:
    assert speaker_of("Thousands were released, two US officials told AP.") == "two US officials"
    assert speaker_of("According to the ministry, five people died.") == "the ministry"
    assert speaker_of("The army said it struck a depot.") == "The army"
    assert speaker_of("Ali Noor on Thursday announced a truce.") == "Ali Noor"
    assert speaker_of("The Commission on Elections said the vote was fair.") == (
        "The Commission on Elections"
    )
    assert speaker_of("“We will win,” he said.") is None  # a pronoun names nobody
    # An apostrophe inside a name is no closing quote; a mismatched one is not the speaker's.
    assert speaker_of("O’Brien said two troopers responded.") == "O’Brien"
    assert speaker_of("“We will respond,’ the minister said.") == "the minister"
    # A phrase ending on a pronoun, and an auxiliary before "reported by", name nobody.
    assert speaker_of("Rockets hit Dara, a day after it said it struck a depot.") is None
    assert speaker_of("The toll and the wounded, were reported by Gen. Ali Noor.") is None


def test_an_according_to_source_keeps_its_dots_and_sheds_its_description() -> None:
    # A dotted abbreviation is part of the name, not the end of the sentence.
    assert speaker_of("Five died, according to the U.S. military.") == "the U.S. military"
    # Where a document went, or who read it, describes the source; it does not name it.
    guidance = (
        "Prosecutors will treat the cases as terrorism, according to internal guidance "
        "sent to U.S. attorney’s offices reviewed by\xa0Reuters."
    )
    assert speaker_of(guidance) == "internal guidance"
    assert speaker_of("Two died, according to a memo seen by reporters.") == "a memo"
    assert speaker_of("Two died, documents obtained by the AP said.") == "documents"
    # Who released or issued it is its author, and stays.
    released = "Two died, according to figures released by the health ministry."
    assert speaker_of(released) == "figures released by the health ministry"


ARTICLE = {
    "text": "Gunmen of the Northern Front attacked a police post in Dara on Monday, killing "
    "four officers, the group said in a statement.\n"
    "It said the attack was in retaliation for the arrest of its leader.\n"
    "The police post was rebuilt last year.\n"
    "“We will not stop,” the group's spokesman Ali Noor said.\n"
    "Separately, police in Dara arrested 12 protesters on Tuesday, a police spokesman said.",
}
EVENT = {
    "ids": [1],
    "type": "Attack",
    "actor": "Northern Front",
    "resp": "claimed",
    "by": "Northern Front",
    "place": "Dara",
    "killed": 4,
}


def _run(*sentences: tuple[str, list[int]], events: list | None = None, **settings):  # type: ignore[no-untyped-def]
    answer = {"summary": [{"text": t, "ids": ids} for t, ids in sentences], "events": events or []}
    return summarize(ARTICLE, backend=FakeBackend(answer), settings=SETTINGS.with_(**settings))


def test_a_motive_gets_the_claimant_as_its_speaker() -> None:
    result = _run(
        (
            "Gunmen attacked a police post in Dara in retaliation for the arrest of a leader.",
            [1, 2],
        ),
        ("The police post was rebuilt last year.", [3]),
        events=[EVENT],
    )
    assert result.summary[0].text.endswith(", Northern Front said.")


def test_a_motive_nobody_gives_is_cut_off() -> None:
    result = _run(
        (
            "Gunmen attacked a police post in Dara in retaliation for the arrest of a leader.",
            [1, 2],
        ),
        ("The police post was rebuilt last year.", [3]),
    )
    first = result.summary[0].text
    assert first.startswith("Gunmen attacked a police post in Dara")
    assert "retaliation" not in first


def test_restated_speech_gets_its_speaker_and_a_bare_quotation_is_dropped() -> None:
    result = _run(
        ("Police in Dara arrested 12 protesters on Tuesday.", [5]),
        ("“We will not stop.”", [4]),
    )
    texts = [s.text for s in result.summary]
    assert (
        texts[0]
        == "Police in Dara arrested 12 protesters on Tuesday, according to a police spokesman."
    )
    assert len(texts) == 2 and "Ali Noor" in texts[1]


def test_restated_speech_of_two_sources_gets_the_closest_ones_speaker() -> None:
    two = {
        "text": "Hundreds of migrants were released in Dara, a new report said.\n"
        "They were given notices to appear in court, an official told reporters."
    }
    answer = {
        "summary": [{"text": "Hundreds of migrants were released in Dara.", "ids": [1, 2]}] * 2,
        "events": [],
    }
    result = summarize(two, backend=FakeBackend(answer), settings=SETTINGS)
    assert result.summary[0].text == (
        "Hundreds of migrants were released in Dara, according to a new report."
    )


@pytest.mark.parametrize(
    ("source", "restated", "attributed"),
    [
        # The speaker as the sentence's subject is named again in short, never as
        # "according to" its own full name (nor with the day it spoke).
        (
            "Governor Ali Noor on Thursday announced a committee to investigate the riot.",
            "Governor Ali Noor creates a committee to investigate the riot.",
            "Governor Ali Noor creates a committee to investigate the riot, Noor said.",
        ),
        (
            "The Northland ministry said it will open an inquiry into the shooting.",
            "The Northland ministry will open an inquiry into the shooting.",
            "The Northland ministry will open an inquiry into the shooting, the ministry said.",
        ),
        # An institution by its name in full; a person by the last word of the name.
        (
            "The Ministry of Health said it will open clinics in Northtown.",
            "The Ministry of Health will open clinics in Northtown.",
            "The Ministry of Health will open clinics in Northtown, the Ministry of Health said.",
        ),
        (
            "Ali Noor III said he will run for governor.",
            "Ali Noor III will run for governor.",
            "Ali Noor III will run for governor, Noor said.",
        ),
        # The subject who speaks in the sentence ("saying") needs no second attribution.
        (
            "Top officials told lawmakers they had advised keeping troops in Northtown.",
            "Top officials contradict the governor, saying they advised keeping troops.",
            "Top officials contradict the governor, saying they advised keeping troops.",
        ),
        # A name that only begins the subject ("police officer") is someone else.
        (
            "The officer who shot him acted lawfully, the Dara Police said.",
            "The Dara police officer who shot him acted lawfully.",
            "The Dara police officer who shot him acted lawfully, according to the Dara Police.",
        ),
    ],
)
def test_restated_speech_names_its_speaker_once(
    source: str, restated: str, attributed: str
) -> None:
    answer = {"summary": [{"text": restated, "ids": [1]}] * 2, "events": []}
    result = summarize({"text": source}, backend=FakeBackend(answer), settings=SETTINGS)
    assert result.summary[0].text == attributed


def test_an_unsupported_negation_is_cut_or_dropped() -> None:
    result = _run(
        ("Gunmen attacked a police post in Dara, though no officers were hurt.", [1]),
        ("The police post was not rebuilt last year.", [3]),
    )
    texts = [s.text for s in result.summary]
    assert texts == ["Gunmen attacked a police post in Dara."]


def test_writers_analysis_is_cut() -> None:
    result = _run(
        (
            "The police post in Dara was rebuilt last year, underscoring the chaos in the region.",
            [3],
        ),
        ("Gunmen attacked a police post in Dara on Monday, the group said.", [1]),
    )
    assert result.summary[0].text == "The police post in Dara was rebuilt last year."


def test_a_short_summary_takes_the_lede_and_uncovered_incidents() -> None:
    second = {
        "ids": [5],
        "type": "Arrests",
        "actor": "police",
        "resp": "confirmed",
        "place": "Dara",
    }
    result = _run(
        ("The police post in Dara was rebuilt last year.", [3]),
        ("The group said it attacked a police post in Dara.", [1]),
        events=[EVENT, second],
        min_summary_sentences=3,
    )
    texts = [s.text for s in result.summary]
    # The arrests (event 2, no summary sentence) come first, without "Separately,".
    assert texts[2] == "Police in Dara arrested 12 protesters on Tuesday, a police spokesman said."
    added = [f for f in result.run.findings if "added the article's sentence" in f.message]
    assert added and all(f.repaired for f in added)


def test_a_cited_lede_sentence_the_summary_does_not_tell_is_added() -> None:
    # The model cites sentences 1 and 2 but tells only the attack: the motive (sentence 2)
    # is not in the summary, so a short summary takes it right after the attack ...
    result = _run(
        ("The police post in Dara was rebuilt last year.", [3]),
        ("Gunmen attacked a police post in Dara on Monday, killing four officers.", [1, 2]),
        events=[EVENT],
        min_summary_sentences=3,
    )
    texts = [s.text for s in result.summary]
    assert len(texts) == 3 and "retaliation for the arrest of its leader" in texts[2]
    # ... but never after another sentence: "It said ..." would point at the post.
    result = _run(
        ("Gunmen attacked a police post in Dara on Monday, killing four officers.", [1, 2]),
        ("The police post in Dara was rebuilt last year.", [3]),
        events=[EVENT],
        min_summary_sentences=3,
    )
    texts = [s.text for s in result.summary]
    assert not any(t.startswith("It said") for t in texts)


def test_an_uncovered_incident_is_told_by_its_sentence_that_names_its_parties() -> None:
    article = {
        "text": "Parliament met in Dara on Monday.\n"
        "The session came a day after a drone strike killed a militia leader.\n"
        "The Northern Army confirmed it carried out the strike that killed Ali Noor in Tarsa.\n"
        "The speaker opened the session with a prayer."
    }
    strike = {
        "ids": [2, 3],
        "type": "Air/drone strike",
        "actor": "The Northern Army",
        "target": "Ali Noor",
        "place": "Tarsa",
        "resp": "confirmed",
    }
    summary = [
        {"text": "Parliament met in Dara on Monday.", "ids": [1]},
        {"text": "The speaker opened the session with a prayer.", "ids": [4]},
    ]
    answer = {"summary": summary, "events": [strike]}
    settings = SETTINGS.with_(min_summary_sentences=3)
    result = summarize(article, backend=FakeBackend(answer), settings=settings)
    texts = [s.text for s in result.summary]
    assert texts[2].startswith("The Northern Army confirmed it carried out the strike")


def test_a_summary_says_who_claimed_the_attack() -> None:
    article = {
        "text": "A car bomb killed 12 soldiers at a base in Dara on Monday.\n"
        "The base had been reinforced last month.\n"
        "The Northern Front claimed responsibility for the attack in a statement."
    }
    summary = [
        {"text": "A car bomb killed 12 soldiers at a base in Dara on Monday.", "ids": [1]},
        {"text": "The base had been reinforced last month.", "ids": [2]},
    ]
    answer = {"summary": summary, "events": []}
    settings = SETTINGS.with_(min_summary_sentences=3)
    result = summarize(article, backend=FakeBackend(answer), settings=settings)
    texts = [s.text for s in result.summary]
    assert texts[-1] == "The Northern Front claimed responsibility for the attack in a statement."
    # Off with the lede filling, the model's summary stays as it is.
    settings = SETTINGS.with_(min_summary_sentences=0)
    result = summarize(article, backend=FakeBackend(answer), settings=settings)
    assert len(result.summary) == 2


def test_a_lede_that_says_all_a_summary_sentence_says_takes_its_place() -> None:
    # The model's first sentence is a short form of the lede it cites: the lede, added
    # for what the summary left out, replaces it rather than repeating it.
    article = {
        "text": "Rebels attacked a police post in Dara on Monday, killing four officers and "
        "wounding a driver near the northern border crossing.\nThe post was rebuilt last "
        "year.\nThe mayor visited the site on Tuesday."
    }
    answer = {
        "summary": [
            {"text": "Rebels attacked a police post in Dara.", "ids": [1]},
            {"text": "The post was rebuilt last year.", "ids": [2]},
        ],
        "events": [],
    }
    settings = SETTINGS.with_(min_summary_sentences=3)
    result = summarize(article, backend=FakeBackend(answer), settings=settings)
    texts = [s.text for s in result.summary]
    assert texts[0].startswith("Rebels attacked a police post in Dara on Monday, killing four")
    assert sum("Rebels" in t for t in texts) == 1
    assert any("replaced by the article's sentence 1" in f.message for f in result.run.findings)


_PARAPHRASED_LEDE = (
    "Expanded storm relief payments that have kept thousands of Northland families afloat "
    "expired on Monday, cutting off assistance to 7,500 households.\n"
    "The end of the aid came without objection from Governor Dara and her advisers.\n"
    "The payments began in March."
)


def _lede_case(first: str) -> list[str]:
    answer = {
        "summary": [
            {"text": first, "ids": [1]},
            {"text": "The end of the aid came without objection from Governor Dara.", "ids": [2]},
        ],
        "events": [],
    }
    settings = SETTINGS.with_(min_summary_sentences=3)
    result = summarize({"text": _PARAPHRASED_LEDE}, backend=FakeBackend(answer), settings=settings)
    return [s.text for s in result.summary]


def test_a_paraphrase_of_the_lede_gives_way_to_the_lede_when_nothing_is_lost() -> None:
    # The model's first sentence tells under half of the lede it cites, so the lede is
    # added; what the paraphrase says beyond it ("aid") the next summary sentence says:
    # the lede takes its place, first, instead of following it as a repeat.
    texts = _lede_case("Storm relief aid for thousands of Northland families expired.")
    assert texts[0].startswith("Expanded storm relief payments")
    assert texts[1].startswith("The end of the aid")
    assert not any(t.startswith("Storm relief aid") for t in texts)


@pytest.mark.parametrize(
    "first",
    [
        # A claim the lede does not make ("ended in failure") keeps its own sentence.
        "Storm relief payments ended in failure, leaving thousands of families stranded.",
        # Attribution the lede lacks: the paraphrase says more.
        "Northland said storm relief payments for thousands of families expired.",
    ],
)
def test_a_sentence_that_says_more_than_the_lede_keeps_its_place(first: str) -> None:
    texts = _lede_case(first)
    assert texts[0] == first
    # The lede follows it, where the article tells it: before the sentence on sentence 2.
    assert texts[1].startswith("Expanded storm relief payments")
    assert texts[2].startswith("The end of the aid")


def test_an_outlets_section_label_is_not_part_of_the_sentence() -> None:
    result = _run(
        ("Why it matters: Gunmen attacked a police post in Dara on Monday.", [1]),
        ("The police post was rebuilt last year.", [3]),
    )
    assert result.summary[0].text.startswith("Gunmen attacked a police post in Dara on Monday")
    # A colon that follows no label is left alone.
    work = SentenceWork(0, Article(text=ARTICLE["text"]), "Context matters: police said so.", [1])
    section_label.repair_sentence(work)
    assert work.text == "Context matters: police said so."


def test_a_dateline_is_not_part_of_the_sentence() -> None:
    result = _run(
        ("DARA, Northland (AP) — Gunmen attacked a police post in Dara on Monday.", [1]),
        ("The police post was rebuilt last year.", [3]),
    )
    assert result.summary[0].text.startswith("Gunmen attacked a police post in Dara")
    # Capitals and a dash that are no dateline stay.
    work = SentenceWork(0, Article(text=ARTICLE["text"]), "NATO — the alliance — met.", [1])
    dateline.repair_sentence(work)
    assert work.text == "NATO — the alliance — met."


def test_a_sentence_that_repeats_an_earlier_one_is_dropped() -> None:
    result = _run(
        ("Gunmen of the Northern Front attacked a police post in Dara on Monday.", [1]),
        ("The Northern Front attacked a police post in Dara.", [1]),
        ("The police post was rebuilt last year.", [3]),
    )
    texts = [s.text for s in result.summary]
    assert len(texts) == 2 and texts[1] == "The police post was rebuilt last year."
    assert any("repeats summary sentence 1" in f.message for f in result.run.findings)


def test_names_and_a_verb_are_a_sentence_not_a_headline() -> None:
    assert not problems("President Joe Biden met Chinese President Xi Jinping.")
    # A clause of its own may end on its verb; a quoted first person and a regnal numeral
    # are no writer's voice.
    assert not problems("It was not immediately clear who the gunmen were.")
    assert not problems('"We will not stop," the spokesman said.')
    assert not problems("The treaty ended World War I in Europe.")


def test_a_spaced_abbreviation_is_closed_up_as_the_article_writes_it() -> None:
    article = Article(text="U.S. Central Command said the strike killed ten people.")
    work = SentenceWork(0, article, "U. S. Central Command said the strike killed ten.", [1])
    abbreviation_spacing.repair_sentence(work)
    assert work.text == "U.S. Central Command said the strike killed ten."
    work = SentenceWork(0, article, "The U. N. said nothing.", [1])  # not the article's
    abbreviation_spacing.repair_sentence(work)
    assert work.text == "The U. N. said nothing."
    # A month before a day, as the article writes it.
    article = Article(text="The ban ends on Nov. 8, officials said. Talks resume in December.")
    work = SentenceWork(0, article, "The ban ends on November 8 and talks resume in December.", [1])
    abbreviation_spacing.repair_sentence(work)
    assert work.text == "The ban ends on Nov. 8 and talks resume in December."


def test_an_opinion_pieces_sentences_are_the_writers_view() -> None:
    column = {
        "title": "Opinion: the West keeps repeating its mistakes",
        "text": "A debate about withdrawal is long overdue.\nThe bases made no one safer.",
    }
    answer = {
        "summary": [
            {"text": "A debate about withdrawal is long overdue.", "ids": [1]},
            {"text": "The bases made no one safer, the author said.", "ids": [2]},
        ],
        "events": [],
    }
    result = summarize(column, backend=FakeBackend(answer), settings=SETTINGS)
    texts = [s.text for s in result.summary]
    assert texts[0] == "A debate about withdrawal is long overdue, the writer argues."
    assert texts[1] == "The bases made no one safer, the author said."  # has its speaker
    # The same sentence in a news article is left as it is, a marker word inside the
    # headline included.
    news = {**column, "title": "Public opinion turns against the deployment"}
    result = summarize(news, backend=FakeBackend(answer), settings=SETTINGS)
    assert result.summary[0].text == "A debate about withdrawal is long overdue."


def test_a_charge_is_not_stated_as_fact() -> None:
    text = {
        "text": "A man was charged on Monday with the murder of two aid workers in Dara.\n"
        "He will appear in court next week.\nThe aid workers were killed in May."
    }
    answer = {
        "summary": [
            {"text": "A man murdered two aid workers in Dara.", "ids": [1]},
            {"text": "The man will appear in court next week.", "ids": [2]},
        ],
        "events": [],
    }
    result = summarize(text, backend=FakeBackend(answer), settings=SETTINGS)
    assert [s.text for s in result.summary] == ["The man will appear in court next week."]
    assert any("charge" in f.message and f.repaired for f in result.run.findings)


def test_two_sentences_in_one_item_are_judged_apart() -> None:
    result = _run(
        ("The police post was rebuilt last year. It was not attacked on Monday.", [3, 1]),
        ("Police in Dara arrested 12 protesters on Tuesday, a police spokesman said.", [5]),
    )
    texts = [s.text for s in result.summary]
    # The first part stands; the second states a negation its sentences lack.
    assert texts == [
        "The police post was rebuilt last year.",
        "Police in Dara arrested 12 protesters on Tuesday, a police spokesman said.",
    ]


def test_one_claimant_written_twice_is_one_speaker() -> None:
    again = {**EVENT, "ids": [2], "by": "the Northern Front", "actor": "the Northern Front"}
    text = (
        "Gunmen of the Northern Front attacked a police post in Dara on Monday, killing four "
        "officers, the Northern Front said.\nIt said the attack was in retaliation for the arrest "
        "of its leader."
    )
    answer = {
        "summary": [
            {
                "text": "Gunmen attacked a police post in Dara in retaliation for an arrest.",
                "ids": [1],
            },
            {"text": "Four officers were killed in the attack on the post.", "ids": [1]},
        ],
        "events": [EVENT, again],
    }
    result = summarize(text, backend=FakeBackend(answer), settings=SETTINGS)
    assert result.summary[0].text.endswith("in retaliation for an arrest, Northern Front said.")


def test_a_sentence_resting_only_on_headings_and_labels_is_dropped() -> None:
    # A wanted notice: a charges heading and an aliases label, no sentence that reports.
    text = (
        "Murder of Officials Abroad; Conspiracy to Destroy Property of the Northland State\n"
        "Aliases: Abu Karim, Saleh, Abu Mariam\n"
        "Ali Karim was charged in 2001 in the Southern District of Dara."
    )
    answer = {
        "summary": [
            {
                "text": "A murder of nationals was carried out by Abu Karim, alias Saleh.",
                "ids": [1, 2],
            },
            {"text": "Ali Karim was charged in 2001 in the Southern District of Dara.", "ids": [3]},
        ],
        "events": [],
    }
    result = summarize(text, backend=FakeBackend(answer), settings=SETTINGS)
    assert [s.text for s in result.summary] == [
        "Ali Karim was charged in 2001 in the Southern District of Dara."
    ]
    assert any("headings or labels" in f.message for f in result.run.findings)


def test_a_sentence_naming_its_writer_gets_no_second_speaker() -> None:
    text = (
        "Party leaders condemned the senator in a statement on Thursday.\n"
        '"Criticism of policy is protected by free speech," the group wrote.'
    )
    answer = {
        "summary": [
            {"text": "Party leaders condemned the senator in a statement on Thursday.", "ids": [1]},
            {
                "text": "The group wrote that criticism of policy is protected by free speech.",
                "ids": [2],
            },
        ],
        "events": [],
    }
    result = summarize(text, backend=FakeBackend(answer), settings=SETTINGS)
    assert [s.text for s in result.summary] == [a["text"] for a in answer["summary"]]


@pytest.mark.parametrize(
    "empty",
    [
        "The commerce ministry said in a statement late on Tuesday.",  # what it said is gone
        "The ministry said there was no justification and that the United States.",
    ],
)
def test_a_report_emptied_of_its_content_is_dropped(empty: str) -> None:
    text = (
        "The commerce ministry urged the sanctions be lifted, it said in a statement late on "
        "Tuesday.\nThe ministry said there was no justification and that the United States "
        '"reserves the right to respond."'
    )
    answer = {
        "summary": [
            {"text": empty, "ids": [1, 2]},
            {"text": "The commerce ministry urged the sanctions be lifted.", "ids": [1]},
        ],
        "events": [],
    }
    result = summarize(text, backend=FakeBackend(answer), settings=SETTINGS)
    assert [s.text for s in result.summary] == [
        "The commerce ministry urged the sanctions be lifted."
    ]
    # A report that keeps its content stands.
    assert says_nothing("The ministry said on Tuesday that five people died.") is None


def test_a_headline_in_the_writers_first_person_marks_a_column() -> None:
    article = {
        "title": "We Are Giving Up On Dara",
        "text": "The government is pulling its last advisers out of Dara this month.\n"
        "That is a mistake the country will regret for years.",
    }
    answer = {
        "summary": [
            {
                "text": "The government is pulling its last advisers out of Dara this month.",
                "ids": [1],
            },
            {"text": "That is a mistake the country will regret for years.", "ids": [2]},
        ],
        "events": [],
    }
    result = summarize(article, backend=FakeBackend(answer), settings=SETTINGS)
    assert all(s.text.endswith(", the writer argues.") for s in result.summary)
    assert len(result.summary) == 2  # the added tail makes no sentence a repeat
    # A headline that quotes its speaker is a report.
    quoted = {**article, "title": "We will stay in Dara, says minister"}
    result = summarize(quoted, backend=FakeBackend(answer), settings=SETTINGS)
    assert not any("writer argues" in s.text for s in result.summary)


def test_a_column_filed_under_its_writers_name_is_the_writers_view() -> None:
    article = {
        "title": "What the Dara vote really means",
        "source": "Jane Kel",
        "text": "The vote in Dara was a dangerous attempt to rewrite history.\n"
        "Officials said turnout was low.",
    }
    answer = {
        "summary": [
            {"text": "The vote in Dara was a dangerous attempt to rewrite history.", "ids": [1]},
            {"text": "Officials said turnout was low.", "ids": [2]},
            {"text": "Not a free vote.", "ids": [1]},
        ],
        "events": [],
    }
    result = summarize(article, backend=FakeBackend(answer), settings=SETTINGS)
    assert result.summary[0].text.endswith(", the writer argues.")
    assert result.summary[1].text == "Officials said turnout was low."  # its own speaker
    assert len(result.summary) == 2  # the tail gives no fragment the verb it lacks
    # An outlet's name is no byline, whatever word opens it.
    outlets = ("Christian Science Monitor", "Defense One", "Fox Business", "Al Jazeera")
    for outlet in (*outlets, "Christian Aid", "Virginia Mercury", "Lincoln Project"):
        assert writer_of_column(outlet) is None
    assert writer_of_column("Katrina vanden Heuvel") == "Katrina vanden Heuvel"
    assert writer_of_column("Reuters") is None


def test_a_clause_said_word_for_word_before_is_cut() -> None:
    first = "The president said the rebels had left Dara, but army leaders contradicted him."
    second = "The president struggled with questions on Dara, but army leaders contradicted him."
    text = f"{first}\nThe president struggled with questions from reporters on Dara."
    answer = {
        "summary": [{"text": first, "ids": [1]}, {"text": second, "ids": [2]}],
        "events": [],
    }
    result = summarize(text, backend=FakeBackend(answer), settings=SETTINGS)
    assert [s.text for s in result.summary][1] == "The president struggled with questions on Dara."


@pytest.mark.parametrize(
    "to_the_reader",
    [
        "If that sounds like a lot, consider that 1.2 million people crossed the border.",
        "You can track the fighting in Dara on the ministry's website.",
    ],
)
def test_the_writer_addressing_the_reader_is_no_wire_sentence(to_the_reader: str) -> None:
    text = f"Troops moved into Dara on Monday, officials said.\\n{to_the_reader}"
    answer = {
        "summary": [
            {"text": "Troops moved into Dara on Monday, officials said.", "ids": [1]},
            {"text": to_the_reader, "ids": [2]},
        ],
        "events": [],
    }
    result = summarize(text, backend=FakeBackend(answer), settings=SETTINGS)
    assert [s.text for s in result.summary] == ["Troops moved into Dara on Monday, officials said."]
    # Quoted, it is the speaker's: "“You will pay,” the minister said." stands.
    assert addresses_reader("“You will pay,” the minister said.") is None


def test_a_speakers_unquoted_you_is_not_the_writers() -> None:
    reported = "The defendant said that if you want peace, you must talk to your enemy."
    assert addresses_reader(reported) is None


def test_a_headline_like_sentence_gives_way_to_the_lede_that_says_it_in_full() -> None:
    article = {
        "title": "Kel wants $70 million",
        "text": "The group Kel has demanded a $70 million payment for a tool after its raid "
        "on a Dara software firm, researchers say.\nThe firm said it was investigating.",
    }
    answer = {
        "summary": [
            {"text": "Kel demands $70 million after Dara raid.", "ids": [1]},
            {
                "text": "The group Kel has demanded a $70 million payment for a tool after its "
                "raid on a Dara software firm, researchers say.",
                "ids": [1],
            },
        ],
        "events": [],
    }
    result = summarize(article, backend=FakeBackend(answer), settings=SETTINGS)
    assert [s.text for s in result.summary] == [answer["summary"][1]["text"]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Another day's incident, another source's figure, a fact the other one reverses.
        (
            "Gunmen attacked a police post in Dara on Monday, killing three officers.",
            "Gunmen attacked a police post in Dara again on Wednesday, killing three officers "
            "and a civilian.",
        ),
        (
            "Police said the blast in Dara killed 12 people.",
            "A hospital official said the blast in Dara killed 20 people and wounded dozens.",
        ),
        (
            "Ali Noor was arrested in Dara on Monday over the bombing.",
            "Ali Noor was not charged over the bombing in Dara and was released on Monday.",
        ),
    ],
)
def test_a_fuller_sentence_does_not_replace_one_that_says_something_else(
    first: str, second: str
) -> None:
    article = {"title": "News", "text": f"{first}\n{second}"}
    answer = {"summary": [{"text": first, "ids": [1]}, {"text": second, "ids": [1, 2]}]}
    result = summarize(article, backend=FakeBackend({**answer, "events": []}), settings=SETTINGS)
    assert [s.text for s in result.summary] == [first, second]


def test_a_fuller_sentence_keeps_the_speech_and_figures_of_the_one_it_replaces() -> None:
    from summarizer.assemble import _kept_markers

    # Another sentence's speaker does not keep this one's attribution ...
    assert not _kept_markers(
        "Five soldiers were killed near Dara, police said.",
        "Five soldiers were killed near Dara on Monday.",
        ["The mayor said the town was calm."],
    )
    # A figure the fuller sentence writes as a word is kept ...
    assert _kept_markers("A bomb killed 8 people in Dara.", "A bomb killed eight in Dara.", [])
    # ... and so is a negation the next summary sentence says.
    assert _kept_markers(
        "Aid ended without objection.",
        "Aid ended on Monday.",
        ["It came without objection from Dara."],
    )


def test_the_lede_filling_adds_no_loaded_word_it_cannot_repair() -> None:
    # The article's second sentence holds "extremist", which the lexicon cannot repair:
    # the filling skips it rather than write it ourselves.
    article = {
        "text": "A court in Northtown jailed two men on Monday for planning a bomb attack.\n"
        "The plot was inspired by online extremist forums.\n"
        "The men were arrested in March.\n"
        "Their lawyer said they would appeal."
    }
    first = "A court in Northtown jailed two men on Monday for planning a bomb attack."
    answer = {
        "summary": [
            {"text": first, "ids": [1]},
            {"text": "Their lawyer said they would appeal.", "ids": [4]},
        ],
        "events": [],
    }
    settings = SETTINGS.with_(min_summary_sentences=3)
    result = summarize(article, backend=FakeBackend(answer), settings=settings)
    texts = [s.text for s in result.summary]
    assert not any("extremist" in t for t in texts)
    assert "The men were arrested in March." in texts
    # Nor when a speaker said it: the word stands unquoted all the same.
    said = article["text"].replace("The plot was", "The prosecutor said the plot was")
    result = summarize({"text": said}, backend=FakeBackend(answer), settings=settings)
    assert not any("extremist" in s.text for s in result.summary)


def test_an_added_lede_sentence_opens_the_summary_it_was_missing_from() -> None:
    # The model told only the second sentence: the lede added for what it left out goes
    # where the article tells it, first, as a wire summary opens on its lede.
    article = {
        "text": "Northland declared all card games in public places illegal on Friday.\n"
        "The central bank said the move was meant to protect savers and stability.\n"
        "Card clubs in Dara closed their doors on Saturday."
    }
    answer = {
        "summary": [
            {"text": "The central bank said the move was meant to protect savers.", "ids": [2]},
            {"text": "Card clubs in Dara closed their doors on Saturday.", "ids": [3]},
        ],
        "events": [],
    }
    settings = SETTINGS.with_(min_summary_sentences=3)
    result = summarize(article, backend=FakeBackend(answer), settings=settings)
    texts = [s.text for s in result.summary]
    assert texts[0].startswith("Northland declared all card games")
    assert texts[1].startswith("The central bank said")
    added = [f for f in result.run.findings if "added the article's sentence 1" in f.message]
    assert added and added[0].path == "summary[0]"


def test_the_headline_reworded_gives_way_to_the_lede_that_tells_it() -> None:
    # The model's first sentence rewords the headline and cites the lede: the lede, added
    # for what it left out, takes its place instead of following it as a repeat.
    article = {
        "title": "Northland spy agencies say they cannot solve the flu riddle without Southland",
        "text": "Northland's spy agencies do not believe they can settle a debate over the "
        "origin of the flu outbreak without more information from Southland, officials "
        "said on Friday.\nOfficials said only Southland could help answer the questions.\n"
        "The report was sent to the president on Thursday.",
    }
    answer = {
        "summary": [
            {
                "text": "Northland spy agencies say they cannot solve the flu riddle "
                "without Southland.",
                "ids": [1],
            },
            {"text": "Officials said only Southland could help answer the questions.", "ids": [2]},
        ],
        "events": [],
    }
    settings = SETTINGS.with_(min_summary_sentences=3)
    result = summarize(article, backend=FakeBackend(answer), settings=settings)
    texts = [s.text for s in result.summary]
    assert texts[0].startswith("Northland's spy agencies do not believe")
    assert not any("riddle" in t for t in texts)


def test_the_repairs_of_a_sentence_moved_down_by_the_lede_point_at_it() -> None:
    article = {
        "text": "Northland declared card games illegal on Friday.\n"
        "The central bank slammed the card clubs as a danger to savers.\n"
        "Card clubs in Dara closed on Saturday."
    }
    answer = {
        "summary": [
            {"text": "The central bank slammed the card clubs as a danger to savers.", "ids": [2]},
            {"text": "Card clubs in Dara closed on Saturday.", "ids": [3]},
        ],
        "events": [],
    }
    settings = SETTINGS.with_(min_summary_sentences=3)
    result = summarize(article, backend=FakeBackend(answer), settings=settings)
    assert result.summary[1].text.startswith("The central bank criticised")
    (neutral,) = [f for f in result.run.findings if f.message.startswith("replaced loaded")]
    assert neutral.path == "summary[1]"
