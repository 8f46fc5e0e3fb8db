"""Property-based tests: sentence offsets and grounding spans hold for arbitrary Unicode."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from summarizer.article import Article, normalise_text, split_sentences
from summarizer.checks.grounding import GroundingPolicy, locate

# Letters of many scripts, digits, punctuation (incl. curly quotes), spaces and newlines.
# Characters whose lowercase is longer ('İ') are left out here: they hit the known
# locate() once shifted spans after 'İ' (lower() is longer); the last test pins the fix.
WORDS = st.text(
    alphabet=st.characters(
        categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\n"
    ).filter(lambda c: len(c.lower()) == 1),
    min_size=1,
    max_size=30,
)
LINES = st.lists(WORDS, min_size=1, max_size=6).map(". ".join)
TEXTS = st.lists(LINES, min_size=1, max_size=6).map("\n".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(min_size=1, max_size=400))
def test_sentence_offsets_hold_for_any_text(raw: str) -> None:
    text = normalise_text(raw)
    assume(text.strip())
    article = Article(text=text)
    previous_end = 0
    for i, s in enumerate(article.sentences, 1):
        assert s.id == i
        assert article.text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.start >= previous_end  # in order, never overlapping
        previous_end = s.end


@FAST
@given(TEXTS)
def test_sentences_cover_every_visible_character(text: str) -> None:
    assume(text.strip())
    sentences = split_sentences(text)
    covered = "".join(s.text for s in sentences)
    # Nothing but whitespace is dropped between sentences.
    assert "".join(covered.split()) == "".join(text.split())


@FAST
@given(st.text(max_size=300))
def test_normalise_text_is_idempotent(raw: str) -> None:
    once = normalise_text(raw)
    assert normalise_text(once) == once
    assert "\r" not in once


@FAST
@given(TEXTS, st.data())
def test_locate_spans_point_into_the_article(text: str, data: st.DataObject) -> None:
    assume(text.strip())
    article = Article(text=text)
    assume(article.sentences)
    sentence = data.draw(st.sampled_from(article.sentences))
    a = data.draw(st.integers(0, len(sentence.text) - 1))
    b = data.draw(st.integers(a + 1, len(sentence.text)))
    value = sentence.text[a:b]
    assume(value.strip())
    grounded, _in_cited = locate(value, article, [sentence.id], GroundingPolicy.STRICT)
    # A value copied from the article is always found, and every span is real.
    assert grounded.alignment in ("exact", "fuzzy")
    for span in grounded.evidence:
        assert article.text[span.start : span.end] == span.text
        assert 0 <= span.start <= span.end <= len(article.text)


@FAST
@given(TEXTS, WORDS)
def test_locate_never_raises_and_spans_are_real(text: str, value: str) -> None:
    assume(text.strip())
    article = Article(text=text)
    grounded, _ = locate(value, article, [1, 2, 99], GroundingPolicy.STRICT)
    for span in grounded.evidence:
        assert article.text[span.start : span.end] == span.text


@FAST
@given(TEXTS, st.data())
def test_exact_locate_matches_the_value(text: str, data: st.DataObject) -> None:
    assume(text.strip())
    article = Article(text=text)
    assume(article.sentences)
    sentence = data.draw(st.sampled_from(article.sentences))
    a = data.draw(st.integers(0, len(sentence.text) - 1))
    b = data.draw(st.integers(a + 1, len(sentence.text)))
    value = sentence.text[a:b].strip()
    assume(value)
    grounded, _ = locate(value, article, [sentence.id], GroundingPolicy.STRICT)
    if grounded.alignment == "exact":
        assert grounded.evidence[0].text.casefold() == value.casefold()


def test_exact_locate_after_a_char_whose_lowercase_is_longer() -> None:
    article = Article(text="İstanbul police said the blast hit Taksim square.")
    grounded, _ = locate("Taksim square", article, [1], GroundingPolicy.STRICT)
    assert grounded.evidence[0].text == "Taksim square"
