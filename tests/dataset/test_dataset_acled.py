# ruff: noqa: F811  (pytest fixtures imported from dataset_fixtures are parameters here)
"""The ACLED CSV of the seed, read back with the csv module and checked column by column;
the upgrade from the first schema revision with data in it; brief --db."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import sqlalchemy as sa
from dataset_fixtures import db_url, pg_url, replayed  # noqa: F401  (fixtures)
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.dataset import tables as t
from summarizer.dataset.acled import COLUMNS
from summarizer.dataset.store import open_store
from summarizer.schema import SummaryResult

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_eb6b1eeda829eab8.txt"


def _run(*args: str) -> str:
    res = CliRunner().invoke(app, list(args))
    assert res.exit_code == 0, res.output
    return res.stdout


def test_acled_csv_of_the_seed(tmp_path: Path) -> None:
    db = str(tmp_path / "seed.db")
    _run("ingest", str(SEED), "--backend", "replay", "--db", db)
    out = tmp_path / "events.csv"
    _run("export", "--format", "acled-csv", "-o", str(out), "--db", db)
    with out.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        rows = list(reader)
    text = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    assert len(rows) == 4  # four strikes, one article: never merged with each other
    by_place = {r["location"]: r for r in rows}
    tanf = by_place["al-Tanf region, near the borders with Iraq and Jordan"]
    baghdad = by_place["Baghdad"]
    shaddadi = by_place["al-Shaddadi town"]
    for r in rows:
        assert r["event_id_cnty"][:3] in ("SYR", "IRQ", "XXX") and r["event_id_cnty"][3:].isdigit()
        # The seed has no dateline: no date is invented.
        assert (r["event_date"], r["year"], r["time_precision"]) == ("", "", "")
        assert r["disorder_type"] == "Political violence"
        assert r["event_type"] == "Explosions/Remote violence"
        assert r["sub_event_type"] == "Air/drone strike"
        assert r["assoc_actor_2"] == ""
        assert r["civilian_targeting"] == ""
        assert r["source"].startswith("Iraqi resistance targets three US bases")
        assert r["notes"]
        assert int(r["fatalities"]) >= 0 and int(r["timestamp"]) > 0
        assert r["n_sources"] == "1"
        assert r["prompt_version"].startswith("summarize/v2 (sha256 ")
        for span in json.loads(r["evidence"]):
            assert text[span["start"] : span["end"]] == span["text"]
    assert "Islamic Resistance in Iraq" in tanf["actor1"]
    assert (tanf["iso"], tanf["region"], tanf["country"]) == (
        "760",
        "Middle East",
        "Syrian Arab Republic",
    )
    assert (tanf["latitude"], tanf["longitude"], tanf["geo_precision"]) == ("", "", "3")
    assert (tanf["responsibility"], tanf["fatalities"]) == ("claimed", "0")
    assert "No source gives a fatality count" in tanf["notes"]
    assert (baghdad["actor1"], baghdad["iso"], baghdad["country"]) == (
        "the Pentagon",
        "368",
        "Iraq",
    )
    assert baghdad["admin1"] == "Baghdād" and baghdad["geo_precision"] == "1"
    assert abs(float(baghdad["latitude"]) - 33.34) < 0.01
    assert abs(float(baghdad["longitude"]) - 44.40) < 0.01
    assert baghdad["fatalities"] == "1" and baghdad["responsibility"] == "confirmed"
    # No country named next to al-Shaddadi: left empty, not guessed.
    assert (shaddadi["iso"], shaddadi["latitude"], shaddadi["geo_precision"]) == ("", "", "")


def test_events_query_and_conservative_fatalities(
    tmp_path: Path, replayed: dict[str, SummaryResult]
) -> None:
    db = str(tmp_path / "e.db")
    store = open_store(db)
    for name in ("neus-5750-left.json", "neus-5750-right.json", "neus-5748-left.json"):
        store.add(replayed[name])
    found = json.loads(_run("events", "--db", db, "--country", "AFG", "--format", "json"))
    assert found and all(r["country"] == "Afghanistan" for r in found)
    assert json.loads(_run("events", "--db", db, "--type", "Protests", "--format", "json")) == []
    rows = list(csv.DictReader(io.StringIO(_run("events", "--db", db, "--format", "csv"))))
    assert len(rows) == store.counts()["events"]
    kabul = json.loads(_run("events", "--db", db, "--since", "2021-08-26", "--until",
                            "2021-08-26", "--format", "json"))  # fmt: skip
    assert [r["event_date"] for r in kabul] == ["2021-08-26"] * len(kabul)


def test_upgrade_from_the_first_revision_keeps_the_data(
    db_url: str, replayed: dict[str, SummaryResult]
) -> None:
    store = open_store(db_url, upgrade=False)
    store.upgrade("0001")
    result = replayed["neus-6040-left.json"]
    a, ev = result.article, result.events[0]
    with store.engine.begin() as conn:  # rows as revision 0001 wrote them
        conn.execute(sa.text(
            "INSERT INTO articles (id, sha256, title, source, published, n_chars, text, "
            "ingested_at) VALUES (1, :sha, :title, :source, :pub, :n, :text, :now)"
        ), {"sha": a.sha256, "title": a.title, "source": a.source, "pub": a.published,
            "n": a.n_chars, "text": a.text, "now": "2024-01-01 00:00:00"})  # fmt: skip
        conn.execute(sa.text(
            "INSERT INTO results (id, article_id, prompt_name, prompt_version, prompt_sha256, "
            "model, backend, run, result, created_at) VALUES (1, 1, 'summarize', 'v2', :sha, "
            ":model, :backend, :run, :result, '2024-01-01 00:00:00')"
        ), {"sha": result.run.prompt.sha256, "model": result.run.model,
            "backend": result.run.backend, "run": result.run.model_dump_json(),
            "result": result.model_dump_json()})  # fmt: skip
        conn.execute(sa.text(
            "INSERT INTO events (id, event_type, sub_event_type, created_at, updated_at) "
            "VALUES (1, :type, :sub, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        ), {"type": ev.event_type, "sub": ev.sub_event_type})  # fmt: skip
        conn.execute(sa.text(
            "INSERT INTO event_sources (id, event_id, result_id, article_id, event_index, "
            "event, evidence_text, added_at) VALUES (1, 1, 1, 1, 0, :event, :evidence, "
            "'2024-01-01 00:00:00')"
        ), {"event": ev.model_dump_json(),
            "evidence": " ".join(s.text for s in ev.evidence)})  # fmt: skip
        if conn.dialect.name == "postgresql":  # ids were given by hand: move the sequences on
            for table in ("articles", "results", "events", "event_sources"):
                conn.execute(sa.text(f"SELECT setval('{table}_id_seq', 10)"))
    upgraded = open_store(db_url)
    assert upgraded.revision() == "0002"
    upgraded.refresh_all()
    with upgraded.engine.connect() as conn:
        row = conn.execute(sa.select(t.events)).one()
        assert conn.scalar(sa.select(t.articles.c.text)) == a.text
    assert (row.iso, row.location, row.geo_precision) == ("PSE", "Gaza", 1)
    # The upgraded store takes new reports and merges them with the old ones.
    assert upgraded.add(result).stored is False
    assert upgraded.add(replayed["neus-6040-right.json"]).events_joined == 1
    assert upgraded.counts()["multi_source_events"] == 1


def test_brief_from_the_store(tmp_path: Path, replayed: dict[str, SummaryResult]) -> None:
    db = str(tmp_path / "b.db")
    store = open_store(db)
    for name in ("neus-5750-left.json", "neus-5750-right.json", "neus-6040-left.json"):
        store.add(replayed[name])
    out = tmp_path / "b.json"
    _run("brief", "--db", db, "--since", "2021-08-01", "--until", "2021-08-31", "-o", str(out))
    briefing = json.loads(out.read_text())
    assert {a["source"] for a in briefing["articles"]} == {"The Guardian", "Washington Examiner"}
