"""Names for --actor / --place: own spelling plus what the resolver maps them to."""

from __future__ import annotations

import importlib.util

from marsad.service.names import build_filters, gazetteer_resolver, name_keys


def test_a_name_keeps_its_own_spelling_and_gains_its_canonical_names():
    aliases = {"داعش": ["Islamic State"], "قسد": ["Syrian Democratic Forces"]}
    resolver = lambda name: aliases.get(name, [])  # noqa: E731
    assert name_keys("داعش", resolver) == ("داعش", "islamic state")
    assert name_keys("تنظيم الدولة", resolver) == ("تنظيم دوله",)
    assert name_keys("Islamic State", None) == ("islamic state",)


def test_filters_hold_one_key_set_per_name_and_skip_blanks():
    filters = build_filters(actors=["داعش", " "], places=["إدلب"], event_types=[" Armed clash "], resolver=lambda n: [])
    assert filters.actors == (("داعش",),)
    assert filters.places == (("ادلب",),)
    assert filters.event_types == ("Armed clash",)


def test_the_gazetteer_is_used_exactly_when_it_is_installed():
    installed = importlib.util.find_spec("marsad.extract.gazetteer") is not None
    assert (gazetteer_resolver() is not None) == installed


class _Entry:
    def __init__(self, canonical, parent=None):
        self.canonical, self.parent = canonical, parent


class _Gazetteer:
    """The shape of marsad.extract.gazetteer's Gazetteer that the resolver relies on."""

    def __init__(self):
        group = _Entry("Islamic State")
        sinai = _Entry("Islamic State Sinai Province", "Islamic State")
        west_africa = _Entry("Islamic State West Africa Province", "Islamic State")
        self.entries = {e.canonical: [e] for e in (group, sinai, west_africa)}
        self.entries["islamic state"] = [group]  # the same entry under its English key
        self._aliases = {"داعش": group, "تنظيم الدولة": group, "ولاية سيناء": sinai}

    def resolve(self, name):
        return self._aliases.get(name) or next(iter(self.entries.get(name, [])), None)


def test_a_parent_finds_its_provinces_and_a_province_only_itself():
    from marsad.service.names import resolver_for

    resolve = resolver_for(_Gazetteer())
    assert resolve("داعش") == ["Islamic State", "Islamic State Sinai Province", "Islamic State West Africa Province"]
    assert resolve("ولاية سيناء") == ["Islamic State Sinai Province"]
    assert resolve("قندهار") == []
