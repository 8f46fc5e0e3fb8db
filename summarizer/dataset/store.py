"""The store: open (and upgrade) a database, add a result, merge its events.

Every write runs in one transaction that first takes the store's write lock (SQLite:
BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so two ingests at once serialise their
merges: neither reads the events before the other's are committed, and the unique keys
(article hash; result per article, prompt, model and backend; one source per extracted
event) refuse what slipped through anyway.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..briefing.merge import EventRef
from ..schema import Event, SummaryResult
from . import tables as t
from .dates import merge_dating
from .merge_days import Report, best_event
from .summary import refresh_event

DEFAULT_DB = "events.db"
_LOCK_KEY = 1717_0017  # PostgreSQL advisory lock id of the dataset's writers
_WINDOW = timedelta(days=40)  # stored events a new report is compared with, by date


def database_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from --db, else SUMMARIZER_DB, else events.db; a path is SQLite."""
    value = db or os.environ.get("SUMMARIZER_DB") or DEFAULT_DB
    return value if "://" in value else f"sqlite:///{Path(value).expanduser()}"


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    engine = sa.create_engine(url, connect_args={"timeout": 300})

    # pysqlite's own transaction handling defers the write lock to the first write;
    # BEGIN IMMEDIATE takes it at the start, so two writers never both read stale rows.
    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


@dataclass(frozen=True)
class Added:
    """What adding one result did."""

    stored: bool  # False: this result version was in the store already
    events_new: int = 0
    events_joined: int = 0  # reports that joined an event another article reported


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction holding the writers' lock."""
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
            yield conn

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to `revision` (Alembic), keeping the data."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        with self.write() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def stored_hashes(self, prompt_sha256: str, model: str | None = None) -> set[str]:
        """Article hashes that have a result for this prompt (and model, when given)."""
        query = (
            sa.select(t.articles.c.sha256)
            .join(t.results, t.results.c.article_id == t.articles.c.id)
            .where(t.results.c.prompt_sha256 == prompt_sha256)
        )
        if model:
            query = query.where(t.results.c.model == model)
        with self.engine.connect() as conn:
            return set(conn.scalars(query))

    def add(self, result: SummaryResult) -> Added:
        """Store the article and this result version, and merge its events."""
        with self.write() as conn:
            article_id = _article_id(conn, result)
            run = result.run
            key = (
                (t.results.c.article_id == article_id)
                & (t.results.c.prompt_sha256 == run.prompt.sha256)
                & (t.results.c.model == run.model)
                & (t.results.c.backend == run.backend)
            )
            if conn.scalar(sa.select(t.results.c.id).where(key)) is not None:
                return Added(stored=False)
            body = result.model_dump(mode="json")
            body["article"].pop("text", None)  # kept once, in articles.text
            result_id = conn.scalar(
                sa.insert(t.results)
                .values(
                    article_id=article_id,
                    prompt_name=run.prompt.name,
                    prompt_version=run.prompt.version,
                    prompt_sha256=run.prompt.sha256,
                    model=run.model,
                    backend=run.backend,
                    run=run.model_dump(mode="json"),
                    result=body,
                    created_at=_now(),
                )
                .returning(t.results.c.id)
            )
            _detach_older(conn, article_id, result_id)
            new = joined = 0
            for k, event in enumerate(result.events):
                event_id = _merge(conn, article_id, result, k, event)
                if event_id is None:
                    new += 1
                else:
                    joined += 1
            return Added(stored=True, events_new=new, events_joined=joined)

    def refresh_all(self) -> None:
        """Recompute every event's columns (after an upgrade added some)."""
        with self.write() as conn:
            for event_id in list(conn.scalars(sa.select(t.events.c.id))):
                refresh_event(conn, event_id)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            n = {
                name: conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0
                for name, table in (
                    ("articles", t.articles),
                    ("results", t.results),
                    ("events", t.events),
                    ("sources", t.event_sources),
                )
            }
            per_event = (
                sa.select(t.event_sources.c.event_id)
                .group_by(t.event_sources.c.event_id)
                .having(sa.func.count(sa.distinct(t.event_sources.c.article_id)) > 1)
                .subquery()
            )
            n["multi_source_events"] = (
                conn.scalar(sa.select(sa.func.count()).select_from(per_event)) or 0
            )
            return n


