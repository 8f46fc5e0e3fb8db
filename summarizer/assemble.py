"""Turn a checked draft into the grounded result: spans, repairs and flags.

What the re-ask loop could not fix is repaired here only where that is safe (a
lexicon term with a neutral alternative, a casualty figure with no figure behind it,
a responsibility status the cited sentences state outright); everything else stays
in the output with a finding, never hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from . import language
from .article import Article
from .checks.attribution import ALLEGE, CLAIM, expected_responsibility
from .checks.grounding import (
    MIN_SUPPORT,
    GroundingPolicy,
    best_supporting,
    check_counts,
    cited,
    event_ids,
    locate,
    spans_of,
    support,
    valid_ids,
)
from .checks.lexicon import find_loaded_terms, neutralise
from .countries import country_around
from .field_roles import is_cited_source, is_stated_motive
from .schema import (
    EVENT_TYPE_OF,
    Actors,
    Check,
    Draft,
    DraftEvent,
    Event,
    EventTarget,
    Finding,
    GroundedValue,
    LoadedTerm,
    Location,
    Span,
    SummarySentence,
    SummaryTarget,
    Target,
    assembled_field,
)

_END = re.compile(r"[.!?…][\"'”’)]*$")


def _repaired(check: Check, target: Target, message: str) -> Finding:
    """A warning about something assembly changed: the output says what it did."""
    return Finding.at(
        check=check, severity="warning", target=target, repaired=True, message=message
    )


def complete_sentence(text: str) -> str:
    """A sentence cut off mid-clause (grammar length limit) ends at its last full clause."""
    text = text.strip()
    if not text or _END.search(text):
        return text
    cut = max(text.rfind(", "), text.rfind("; "))
    if cut > len(text) // 3:
        return text[:cut].rstrip() + "."
    return text + "."


def build_summary(draft: Draft, article: Article) -> tuple[list[SummarySentence], list[Finding]]:
    out: list[SummarySentence] = []
    findings: list[Finding] = []
    for k, sent in enumerate(draft.summary):
        where = SummaryTarget(k)
        ids = valid_ids(article, sent.ids)
        if support(sent.text, article.text) < MIN_SUPPORT:
            findings.append(
                Finding.at(
                    check=Check.GROUNDING,
                    severity="error",
                    target=where,
                    repaired=True,
                    message="dropped: the sentence is not supported by the article",
                )
            )
            continue
        cited_text = " ".join(s.text for s in cited(article, ids))
        if not ids or support(sent.text, cited_text) < MIN_SUPPORT:
            # Small models miscount sentence numbers: re-cite by content instead.
            old = ids
            ids = best_supporting(sent.text, article)
            findings.append(
                _repaired(
                    Check.GROUNDING, where, f"citation {old} did not support it; re-cited {ids}"
                )
            )
        text, unrepaired = neutralise(sent.text)
        neutralised = text != sent.text
        whole = complete_sentence(text)
        if whole != text:
            findings.append(
                _repaired(
                    Check.STRUCTURE,
                    where,
                    "the sentence was cut off (length limit); trimmed to its last clause",
                )
            )
            text = whole
        if neutralised:
            findings.append(
                _repaired(Check.NEUTRALITY, where, "replaced loaded wording with neutral terms")
            )
        for term in unrepaired:
            findings.append(
                Finding.at(
                    check=Check.NEUTRALITY,
                    severity="error",
                    target=where,
                    message=f"loaded term {term.text!r} left in (no safe alternative)",
                )
            )
        evidence = spans_of(cited(article, ids))
        out.append(SummarySentence(text=text, sentence_ids=ids, evidence=evidence))
    return out, findings


def _ground(
    value: str | None, article: Article, ids: list[int], where: Target, findings: list[Finding]
) -> GroundedValue | None:
    if not value or not value.strip():
        return None
    grounded, in_cited = locate(value, article, ids, GroundingPolicy.LENIENT)
    if grounded.alignment == "none":
        findings.append(
            Finding.at(
                check=Check.GROUNDING,
                severity="error",
                target=where,
                message=f"{value!r} does not occur in the article (kept, flagged)",
            )
        )
    elif not in_cited:
        findings.append(
            Finding.at(
                check=Check.GROUNDING,
                severity="warning",
                target=where,
                message=f"{value!r} occurs in the article but not in the cited "
                "sentences; evidence points to where it occurs",
            )
        )
    return grounded


# Fields whose value must also play its role, and how the article shows it (field_roles.py).
_ROLES: dict[str, tuple[Callable[[GroundedValue, Article, list[int]], bool], str]] = {
    "reported_by": (
        is_cited_source,
        "a source: its sentence has no 'said', 'according to' or the like",
    ),
    "motive": (
        is_stated_motive,
        "a reason: no 'in retaliation for', 'to protest' or the like introduces it",
    ),
}


def _in_role(
    value: str | None,
    field: str,
    article: Article,
    ids: list[int],
    k: int,
    findings: list[Finding],
) -> GroundedValue | None:
    """The grounded value, unless the article does not present it in its field's role."""
    where = EventTarget(k, assembled_field(field))
    grounded = _ground(value, article, ids, where, findings)
    plays_role, role = _ROLES[field]
    if grounded is None or plays_role(grounded, article, ids):
        return grounded
    message = f"{grounded.value!r} is not given as {role}; dropped"
    findings.append(_repaired(Check.ATTRIBUTION, where, message))
    return None


