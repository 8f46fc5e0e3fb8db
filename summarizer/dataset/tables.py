"""The tables as the code reads and writes them (head revision of migrations/).

Migrations describe each revision on their own (they never import this module), so an
old revision stays what it was when this file changes.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(16)),
    sa.Column("path", sa.Text),
    sa.Column("n_chars", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),  # what every span's offsets index
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

results = sa.Table(
    "results",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("prompt_name", sa.String(100), nullable=False),
    sa.Column("prompt_version", sa.String(50), nullable=False),
    sa.Column("prompt_sha256", sa.String(64), nullable=False),
    sa.Column("model", sa.String(200), nullable=False),
    sa.Column("backend", sa.String(100), nullable=False),
    sa.Column("run", sa.JSON, nullable=False),
    sa.Column("result", sa.JSON, nullable=False),  # the SummaryResult, article text left out
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("article_id", "prompt_sha256", "model", "backend", name="uq_result"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("event_type", sa.String(60), nullable=False),
    sa.Column("sub_event_type", sa.String(60), nullable=False),
    sa.Column("event_date", sa.Date),
    sa.Column("time_precision", sa.Integer),  # ACLED: 1 day, 2 week, 3 month
    sa.Column("country", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("actors", sa.Text),  # every source's actor names, for --actor
    sa.Column("fatalities", sa.Integer),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    # Revision 0002: the geocoded place.
    sa.Column("iso", sa.String(3)),
    sa.Column("admin1", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geo_precision", sa.Integer),
    sa.Index("ix_events_event_date", "event_date"),
)

event_sources = sa.Table(
    "event_sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
    sa.Column("result_id", sa.Integer, sa.ForeignKey("results.id"), nullable=False),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("event_index", sa.Integer, nullable=False),  # in that result's events
    sa.Column("event", sa.JSON, nullable=False),  # the Event with its evidence spans
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("result_id", "event_index", name="uq_source"),
    sa.Index("ix_event_sources_event_id", "event_id"),
)
