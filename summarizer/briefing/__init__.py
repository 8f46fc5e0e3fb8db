"""Briefings: many articles, one neutral digest with events merged across outlets."""

from .build import brief, build_briefing
from .model import Briefing, BriefingEvent
from .render_html import briefing_to_html
from .render_md import briefing_to_markdown


def briefing_to_json(briefing: Briefing) -> str:
    return briefing.model_dump_json(indent=2) + "\n"


__all__ = [
    "Briefing",
    "BriefingEvent",
    "brief",
    "briefing_to_html",
    "briefing_to_json",
    "briefing_to_markdown",
    "build_briefing",
]
