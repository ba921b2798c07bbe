"""The public lookup (marsad.extract.gazetteer) and the consistency of its data files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
from marsad.errors import MarsadError
from marsad.extract.gazetteer import load_gazetteer
from marsad.extract.gazetteer.tables import read_table, resource_path

CONVENTIONS = REPO / "docs" / "conventions.md"


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(
    "name, canonical, kind",
    [
        ("قسد", "Syrian Democratic Forces", "armed_group"),
        ("بقوات سوريا الديمقراطية", "Syrian Democratic Forces", "armed_group"),
        ("لداعش", "Islamic State", "armed_group"),
        ("تنظيم الدولة الإسلامية", "Islamic State", "armed_group"),
        ("ولاية غرب إفريقيا", "Islamic State West Africa Province", "armed_group"),
        ("وكالة أعماق", "Amaq News Agency", "media_outlet"),
        ("أبي بكر البغدادي", "Abu Bakr al-Baghdadi", "person"),
        ("أبا بكر البغدادي", "Abu Bakr al-Baghdadi", "person"),
        ("للباغوز", "Baghouz", "town"),
        ("الباغوز الصغيرة", "Baghouz", "town"),
        ("مخيم الهول", "Al-Hol Camp", "camp"),
        ("نيوزلندا", "New Zealand", "country"),
        ("الجمهورية العربية السورية", "Syria", "country"),
        ("دير الزور", "Deir ez-Zor", "town"),
        ("ريف دمشق", "Rif Dimashq", "admin1"),
        ("Islamic State", "Islamic State", "armed_group"),
        ("hay'at tahrir al-sham", "Hay'at Tahrir al-Sham", "armed_group"),
    ],
)
def test_resolve(gazetteer, name, canonical, kind):
    entry = gazetteer.resolve(name)
    assert entry is not None and (entry.canonical, entry.kind) == (canonical, kind)


def test_unknown_names_resolve_to_none(gazetteer):
    assert gazetteer.resolve("") is None
    assert gazetteer.resolve("كلمة لا تعني شيئا") is None
    assert gazetteer.resolve("Nowhere Land") is None


def test_entries_carry_places_and_parents(gazetteer):
    baghouz = gazetteer.entry("Baghouz")
    assert baghouz.country == "Syria" and baghouz.admin1 == "Deir ez-Zor"
    assert 34 < baghouz.lat < 35 and 40 < baghouz.lon < 41 and baghouz.type == "LOC"
    assert gazetteer.entry("Islamic State Sinai Province").parent == "Islamic State"
    assert gazetteer.entry("Tripoli", country="Lebanon").country == "Lebanon"
    assert gazetteer.entry("Abu Hassan al-Muhajir").affiliation == "Islamic State"
    assert "داعش" in gazetteer.names("Islamic State")


def test_demonyms_point_to_places(gazetteer):
    assert gazetteer.demonym("السورية").canonical == "Syria"
    assert gazetteer.demonym("والعراقية").canonical == "Iraq"
    assert gazetteer.demonym("داعش") is None


def _conventions_table() -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in CONVENTIONS.read_text(encoding="utf-8").split("## Event types")[0].splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] and not cells[0].startswith(("canonical", "---")):
            rows.append((cells[0], cells[1], [name.strip() for name in cells[2].split("،")]))
    return rows


def test_every_actor_of_the_conventions_table_is_there_verbatim(gazetteer):
    table = _conventions_table()
    assert len(table) >= 45
    for canonical, kind, arabic in table:
        entry = gazetteer.entry(canonical)
        assert entry is not None and entry.canonical == canonical and entry.kind == kind, canonical
        for name in arabic:
            resolved = gazetteer.resolve(name)
            assert resolved is not None and resolved.canonical == canonical, (name, canonical)


def test_conventions_country_names_are_the_canonical_places(gazetteer):
    text = CONVENTIONS.read_text(encoding="utf-8")
    countries = re.findall(r"`([^`]+)`", text.split("**Countries as places**")[1].split("* **Towns")[0])
    for country in (" ".join(name.split()) for name in countries):
        entry = gazetteer.entry(country)
        assert entry is not None and entry.kind == "country", country


def test_at_least_150_actors_across_the_regions(gazetteer):
    actors = {row["canonical"]: row for _, row in read_table(resource_path("actors.tsv"), ("alias", "canonical", "canonical_ar", "kind", "parent", "country"))}
    assert len(actors) >= 150
    countries = {row["country"] for row in actors.values()}
    for needed in ("Syria", "Iraq", "Yemen", "Libya", "Egypt", "Mali", "Somalia", "Nigeria", "Afghanistan", "Pakistan", "France", "United Kingdom"):
        assert needed in countries, needed
    kinds = {row["kind"] for row in actors.values()}
    assert {"armed_group", "state_force", "government", "coalition", "political_movement", "media_outlet", "monitor", "news_agency"} <= kinds


def test_places_cover_every_country_and_the_overlay(gazetteer):
    places = [row for _, row in read_table(resource_path("places.tsv"), ("alias", "canonical", "canonical_ar", "kind", "country", "admin1", "lat", "lon", "population", "source"))]
    assert len({row["canonical"] for row in places if row["kind"] == "country"}) >= 240
    assert len([row for row in places if row["source"] == "geonames"]) > 10_000
    overlay = REPO / "scripts" / "data" / "places_overlay.tsv"
    built = {(row["alias"], row["canonical"], row["country"]) for row in places}
    for _, row in read_table(overlay, ("alias", "canonical", "canonical_ar", "kind", "country", "admin1", "lat", "lon")):
        assert (row["alias"], row["canonical"], row["country"]) in built, f"{row['alias']}: re-run scripts/build_places.py"


def test_a_malformed_row_is_reported_with_its_line(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# comment\nalias\tcanonical\nداعش\n", encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        read_table(bad, ("alias", "canonical"))
    assert caught.value.code == "M101" and ":3:" in str(caught.value)
    with pytest.raises(MarsadError) as caught:
        read_table(tmp_path / "absent.tsv", ("alias",))
    assert caught.value.code == "M100" and "build_places.py" in str(caught.value)


def test_a_wrong_header_is_reported(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("alias\tcanon\n", encoding="utf-8")
    with pytest.raises(MarsadError, match="M101"):
        read_table(bad, ("alias", "canonical"))


@pytest.mark.parametrize(
    "name, canonical",
    [
        ("ISIS", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("erdogan", "Recep Tayyip Erdoğan"),  # folded: case and diacritics
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
        ("Deir ez Zor", "Deir ez-Zor"),  # folded: hyphens
        ("Ra's al 'Ayn", "Ras al-Ain"),  # GeoNames spelling, an English alias
        ("Mocimboa da Praia", "Mocímboa da Praia"),
        ("Pentagon", "United States Department of Defense"),
    ],
)
def test_english_names_and_aliases_resolve(gazetteer, name, canonical):
    assert gazetteer.resolve(name).canonical == canonical


def test_english_key_folds_case_diacritics_and_hyphens():
    from marsad.extract.gazetteer import english_key

    assert english_key("Erdoğan") == english_key("ERDOGAN") == "erdogan"
    assert english_key("Deir ez-Zor") == english_key("deir ez zor")
    assert english_key("António  Guterres") == "antonio guterres"


def test_a_town_and_its_region_share_a_name_the_town_first(gazetteer):
    assert gazetteer.resolve("إدلب").kind == "town"
    assert {entry.kind for entry in gazetteer.entries["Idlib"]} == {"town", "admin1"}


def test_numbers_are_part_of_an_alias(gazetteer):
    assert gazetteer.resolve("فرانس 24").canonical == "France 24"
    assert gazetteer.resolve("اللواء") is None  # not «اللواء 444» without its number
