"""Neutral, source-grounded news summaries and ACLED-style event records."""

from .api import ItemError, asummarize, get_backend, summarize, summarize_many
from .article import Article, read_article
from .briefing import Briefing, brief
from .errors import (
    BackendError,
    ConfigError,
    InputError,
    OutputValidationError,
    RecordingMissingError,
    SummarizerError,
)
from .schema import Event, SummaryResult
from .settings import Settings

__all__ = [
    "Article",
    "BackendError",
    "Briefing",
    "ConfigError",
    "Event",
    "InputError",
    "ItemError",
    "OutputValidationError",
    "RecordingMissingError",
    "Settings",
    "SummarizerError",
    "SummaryResult",
    "asummarize",
    "brief",
    "get_backend",
    "read_article",
    "summarize",
    "summarize_many",
]
