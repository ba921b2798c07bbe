"""ACLED-style rows from analyses (the row builder shared by `analyze --events-csv`
and the store's acled export)."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from marsad import service
from marsad.errors import MarsadError

TEXT = (
    "شنّ طيران التحالف الدولي غارات على مواقع لتنظيم داعش في مدينة الرقة فجر الجمعة.\n"
    "وفي سياق آخر، هدد تنظيم داعش بتنفيذ هجمات جديدة."
)


@pytest.fixture(scope="module")
def analysis():
    return service.analyse_text(TEXT, "غارات على الرقة", dt.date(2023, 5, 10), source="wire", only=["events"]).to_dict()


def test_one_row_per_event_with_acleds_columns_coordinates_and_the_evidence_sentence(analysis):
    rows = list(service.acled_rows(analysis))
    assert len(rows) == len(analysis["events"]) == 2
    strike, threat = rows
    assert tuple(strike)[:13] == service.ACLED_COLUMNS
    assert strike["event_date"] == "2023-05-05"
    assert (strike["event_type"], strike["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (strike["actor1"], strike["actor2"], strike["location"]) == ("Global Coalition Against Daesh", "Islamic State", "Raqqa")
    assert strike["country"] == "Syria" and strike["admin1"]
    assert isinstance(strike["latitude"], float) and isinstance(strike["longitude"], float)
    assert strike["source"] == "wire"
    assert strike["notes"] == TEXT.splitlines()[0]  # the whole sentence, not just the clause
    assert TEXT[strike["marsad_start"] : strike["marsad_end"]] in strike["notes"]
    assert threat["location"] == "" and threat["latitude"] == "" and threat["assoc_actor_1"] == ""


def test_an_event_without_a_date_falls_back_to_the_publication_date():
    data = {"published": "2020-01-02", "text": "abc", "sentences": [], "events": [
        {"type": "Statement", "event_type": "Communication", "actor1": "X", "actor2": None, "location": None,
         "date": None, "start": 0, "end": 3, "confidence": 0.3}
    ]}
    (row,) = service.acled_rows(data, source="s", document_id="d1")
    assert row["event_date"] == "2020-01-02" and row["notes"] == "abc" and row["marsad_document"] == "d1"


def test_the_csv_is_written_whole_or_not_at_all(tmp_path, analysis):
    path = tmp_path / "events.csv"
    assert service.write_events_csv([analysis, analysis], path) == 4
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4 and rows[0]["sub_event_type"] == "Air/drone strike"
    assert not list(tmp_path.glob(".*.part"))

    def broken():
        yield analysis
        raise RuntimeError("reader failed")

    with pytest.raises(RuntimeError):
        service.write_events_csv(broken(), tmp_path / "half.csv")
    assert not (tmp_path / "half.csv").exists() and not list(tmp_path.glob(".*.part"))


def test_an_unwritable_path_is_a_coded_usage_error(tmp_path):
    with pytest.raises(MarsadError) as error:
        service.EventsCsv(tmp_path / "missing" / "events.csv")
    assert error.value.code == "M141" and error.value.exit_code == 2
