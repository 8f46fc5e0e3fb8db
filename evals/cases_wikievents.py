"""Hand-checked labels for WikiEvents test articles (see evals/data/README.md).

Drafted from the gold mentions (Attacker -> actor1, Target/Victim -> target, Place ->
location, numeric Life.Die victims -> fatalities), then checked by hand against the text;
where the gold arguments were pronouns or generic nouns ('he', 'people') the labeller
put the named value from the article. `events_complete` is False where the article
mentions more incidents than were labelled: precision is then not scored for it.
"""

from __future__ import annotations

from typing import Any

WIKIEVENTS = {
    "repo": "raspberryice/gen-arg",
    "commit": "16d8f908",
    "file": "wikievents/test.jsonl",
    "license": "MIT; VOA text US public domain",
}

IED = ("Remote explosive/landmine/IED", "Explosions/Remote violence")
SUICIDE = ("Suicide bomb", "Explosions/Remote violence")


def ev(sub_type: tuple[str, str], **fields: Any) -> dict[str, Any]:
    return {"sub_event_type": sub_type[0], "event_type": sub_type[1], **fields}


WIKI_CASES: list[dict[str, Any]] = [
    {
        "doc_id": "suicide_ied_100",
        "published": None,
        "events_complete": True,
        "note": "Two suicide bombings, 17 Sept 2019: Charikar rally (26 killed) and Kabul, Massoud "
        "Square (22 killed); the Taliban claimed both. Gold Life.Die victims '26', '22'.",
        "gold_events": [
            ev(
                SUICIDE,
                actor1=["Taliban", "suicide bomber"],
                target=["rally", "Ashraf Ghani", "police training ground", "crowd"],
                location=["Charikar"],
                country=["Afghanistan"],
                fatalities=26,
                responsibility="claimed",
                claimed_by=["Taliban"],
            ),
            ev(
                SUICIDE,
                actor1=["Taliban"],
                target=["US embassy", "Massoud Square"],
                location=["Kabul", "Massoud Square"],
                country=["Afghanistan"],
                fatalities=22,
                responsibility="claimed",
                claimed_by=["Taliban"],
            ),
        ],
        "key_facts": [
            {"fact": "two suicide bombings", "any": ["suicide"]},
            {"fact": "Charikar and Kabul", "any": ["Charikar"]},
            {"fact": "the Taliban claimed them", "any": ["Taliban"]},
        ],
    },
    {
        "doc_id": "20_VOA_EN_NW_2016.11.17.3601570",
        "published": "2016-11-17",
        "events_complete": False,
        "note": "Court report; incidents: Chelsea (Manhattan) bomb, 30 injured, none killed "
        "(fatalities 0: the text says it 'did not kill anyone'); the New Jersey race pipe bomb. "
        "Rahimi is accused by prosecutors: responsibility 'alleged'.",
        "gold_events": [
            ev(
                IED,
                actor1=["Ahmad Khan Rahimi", "Rahimi"],
                target=["crowded city street"],
                location=["Chelsea", "Manhattan", "Chelsea neighborhood"],
                country=None,
                fatalities=0,
                responsibility="alleged",
            ),
            ev(
                IED,
                actor1=["Rahimi"],
                target=["charity road race"],
                location=["New Jersey"],
                country=None,
                fatalities=0,
                responsibility="alleged",
            ),
        ],
        "key_facts": [
            {"fact": "Rahimi pleaded not guilty", "any": ["not guilty"]},
            {"fact": "the bomb injured 30 people", "any": ["30"]},
        ],
    },
    {
        "doc_id": "38_VOA_EN_NW_2013.04.24.1647602",
        "published": "2013-04-24",
        "events_complete": False,
        "note": "Investigation story; the Boston Marathon bombing (Boylston Street) is the "
        "incident, suspects the Tsarnaev brothers (alleged). Fatality figure of the bombing "
        "not given in the first part: null.",
        "gold_events": [
            ev(
                IED,
                actor1=["Tsarnaev brothers", "Tamerlan Tsarnaev", "Dzhokhar"],
                target=["Boston Marathon"],
                location=["Boylston Street", "Boston"],
                country=None,
                fatalities=None,
                responsibility="alleged",
            )
        ],
        "key_facts": [
            {
                "fact": "investigators questioned the suspects' parents in Dagestan",
                "any": ["Dagestan"],
            },
            {"fact": "Boston Marathon bombing", "any": ["Boston"]},
        ],
    },
    {
        "doc_id": "scenario_en_kairos_16",
        "published": None,
        "events_complete": False,
        "note": "Programme blurb; the 1998 embassy bombings and the USS Cole attack are "
        "attributed to bin Laden as charges/suspicion: 'alleged'.",
        "gold_events": [
            ev(
                IED,
                actor1=["Osama bin Laden", "bin Laden"],
                target=["two U.S. embassies", "embassies"],
                location=["East Africa"],
                country=None,
                fatalities=None,
                responsibility="alleged",
            ),
            ev(
                IED,
                actor1=["Osama bin Laden", "bin Laden"],
                target=["USS Cole"],
                location=["Aden"],
                country=["Yemen"],
                fatalities=None,
                responsibility="alleged",
            ),
        ],
        "key_facts": [{"fact": "bin Laden charged/suspected", "any": ["bin Laden"]}],
    },
    {
        "doc_id": "scenario_en_kairos_30",
        "published": None,
        "events_complete": True,
        "note": "GTD coding criteria: a definition text with no incident at all. events: [].",
        "gold_events": [],
        "key_facts": [{"fact": "criteria for an act to count as terrorism", "any": ["criteri"]}],
    },
    {
        "doc_id": "scenario_en_kairos_2",
        "published": None,
        "events_complete": True,
        "note": "A wanted notice: charges and aliases, no dated incident. events: [].",
        "gold_events": [],
        "key_facts": [{"fact": "Abdullah Ahmed Abdullah is charged", "any": ["Abdullah"]}],
    },
    {
        "doc_id": "wiki_ied_bombings_10",
        "published": None,
        "events_complete": False,
        "note": "Caterham Arms pub bombing, 27 Aug 1975, Provisional IRA (Balcombe Street Gang); "
        "no fatalities (0), 33 injured. Other IRA attacks in the text are background.",
        "gold_events": [
            ev(
                IED,
                actor1=["Provisional IRA", "IRA", "Balcombe Street Gang"],
                target=["Caterham Arms public house", "Caterham Arms"],
                location=["Caterham", "Caterham, Surrey"],
                country=["England"],
                fatalities=0,
                responsibility="unknown",
            )
        ],
        "key_facts": [
            {"fact": "IRA bomb at the Caterham Arms", "any": ["Caterham"]},
            {"fact": "33 injured", "any": ["33"]},
        ],
    },
    {
        "doc_id": "wiki_drone_strikes_0_news_1",
        "published": None,
        "events_complete": True,
        "note": "Aggregate statistics on Obama-era strikes (563 strikes, 384-807 civilians): no "
        "single incident, so events: [] (counts over years are not events).",
        "gold_events": [],
        "key_facts": [
            {"fact": "563 strikes under Obama vs 57 under Bush", "any": ["563"]},
            {"fact": "civilian deaths estimates", "any": ["civilian"]},
        ],
        "forbidden": ["pluck off"],
    },
    {
        "doc_id": "wiki_mass_car_bombings_0_news_9",
        "published": None,
        "events_complete": True,
        "note": "Car bombing of a Bogota police academy, 20 killed plus the attacker (coded 20); "
        "Colombia blamed the ELN: 'alleged'. The Sunday march is planned, not an event.",
        "gold_events": [
            ev(
                ("Suicide bomb", "Explosions/Remote violence"),
                actor1=["ELN", "National Liberation Army"],
                target=["police academy"],
                location=["Bogota"],
                country=["Colombia"],
                fatalities=20,
                responsibility="alleged",
            )
        ],
        "key_facts": [
            {
                "fact": "Colombia asked Cuba to extradite ELN rebels",
                "any": ["extradite", "hand over"],
            },
            {"fact": "car bombing in Bogota", "any": ["Bogota"]},
            {"fact": "20 killed", "any": ["20"]},
        ],
    },
    {
        "doc_id": "wiki_drone_strikes_1_news_1",
        "published": None,
        "events_complete": True,
        "note": "Arrest of Yasuo Yamamoto in Fukui for landing a radioactive drone on the prime "
        "minister's office roof; no injuries. Events: the arrest; the drone landing itself is "
        "coded Other (a protest act, no casualties).",
        "gold_events": [
            {
                "sub_event_type": "Arrests",
                "event_type": "Strategic developments",
                "actor1": ["Japanese police", "Tokyo metropolitan police", "police"],
                "target": ["Yasuo Yamamoto", "Yamamoto"],
                "location": ["Fukui"],
                "country": ["Japan"],
                "fatalities": 0,
                "responsibility": "confirmed",
            },
            {
                "sub_event_type": "Other",
                "event_type": "Strategic developments",
                "actor1": ["Yasuo Yamamoto", "Yamamoto"],
                "target": ["prime minister's office", "roof of the prime minister's office"],
                "location": ["prime minister's office", "Tokyo"],
                "country": ["Japan"],
                "fatalities": 0,
                "responsibility": "confirmed",
            },
        ],
        "key_facts": [
            {"fact": "a man was arrested", "any": ["arrest"]},
            {
                "fact": "drone with radioactive sand on the PM's office",
                "any": ["radioactive", "radiation"],
            },
        ],
    },
    {
        "doc_id": "JC002YBW0",
        "published": None,
        "events_complete": False,
        "note": "Timeline of the Boston Marathon bombing; labelled: the finish-line bombing "
        "(3 killed, Tsarnaevs) only.",
        "gold_events": [
            ev(
                IED,
                actor1=["Tsarnaevs", "Tamerlan", "Dzhokhar Tsarnaev"],
                target=["Boston Marathon", "finish line"],
                location=["finish line", "Boston"],
                country=None,
                fatalities=3,
                responsibility="unknown",
            )
        ],
        "key_facts": [
            {"fact": "Tsarnaev apologized", "any": ["apolog"]},
            {"fact": "Boston Marathon bombing", "any": ["Marathon"]},
        ],
    },
    {
        "doc_id": "scenario_en_kairos_68",
        "published": None,
        "events_complete": False,
        "note": "Dzhokhar Tsarnaev's statement in court (a speech): no incident is reported as "
        "news; gold events left empty, precision not scored.",
        "gold_events": [],
        "key_facts": [{"fact": "he apologised to the victims", "any": ["apolog"]}],
    },
]
