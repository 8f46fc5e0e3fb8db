"""Load and render the versioned prompt templates in prompts/ (shipped in the wheel).

A template is `prompts/<name>.v<N>.md`: the system text, optional few-shot turns
(`=== example user ===`, `=== example assistant ===`), then `=== user ===` and the user
template (Jinja2, strict: an undefined variable is an error). Changing a prompt means
adding a new version; old ones stay, so every recording and eval result can name the
exact prompt (name, version, sha256) it used.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from .errors import ConfigError
from .schema import PromptInfo

_SEPARATOR = "=== user ==="
_SECTION = re.compile(r"^=== (example user|example assistant|user) ===$", re.MULTILINE)
_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False)


def prompts_dir() -> Path:
    """Where the templates are: SUMMARIZER_PROMPTS_DIR; else the repository's top-level
    prompts/ (a checkout or an editable install); else the copy a wheel ships as
    summarizer/prompts/ (setup.py copies it byte for byte, so the sha256 is the same)."""
    env = os.environ.get("SUMMARIZER_PROMPTS_DIR")
    if env:
        return Path(env)
    root = Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file() and (root / "prompts").is_dir():
        return root / "prompts"
    return Path(str(resources.files(__package__).joinpath("prompts")))


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: str
    sha256: str
    system: str
    user: jinja2.Template
    examples: tuple[tuple[str, str], ...] = ()  # (role, content) few-shot turns

    @property
    def info(self) -> PromptInfo:
        return PromptInfo(name=self.name, version=self.version, sha256=self.sha256)

    def render(self, **variables: Any) -> list[dict[str, str]]:
        try:
            user = self.user.render(**variables)
        except jinja2.UndefinedError as exc:
            raise ConfigError(f"prompt {self.name}.{self.version}: {exc.message}") from exc
        return [
            {"role": "system", "content": self.system},
            *({"role": role, "content": content} for role, content in self.examples),
            {"role": "user", "content": user},
        ]


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
    if not directory.is_dir():
        raise ConfigError(
            f"no prompt directory {directory}; set SUMMARIZER_PROMPTS_DIR to a folder of "
            "<name>.v<N>.md templates"
        )
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(directory.glob(f"{name}.v*.md")))
    return _load_prompt(name, version, directory, stamp)


@lru_cache(maxsize=32)
def _load_prompt(
    name: str, version: str | None, directory: Path, _stamp: tuple[tuple[str, int], ...]
) -> PromptTemplate:
    """Parsed and compiled once per file state (`_stamp`: names and mtimes)."""
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
    parts = _SECTION.split(text)
    system, sections = parts[0], list(zip(parts[1::2], parts[2::2], strict=True))
    if [h for h, _ in sections][-1:] != ["user"]:
        raise ConfigError(f"{path}: the last section must be '{_SEPARATOR}'")
    examples = tuple(
        (header.removeprefix("example "), body.strip()) for header, body in sections[:-1]
    )
    return PromptTemplate(
        name=name,
        version=version,
        sha256=hashlib.sha256(raw).hexdigest(),
        system=system.strip(),
        user=_ENV.from_string(sections[-1][1].strip("\n")),
        examples=examples,
    )
