"""Re-reading the sentences no event cites, in a short window, events only."""

from __future__ import annotations

import copy

from summarizer import Settings, summarize
from summarizer.article import article_from_txt
from summarizer.reread import missed_groups, window_for
from tests.fakes import FakeBackend
from tests.test_pipeline import CLEAN

TEXT = (
    "Rebels claimed a rocket attack on the base in al-Tanf\n"
    "The Islamic Resistance in Iraq claimed responsibility for the drone strikes on the "
    "US-occupied base in al-Tanf.\n"
    "There were no immediate reports about possible casualties.\n"
    "Officials met in Geneva on Monday.\n"
    "Earlier, the army shelled a village near Mosul on Friday.\n"
    "Talks are due to resume next week."
)
MAIN = copy.deepcopy(CLEAN)
MAIN["summary"] = [
    {
        "text": "The Islamic Resistance in Iraq claimed drone strikes on a base in al-Tanf.",
        "ids": [1],
    },
    {"text": "There were no immediate reports about possible casualties.", "ids": [2]},
]
MAIN["events"] = MAIN["events"][:1]  # al-Tanf (sentence 1); the Mosul shelling is missed
MOSUL = {
    "ids": [4],
    "sub_event_type": "Shelling/artillery/missile attack",
    "actor1": "the army",
    "location": "Mosul",
    "target": "a village",
}
REREAD = {"events": [MAIN["events"][0], MOSUL]}  # repeats al-Tanf, adds Mosul


def test_flagged_sentences_are_grouped_and_windowed() -> None:
    assert missed_groups([11, 3, 10], limit=2) == [[3], [10, 11]]
    assert missed_groups([3, 10, 11], limit=1) == [[3]]
    article = article_from_txt(TEXT)
    assert [s.id for s in window_for(article, [4])] == [2, 3, 4]
    assert [s.id for s in window_for(article, [1])] == [1]


def test_the_missed_incident_is_added_and_the_repeat_is_not() -> None:
    backend = FakeBackend(copy.deepcopy(MAIN), copy.deepcopy(REREAD))
    result = summarize(
        article_from_txt(TEXT), backend=backend, settings=Settings(backend="replay", max_reasks=0)
    )
    window = backend.requests[1]["messages"][-1]["content"]
    assert "[2] " in window and "[4] " in window and "[1] " not in window
    assert "events" in str(backend.requests[1]["response_format"])
    assert [e.location.place.value for e in result.events] == ["al-Tanf", "Mosul"]
    assert result.run.rereads == 1
    assert result.run.usage.completion_tokens == 100  # both calls counted
    assert result.run.attempts == 1  # a re-read is not a re-ask
    notes = [f.message for f in result.run.findings if f.check == "coverage"]
    assert notes == ["re-read sentences 2-4 for the incident in [4]: 1 event(s) cite it"]
    # The re-read writes no summary: no finding about one comes from it.
    assert [f.path for f in result.run.findings if f.path == "summary"] == []


def test_a_failed_re_read_keeps_the_first_pass_and_says_so() -> None:
    backend = FakeBackend(copy.deepcopy(MAIN), "not json")
    result = summarize(
        article_from_txt(TEXT), backend=backend, settings=Settings(backend="replay", max_reasks=0)
    )
    assert [e.location.place.value for e in result.events] == ["al-Tanf"]
    coverage = [f for f in result.run.findings if f.check == "coverage"]
    assert [f.severity for f in coverage] == ["warning", "warning"]
    assert coverage[0].message.startswith("re-reading sentences 2-4: no usable answer")
    assert coverage[1].message.startswith("sentence [4] seems to report an incident")


def test_re_reading_can_be_turned_off() -> None:
    backend = FakeBackend(copy.deepcopy(MAIN))  # one answer: a second call would fail
    result = summarize(
        article_from_txt(TEXT),
        backend=backend,
        settings=Settings(backend="replay", max_reasks=0, rereads=0),
    )
    assert len(backend.requests) == 1 and result.run.rereads == 0


def test_replay_reports_the_model_time_recorded_for_every_call_it_used() -> None:
    # The seed replays three real recordings: the first pass and two re-read windows.
    from pathlib import Path

    from summarizer import read_article
    from summarizer.api import pipeline_for
    from summarizer.evaluation.baselines import Recordings
    from tests.conftest import SEED

    settings = Settings(backend="replay")
    article = read_article(SEED)
    result = summarize(article, settings=settings)
    pipeline = pipeline_for(settings)
    store = Recordings(
        Path(settings.recordings_dir), "local", pipeline.backend.model, pipeline.prompt.info
    )
    windows = [article.sentences, window_for(article, [3]), window_for(article, [10, 11])]
    walls = []
    for window in windows:
        rendered = pipeline.prompt.render(
            title=article.title, source=None, published=None, sentences=window
        )
        first_attempt = store.attempts(rendered)[0]  # the embedded model is not re-asked
        walls.append(first_attempt["timings"]["wall_s"])
    assert result.run.model_seconds == round(sum(walls), 3)
    assert result.run.seconds < result.run.model_seconds  # replay itself is quick


def test_a_re_read_stays_within_the_articles_token_budget() -> None:
    backend = FakeBackend(copy.deepcopy(MAIN))  # the first pass spends 150 of 150 tokens
    result = summarize(
        article_from_txt(TEXT),
        backend=backend,
        settings=Settings(backend="replay", max_reasks=0, token_budget=150),
    )
    assert len(backend.requests) == 1
    coverage = [f.message for f in result.run.findings if f.check == "coverage"]
    assert coverage[0] == (
        "re-reading sentences 2-4: the token budget is spent; the sentences stay flagged"
    )