# Words that make a date phrase a week or a month wide (data/language/date_precision.txt),
# searched in the lower-cased phrase as parts of words.
_DATE_PRECISION = {
    precision: re.compile("|".join(cues))
    for precision, cues in language.sections("date_precision").items()
}


def resolve_date(date_text: str | None, published: date | None) -> tuple[date | None, str]:
    """'on Saturday' against the publication date; without one, no date is invented."""
    if not date_text or published is None:
        return None, "unknown"
    import dateparser

    base = datetime(published.year, published.month, published.day, 12)
    parsed = dateparser.parse(
        date_text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    if parsed is None:
        return None, "unknown"
    lowered = date_text.lower()
    if _DATE_PRECISION["week"].search(lowered):
        return parsed.date(), "week"
    if _DATE_PRECISION["month"].search(lowered) and not any(c.isdigit() for c in lowered):
        return parsed.date(), "month"
    return parsed.date(), "day"


def _counts(
    value: int | None, name: str, evidence: str, k: int, findings: list[Finding]
) -> int | None:
    if check_counts(0, value, name, evidence):
        where = EventTarget(k, assembled_field(name))
        findings.append(
            _repaired(
                Check.GROUNDING, where, f"{name} {value} had no figure behind it; set to null"
            )
        )
        return None
    return value


def build_event(
    ev: DraftEvent, k: int, article: Article, published: date | None
) -> tuple[Event, list[Finding]]:
    findings: list[Finding] = []

    def at(name: str) -> EventTarget:
        return EventTarget(k, assembled_field(name))

    ids, recited = event_ids(ev, article)
    if recited:
        # Small models miscount sentence numbers: cite where the event's values occur.
        findings.append(
            _repaired(
                Check.GROUNDING,
                at("ids"),
                f"cited {ev.ids} hold none of the event's values; re-cited {ids}",
            )
        )
    evidence_text = " ".join(s.text for s in cited(article, ids))
    responsibility = ev.responsibility
    claimed_by = ev.claimed_by
    expected = expected_responsibility(evidence_text)
    if expected and expected != responsibility:
        findings.append(
            _repaired(
                Check.ATTRIBUTION,
                at("responsibility"),
                f"responsibility {responsibility!r} -> {expected!r}, as the cited sentences state",
            )
        )
        responsibility = expected
    elif not expected and not _stated_anywhere(responsibility, article):
        # "claimed" or "alleged" needs someone in the article to claim or accuse;
        # small models answer "claimed" by default.
        findings.append(
            _repaired(
                Check.ATTRIBUTION,
                at("responsibility"),
                f"responsibility {responsibility!r} -> 'unknown': nobody in the "
                "article claims responsibility or accuses anyone",
            )
        )
        responsibility, claimed_by = "unknown", None
    if responsibility == "claimed" and not claimed_by:
        # The claimant is whoever the claim sentence names; take actor1 only if it is there.
        claim_sentences = [s.text for s in cited(article, ids) if CLAIM.search(s.text)]
        if ev.actor1 and any(ev.actor1.lower() in s.lower() for s in claim_sentences):
            claimed_by = ev.actor1
            findings.append(
                _repaired(
                    Check.ATTRIBUTION,
                    at("claimed_by"),
                    f"claimed_by filled from actor1 {ev.actor1!r}",
                )
            )
        else:
            findings.append(
                Finding.at(
                    check=Check.ATTRIBUTION,
                    severity="error",
                    target=at("claimed_by"),
                    message="responsibility 'claimed' but no claimant named",
                )
            )
    actor1 = ev.actor1
    if (
        responsibility == "claimed"
        and claimed_by
        and actor1
        and any(not t.quoted for t in find_loaded_terms(actor1))
    ):
        # ACLED codes the claimant as the actor of a claimed attack; its own name is
        # neutral where the model copied a label ("resistance forces") from the article.
        findings.append(
            _repaired(
                Check.NEUTRALITY,
                at("actor1"),
                f"actor {actor1!r} is a loaded label; used the claimant {claimed_by!r}",
            )
        )
        actor1 = claimed_by
    event_date, precision = resolve_date(ev.date_text, published)
    sub_event_type = _sub_type_the_text_supports(
        ev.sub_event_type, evidence_text, at("sub_event_type"), findings
    )
    event_type = EVENT_TYPE_OF[sub_event_type]
    event = Event(
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=event_date,
        date_text=_ground(ev.date_text, article, ids, at("date_text"), findings),
        time_precision=precision,
        actors=Actors(
            actor1=_ground(actor1, article, ids, at("actor1"), findings),
            actor2=_ground(ev.actor2, article, ids, at("actor2"), findings),
        ),
        responsibility=responsibility,
        claimed_by=_ground(claimed_by, article, ids, at("claimed_by"), findings),
        target=_ground(ev.target, article, ids, at("target"), findings),
        location=_location(ev, article, ids, k, findings),
        fatalities=_counts(ev.fatalities, "fatalities", evidence_text, k, findings),
        injuries=_counts(ev.injuries, "injuries", evidence_text, k, findings),
        civilian_targeting=True if event_type == "Violence against civilians" else None,
        reported_by=_in_role(ev.reported_by, "reported_by", article, ids, k, findings),
        stated_motive=_in_role(ev.motive, "motive", article, ids, k, findings),
        sentence_ids=ids,
        evidence=spans_of(cited(article, ids)),
    )
    return event, findings


# Words a sub-type's report uses, first match wins (data/language/sub_type_cues.txt). Only
# for sub-types with their own vocabulary: a suicide bombing is a "bomb" too, so it comes
# before the IED row.
_SUB_TYPE_CUES: dict[str, re.Pattern[str]] = {
    sub: re.compile(rf"\b(?:{'|'.join(cues)})\b", re.IGNORECASE)
    for sub, cues in language.sections("sub_type_cues").items()
}


def _sub_type_the_text_supports(
    sub_event_type: str, evidence: str, where: EventTarget, findings: list[Finding]
) -> str:
    """The model's sub-type, unless its cited sentences describe another weapon only.

    Small models answer "Air/drone strike" or "Shelling" for bombings; when the cited
    sentences hold no word of the chosen sub-type but words of another, the words win.
    """
    own = _SUB_TYPE_CUES.get(sub_event_type)
    if own is None or own.search(evidence):
        return sub_event_type
    stated = next((sub for sub, cue in _SUB_TYPE_CUES.items() if cue.search(evidence)), None)
    if stated is None:
        return sub_event_type
    findings.append(
        _repaired(
            Check.ATTRIBUTION,
            where,
            f"sub-type {sub_event_type!r} -> {stated!r}: the cited sentences describe the latter",
        )
    )
    return stated


# What must occur somewhere in the article for a responsibility to stand. Not
# "confirmed": an actor reporting its own action ("police said they arrested") confirms
# it in words no pattern separates from any other statement.
_STATED = {
    "claimed": language.any_word("claim_mentions"),
    "alleged": ALLEGE,
}


def _stated_anywhere(responsibility: str, article: Article) -> bool:
    pattern = _STATED.get(responsibility)
    return pattern is None or bool(pattern.search(f"{article.title or ''}\n{article.text}"))


def _location(
    ev: DraftEvent, article: Article, ids: list[int], k: int, findings: list[Finding]
) -> Location:
    place_at = EventTarget(k, assembled_field("location"))
    country_at = EventTarget(k, assembled_field("country"))
    place = _ground(ev.location, article, ids, place_at, findings)
    country = _ground(ev.country, article, ids, country_at, findings)
    if country is None and place is not None and place.evidence:
        # Small models leave country empty; the article often says it next to the place.
        span = place.evidence[0]
        found = country_around(article.text, span.start, span.end)
        if found is not None:
            country = GroundedValue(
                value=found.text,
                evidence=[Span(start=found.start, end=found.end, text=found.text)],
                alignment="exact",
            )
            findings.append(
                Finding.at(
                    check=Check.GROUNDING,
                    severity="info",
                    target=country_at,
                    repaired=True,
                    message=f"country {found.text!r} filled from the words around the place",
                )
            )
    return Location(place=place, country=country)


def _event_key(event: Event) -> tuple[str, str]:
    place = event.location.place.value.casefold() if event.location.place else ""
    return event.sub_event_type, place


def drop_unplaced_events(events: list[Event]) -> tuple[list[Event], list[Finding]]:
    """Drop records whose actor, target and place are all absent or nowhere in the article.

    Such a record names no one and nothing the article mentions: it is not an incident
    the article reports (small models pad their lists with "unknown" records). One
    grounded value keeps a record: a paraphrased place ("Kabul airport") is common.
    """
    kept: list[Event] = []
    findings: list[Finding] = []
    for k, event in enumerate(events):
        grounded = [
            v
            for v in (event.actors.actor1, event.location.place, event.target)
            if v and v.alignment != "none"
        ]
        if grounded:
            kept.append(event)
            continue
        findings.append(
            _repaired(
                Check.GROUNDING,
                EventTarget(k),
                "event dropped: none of its actor, target and place occurs in the article",
            )
        )
    return kept, findings


def merge_duplicate_events(events: list[Event]) -> list[Event]:
    """One record per (sub-type, place) where the records also share a sentence.

    Chunk overlap and over-eager models repeat an event; distinct places stay apart.
    """
    merged: list[Event] = []
    for event in events:
        twin = next(
            (
                m
                for m in merged
                if _event_key(m) == _event_key(event)
                and set(m.sentence_ids) & set(event.sentence_ids)
            ),
            None,
        )
        if twin is None:
            merged.append(event)
            continue
        ids = sorted(set(twin.sentence_ids) | set(event.sentence_ids))
        spans = {(s.start, s.end): s for s in [*twin.evidence, *event.evidence]}
        twin.sentence_ids = ids
        twin.evidence = [spans[k] for k in sorted(spans)]
    return merged


def article_loaded_terms(article: Article) -> list[LoadedTerm]:
    return find_loaded_terms(article.text)
