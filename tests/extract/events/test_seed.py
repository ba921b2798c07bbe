"""The seed article (issue 4, "Done when"), published 2019-03-21."""

from __future__ import annotations

import pytest

from conftest import SEED_PUBLISHED
from marsad import service


@pytest.fixture(scope="module")
def seed_events(seed_path):
    outcomes = list(service.analyse_paths([seed_path], SEED_PUBLISHED, only=["events"]))
    assert outcomes[0].ok, outcomes[0].error
    analysis = outcomes[0].analysis
    return analysis.text, analysis.events


def test_sdf_takes_baghouz_from_islamic_state_on_20_march_told_several_times(seed_events):
    text, events = seed_events
    taken = [
        e for e in events
        if e.type == "Non-state actor overtakes territory" and e.date == "2019-03-20"
    ]
    assert len(taken) == 1
    event = taken[0]
    assert (event.event_type, event.actor1, event.actor2, event.location) == (
        "Battles", "Syrian Democratic Forces", "Islamic State", "Baghouz"
    )
    assert len(event.evidence) >= 2
    told = " ".join(span["text"] for span in event.evidence)
    assert "سيطرتها على منطقة الباغوز الصغيرة" in told and "إحكام سيطرتها" in told
    assert event.country == "Syria" and event.latitude and event.longitude


def test_the_fighting_is_an_armed_clash_with_the_coalitions_air_support(seed_events):
    _, events = seed_events
    clashes = [e for e in events if e.type == "Armed clash"]
    assert clashes
    assert all(e.location == "Baghouz" for e in clashes)
    assert any(
        e.actor1 == "Syrian Democratic Forces" and e.actor2 == "Islamic State" and e.assoc_actor_1 == "Global Coalition Against Daesh"
        for e in clashes
    )


def test_al_furqan_broadcasting_the_spokesmans_speech_is_a_propaganda_release_by_islamic_state(seed_events):
    _, events = seed_events
    releases = [e for e in events if e.type == "Propaganda release"]
    assert len(releases) == 1
    release = releases[0]
    assert release.actor1 == "Islamic State" and release.event_type == "Communication"
    assert any("الفرقان" in span["text"] for span in release.evidence)


def test_nothing_is_invented_from_the_new_zealand_comparison(seed_events):
    text, events = seed_events
    comparison = text.index("ضحايا مسجدي نيوزلندا")
    for event in events:
        if any(span["start"] <= comparison <= span["end"] for span in event.evidence) or event.location == "New Zealand":
            assert event.location == "New Zealand" and event.date == "2019-03-15"
            assert event.actor1 is None  # «متطرف يميني» is nobody the text names
    assert not any(e.actor1 == "Islamic State" and e.location == "New Zealand" for e in events)


def test_no_event_is_made_of_what_the_speech_promises_or_claims(seed_events):
    _, events = seed_events
    # «وعد فيها عناصر التنظيم بالفوز في معارك الباغوز», «يرتكب مجازر ضد الدواعش»
    assert not any(e.actor1 == "Islamic State" and e.event_type in ("Battles", "Violence against civilians") for e in events)
    assert not any(e.actor1 == "Global Coalition Against Daesh" and e.type == "Attack" for e in events)
