"""Alembic's script directory for the dataset's schema (shipped inside the package)."""
