"""Pydantic models: the compact draft the LLM writes, and the grounded result we return.

The draft cites numbered sentences (`ids`) instead of copying quotes: fewer output
tokens, and the code turns ids into exact character spans. The checks run on each
draft while instructor validates it (backends/structured.py), so a failed check becomes
instructor's re-ask with a precise message.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import date as Date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal, NamedTuple, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from . import language

# ACLED codebook: six event types and their 25 sub-event types.
ACLED_TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
EVENT_TYPE_OF: dict[str, str] = {
    sub: etype for etype, subs in ACLED_TAXONOMY.items() for sub in subs
}
# The event types of political violence (ACLED's violent events): where a doer, a toll
# and a weapon mean something.
VIOLENT_TYPES = ("Explosions/Remote violence", "Battles", "Violence against civilians")
if TYPE_CHECKING:  # a Literal built from the taxonomy: pydantic checks it, mypy sees str
    SubEventType = str
    EventType = str
else:
    SubEventType = Literal[tuple(EVENT_TYPE_OF)]
    EventType = Literal[tuple(ACLED_TAXONOMY)]
Responsibility = Literal["claimed", "confirmed", "alleged", "unknown"]
Severity = Literal["error", "warning", "info"]


# --------------------------------------------------------------------------- draft (LLM)
ShortText = Annotated[str, Field(max_length=60)]
# What small models write for "not stated" (data/language/placeholders.txt); an empty
# value (or only dots) is absent too.
PLACEHOLDERS = language.words("placeholders") | {""}


class DraftSentence(BaseModel):
    text: str = Field(max_length=300, description="one neutral sentence of the summary")
    ids: list[int] = Field(min_length=1, max_length=4, description="article sentences it rests on")


# An attribute path inside an event: ("actor1",) in a DraftEvent, ("actors", "actor1") in
# the assembled Event.
FieldPath = tuple[str, ...]
# What a free-text field holds; rules choose fields by it (grounding.py, neutrality.py).
FieldKind = Literal["party", "place", "time", "source", "reason"]


class TextField(NamedTuple):
    kind: FieldKind
    result: FieldPath  # where the assembled Event keeps the field's grounded value


# The free-text fields of a draft event, in schema order: the one list of them. The
# placeholder rule, the checks, assembly and findings' targets derive theirs from it.
EVENT_TEXT_FIELDS: dict[str, TextField] = {
    "actor1": TextField("party", ("actors", "actor1")),
    "actor2": TextField("party", ("actors", "actor2")),
    "claimed_by": TextField("party", ("claimed_by",)),
    "target": TextField("party", ("target",)),
    "location": TextField("place", ("location", "place")),
    "country": TextField("place", ("location", "country")),
    "date_text": TextField("time", ("date_text",)),
    "reported_by": TextField("source", ("reported_by",)),
    "motive": TextField("reason", ("stated_motive",)),
}
DRAFT_TEXT_FIELDS = tuple(EVENT_TEXT_FIELDS)


def text_fields(*kinds: FieldKind) -> tuple[str, ...]:
    """The draft's free-text fields that hold one of these kinds, in schema order."""
    return tuple(name for name, field in EVENT_TEXT_FIELDS.items() if field.kind in kinds)


def assembled_field(name: str) -> FieldPath:
    """Where the assembled Event keeps a draft event's field: "actor1" -> actors.actor1."""
    text = EVENT_TEXT_FIELDS.get(name)
    return text.result if text is not None else (name,)


def _short(alias: str) -> Any:
    # Short JSON keys (aliases) cut a third of the output tokens of a small local model;
    # the code keeps the descriptive attribute names.
    return Field(default=None, alias=alias)


class DraftEvent(BaseModel):
    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True)

    ids: list[int] = Field(
        min_length=1, max_length=3, description="the 1-2 sentences describing it"
    )
    sub_event_type: SubEventType = Field(alias="type")
    actor1: ShortText | None = _short("actor")
    actor2: ShortText | None = _short("other")
    responsibility: Responsibility = Field(default="unknown", alias="resp")
    claimed_by: ShortText | None = _short("by")
    target: ShortText | None = _short("target")
    location: ShortText | None = _short("place")
    country: ShortText | None = _short("country")
    date_text: ShortText | None = _short("when")
    fatalities: int | None = _short("killed")
    injuries: int | None = _short("injured")
    reported_by: ShortText | None = _short("source")
    motive: ShortText | None = _short("why")

    @field_validator(*DRAFT_TEXT_FIELDS, mode="before")
    @classmethod
    def _placeholder_is_absent(cls, value: Any) -> Any:
        # Small models write "unknown" or "the article" where the prompt asks them to
        # leave a field out; such a value says the same as null and is not a quote.
        if isinstance(value, str) and value.strip(" .").casefold() in PLACEHOLDERS:
            return None
        return value


def key_of(field_name: str) -> str:
    """The JSON key the model sees for a DraftEvent attribute."""
    return DraftEvent.model_fields[field_name].alias or field_name


