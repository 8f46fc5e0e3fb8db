"""Events get their geocoded place (ISO code, admin1, coordinates, ACLED geo_precision)
and an index on the event date, which every --since/--until query filters on.

Existing events keep their rows; their new columns are filled the next time an ingest
touches them, or by `summarizer ingest` with nothing new (store.refresh_events).

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("iso", sa.String(3)))
        batch.add_column(sa.Column("admin1", sa.Text))
        batch.add_column(sa.Column("latitude", sa.Float))
        batch.add_column(sa.Column("longitude", sa.Float))
        batch.add_column(sa.Column("geo_precision", sa.Integer))
    op.create_index("ix_events_event_date", "events", ["event_date"])


def downgrade() -> None:
    op.drop_index("ix_events_event_date", "events")
    with op.batch_alter_table("events") as batch:
        for name in ("geo_precision", "longitude", "latitude", "admin1", "iso"):
            batch.drop_column(name)
