"""Outside checks read the evaluation-only files in their real formats (fixtures here)."""

from __future__ import annotations

import json
from pathlib import Path

from fakes import FakeBackend

from summarizer.evaluation.outside import babe_detector, case2021_types, read_babe
from summarizer.settings import Settings

BABE = (
    "\ufefftext;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
    '"The regime\'s ""thugs"" attacked,\nagain.";u;o;t;left;Biased;Opinion;'
    "\"['thugs', 'regime']\"\n"
    "Officials met on Monday.;u;o;t;center;Non-biased;Entirely factual;[]\n"
    "The terrorists fled.;u;o;t;right;Biased;Opinion;['fled']\n"
)


def test_babe_csv_with_bom_multiline_quotes_and_list_strings(tmp_path: Path) -> None:
    (tmp_path / "babe").mkdir()
    path = tmp_path / "babe" / "final_labels_SG2.csv"
    path.write_text(BABE, "utf-8")
    rows = read_babe(path)
    assert [r["biased"] for r in rows] == [True, False, True]
    assert rows[0]["words"] == ["thugs", "regime"] and "\n" in rows[0]["text"]
    report = babe_detector(tmp_path)
    assert report is not None
    # Found: regime, thugs (both gold) and terrorists (gold says 'fled'): 2 of 3 right.
    assert report["word_precision"] == round(2 / 3, 4)
    assert report["word_recall"] == round(2 / 3, 4)
    assert report["sentence_precision"] == 1.0


def test_case2021_sub_type_accuracy_with_a_fake_model(tmp_path: Path) -> None:
    (tmp_path / "case2021").mkdir()
    (tmp_path / "case2021" / "case2021_task2_even_ids.tsv").write_text(
        "id\tEventSnippet\tSubType\n2\tJets struck a depot near Tarin on Sunday.\tAIR_STRIKE\n",
        "utf-8",
    )
    answer = {
        "summary": [
            {"text": "Jets struck a depot near Tarin on Sunday.", "ids": [1]},
            {"text": "Jets struck a depot near Tarin.", "ids": [1]},
        ],
        "events": [{"ids": [1], "sub_event_type": "Air/drone strike", "location": "Tarin"}],
    }
    fake = FakeBackend(json.dumps(answer), json.dumps(answer))
    result = case2021_types(tmp_path, Settings(backend="replay", max_reasks=1), 1, backend=fake)
    assert result == {"n": 1, "answered": 1, "sub_type_accuracy": 1.0}
