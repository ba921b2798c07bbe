"""Who held which office when: offices.tsv through the gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.extract.gazetteer import load_gazetteer
from marsad.extract.gazetteer.offices import OfficeIndex, Term, parse_day


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(
    "office, of, day, holder",
    [
        ("president", "Turkey", dt.date(2019, 10, 21), "Recep Tayyip Erdoğan"),
        ("prime_minister", "Turkey", dt.date(2012, 1, 1), "Recep Tayyip Erdoğan"),
        ("foreign_minister", "France", dt.date(2016, 3, 1), "Jean-Marc Ayrault"),
        ("interior_minister", "France", dt.date(2015, 11, 15), "Bernard Cazeneuve"),
        ("defence_minister", "United States", dt.date(2019, 12, 30), "Mark Esper"),
        ("prime_minister", "Iraq", dt.date(2017, 7, 11), "Haider al-Abadi"),
        ("army_chief", "Pakistan", dt.date(2014, 12, 17), "Raheel Sharif"),
        ("envoy", "Yemen", dt.date(2019, 5, 12), "Martin Griffiths"),
        ("secretary_general", "United Nations", dt.date(2016, 3, 1), "Ban Ki-moon"),
        ("leader", "Islamic State", dt.date(2018, 1, 1), "Abu Bakr al-Baghdadi"),
    ],
)
def test_holder_on_a_day(gazetteer, office, of, day, holder):
    assert gazetteer.holder(office, of, day).canonical == holder


def test_nobody_before_the_first_term_and_nobody_on_a_hand_over_day(gazetteer):
    assert gazetteer.holder("president", "Turkey", dt.date(1990, 1, 1)) is None
    # Trump's term ends and Biden's begins on 2021-01-20: the day is not guessed
    assert gazetteer.holder("president", "United States", dt.date(2021, 1, 20)) is None
    assert gazetteer.holder("president", "United States", dt.date(2021, 1, 21)).canonical == "Joe Biden"


def test_every_office_holder_is_a_known_person(gazetteer):
    for terms in gazetteer.offices.terms.values():
        for term in terms:
            assert gazetteer.entry(term.person).kind == "person"
            assert term.end is None or term.start <= term.end


def test_partial_dates_cover_their_whole_period():
    assert parse_day("2019") == dt.date(2019, 1, 1) and parse_day("2019", last=True) == dt.date(2019, 12, 31)
    assert parse_day("2020-02", last=True) == dt.date(2020, 2, 29)
    index = OfficeIndex()
    index.add(Term("A", "president", "X", parse_day("2015"), parse_day("2016-06", last=True)))
    assert index.holder("president", "X", dt.date(2016, 6, 30)) == "A"
    assert index.holder("president", "X", dt.date(2016, 7, 1)) is None
