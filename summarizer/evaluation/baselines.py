"""Baselines scored like the pipeline: lead-3, and the same model without our checks.

The unchecked baseline costs no model call: the first attempt of a checked run is
exactly what the model answers to the same prompt without checks and re-asks, so it is
read back from the recordings, parsed structurally and grounded with no repairs (no
dropped sentences, no re-citing, no neutralising, no corrected fields).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..article import Article
from ..assemble import resolve_date
from ..backends.replay import Messages, RecordingStore
from ..checks.grounding import GroundingPolicy, cited, locate, spans_of
from ..pipeline import Pipeline, chunk_windows
from ..schema import (
    EVENT_TYPE_OF,
    Actors,
    Draft,
    DraftEvent,
    Event,
    GroundedValue,
    Location,
    PromptInfo,
    RunInfo,
    SummaryResult,
    SummarySentence,
    Usage,
)


def _run(backend: str, model: str, prompt: PromptInfo | None, **kw: Any) -> RunInfo:
    return RunInfo(
        backend=backend,
        model=model,
        prompt=prompt or PromptInfo(name="none", version="-", sha256="-"),
        **kw,
    )


def lead3(article: Article, n: int = 3) -> SummaryResult:
    """The first n sentences, verbatim, cited to themselves; no events."""
    sentences = article.sentences[:n]
    return SummaryResult(
        article=article.info(),
        summary=[
            SummarySentence(text=s.text, sentence_ids=[s.id], evidence=spans_of([s]))
            for s in sentences
        ],
        events=[],
        loaded_terms=[],
        run=_run("lead-3", "none", None, attempts=0, usage=Usage(), seconds=0.0),
    )


class Recordings:
    """The recordings of one backend/model/prompt, asked for a rendered prompt's attempts
    (the layout and the matching are `RecordingStore`'s)."""

    def __init__(self, root: Path, backend: str, model: str, prompt: PromptInfo) -> None:
        self.store = RecordingStore(root, backend, model)
        self.prompt = prompt

    def attempts(self, rendered: Messages) -> list[dict[str, Any]]:
        """All attempts for one rendered prompt, first attempt first."""
        return [rec.record for rec in self.store.attempts(self.prompt, rendered)]

    def files(self, rendered: Messages) -> list[Path]:
        """The recording files of those attempts."""
        return [rec.path for rec in self.store.attempts(self.prompt, rendered)]

    @classmethod
    def of(cls, pipeline: Pipeline) -> Recordings:
        """The recordings `pipeline` replays from (as the recorded backend and model)."""
        backend = pipeline.backend
        return cls(
            Path(pipeline.settings.recordings_dir),
            backend.recorded_backend,
            backend.model,
            pipeline.prompt.info,
        )


def rendered_prompts(pipeline: Pipeline, article: Article) -> list[Messages]:
    """The messages of each chunk's first request, exactly as the pipeline renders them."""
    windows = chunk_windows(
        article.sentences,
        pipeline.settings.chunk_sentences,
        pipeline.settings.chunk_overlap,
        pipeline.max_chunk_chars(),
    )
    # Rendered by the pipeline's own reader: one home for how an article becomes a prompt.
    return [pipeline.reader.messages(article, w) for w in windows]


def _ground(value: str | None, article: Article, ids: list[int]) -> GroundedValue | None:
    if not value or not value.strip():
        return None
    return locate(value, article, ids, GroundingPolicy.STRICT)[0]


def raw_event(ev: DraftEvent, article: Article) -> Event:
    """The model's event as it stands: its own ids, responsibility and counts."""
    ids = [i for i in dict.fromkeys(ev.ids) if article.sentence(i) is not None]
    event_date, precision = resolve_date(ev.date_text, article.published)
    return Event(
        event_type=EVENT_TYPE_OF[ev.sub_event_type],
        sub_event_type=ev.sub_event_type,
        date=event_date,
        date_text=_ground(ev.date_text, article, ids),
        time_precision=precision,
        actors=Actors(
            actor1=_ground(ev.actor1, article, ids), actor2=_ground(ev.actor2, article, ids)
        ),
        responsibility=ev.responsibility,
        claimed_by=_ground(ev.claimed_by, article, ids),
        target=_ground(ev.target, article, ids),
        location=Location(
            place=_ground(ev.location, article, ids), country=_ground(ev.country, article, ids)
        ),
        fatalities=ev.fatalities,
        injuries=ev.injuries,
        reported_by=_ground(ev.reported_by, article, ids),
        stated_motive=_ground(ev.motive, article, ids),
        sentence_ids=ids,
        evidence=spans_of(cited(article, ids)),
    )


def unchecked(pipeline: Pipeline, recordings: Recordings, article: Article) -> SummaryResult | None:
    """The first attempt per chunk, unrepaired. None when a chunk has no recording;
    an unparseable first answer gives an empty result (what a caller would get)."""
    summary: list[SummarySentence] = []
    events: list[Event] = []
    notes: list[str] = []
    usage = Usage()
    seconds = 0.0
    for rendered in rendered_prompts(pipeline, article):
        attempts = recordings.attempts(rendered)
        if not attempts or len(attempts[0]["request"]["messages"]) != len(rendered):
            return None
        first = attempts[0]
        usage.add(
            Usage(
                **{
                    k: v
                    for k, v in (first["response"].get("usage") or {}).items()
                    if k in ("prompt_tokens", "completion_tokens")
                }
            )
        )
        seconds += float((first.get("timings") or {}).get("wall_s", 0.0))
        raw = first["response"]["choices"][0]["message"]["content"] or ""
        try:
            draft = Draft.model_validate_json(raw)
        except (ValidationError, ValueError) as exc:
            notes.append(f"first answer not valid: {str(exc)[:120]}")
            continue
        for sent in draft.summary:
            ids = [i for i in dict.fromkeys(sent.ids) if article.sentence(i) is not None]
            summary.append(
                SummarySentence(
                    text=sent.text, sentence_ids=ids, evidence=spans_of(cited(article, ids))
                )
            )
        events.extend(raw_event(ev, article) for ev in draft.events)
    return SummaryResult(
        article=article.info(),
        summary=summary,
        events=events,
        loaded_terms=[],
        run=_run(
            "unchecked",
            pipeline.backend.model,
            pipeline.prompt.info,
            attempts=1,
            usage=usage,
            seconds=round(seconds, 3),
            notes=notes,
        ),
    )


def unchecked_runner(settings: Any) -> Any:
    """`unchecked` bound to the pipeline and recordings that `settings` replay from."""
    from ..api import pipeline_for  # the eval builds the same pipeline the run used

    pipeline = pipeline_for(settings)
    recordings = Recordings.of(pipeline)
    return lambda article: unchecked(pipeline, recordings, article)


__all__ = ["RecordingStore", "Recordings", "lead3", "unchecked", "unchecked_runner"]
