"""A second, narrow look at sentences the coverage check says no event cites.

The embedded 1.5B model stops after an article's first incidents, yet lists them well
when it sees only a few sentences: on the seed, sentences 1-3 alone give the al-Harir
attack claimed by the Islamic Resistance in Iraq, and sentences 8-11 the Baghdad strike
the Pentagon confirmed. (Asked about a sentence after its first answer, in the same
conversation, it gave wrong actors: it repeats itself.) So each group of flagged
sentences is sent again with the same prompt, in a window that ends at the group and
starts two sentences before it, asking for events only. Only events that cite a flagged
sentence are kept; the others repeat what the first pass found.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .article import Article, Sentence
from .backends.structured import CallLog, NoUsableAnswer, RequestFailed
from .checks.coverage import uncited_incident_sentences
from .checks.grounding import event_ids
from .errors import RecordingMissingError
from .extract import WindowReader, drop_injected
from .rules import run_checks
from .schema import Check, Draft, DraftEvent, Event, EventTarget, Finding, Severity

CONTEXT_BEFORE = 2  # sentences before a flagged group: who claims, where, the lede
GROUP_GAP = 2  # flagged sentences this close report one incident more often than not


@dataclass
class Reread:
    """What re-reading an article's uncited incident sentences gave."""

    events: list[DraftEvent] = field(default_factory=list)  # checked, injections dropped
    findings: list[Finding] = field(default_factory=list)  # named past the first pass's
    groups: int = 0  # groups of flagged sentences (run.rereads)


def reread_missed(
    reader: WindowReader, article: Article, events: list[Event], offset: int, log: CallLog
) -> Reread:
    """Events for the sentences no event cites, from a short window each.

    `offset`: how many draft events come before, so findings name the right index.
    A re-read that fails leaves the sentences flagged; the first pass is kept.
    """
    flagged = uncited_incident_sentences(article, events)
    groups = missed_groups(list(flagged), reader.settings.rereads)
    done = Reread(groups=len(groups))
    for group in groups:
        window = window_for(article, group)
        where = f"sentences {window[0].id}-{window[-1].id}"
        # The article's token budget covers its re-reads too.
        budget = reader.settings.token_budget - log.usage.total_tokens
        if budget <= 0:
            done.findings.append(skipped(where, "the token budget is spent"))
            continue
        reread_log = CallLog()  # its usage counts; its calls are not re-asks
        try:
            answer = reader.events(article, window, reread_log, budget)
        except NoUsableAnswer as exc:
            if isinstance(exc, RequestFailed) and isinstance(exc.error, RecordingMissingError):
                raise exc.error from None  # strict replay names the missing key
            done.findings.append(skipped(where, f"no usable answer ({exc.kind})"))
            continue
        finally:
            log.usage.add(reread_log.usage)
            log.timings.extend(reread_log.timings)
        kept = events_citing(answer.events, group, article)
        events_only = Draft.model_construct(summary=[], events=kept)
        # The draft checks, for these events only (the re-read writes no summary).
        checked = [f for f in run_checks(events_only, article) if _about_one_event(f)]
        kept = drop_injected(events_only, checked).events
        start = offset + len(done.events)
        done.findings.extend(shifted(f, start) for f in checked)
        done.events.extend(kept)
        done.findings.append(reread_done(where, group, len(kept)))
    return done


def _about_one_event(finding: Finding) -> bool:
    return isinstance(finding.target, EventTarget) and finding.target.index is not None


def missed_groups(flagged: list[int], limit: int) -> list[list[int]]:
    """Flagged sentence ids grouped when close together, at most `limit` groups."""
    groups: list[list[int]] = []
    for sentence_id in sorted(set(flagged)):
        if groups and sentence_id - groups[-1][-1] <= GROUP_GAP:
            groups[-1].append(sentence_id)
        else:
            groups.append([sentence_id])
    return groups[:limit]


def window_for(article: Article, group: list[int]) -> list[Sentence]:
    """The group's sentences and the few before them."""
    first = max(1, group[0] - CONTEXT_BEFORE)
    return [s for s in article.sentences if first <= s.id <= group[-1]]


def events_citing(events: list[DraftEvent], group: list[int], article: Article) -> list[DraftEvent]:
    """The events that rest on a flagged sentence (as assembly will cite them)."""
    wanted = set(group)
    return [ev for ev in events if wanted & set(event_ids(ev, article)[0])]


def reread_done(where: str, group: list[int], n_events: int) -> Finding:
    """What a re-read returned for a group (assembly may still drop or merge the events)."""
    return _about_events(
        "info", f"re-read {where} for the incident in {group}: {n_events} event(s) cite it"
    )


def skipped(where: str, why: str) -> Finding:
    """The warning for a re-read that could not be made."""
    return _about_events("warning", f"re-reading {where}: {why}; the sentences stay flagged")


def _about_events(severity: Severity, message: str) -> Finding:
    return Finding.at(
        check=Check.COVERAGE, severity=severity, target=EventTarget(), message=message
    )


def shifted(finding: Finding, offset: int) -> Finding:
    """A re-read event's finding, moved past the first pass's events.

    A message that numbers its event ("event 1: ...") is numbered afresh from the target.
    """
    target = finding.target
    if isinstance(target, EventTarget) and target.index is not None:
        return finding.moved(replace(target, index=target.index + offset))
    return finding
