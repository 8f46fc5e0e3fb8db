# ruff: noqa: F811  (pytest fixtures imported from dataset_fixtures are parameters here)
"""The store on SQLite and on a real PostgreSQL: ingest, re-ingest, result versions,
two ingests at once."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import sqlalchemy as sa
from dataset_fixtures import db_url, pg_url, replayed  # noqa: F401  (fixtures)

from summarizer.dataset import tables as t
from summarizer.dataset.ingest import ingest_results, read_results
from summarizer.dataset.store import open_store
from summarizer.schema import SummaryResult

NEUS = [
    f"neus-{n}-{side}.json" for n in (5746, 5748, 5750, 6040, 6054) for side in ("left", "right")
]


def _results(replayed: dict[str, SummaryResult], names: list[str]) -> list[SummaryResult]:
    return [replayed[n] for n in names if n in replayed]


def test_ingest_then_reingest_is_a_no_op(db_url: str, replayed: dict[str, SummaryResult]) -> None:
    results = _results(replayed, NEUS)
    store = open_store(db_url)
    assert store.revision() == "0002"
    first = ingest_results(store, results)
    counts = store.counts()
    assert first.stored == len(results) and first.skipped == 0
    assert counts["articles"] == len(results)
    assert counts["sources"] == sum(len(r.events) for r in results)
    assert counts["multi_source_events"] >= 2  # left and right outlets on one strike
    again = ingest_results(store, results)
    assert again.stored == 0 and again.skipped == len(results)
    assert store.counts() == counts
    # The spans still index the stored text.
    with store.engine.connect() as conn:
        text = conn.scalar(sa.select(t.articles.c.text).limit(1))
        assert text


def test_a_new_model_adds_a_result_version(db_url: str, replayed: dict[str, SummaryResult]) -> None:
    result = replayed["neus-5750-left.json"]
    store = open_store(db_url)
    store.add(result)
    other = result.model_copy(deep=True)
    other.run.model = "another-model"
    added = store.add(other)
    assert added.stored
    counts = store.counts()
    assert counts["results"] == 2  # the older version is kept
    assert counts["sources"] == len(result.events)  # events follow the newest only


def _ingest_file(url: str, path: str) -> None:
    ingest_results(open_store(url), read_results(Path(path)))


def test_two_ingests_at_once_lose_and_duplicate_nothing(
    db_url: str, replayed: dict[str, SummaryResult], tmp_path: Path
) -> None:
    names = sorted(replayed)
    # Two overlapping halves, in opposite orders, ingested by two processes at once.
    a, b = names[: 2 * len(names) // 3], names[len(names) // 3 :][::-1]
    files = []
    for label, part in (("a", a), ("b", b)):
        path = tmp_path / f"{label}.jsonl"
        path.write_text("".join(replayed[n].model_dump_json() + "\n" for n in part))
        files.append(str(path))
    open_store(db_url)  # schema first: the race under test is the ingest's
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_ingest_file, args=(db_url, f)) for f in files]
    for p in procs:
        p.start()
    for p in procs:
        p.join(300)
        assert p.exitcode == 0
    store = open_store(db_url)
    counts = store.counts()
    unique = {replayed[n].article.sha256: replayed[n] for n in names}
    assert counts["articles"] == len(unique)
    assert counts["results"] == len(unique)
    assert counts["sources"] == sum(len(r.events) for r in unique.values())
    with store.engine.connect() as conn:
        orphans = conn.scalar(
            sa.select(sa.func.count())
            .select_from(t.events)
            .where(~t.events.c.id.in_(sa.select(t.event_sources.c.event_id)))
        )
    assert orphans == 0
