"""Publication dates in the forms sources write them."""

import datetime as dt

import pytest

from marsad.ingest.dates import parse_published

D = dt.date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2019-03-21", D(2019, 3, 21)),
        ("2019-03-21T23:30:00-05:00", D(2019, 3, 21)),  # the date written at the source, not UTC
        ("2019/3/21 10:00", D(2019, 3, 21)),
        ("20190321", D(2019, 3, 21)),
        ("Thu, 21 Mar 2019 10:00:00 GMT", D(2019, 3, 21)),
        ("Wed, 20 Mar 2019 23:30:00 +0300", D(2019, 3, 20)),
        ("21/03/2019", D(2019, 3, 21)),
        ("05/04/2019", D(2019, 4, 5)),  # day first, as Arab sources write it
        ("03/21/2019", D(2019, 3, 21)),  # month first only when the day cannot be a month
        ("21.03.2019", D(2019, 3, 21)),
        ("٢١/٠٣/٢٠١٩", D(2019, 3, 21)),
        ("21 مارس 2019", D(2019, 3, 21)),
        ("الخميس، 21 آذار 2019", D(2019, 3, 21)),
        ("٢١ كانون الثاني ٢٠٢٠", D(2020, 1, 21)),
        ("15 تموز 2021 - 10:45", D(2021, 7, 15)),
        ("March 21, 2019", D(2019, 3, 21)),
        ("1553126400", D(2019, 3, 21)),
        (1553126400, D(2019, 3, 21)),
        (1553126400000, D(2019, 3, 21)),
        (dt.datetime(2019, 3, 21, 8), D(2019, 3, 21)),
        (None, None),
        ("  ", None),
    ],
)
def test_dates_sources_write(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "أمس", "2019-02-30", "32/13/2019", "مارس", True, "12345"])
def test_what_is_not_a_date_is_refused(value):
    with pytest.raises(ValueError):
        parse_published(value)
