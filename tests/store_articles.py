"""Short articles written for these tests (our own sentences about real kinds of events)."""

from __future__ import annotations

import datetime as dt

from marsad.model import Analysis, Document, Entity, Event, Rhetoric, Technique

BAGHOUZ = Document(
    id="baghouz-fall",
    title="قسد تعلن السيطرة الكاملة على الباغوز",
    text=(
        "أعلنت قوات سوريا الديمقراطية اليوم سيطرتها الكاملة على بلدة الباغوز بعد أسابيع من المعارك مع تنظيم الدولة. "
        "وقال متحدث باسم القوات إن عناصر التنظيم المتبقين استسلموا أو قتلوا في المعارك الأخيرة بالباغوز. "
        "وذكرت الوكالة أن آلاف المدنيين خرجوا من البلدة خلال الأيام الماضية نحو مخيمات في شمال شرق سوريا."
    ),
    source="agency-a",
    url="https://example.org/baghouz",
    published=dt.date(2019, 3, 23),
)
# A repost of BAGHOUZ with a new title and one extra sentence.
BAGHOUZ_REPOST = Document(
    id="baghouz-repost",
    title="عاجل: نهاية آخر جيب للتنظيم في الباغوز",
    text=BAGHOUZ.text + " وتواصل فرق إزالة الألغام عملها في البلدة.",
    source="channel-b",
    published=dt.date(2019, 3, 24),
)
ALEPPO = Document(
    id="aleppo-offensive",
    title="فصائل مسلحة تتقدم نحو حلب",
    text=(
        "تقدمت فصائل مسلحة تقودها هيئة تحرير الشام نحو مدينة حلب في هجوم مفاجئ انطلق من ريف إدلب. "
        "وأفاد مرصد حقوقي بأن المواجهات مع قوات النظام أسفرت عن عشرات القتلى من الطرفين. "
        "ونقلت وكالة أنباء محلية عن سكان قولهم إن القصف طال أحياء سكنية في غرب المدينة."
    ),
    source="agency-c",
    published=dt.date(2024, 11, 29),
)
MOGADISHU = Document(
    id="mogadishu-siege",
    title="حصار فندق في مقديشو",
    text=(
        "اقتحم مسلحون من حركة الشباب فندقا في العاصمة الصومالية مقديشو مساء الجمعة، واحتجزوا عددا من النزلاء. "
        "وقالت الشرطة إن القوات الخاصة أنهت الحصار بعد ساعات من الاشتباكات، فيما أعلنت الحركة مسؤوليتها عن الهجوم."
    ),
    source="agency-a",
    published=dt.date(2022, 8, 20),
)

AID = Document(
    id="baghouz-aid",
    title="قافلة مساعدات تصل إلى ريف دير الزور",
    text=(
        "وصلت أول قافلة مساعدات إنسانية للباغوز صباح الأحد محملة بالأغذية والأدوية والخيام، "
        "بحسب منظمة إغاثية قالت إن الأطفال يعانون من سوء التغذية. "
        "وطالبت المنظمة بفتح ممرات آمنة لإيصال الوقود إلى القرى المجاورة قبل حلول الشتاء."
    ),
    source="ngo-d",
    published=dt.date(2019, 3, 31),
)


def analysed(document: Document, entities=(), events=(), techniques=()) -> Analysis:
    """A hand-made analysis whose spans are found in the text (as the real analysers will give them)."""
    analysis = Analysis.of(document)
    for surface, type_, canonical, kind in entities:
        start = document.text.index(surface)
        analysis.entities.append(Entity(start, start + len(surface), surface, type_, canonical, kind))
    for evidence, type_, event_type, actor1, actor2, location in events:
        start = document.text.index(evidence)
        analysis.events.append(
            Event(type_, event_type, actor1, actor2, location, None, start, start + len(evidence), 0.9)
        )
    techniques_found = []
    for words, label in techniques:
        start = document.text.index(words)
        techniques_found.append(Technique(label, start, start + len(words), words, 0.8))
    analysis.rhetoric = Rhetoric(techniques=techniques_found)
    analysis.layers = ["handmade"]
    return analysis


def baghouz_analysis() -> Analysis:
    return analysed(
        BAGHOUZ,
        entities=[
            ("قوات سوريا الديمقراطية", "ORG", "Syrian Democratic Forces", "armed_group"),
            ("تنظيم الدولة", "ORG", "Islamic State", "armed_group"),
            ("الباغوز", "LOC", "Baghouz", "town"),
        ],
        events=[
            (
                "سيطرتها الكاملة على بلدة الباغوز",
                "Non-state actor overtakes territory",
                "Battles",
                "Syrian Democratic Forces",
                "Islamic State",
                "Baghouz",
            )
        ],
        techniques=[("آلاف المدنيين", "Exaggeration-Minimisation")],
    )


def aleppo_analysis() -> Analysis:
    return analysed(
        ALEPPO,
        entities=[
            ("هيئة تحرير الشام", "ORG", "Hay'at Tahrir al-Sham", "armed_group"),
            ("حلب", "LOC", "Aleppo", "city"),
            ("إدلب", "LOC", "Idlib", "city"),
        ],
        events=[("المواجهات مع قوات النظام", "Armed clash", "Battles", "Hay'at Tahrir al-Sham", "Syrian Arab Army", "Aleppo")],
    )
