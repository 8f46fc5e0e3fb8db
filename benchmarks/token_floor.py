"""A lower bound for the seed's completion tokens in our schema: a hand-written answer.

Not a model output and never used as one: the shortest answer we could write that still
carries what the seed needs (two neutral summary sentences; the four incidents with
actor, claim, target, place, date and the one reported death), in the draft schema's
JSON with its short keys, counted with the embedded model's tokenizer.

    python benchmarks/token_floor.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer import Settings
from summarizer.backends.model_files import DEFAULT_EMBEDDED_MODEL, ensure_model_file
from summarizer.schema import Draft

_CLAIMED = {
    "type": "Air/drone strike",
    "actor": "Islamic Resistance in Iraq",
    "resp": "claimed",
    "by": "Islamic Resistance in Iraq",
}
HAND_WRITTEN = {
    "summary": [
        {
            "text": "The Islamic Resistance in Iraq said it carried out drone strikes on US bases "
            "at al-Tanf and al-Shaddadi in Syria and al-Harir in Iraq.",
            "ids": [2, 3],
        },
        {
            "text": "The Pentagon confirmed a US drone strike in Baghdad that killed Mushtaq "
            "Jawad Kazim al-Jawari.",
            "ids": [10, 11],
        },
    ],
    "events": [
        {
            "ids": [2],
            **_CLAIMED,
            "target": "US-occupied base",
            "place": "al-Tanf",
            "when": "Saturday",
        },
        {
            "ids": [2],
            **_CLAIMED,
            "target": "US-run facility",
            "place": "al-Shaddadi",
            "when": "Saturday",
        },
        {"ids": [3], **_CLAIMED, "target": "al-Harir Air Base", "place": "Kurdistan region"},
        {
            "ids": [10, 11],
            "type": "Air/drone strike",
            "actor": "US",
            "resp": "confirmed",
            "target": "Mushtaq Jawad Kazim al-Jawari",
            "place": "Baghdad",
            "when": "Thursday",
            "killed": 1,
            "source": "the Pentagon",
        },
    ],
}


def main() -> None:
    from llama_cpp import Llama

    Draft.model_validate(HAND_WRITTEN)  # it is a valid answer in our schema
    path = ensure_model_file(DEFAULT_EMBEDDED_MODEL, Settings().cache_dir)
    vocab = Llama(model_path=str(path), vocab_only=True, verbose=False)

    def count(value: object) -> int:
        text = json.dumps(value, ensure_ascii=False)
        return len(vocab.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    print(
        json.dumps(
            {
                "hand_written_answer_tokens": count(HAND_WRITTEN),
                "summary_tokens": count({"summary": HAND_WRITTEN["summary"]}),
                "event_tokens": [count(e) for e in HAND_WRITTEN["events"]],
            }
        )
    )


if __name__ == "__main__":
    main()