_SCHEMA_CACHE: dict[tuple[Any, ...], dict[str, Any]] = {}


class _ModelAnswer(BaseModel):
    """A model's JSON answer. A raw line break or tab inside a string ("... withdrawal
    from Af<newline>") is invalid strict JSON but no doubt about what was meant: such an
    answer is read with JSON's lenient string rule instead of being lost."""

    @classmethod
    def model_validate_json(
        cls,
        json_data: str | bytes | bytearray,
        *,
        strict: bool | None = None,
        **kwargs: Any,
    ) -> Self:
        try:
            return super().model_validate_json(json_data, strict=strict, **kwargs)
        except ValidationError as exc:
            if not all(e["type"] == "json_invalid" for e in exc.errors()):
                raise
            try:
                data = json.loads(json_data, strict=False)
            except ValueError:
                raise exc from None
            return cls.model_validate(data, strict=strict, **kwargs)


class Draft(_ModelAnswer):
    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        # instructor asks for the schema on every request (~9 ms each); it never changes.
        if args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        # instructor wraps the model in a fresh subclass per call: key on what defines it.
        key = (cls.__name__, cls.__doc__, tuple(cls.model_fields))
        if key not in _SCHEMA_CACHE:
            _SCHEMA_CACHE[key] = super().model_json_schema()
        return copy.deepcopy(_SCHEMA_CACHE[key])

    # Bounds go into the JSON schema, so llama.cpp's grammar enforces them while decoding.
    summary: list[DraftSentence] = Field(min_length=2, max_length=5)
    events: list[DraftEvent] = Field(max_length=6)


class DraftEvents(_ModelAnswer):
    """Events only: what a re-read of a few sentences asks for (reread.py)."""

    events: list[DraftEvent] = Field(max_length=6)


# --------------------------------------------------------------------------- results
class Span(BaseModel):
    start: int
    end: int
    text: str


class Check(StrEnum):
    """The rule a finding comes from; its value is the `check` the JSON shows."""

    GROUNDING = "grounding"  # citations exist, values and figures occur in the article
    NEUTRALITY = "neutrality"  # no unquoted loaded wording in what we write
    ATTRIBUTION = "attribution"  # responsibility, claimant, sub-type, source, motive
    STRUCTURE = "structure"  # the answer's shape: summary length, cut-off text, fallback,
    # fragments dropped, article sentences added to a short summary
    INJECTION = "injection"  # output that obeys instructions written in the article
    COVERAGE = "coverage"  # incidents no event cites, re-reads, chunks left unread
    INPUT = "input"  # the article as read (api.py)


@dataclass(frozen=True)
class SummaryTarget:
    """A summary sentence, or the summary as a whole (index None)."""

    index: int | None = None


@dataclass(frozen=True)
class EventTarget:
    """An event, one of its fields, or the list of events as a whole (index None).

    `field` is the attribute path inside the event: a DraftEvent field for the draft's
    checks (("actor1",)), an Event field once assembled (`assembled_field`).
    """

    index: int | None = None
    field: FieldPath = ()

    def __post_init__(self) -> None:
        if self.field and self.index is None:
            raise ValueError("a field belongs to one event: give its index")


@dataclass(frozen=True)
class ArticleTarget:
    """The article as read."""


@dataclass(frozen=True)
class RunTarget:
    """The run as a whole."""


Target = SummaryTarget | EventTarget | ArticleTarget | RunTarget


def path_text(target: Target) -> str:
    """A target as the output writes it: "summary[0]", "events[1].actors.actor1", "run"."""
    match target:
        case SummaryTarget(index=None):
            return "summary"
        case SummaryTarget(index=index):
            return f"summary[{index}]"
        case EventTarget(index=None):
            return "events"
        case EventTarget(index=index, field=field):
            return f"events[{index}]" + "".join(f".{name}" for name in field)
        case ArticleTarget():
            return "article"
        case RunTarget():
            return "run"
    raise TypeError(f"not a finding target: {target!r}")


def event_label(target: EventTarget) -> str:
    """How a message names an event, counting from 1 as the model does: "event 2: "."""
    if target.index is None:
        raise ValueError("only one event has a number")
    return f"event {target.index + 1}: "


