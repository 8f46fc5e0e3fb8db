"""Merging events across outlets, and showing where the outlets disagree."""

from __future__ import annotations

from datetime import timedelta

from summarizer.article import Article
from summarizer.briefing import build_briefing
from summarizer.briefing.aliases import group_names, same_name
from summarizer.briefing.merge import EventRef, cluster, figures
from tests.test_briefing_fixtures import DAY, event, gv, kabul_articles, result


def test_aliases_resolve_acronyms_and_spelling() -> None:
    assert same_name("IS-K", "Islamic State Khorasan")
    assert same_name("ISIS-K", "IS-K")
    assert same_name("the Taliban", "Taliban")
    assert not same_name("US", "UN")
    assert not same_name("Taliban", "Islamic State")
    assert group_names(["IS-K", "Taliban", "Islamic State Khorasan"]) == [[0, 2], [1]]


def test_kabul_reports_merge_into_one_event_citing_all_three() -> None:
    articles, results = kabul_articles()
    briefing = build_briefing(articles, results)
    assert [len(e.sources) for e in briefing.events] == [3, 1]
    kabul, protest = briefing.events
    assert [s.source for s in kabul.sources] == ["Outlet L", "Outlet C", "Outlet R"]
    assert protest.sub_event_types == ["Peaceful protest"]
    # One kind for every source is said once; no "Reports differ on what kind".
    assert "there was a peaceful protest" in protest.account
    assert "what kind" not in protest.account
    # Every source keeps the spans that support it, and they match the article text.
    for s in kabul.sources:
        text = articles[s.article].text
        assert s.spans and all(text[sp.start : sp.end] == sp.text for sp in s.spans)


def test_disagreements_show_every_version_with_its_source() -> None:
    articles, results = kabul_articles()
    kabul = build_briefing(articles, results).events[0]
    fields = {f.name: f for f in kabul.fields}
    tolls = {v.value: v.sources for v in fields["fatalities"].versions}
    assert tolls == {"85": [0], "90": [1], "13": [2]}
    assert "fatalities" in kabul.disagreements
    # IS-K and Islamic State Khorasan are one version, cited by both outlets.
    (claim,) = fields["responsibility"].versions
    assert claim.value.startswith("claimed by") and claim.sources == [0, 1]
    assert fields["responsibility"].unreported == [2]
    assert "according to Outlet L, 85 people were killed" in kabul.account
    assert "according to Outlet C, 90 people were killed" in kabul.account
    assert "Reports differ on the number killed" in kabul.account


def test_every_statement_names_its_sources() -> None:
    articles, results = kabul_articles()
    for ev in build_briefing(articles, results).events:
        for st in ev.statements:
            assert st.sources
            attributed = st.text.startswith(("According to", "Reports differ"))
            assert attributed or "the place as" in st.text


def _two(
    sub_a: str, sub_b: str, tb: str = "A blast hit Kabul airport.", **b_fields: object
) -> list[list[EventRef]]:
    ta = "A bomb hit Kabul airport."
    ea = event(ta, ta, sub=sub_a, place="Kabul airport", date=DAY, country=None)
    fields = {"place": "Kabul airport", "date": DAY} | b_fields
    eb = event(tb, tb, sub=sub_b, **fields)
    return cluster([EventRef(0, 0, ea, ta), EventRef(1, 0, eb, tb)])


def test_merge_needs_same_type_and_compatible_time_and_place() -> None:
    assert len(_two("Suicide bomb", "Suicide bomb")) == 1
    assert len(_two("Suicide bomb", "Grenade")) == 1  # same ACLED type, other sub-type
    # Same family (political violence), other type: the shared place and date suffice.
    assert len(_two("Suicide bomb", "Attack")) == 1
    assert len(_two("Suicide bomb", "Peaceful protest")) == 2  # another family
    # An attack stopped is the attack another outlet reports launched; other strategic
    # developments are no attack.
    assert len(_two("Shelling/artillery/missile attack", "Disrupted weapons use")) == 1
    assert len(_two("Shelling/artillery/missile attack", "Arrests")) == 2
    assert len(_two("Suicide bomb", "Suicide bomb", date=DAY + timedelta(days=9))) == 2
    assert len(_two("Suicide bomb", "Suicide bomb", "A bomb hit Mosul.", place="Mosul")) == 2


def test_one_article_never_merges_with_itself() -> None:
    text = "A bomb hit the gate of Kabul airport. A second bomb hit the hotel by Kabul airport."
    one, two = text.split(". ")
    art = Article(text=text, source="X")
    res = result(
        art,
        [
            event(text, one, place="Kabul airport", date=DAY),
            event(text, two, place="Kabul airport", date=DAY),
        ],
    )
    assert len(build_briefing([art], [res]).events) == 2


def test_failed_articles_are_listed_not_hidden() -> None:
    articles, results = kabul_articles()
    failed = {"index": 2, "input": None, "type": "BackendError", "message": "boom"}
    briefing = build_briefing(articles, [results[0], results[1], failed])  # type: ignore[list-item]
    assert briefing.errors[0]["message"] == "boom" and not briefing.articles[2].ok
    assert all(s.article != 2 for e in briefing.events for s in e.sources)


def test_framing_lists_each_outlets_loaded_terms() -> None:
    articles, results = kabul_articles()
    briefing = build_briefing(articles, results)
    used = {(u.source, u.text.lower()) for u in briefing.framing}
    assert ("Outlet L", "jihadists") in used and ("Outlet R", "terrorists") in used
    # Per event: the terms inside that event's evidence only.
    kabul = briefing.events[0]
    assert all(u.source in {"Outlet L", "Outlet C", "Outlet R"} for u in kabul.framing)


def test_placeholder_values_count_as_not_reported() -> None:
    articles, results = kabul_articles()
    results[2].events[0].actors.actor1 = gv("", "unknown")
    kabul = build_briefing(articles, results).events[0]
    actors = next(f for f in kabul.fields if f.name == "actor1")
    assert [v.sources for v in actors.versions] == [[0, 1]] and actors.unreported == [2]


def test_figures_are_counts_not_years_or_decimals() -> None:
    assert figures("13 troops and 72 Afghans in 2021; 1,200 fled; 2 hurt; 2.5 km") == {13, 72, 1200}
