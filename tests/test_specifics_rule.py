"""A summary sentence's figures and names must be in the sentences it cites (issue #15).

Fake answers are hand-written fixtures playing a model that invents a toll, completes a
cut-off name and leaks another script; the article texts are written for the test.
"""

from __future__ import annotations

from fakes import FakeBackend

from summarizer import Settings, summarize
from summarizer.rules.specifics import specifics

# No lede filling: these tests watch which of the model's sentences survive.
SETTINGS = Settings(backend="local", max_reasks=0, rereads=0, min_summary_sentences=0)
MARCH = {
    "title": "Teachers march for higher pay",
    "text": "Several thousand teachers marched peacefully through Lagos on Friday, organisers "
    "said.\nThe march ended at the state assembly, where a petition was handed over.\n"
    "Union leader Robert... told reporters the talks would resume on Nov. 8.",
}


def _run(*sentences: tuple[str, list[int]]):  # type: ignore[no-untyped-def]
    answer = {"summary": [{"text": t, "ids": ids} for t, ids in sentences], "events": []}
    return summarize(MARCH, backend=FakeBackend(answer), settings=SETTINGS)


def test_an_invented_figure_drops_the_sentence() -> None:
    result = _run(
        # Word overlap passes this (most words are the cited sentence's); the figure is made up.
        ("Twelve of several thousand teachers marched peacefully through Lagos on Friday.", [1]),
        ("The march ended at the state assembly.", [2]),
    )
    assert [s.text for s in result.summary] == ["The march ended at the state assembly."]
    assert any(
        "'twelve'" in f.message.lower() and "dropped" in f.message for f in result.run.findings
    )


def test_a_name_the_article_cut_off_is_not_completed() -> None:
    result = _run(
        ("Union leader Robert Kagan said talks would resume.", [3]),
        ("Teachers marched through Lagos on Friday, organisers said.", [1]),
    )
    assert all("Kagan" not in s.text for s in result.summary)


def test_a_specific_found_elsewhere_is_cited_there() -> None:
    result = _run(
        ("Teachers marched through Lagos and handed a petition to the state assembly.", [2]),
        ("Talks will resume in November, a union leader said.", [3]),
    )
    first = result.summary[0]
    assert first.sentence_ids == [1, 2]  # "Lagos" is in sentence 1
    assert len(result.summary) == 2  # "November" is held by "Nov." in sentence 3


def test_a_sentence_in_another_script_is_dropped() -> None:
    result = _run(
        ("Teachers marched through Lagos on Friday, organisers said.", [1]),
        ("The march ended at the 州 assembly.", [2]),
    )
    assert [s.text for s in result.summary] == [
        "Teachers marched through Lagos on Friday, organisers said."
    ]


def test_specifics_are_figures_and_names_not_function_words() -> None:
    assert specifics("The 43 dead included 23 soldiers, the ministry said in Niamey.") == [
        "43",
        "23",
        "Niamey",
    ]


def test_a_copy_that_drops_the_negation_is_dropped() -> None:
    article = {**MARCH, "text": MARCH["text"].replace("peacefully", "and did not stop")}
    answer = {
        "summary": [
            # The cited sentence says the teachers did not stop; the copy says they did.
            {"text": "Several thousand teachers marched and did stop in Lagos.", "ids": [1]},
            {"text": "The march ended at the state assembly.", "ids": [2]},
        ],
        "events": [],
    }
    result = summarize(article, backend=FakeBackend(answer), settings=SETTINGS)
    assert [s.text for s in result.summary] == ["The march ended at the state assembly."]
    assert any("without the negation" in f.message for f in result.run.findings)
