"""Where events happened: small towns the Arabic gazetteer lacks, named as GeoNames spells
them (gazetteer/spelling.py) when the country is known; facilities named after a town."""

from __future__ import annotations

from .test_events import events, of_type


def test_a_small_town_of_a_named_country_gets_its_geonames_name_and_coordinates():
    event = of_type(
        "هاجم مسلحون من تنظيم «داعش» في غرب إفريقيا فجر أمس بلدة كاغارا في ولاية النيجر بنيجيريا، "
        "وخطفوا عشرات التلاميذ من مدرسة ثانوية.",
        "Abduction/forced disappearance",
    )
    assert event.location == "Kagara"
    assert event.country == "Nigeria" and event.latitude is not None


def test_the_country_may_come_from_elsewhere_in_the_article():
    text = (
        "قالت السلطات النيجيرية إن هجومًا استهدف ولاية بورنو في نيجيريا أمس.\n\n"
        "وسيطر مقاتلو ولاية غرب إفريقيا على بلدة دماساك بعد اشتباكات مع الجيش."
    )
    event = of_type(text, "Non-state actor overtakes territory")
    assert event.location == "Damasak" and event.country == "Nigeria"


def test_without_a_country_the_name_stays_as_written():
    event = of_type("سيطر المسلحون على بلدة دماساك بعد اشتباكات عنيفة.", "Non-state actor overtakes territory")
    assert event.location == "دماساك" and event.latitude is None


def test_a_facility_named_after_a_town_is_located_at_that_town():
    event = of_type("قتلت غارة أمريكية قائد فيلق القدس قرب مطار بغداد فجر أمس.", "Air/drone strike")
    assert event.location == "Baghdad"  # not Abu Ghraib, the large town nearest the airport


def test_a_definite_plural_place_noun_names_no_place_and_a_preposition_ends_a_name():
    text = "أطلقت حركة حماس رشقات صاروخية باتجاه مدينة سديروت والبلدات المحيطة بقطاع غزة. وهاجم مسلحون قافلة في منجم تيليا للذهب في النيجر."
    places = {event.type: event.location for event in events(text)}
    assert places["Shelling/artillery/missile attack"] == "Sderot"
    assert places["Attack"] == "تيليا"  # the mine's town, not «تيليا للذهب» nor the country
