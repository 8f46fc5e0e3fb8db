"""Load and render the versioned prompt templates in prompts/.

A template is `prompts/<name>.v<N>.md`: the system text, a line `=== user ===`, then
the user text. Changing a prompt means adding a new version; old ones stay, so every
recording and eval result can name the exact prompt (name, version, sha256) it used.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .errors import ConfigError
from .schema import PromptInfo

_SEPARATOR = "=== user ==="
_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False)


def prompts_dir() -> Path:
    """SUMMARIZER_PROMPTS_DIR, else the repository's prompts/ beside the package."""
    env = os.environ.get("SUMMARIZER_PROMPTS_DIR")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "prompts"


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: str
    sha256: str
    system: str
    user: jinja2.Template

    @property
    def info(self) -> PromptInfo:
        return PromptInfo(name=self.name, version=self.version, sha256=self.sha256)

    def render(self, **variables: Any) -> list[dict[str, str]]:
        try:
            user = self.user.render(**variables)
        except jinja2.UndefinedError as exc:
            raise ConfigError(f"prompt {self.name}.{self.version}: {exc.message}") from exc
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]


def available_versions(name: str, directory: Path | None = None) -> list[str]:
    directory = directory or prompts_dir()
    found = []
    for path in directory.glob(f"{name}.v*.md"):
        m = re.fullmatch(rf"{re.escape(name)}\.(v\d+)\.md", path.name)
        if m:
            found.append(m.group(1))
    return sorted(found, key=lambda v: int(v[1:]))


def load_prompt(
    name: str = "summarize", version: str | None = None, directory: Path | None = None
) -> PromptTemplate:
    directory = directory or prompts_dir()
    versions = available_versions(name, directory)
    if not versions:
        raise ConfigError(f"no prompt named {name!r} in {directory}")
    version = version or versions[-1]
    path = directory / f"{name}.{version}.md"
    if not path.is_file():
        raise ConfigError(f"prompt {name} has no version {version}; have {', '.join(versions)}")
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    if _SEPARATOR not in text:
        raise ConfigError(f"{path}: missing the '{_SEPARATOR}' line between system and user")
    system, user = text.split(_SEPARATOR, 1)
    return PromptTemplate(
        name=name,
        version=version,
        sha256=hashlib.sha256(raw).hexdigest(),
        system=system.strip(),
        user=_ENV.from_string(user.strip("\n")),
    )
