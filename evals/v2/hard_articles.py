# ruff: noqa: E501  (article texts are one string each, as they are stored)
"""Hand-written articles for eval v2's hard cases: one failure kind each.

Written for this project (no third-party text). Places and groups are ordinary news
names; none is one of the eval's other cases. Labels live in labels/*.json.
"""

from __future__ import annotations

HARD_ARTICLES_V2: list[dict[str, str]] = [
    {
        "id": "hard2-denial",
        "kind": "a group blamed, then denying it; authorship unresolved",
        "title": "Bomb kills two at bus station in Dire Dawa; rebel group denies role",
        "published": "2024-05-14",
        "text": "A bomb exploded at the main bus station in Dire Dawa on Monday, killing two people and wounding nine, police said.\nRegional officials blamed the Oromo Liberation Army for the blast.\nThe Oromo Liberation Army denied any involvement in a statement on Tuesday and called for an independent inquiry.\nNo group has claimed responsibility, and police said the investigation was continuing.",
    },
    {
        "id": "hard2-opinion-lede",
        "kind": "the outlet's opinion in the lede; no incident",
        "title": "Senate Democrats ram through reckless spending bill",
        "published": "2024-03-08",
        "text": 'In yet another reckless display of fiscal irresponsibility, Senate Democrats on Thursday rammed through a bloated $1.2 trillion spending bill.\nThe measure passed 74 to 24 after a late-night session, with 22 Republicans joining Democrats in support.\nSenate Majority Leader Chuck Schumer said the bill would keep the government funded through September.\nSenator Rand Paul called it "a disgrace" and said lawmakers had no time to read it.\nThe bill now goes to the president, who is expected to sign it.',
    },
    {
        "id": "hard2-reporter-confirmer",
        "kind": "a monitor reports, the doer's ministry confirms: actor is the doer",
        "title": "Drone strike kills three in northern Syria, monitor says",
        "published": "2024-01-20",
        "text": "A Turkish drone struck a car near the town of Qamishli on Friday, killing three members of the Kurdish-led Syrian Democratic Forces, the Syrian Observatory for Human Rights said.\nTurkey's defence ministry confirmed the strike in a statement, saying it had targeted militants planning attacks on Turkish territory.\nThe Syrian Democratic Forces said the three were fighters returning from a checkpoint.",
    },
    {
        "id": "hard2-totals",
        "kind": "a total with subtotals, and wounded counted apart",
        "title": "Attack on army base in Niger kills 43",
        "published": "2023-10-04",
        "text": "Gunmen attacked an army base near Tabatol in western Niger on Monday, killing 43 people, the defence ministry said.\nThe dead included 23 soldiers and 20 civilians who had taken shelter at the base, the ministry said.\nThirteen other soldiers were wounded.\nNo group claimed the attack, but fighters linked to the Islamic State group are active in the area.",
    },
    {
        "id": "hard2-wounded-only",
        "kind": "people wounded, nobody killed",
        "title": "Grenade attack wounds 13 at market in Bujumbura",
        "published": "2024-02-11",
        "text": "A grenade thrown into a crowded market in Bujumbura on Saturday wounded 13 people, Burundi's police spokesman said.\nNo one was killed, he said.\nPolice arrested two suspects near the market shortly after the blast.",
    },
    {
        "id": "hard2-weapons-test",
        "kind": "a non-violent article about weapons; no incident",
        "title": "Army tests anti-drone lasers in desert trials",
        "published": "2024-06-02",
        "text": "The British army completed the first field trials of a laser weapon designed to shoot down drones, the Ministry of Defence said on Sunday.\nDuring the tests at a range in Wales, the system tracked and disabled several target drones at a distance of about one kilometre.\nOfficials said the weapon could be deployed by 2027.\nCritics questioned the cost of the programme, estimated at 300 million pounds.",
    },
    {
        "id": "hard2-court",
        "kind": "a court step about a past attack; no new incident",
        "title": "Court sentences man to life for 2019 mosque attack plot",
        "published": "2024-04-25",
        "text": "A court in Oslo on Thursday sentenced a 24-year-old man to life in prison for planning an attack on a mosque in 2019.\nThe man, who was arrested before he could carry out the attack, was found guilty of attempted terrorism.\nHis lawyer said he would appeal.\nThe prosecutor told the court the plot had been inspired by online extremist forums.",
    },
    {
        "id": "hard2-example-lookalike",
        "kind": "names close to the prompt's example (Tarim, a 'Front'), a real incident",
        "title": "Car bomb kills security officer in Yemen's Tarim",
        "published": "2023-11-19",
        "text": "A car bomb killed a security officer in the town of Tarim in Yemen's Hadramout province on Saturday, local officials said.\nThe officer was leaving his home when the explosives planted under his vehicle went off, the officials said.\nNo group claimed responsibility, but al-Qaeda in the Arabian Peninsula has carried out similar attacks in the province.",
    },
    {
        "id": "hard2-victim-side",
        "kind": "the victim's side is not the doer; an accusation to attribute",
        "title": "Senior officer killed by car bomb in capital",
        "published": "2024-08-30",
        "text": "A senior army officer was killed when a bomb planted under his car exploded in the capital on Thursday morning, the Interior Ministry said.\nThe ministry said General Viktor Sarkisov, 54, died at the scene and his driver was seriously injured.\nThe ministry blamed foreign intelligence services for the attack but gave no evidence.\nNo group claimed responsibility.",
    },
    {
        "id": "hard2-investigation",
        "kind": "an investigation opened; the death is background",
        "title": "Prosecutors open inquiry into police over protester's death",
        "published": "2024-07-09",
        "text": "Prosecutors in Nairobi opened an investigation on Monday into six police officers over the death of a protester during demonstrations last month, the public prosecutor's office said.\nThe 22-year-old man was shot during protests against tax increases on June 25, according to his family.\nThe police inspector general said the officers had been suspended pending the inquiry.",
    },
    {
        "id": "hard2-speech",
        "kind": "threats in a speech; no incident",
        "title": "Hezbollah leader warns of wider war in televised speech",
        "published": "2024-01-05",
        "text": 'Hezbollah leader Hassan Nasrallah warned on Friday that his group would fight "without limits" if Israel launched a full-scale war on Lebanon.\nIn a televised speech, he said the killing of a senior Hamas official in Beirut earlier in the week would not go unpunished.\nIsraeli officials did not immediately comment on the speech.',
    },
    {
        "id": "hard2-motive",
        "kind": "a motive stated by the doer, to attribute",
        "title": "Militants attack police post in Pakistan's northwest",
        "published": "2023-12-12",
        "text": "Militants stormed a police post in Dera Ismail Khan in northwestern Pakistan early on Tuesday, killing 23 police officers, the army said.\nTehreek-e-Jihad Pakistan claimed responsibility for the attack.\nThe group said the attack was revenge for the killing of its fighters in recent army operations.\nThe army said six attackers were killed in the fighting that followed.",
    },
]
