"""The events lexicons: every resource loads, the types are the conventions' types, and
the word forms a row stands for are the ones news text uses."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from marsad.errors import MarsadError
from marsad.extract.events import lexicon as lexicon_module
from marsad.extract.events.forms import noun_forms, present_forms, readings, verb_forms
from marsad.extract.events.lexicon import load_lexicon
from marsad.extract.tables import Row


def test_the_types_are_the_conventions_table_with_their_acled_event_types():
    table = (REPO / "docs" / "conventions.md").read_text(encoding="utf-8").split("## Event types")[1].split("## ")[0]
    documented = dict(re.findall(r"^\| ([A-Z][^|]+?) \| ([A-Z][^|]+?) \|$", table, flags=re.M))
    documented.pop("type", None)
    types = load_lexicon().types
    assert {name: kind.event_type for name, kind in types.items()} == documented


def test_every_trigger_names_a_type_or_a_class_and_every_class_resolves_to_types():
    lexicon = load_lexicon()
    triggers = [phrase for phrases in lexicon.triggers.by_first.values() for phrase in phrases]
    assert len({p.form for p in triggers}) > 100
    for phrase in triggers:
        assert phrase.meaning in lexicon.types or phrase.meaning in lexicon.classes
    for trigger_class in lexicon.classes.values():
        for name in (trigger_class.type, trigger_class.when_state, trigger_class.when_armed, *(t for _, t in trigger_class.cues)):
            assert name is None or name in lexicon.types


def test_a_verb_row_stands_for_its_persons_numbers_and_genders():
    forms = verb_forms("سيطر", "يسيطر")
    assert {"سيطر", "سيطرت", "سيطروا", "يسيطر", "تسيطر", "يسيطرون"} <= forms
    assert {"القت", "القوا", "يلقون"} <= verb_forms("ألقى", "يلقي")  # a final weak letter drops
    assert "نصف" not in verb_forms("وصف", "يصف")  # «we describe» is «half»: first persons are left out
    assert present_forms("سيطر", "يسيطر") >= {"يسيطر", "تسيطر", "يسيطرون"}
    assert "سيطرت" not in present_forms("سيطر", "يسيطر")


def test_a_noun_row_stands_for_its_duals_and_accusative():
    assert {"غاره", "غارتان", "غارتين"} <= noun_forms("غارة")
    assert "متوعدا" in noun_forms("متوعد")


def test_readings_strip_proclitics_the_article_and_attached_pronouns():
    keys = {reading.key for reading in readings("وبسيطرتها")}
    assert "سيطره" in keys  # و + ب + سيطرة + ها, ta marbuta restored
    assert "هجوم" in {reading.key for reading in readings("للهجوم")}
    future = [reading for reading in readings("ستسيطر") if reading.key == "تسيطر"]
    assert future and future[0].prefix == "س"


def test_a_bad_row_is_reported_with_its_file_and_line(monkeypatch):
    rows = [Row(7, ("قصف|يقصف", "verb", "Bombardment", "agent", "-", "strong"))]
    monkeypatch.setattr(lexicon_module, "read_rows", lambda path, columns: iter(rows))
    lexicon = load_lexicon()
    with pytest.raises(MarsadError) as error:
        lexicon_module._triggers(lexicon.types, lexicon.classes)
    assert error.value.code == "M140" and "triggers.tsv" in str(error.value) and "line 7" in str(error.value)
    assert "Bombardment" in str(error.value)
