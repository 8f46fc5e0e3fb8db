"""How structured output is asked of an OpenAI-compatible endpoint (instructor modes)."""

from __future__ import annotations

import instructor

from ..errors import ConfigError
from ..settings import Settings

OPENAI_MODES = {
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}


def openai_mode(settings: Settings) -> instructor.Mode:
    if settings.openai_mode not in OPENAI_MODES:
        raise ConfigError(
            f"SUMMARIZER_OPENAI_MODE={settings.openai_mode!r}; "
            f"choose one of {', '.join(OPENAI_MODES)}"
        )
    return OPENAI_MODES[settings.openai_mode]
