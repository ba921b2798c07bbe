"""Issue 3 "Done when" (entities part) on the seed article, and the bundled examples."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from marsad.extract.entities import EntitiesAnalyser
from marsad.ingest import read_plaintext
from marsad.model import Analysis


@pytest.fixture(scope="module")
def analyser():
    return EntitiesAnalyser()


def run(analyser, text):
    analysis = Analysis(id="t", title="", text=text)
    analyser(analysis)
    for entity in analysis.entities:
        assert text[entity.start : entity.end] == entity.text
    return analysis.entities


@pytest.fixture(scope="module")
def seed_entities(analyser, seed_body):
    return run(analyser, seed_body)


@pytest.mark.parametrize(
    "surface, kind, canonical",
    [
        ("قسد", "ORG", "Syrian Democratic Forces"),
        ("قوات سوريا الديمقراطية", "ORG", "Syrian Democratic Forces"),
        ("داعش", "ORG", "Islamic State"),
        ("التنظيم", "ORG", "Islamic State"),
        ("التحالف الدولي", "ORG", "Global Coalition Against Daesh"),
        ("الولايات المتحدة", "LOC", "United States"),
        ("هاوار", "ORG", "Hawar News Agency"),
        ("الفرقان", "ORG", "Al-Furqan Media Foundation"),
        ("أبو حسن المهاجر", "PER", "Abu Hassan al-Muhajir"),
        ("المتحدث", "PER", "Abu Hassan al-Muhajir"),
        ("خالد فريد سلام", "PER", "خالد فريد سلام"),
        ("نبيل نعيم", "PER", "نبيل نعيم"),
        ("الباغوز الصغيرة", "LOC", "Baghouz"),
        ("الباغوز", "LOC", "Baghouz"),
        ("سوريا", "LOC", "Syria"),
        ("العراق", "LOC", "Iraq"),
        ("أفغانستان", "LOC", "Afghanistan"),
        ("نيوزلندا", "LOC", "New Zealand"),
        ("جماعة الإخوان", "ORG", "Muslim Brotherhood"),
    ],
)
def test_seed_entity(seed_entities, surface, kind, canonical):
    assert any((e.text, e.type, e.canonical) == (surface, kind, canonical) for e in seed_entities), surface


def test_seed_every_tanzim_is_the_islamic_state(seed_entities):
    tanzim = [e for e in seed_entities if e.text.endswith("تنظيم")]
    assert len(tanzim) >= 5 and {e.canonical for e in tanzim} == {"Islamic State"}


def test_seed_has_no_stray_places(seed_entities):
    places = {e.canonical for e in seed_entities if e.type == "LOC"}
    assert places == {"United States", "Baghouz", "Baghouz Camp", "New Zealand", "Iraq", "Afghanistan", "Syria"}
    assert not [e for e in seed_entities if e.text in ("السورية", "العراقية", "الكردية")]


def test_seed_the_muhajir_alone_is_the_spokesman(seed_entities):
    short = [e for e in seed_entities if e.type == "PER" and "مهاجر" in e.text and " " not in e.text]
    assert short and {e.canonical for e in short} == {"Abu Hassan al-Muhajir"}


EXPECTED_IN_EXAMPLES = {
    "2019-11-01_naba-editorial": [
        ("النبأ", "Al-Naba"), ("أبي بكر البغدادي", "Abu Bakr al-Baghdadi"), ("باريشا", "Barisha"),
        ("إدلب", "Idlib"), ("أبي إبراهيم الهاشمي القرشي", "Abu Ibrahim al-Hashimi al-Qurashi"),
        ("أبو حمزة القرشي", "Abu Hamza al-Qurashi"), ("الفرقان", "Al-Furqan Media Foundation"),
    ],
    "2021-01-21_baghdad-market-bombing": [
        ("بغداد", "Baghdad"), ("قيادة العمليات المشتركة", "Joint Operations Command"), ("أعماق", "Amaq News Agency"),
        ("مصطفى الكاظمي", "Mustafa al-Kadhimi"), ("التنظيم", "Islamic State"),
    ],
    "2022-08-21_mogadishu-hotel-siege": [
        ("القوات الصومالية", "Somali National Army"), ("مقديشو", "Mogadishu"), ("حركة الشباب", "Al-Shabaab"),
        ("الحركة", "Al-Shabaab"), ("الأندلس", "Al-Andalus Radio"), ("حسن شيخ محمود", "Hassan Sheikh Mohamud"),
    ],
    "2024-01-12_red-sea-strikes": [
        ("جماعة أنصار الله", "Houthis"), ("الحوثيين", "Houthis"), ("صنعاء", "Sanaa"), ("صعدة", "Saada"),
        ("الجماعة", "Houthis"), ("يحيى سريع", "Yahya Saree"), ("البحر الأحمر", "Red Sea"), ("إسرائيل", "Israel"),
    ],
    "2024-11-30_aleppo-offensive": [
        ("هيئة تحرير الشام", "Hay'at Tahrir al-Sham"), ("حلب", "Aleppo"), ("المرصد السوري لحقوق الإنسان", "Syrian Observatory for Human Rights"),
        ("قوات النظام السوري", "Syrian Arab Army"), ("الخوذ البيضاء", "Syrian Civil Defence"), ("الهيئة", "Hay'at Tahrir al-Sham"),
        ("أبو محمد الجولاني", "Abu Mohammad al-Julani"),
    ],
}


@pytest.mark.parametrize("stem", sorted(EXPECTED_IN_EXAMPLES))
def test_examples(analyser, stem):
    text = read_plaintext(EXAMPLES / f"{stem}.txt").text
    found = {(e.text, e.canonical) for e in run(analyser, text)}
    for expected in EXPECTED_IN_EXAMPLES[stem]:
        assert expected in found, expected
