"""Telegram Desktop exports: text as the user saw it, forwards, links, skipped messages."""

import datetime as dt
import json

from marsad.ingest import ReadOptions, read_telegram
from marsad.ingest.telegram import entity_text

from .helpers import FIXTURES, assert_one_line_coded, split

EXPORT = FIXTURES / "telegram" / "result.json"


def test_messages_become_documents_and_service_and_media_only_messages_are_skipped():
    documents, failures = split(read_telegram(EXPORT))
    assert [d.meta["message_id"] for d in documents] == [2, 3, 4, 6, 9]  # 1, 7 service; 5 a photo alone
    assert {d.source for d in documents} == {"نافذة الأخبار العاجلة"}
    assert all(d.title == "" for d in documents)
    assert [d.published for d in documents][:2] == [dt.date(2019, 3, 18), dt.date(2019, 3, 20)]
    assert documents[0].url == "https://t.me/c/1500000001/2"  # no username in the export: the members' link
    (failure,) = failures
    assert failure.source == f"{EXPORT}#8"
    assert_one_line_coded(failure, "M313", "message 8", "neither a string nor a list of entities")


def test_entity_lists_are_joined_exactly_as_shown():
    message = next(d for d in split(read_telegram(EXPORT))[0] if d.meta["message_id"] == 3)
    assert message.text == (
        "قسد تعلن السيطرة على مخيم الباغوز\n"
        "قال مسؤول المكتب الإعلامي لقوات سوريا الديمقراطية إن مقاتليهم سيطروا على المخيم بعد معارك ليلية، "
        "وإن جيوبًا صغيرة ما زالت تقاوم قرب ضفة الفرات.\n"
        "#الباغوز #دير_الزور\n"
        "التفاصيل: على موقعنا | https://example.org/ar/live"
    )
    assert message.meta["author"] == "محرر الليل"
    caption = next(d for d in split(read_telegram(EXPORT))[0] if d.meta["message_id"] == 6)
    assert caption.text == "صورة من الباغوز بعد توقف المعارك، نشرها @field_reporter صباح اليوم."


def test_a_forward_keeps_where_it_came_from():
    forward = next(d for d in split(read_telegram(EXPORT))[0] if d.meta["message_id"] == 4)
    assert forward.meta == {"message_id": 4, "channel_id": "1500000001", "forwarded_from": "شبكة الرصد الميداني"}
    assert forward.text.startswith("مراسلنا في ريف دير الزور")


def test_username_links_from_the_option_or_the_export(tmp_path):
    documents, _ = split(read_telegram(EXPORT, ReadOptions(telegram_username="@akhbar_now")))
    assert documents[0].url == "https://t.me/akhbar_now/2"
    export = json.loads(EXPORT.read_text(encoding="utf-8"))
    export = {"username": "nafitha", **export}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    assert split(read_telegram(path))[0][0].url == "https://t.me/nafitha/2"


def test_ids_are_stable_and_an_edit_is_a_new_document(tmp_path):
    first = split(read_telegram(EXPORT))[0]
    assert [d.id for d in first] == [d.id for d in split(read_telegram(EXPORT))[0]]
    export = json.loads(EXPORT.read_text(encoding="utf-8"))
    export["messages"][1]["text"] += " (محدث)"
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    edited = split(read_telegram(path))[0]
    assert edited[0].id != first[0].id and [d.id for d in edited[1:]] == [d.id for d in first[1:]]


def test_a_whole_account_export_reads_every_chat(tmp_path):
    chat = json.loads(EXPORT.read_text(encoding="utf-8"))
    group = {"name": "مجموعة نقاش", "type": "private_group", "id": 77, "messages": [
        {"id": 1, "type": "message", "date": "2020-01-01T10:00:00", "from": "سالم", "text": "رسالة في المجموعة"},
    ]}
    account = {"about": "...", "personal_information": {"first_name": "x"}, "chats": {"about": "...", "list": [chat, group]}}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(account, ensure_ascii=False), encoding="utf-8")
    documents, _ = split(read_telegram(path))
    assert len(documents) == 6
    last = documents[-1]
    assert (last.source, last.url, last.meta["from"]) == ("مجموعة نقاش", None, "سالم")  # no link into a private group


def test_broken_and_foreign_json(tmp_path):
    cut = tmp_path / "result.json"
    data = EXPORT.read_text(encoding="utf-8")
    cut.write_text(data[: data.index('"id": 6')], encoding="utf-8")
    documents, failures = split(read_telegram(cut))
    assert [d.meta["message_id"] for d in documents] == [2, 3, 4]
    assert_one_line_coded(failures[-1], "M312", "broken JSON", "after 5 message(s)")
    other = tmp_path / "other.json"
    other.write_text('{"name": "x", "items": []}', encoding="utf-8")
    (failure,) = read_telegram(other)
    assert_one_line_coded(failure, "M312", 'no "messages" list', "result.json")


def test_entity_text():
    assert entity_text(["a", {"type": "bold", "text": "b"}, {"type": "custom_emoji", "text": "🔥", "document_id": "x"}]) == "ab🔥"
    assert entity_text("نص") == "نص"
    assert entity_text([{"type": "bold"}]) == ""
    assert entity_text(42) is None and entity_text([1]) is None