def _now() -> datetime:
    return datetime.now(UTC)


def _article_id(conn: Connection, result: SummaryResult) -> int:
    a = result.article
    found = conn.scalar(sa.select(t.articles.c.id).where(t.articles.c.sha256 == a.sha256))
    if found is not None:
        return int(found)
    values = a.model_dump(include={"title", "source", "url", "published", "language", "path"})
    return int(
        conn.scalar(
            sa.insert(t.articles)
            .values(sha256=a.sha256, n_chars=a.n_chars, text=a.text, ingested_at=_now(), **values)
            .returning(t.articles.c.id)
        )
    )


def _detach_older(conn: Connection, article_id: int, result_id: int) -> None:
    """A new result version replaces the article's older ones in the events (the older
    results stay in `results`); an event left without sources is removed."""
    src = t.event_sources
    old = (src.c.article_id == article_id) & (src.c.result_id != result_id)
    touched = set(conn.scalars(sa.select(src.c.event_id).where(old)))
    if touched:
        conn.execute(sa.delete(src).where(old))
        for event_id in touched:
            refresh_event(conn, event_id)


def _report(event: Event, article_id: int, k: int, published: date | None, article: str) -> Report:
    dated = merge_dating(event, published)
    evidence = " ".join(s.text for s in event.evidence)
    return Report(EventRef(article_id, k, dated, evidence, article), published)


def _candidates(conn: Connection, report: Report) -> dict[int, list[Report]]:
    """The stored events near the report's date (all undated ones too), with sources."""
    src, art, ev = t.event_sources, t.articles, t.events
    query = (
        sa.select(
            src.c.event_id,
            src.c.article_id,
            src.c.event_index,
            src.c.event,
            art.c.published,
            art.c.title,
            art.c.text,
        )
        .join(art, art.c.id == src.c.article_id)
        .join(ev, ev.c.id == src.c.event_id)
    )
    day = report.ref.event.date or report.published
    if day is not None:
        query = query.where(
            ev.c.event_date.is_(None) | ev.c.event_date.between(day - _WINDOW, day + _WINDOW)
        )
    found: dict[int, list[Report]] = {}
    for row in conn.execute(query):
        event = Event.model_validate(row.event)
        text = f"{row.title or ''}\n{row.text}"
        found.setdefault(row.event_id, []).append(
            _report(event, row.article_id, row.event_index, row.published, text)
        )
    return found


def _merge(
    conn: Connection, article_id: int, result: SummaryResult, k: int, event: Event
) -> int | None:
    """Attach the k-th event to the event it reports, or to a new one. Returns the id of
    the existing event it joined, None when it started a new one."""
    a = result.article
    report = _report(event, article_id, k, a.published, f"{a.title or ''}\n{a.text}")
    joined = best_event(report, _candidates(conn, report))
    event_id = joined
    if event_id is None:
        event_id = conn.scalar(
            sa.insert(t.events)
            .values(
                event_type=event.event_type,
                sub_event_type=event.sub_event_type,
                created_at=_now(),
                updated_at=_now(),
            )
            .returning(t.events.c.id)
        )
    result_id = conn.scalar(
        sa.select(t.results.c.id).where(
            (t.results.c.article_id == article_id)
            & (t.results.c.prompt_sha256 == result.run.prompt.sha256)
            & (t.results.c.model == result.run.model)
            & (t.results.c.backend == result.run.backend)
        )
    )
    conn.execute(
        sa.insert(t.event_sources).values(
            event_id=event_id,
            result_id=result_id,
            article_id=article_id,
            event_index=k,
            event=event.model_dump(mode="json"),
            evidence_text=report.ref.evidence_text,
            added_at=_now(),
        )
    )
    refresh_event(conn, int(event_id))
    return joined


def open_store(db: str | None = None, *, upgrade: bool = True) -> Store:
    """The store at --db / SUMMARIZER_DB / events.db, upgraded to the newest schema."""
    store = Store(_engine(database_url(db)))
    if upgrade:
        store.upgrade()
    return store