class Finding(BaseModel):
    """What a check or a repair found, and where: made with `at` or `numbered`.

    `path` is the typed `target` as text (`path_text`), written once here; nothing reads
    it back. `target` and `detail` stay out of every dump, so the JSON keeps check,
    severity, path, message, repaired. A finding read back from JSON has its path only.
    """

    check: Check
    severity: Severity
    path: str  # path_text(target), e.g. "events[1].actor1" or "summary[0]"
    message: str
    repaired: bool = False
    target: Target | None = Field(default=None, exclude=True, repr=False)
    # The message after its "event k: " label, for a message that numbers its event.
    detail: str | None = Field(default=None, exclude=True, repr=False)

    @classmethod
    def at(
        cls,
        target: Target,
        *,
        check: Check,
        severity: Severity,
        message: str,
        repaired: bool = False,
    ) -> Finding:
        return cls(
            check=check,
            severity=severity,
            path=path_text(target),
            message=message,
            repaired=repaired,
            target=target,
        )

    @classmethod
    def numbered(
        cls,
        target: EventTarget,
        *,
        check: Check,
        severity: Severity,
        detail: str,
        repaired: bool = False,
    ) -> Finding:
        """A finding about one event whose message numbers it as the model counts events:
        "event 2: <detail>". Moved to another event (`moved`), it is numbered afresh."""
        return cls(
            check=check,
            severity=severity,
            path=path_text(target),
            message=event_label(target) + detail,
            repaired=repaired,
            target=target,
            detail=detail,
        )

    @model_validator(mode="after")
    def _text_is_the_targets(self) -> Finding:
        if self.target is not None and self.path != path_text(self.target):
            raise ValueError(f"path {self.path!r} is not its target's")
        if self.detail is not None and not (
            isinstance(self.target, EventTarget)
            and self.message.startswith(event_label(self.target))
        ):
            raise ValueError("a numbered message needs its event as target")
        return self

    def moved(self, target: EventTarget) -> Finding:
        """The same finding about another event (a re-read's, after the first pass's)."""
        if self.detail is None:
            return Finding.at(
                target,
                check=self.check,
                severity=self.severity,
                message=self.message,
                repaired=self.repaired,
            )
        return Finding.numbered(
            target,
            check=self.check,
            severity=self.severity,
            detail=self.detail,
            repaired=self.repaired,
        )

    def add_to_message(self, text: str) -> None:
        """Say more at the end of the message (kept when the finding is moved)."""
        self.message += text
        if self.detail is not None:
            self.detail += text


class GroundedValue(BaseModel):
    value: str
    evidence: list[Span] = Field(default_factory=list)
    alignment: Literal["exact", "fuzzy", "none"] = "none"


class SummarySentence(BaseModel):
    text: str
    sentence_ids: list[int]
    evidence: list[Span]


class Actors(BaseModel):
    actor1: GroundedValue | None = None
    actor2: GroundedValue | None = None
    associated: list[GroundedValue] = Field(default_factory=list)


class Location(BaseModel):
    place: GroundedValue | None = None
    admin1: str | None = None
    country: GroundedValue | None = None


class Event(BaseModel):
    event_type: EventType
    sub_event_type: SubEventType
    date: Date | None = None
    date_text: GroundedValue | None = None
    time_precision: Literal["day", "week", "month", "year", "unknown"] = "unknown"
    actors: Actors
    responsibility: Responsibility
    claimed_by: GroundedValue | None = None
    target: GroundedValue | None = None
    location: Location
    fatalities: int | None = None
    injuries: int | None = None
    civilian_targeting: bool | None = None
    reported_by: GroundedValue | None = None
    stated_motive: GroundedValue | None = None
    sentence_ids: list[int]
    evidence: list[Span]


def event_value(event: Event, field: FieldPath) -> Any:
    """The value at an attribute path of an assembled event: ("actors", "actor1")."""
    value: Any = event
    for name in field:
        value = getattr(value, name)
    return value


class LoadedTerm(BaseModel):
    text: str
    start: int
    end: int
    category: str
    neutral_alternative: str | None = None
    quoted: bool = False  # inside quotation marks: the speaker's words, reported


class PromptInfo(BaseModel):
    name: str
    version: str
    sha256: str


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    def add(self, other: Any) -> None:
        self.prompt_tokens += int(getattr(other, "prompt_tokens", 0) or 0)
        self.completion_tokens += int(getattr(other, "completion_tokens", 0) or 0)
        self.total_tokens = self.prompt_tokens + self.completion_tokens


class RunInfo(BaseModel):
    backend: str
    model: str
    prompt: PromptInfo
    attempts: int
    usage: Usage
    seconds: float
    # Seconds the model calls took as the backend measured them (llama.cpp's wall time;
    # for replay, the time recorded with each response). None when the backend says not.
    model_seconds: float | None = None
    chunks: int = 1
    rereads: int = 0  # windows sent again for incidents no event cited (reread.py)
    findings: list[Finding] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class ArticleInfo(BaseModel):
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: Date | None = None
    language: str = "en"
    path: str | None = None
    sha256: str
    n_chars: int
    n_sentences: int
    # The exact text every span's start/end indexes (code points, Python str indices):
    # the body after a .txt file's headline line, or the text extracted from HTML, so a
    # consumer can check `text[s.start:s.end] == s.text` from the output alone. Last, so
    # the metadata above stays readable in the JSON; empty only in results built by hand.
    text: str = ""


class SummaryResult(BaseModel):
    article: ArticleInfo
    summary: list[SummarySentence]
    events: list[Event]
    loaded_terms: list[LoadedTerm]
    run: RunInfo

    @property
    def summary_text(self) -> str:
        return " ".join(s.text for s in self.summary)
