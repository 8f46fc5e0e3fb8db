from __future__ import annotations

import json

import pytest

from summarizer.article import Article, clean_text, read_article, split_sentences, unwrap_lines
from summarizer.errors import InputError


def test_seed_splits_with_exact_offsets(seed_text: str, tmp_path) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, "utf-8")
    article = read_article(path)
    assert article.title.startswith("Iraqi resistance targets three US bases in Syria")
    assert len(article.sentences) == len(article.text.splitlines()) == 15  # a line each
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text
    assert article.sentences[1].text.startswith("The Islamic Resistance in Iraq")


def test_offsets_survive_curly_quotes_and_arabic() -> None:
    text = "“We stress our position,” Sudani said. مقتدى الصدر قال إن الهجوم فشل. Done here."
    sentences = split_sentences(text)
    assert len(sentences) >= 2
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert "مقتدى" in "".join(s.text for s in sentences)


def test_json_article_and_metadata(tmp_path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps(
            {"title": "T", "text": "One. Two.", "source": "Wire", "published": "2024-01-06"}
        ),
        "utf-8",
    )
    article = read_article(path)
    assert article.source == "Wire"
    assert article.published.isoformat() == "2024-01-06"


def test_empty_and_missing_inputs_name_the_problem(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n  ", "utf-8")
    with pytest.raises(InputError, match="empty"):
        read_article(empty)
    with pytest.raises(InputError, match="empty"):
        Article(text="  ")


def test_with_notes_returns_a_copy() -> None:
    article = Article(text="One sentence.", notes=("decoded",))
    assert article.with_notes("later").notes == ("decoded", "later")
    assert article.with_notes("earlier", first=True).notes == ("earlier", "decoded")
    assert article.notes == ("decoded",)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Party-and-state tags of US politics are cut between their letters by sentencex.
        (
            "Biden said activists confronted Sen. Joe Manchin, D-W.Va., on Sunday. He left.",
            ["Biden said activists confronted Sen. Joe Manchin, D-W.Va., on Sunday.", "He left."],
        ),
        ("The move came after Ms. Pelosi had signaled it. Then she spoke.", 2),
        ("A man posted it around 12:30 a.m. Sunday. Police came.", 2),
        ("It fell about 1:30 a.m. ET, officials said. Rescuers came.", 2),
        ("It began about 6:30 a.m. Pacific Time (1330 GMT) at a rail yard. Police came.", 2),
        ("Violence followed the Jan. 6. attack on the Capitol. Arrests began.", 2),
        # Real boundaries after an abbreviation stay.
        ("It ended at 3 p.m. The next day he left.", 2),
        ("He left the U.K. The agenda was set.", 2),
        ("The blast came at 2 a.m. Central Command said nothing.", 2),
    ],
)
def test_abbreviation_periods_do_not_end_sentences(text: str, expected) -> None:
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    if isinstance(expected, int):
        assert len(sentences) == expected, [s.text for s in sentences]
        # Each sentence ends on a full stop: no split point inside one.
        assert all(s.text.endswith(".") for s in sentences), [s.text for s in sentences]
    else:
        assert [s.text for s in sentences] == expected


def test_a_hard_wrapped_text_is_read_as_whole_sentences(tmp_path) -> None:
    wrapped = (
        "Gunmen attacked a police post in the town of Dara on Monday, killing four\n"
        "officers, the group said in a statement. It said the attack was in\n"
        "retaliation for the arrest of its leader.\n"
        "\n"
        "The post was rebuilt last year.\n"
    )
    path = tmp_path / "wrapped.txt"
    path.write_text(wrapped, "utf-8")
    article = read_article(path)
    # The first line ends mid-sentence: it is the lede, not a headline, and nothing is lost.
    assert article.title is None
    assert [s.text for s in article.sentences] == [
        "Gunmen attacked a police post in the town of Dara on Monday, killing four officers, "
        "the group said in a statement.",
        "It said the attack was in retaliation for the arrest of its leader.",
        "The post was rebuilt last year.",
    ]
    assert any("line break" in note for note in article.notes)


def test_a_line_break_after_a_title_does_not_end_the_sentence() -> None:
    text, _ = unwrap_lines("New York Gov.\nAndrew Cuomo said there was no evidence.\nHe left.")
    assert text == "New York Gov. Andrew Cuomo said there was no evidence.\nHe left."
    # A headline is never joined to the text under it, wrapped or not.
    wrapped = "Bomb hits Dara market\nA bomb exploded in Dara on Monday, killing\nfour people."
    assert unwrap_lines(wrapped)[0].startswith("Bomb hits Dara market\nA bomb")
    # Lines that each end a sentence stay paragraphs.
    assert unwrap_lines("One line.\nAnother line.")[0] == "One line.\nAnother line."


def test_a_first_line_ending_with_a_full_stop_is_the_lede(tmp_path) -> None:
    path = tmp_path / "lede.txt"
    path.write_text("A bomb exploded in Dara on Monday.\nPolice said two people died.\n", "utf-8")
    article = read_article(path)
    assert article.title is None and len(article.sentences) == 2


def test_web_page_furniture_is_not_read_as_sentences(tmp_path) -> None:
    pasted = (
        "Bomb hits Dara market\n"
        "A bomb exploded at the market in Dara on Monday, killing four people.\n"
        "Get all the latest news Subscribe Thank you for subscribing See our privacy notice\n"
        "Advertisement\n"
        "Video Loading Video Unavailable Click to play Tap to play\n"
        "Read more: Dara votes on a new mayor\n"
        "Police said they had sealed off the area.\n"
        "© 2024 Dara News. All rights reserved.\n"
        "Jane Roe can be reached at jroe@example.com and followed on Twitter @janeroe.\n"
    )
    path = tmp_path / "pasted.txt"
    path.write_text(pasted, "utf-8")
    article = read_article(path)
    assert [s.text for s in article.sentences] == [
        "A bomb exploded at the market in Dara on Monday, killing four people.",
        "Police said they had sealed off the area.",
    ]
    assert any("removed 6 line(s) of web-page furniture" in note for note in article.notes)
    # A sentence that mentions a newsletter or a video is news, not furniture.
    kept = (
        "The senator said she would subscribe to the plan outlined in an email newsletter.\n"
        "The video player was found at the scene, police said."
    )
    assert clean_text(kept) == (kept, ())
