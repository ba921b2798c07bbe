"""A tiny span-labelled corpus in the ArAIEval 2024 format, written for these tests.

Sentences are built from our own phrases: violent, loaded descriptions of an attack
(Loaded_Language on the loaded phrase), labels for the enemy (Name_Calling-Labeling
on the label) and plain news sentences with no technique.
"""

from __future__ import annotations

import json
from pathlib import Path

ACTORS = ("الميليشيات", "القوات المهاجمة", "الجماعة المسلحة", "العصابات", "المقاتلون")
LOADED = ("مجزرة وحشية", "جريمة نكراء", "مذبحة مروعة", "عدوانا همجيا")
PLACES = ("في القرية", "في البلدة", "قرب السوق", "في الحي الشرقي", "عند المعبر")
LABELS = ("الخوارج", "المرتزقة", "الإرهابيين", "التكفيريين")
PLAIN = (
    "افتتح الوزير معرضا للكتاب في العاصمة صباح اليوم",
    "ارتفعت أسعار النفط في الأسواق العالمية خلال الأسبوع",
    "وقعت الحكومة اتفاقا لتطوير الموانئ مع شركة أجنبية",
    "عقد المجلس جلسته الأسبوعية لمناقشة الميزانية الجديدة",
    "أعلنت الجامعة مواعيد التسجيل للعام الدراسي المقبل",
    "استقبل الرئيس سفير اليابان لبحث التعاون الاقتصادي",
    "تبدأ امتحانات الشهادة الثانوية يوم الأحد المقبل",
    "سجلت محطة الرصد أمطارا غزيرة على المناطق الساحلية",
    "زار وفد من البنك الدولي المشاريع الزراعية في الجنوب",
    "أطلقت الوزارة حملة لتطعيم الأطفال ضد الحصبة",
    "افتتحت البلدية حديقة عامة جديدة في وسط المدينة",
    "ناقش البرلمان مشروع قانون لتنظيم قطاع الاتصالات",
    "انخفض سعر صرف العملة المحلية أمام الدولار قليلا",
    "وصل المنتخب الوطني إلى الدوحة للمشاركة في البطولة",
    "أعلنت شركة الطيران عن رحلات جديدة إلى إسطنبول",
    "بحث الوزيران سبل تعزيز التبادل التجاري بين البلدين",
    "ينظم المركز الثقافي أمسية شعرية مساء الخميس",
    "تراجع عدد الحوادث المرورية خلال الصيف الماضي",
    "وافق مجلس الوزراء على خطة لتحديث شبكة الكهرباء",
    "تستضيف المدينة مؤتمرا دوليا للطاقة المتجددة",
)


def _span(text: str, fragment: str, technique: str) -> dict:
    start = text.index(fragment)
    return {"start": start, "end": start + len(fragment), "technique": technique, "text": fragment}


def records() -> list[dict]:
    rows = []
    for i, actor in enumerate(ACTORS):
        for j, loaded in enumerate(LOADED):
            text = f"ارتكبت {actor} {loaded} {PLACES[(i + j) % len(PLACES)]} الليلة الماضية"
            rows.append({"id": f"l{i}{j}", "text": text, "labels": [_span(text, loaded, "Loaded_Language")]})
    for i, label in enumerate(LABELS):
        for j, place in enumerate(PLACES):
            text = f"قال المتحدث إن {label} هاجموا نقطة التفتيش {place}"
            rows.append({"id": f"n{i}{j}", "text": text, "labels": [_span(text, label, "Name_Calling-Labeling")]})
    rows += [{"id": f"p{i}", "text": text, "labels": []} for i, text in enumerate(PLAIN)]
    return rows


def write(path: Path) -> Path:
    path.write_text("".join(json.dumps({**row, "type": "tweet"}, ensure_ascii=False) + "\n" for row in records()), encoding="utf-8")
    return path


# Sentences the model has not seen: a new actor and place around a known loaded phrase, and new plain news.
UNSEEN_LOADED = "ارتكبت الفصائل مذبحة مروعة في المخيم الليلة الماضية"
UNSEEN_PLAIN = "افتتح المحافظ معرضا للزهور في المدينة صباح اليوم"


def train_model(folder: Path) -> Path:
    """Train the techniques part on the tiny corpus into folder/model; returns the model directory."""
    from marsad.rhetoric import store
    from marsad.rhetoric.datasets import read_dataset
    from marsad.rhetoric.training import train_techniques

    payload, description = train_techniques([read_dataset(write(folder / "tiny_spans.jsonl"))])
    store.save_part(folder / "model", store.TECHNIQUES, payload, description)
    return folder / "model"
