"""Long articles in windows of sentences that fit the model's context, overlapping a
little; and the warning for windows left unread when the token budget ran out."""

from __future__ import annotations

from .article import Sentence
from .errors import OutputValidationError
from .schema import Check, Finding, RunTarget, Usage
from .settings import Settings


def max_chunk_chars(settings: Settings) -> int:
    """The characters of article one request may carry."""
    # ~3.5 characters a token for English news; leave room for the system prompt,
    # the numbering and the answer (and one re-ask).
    budget_tokens = settings.n_ctx - 2 * settings.max_output_tokens - 700
    return max(2000, int(budget_tokens * 3.2))


def chunk_windows(
    sentences: list[Sentence], size: int, overlap: int, max_chars: int
) -> list[list[Sentence]]:
    """Consecutive sentence windows that fit the model's context, overlapping a little."""
    chunks: list[list[Sentence]] = []
    i = 0
    while i < len(sentences):
        chunk: list[Sentence] = []
        chars = 0
        j = i
        while (
            j < len(sentences)
            and len(chunk) < size
            and (chars + len(sentences[j].text) <= max_chars or not chunk)
        ):
            chunk.append(sentences[j])
            chars += len(sentences[j].text)
            j += 1
        chunks.append(chunk)
        if j >= len(sentences):
            break
        i = max(j - overlap, i + 1)
    return chunks


def unread_warning(
    windows: list[list[Sentence]], done: int, budget: int, usage: Usage, attempts: int
) -> Finding:
    """The warning for windows left unread because the article's token budget ran out.

    With none read there is nothing to return: that is an OutputValidationError.
    """
    why = (
        f"the article's token budget ({budget}) was spent "
        f"({usage.total_tokens} tokens) after {done} of {len(windows)} chunks"
    )
    if not done:  # Settings keeps the budget positive; never return an empty result
        raise OutputValidationError(why, last_raw=None, attempts=attempts, usage=usage.model_dump())
    # Chunks overlap: the unread text starts after the last chunk that was read.
    first, last = windows[done - 1][-1].id + 1, windows[-1][-1].id
    return Finding.at(
        check=Check.COVERAGE,
        severity="warning",
        target=RunTarget(),
        message=f"{why}; {len(windows) - done} chunks were skipped, so sentences "
        f"{first}-{last} were not read",
    )
