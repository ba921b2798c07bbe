"""Telegram Desktop chat exports (`result.json`, "Export chat history" in JSON format),
streamed message by message (ijson), for one channel or a whole account's export.

Each message of type "message" whose text is not empty becomes a Document:

* text: exactly as the user saw it: a string, or the concatenation of a list of
  strings and entity objects' "text" (bold, links, hashtags, mentions...).  A media
  message's caption is its text; a media message without one is skipped, as are
  service messages (channel created, pinned...).
* title: empty (a post has no headline); source: the channel's name; published: the
  message's date; meta: message_id, channel_id, forwarded_from, author (a signed post),
  from (the sender, when not the channel itself).
* url: https://t.me/<username>/<message id> when the channel's username is known (the
  export does not say it: give it with --telegram-username, or as "username" in the
  export), else https://t.me/c/<channel id>/<message id> for channels and supergroups
  (a link that opens for members), else none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ijson

from ..errors import Errors, MarsadError
from ..model import Document
from .dates import parse_published
from .failures import ReadFailure
from .ids import document_id
from .options import ReadOptions
from .streams import GZIP_ERRORS, open_binary, utf8_stream

CHAT_TYPES = frozenset(
    {
        "personal_chat", "bot_chat", "saved_messages", "private_group", "private_supergroup",
        "public_supergroup", "private_channel", "public_channel",
    }
)
LINKABLE_TYPES = frozenset({"private_supergroup", "public_supergroup", "private_channel", "public_channel"})
_CHAT_FIELDS = frozenset({"name", "type", "id", "username"})
_OPEN = frozenset({"start_map", "start_array"})
_CLOSE = frozenset({"end_map", "end_array"})


def read_telegram(path: Path, options: ReadOptions | None = None) -> Iterator[Document | ReadFailure]:
    options = options or ReadOptions()
    messages_seen = 0
    walk = _Walk()
    with open_binary(path) as stream:
        try:
            for chat, message in walk.messages(ijson.parse(utf8_stream(stream, str(path)), use_float=True)):
                messages_seen += 1
                try:
                    document = message_document(chat, message, str(path), options)
                except MarsadError as error:
                    yield ReadFailure(f"{path}#{message.get('id', '?') if isinstance(message, dict) else '?'}", error)
                    continue
                if document is not None:
                    yield document
        except ijson.JSONError as error:
            reason = f"broken JSON: {(str(error).strip().splitlines() or ['?'])[0]}, after {messages_seen} message(s)"
            yield ReadFailure(str(path), MarsadError(Errors.M312, path=str(path), reason=reason))
            return
        except GZIP_ERRORS as error:
            yield ReadFailure(str(path), MarsadError(Errors.M314, path=str(path), reason=str(error) or type(error).__name__))
            return
    if walk.chats == 0:
        yield ReadFailure(str(path), MarsadError(Errors.M312, path=str(path), reason='it has no "messages" list'))


def message_document(chat: dict, message: object, path: str, options: ReadOptions) -> Document | None:
    """The Document of one exported message, None for service and media-only messages."""
    if not isinstance(message, dict):
        raise MarsadError(Errors.M313, path=path, message="?", reason="not an object")
    number = message.get("id")
    if message.get("type", "message") != "message":
        return None
    if not isinstance(number, (int, float)) or isinstance(number, bool):
        raise MarsadError(Errors.M313, path=path, message=repr(number), reason='no numeric "id"')
    number = int(number)
    text = entity_text(message.get("text", ""))
    if text is None:
        raise MarsadError(Errors.M313, path=path, message=number, reason='"text" is neither a string nor a list of entities')
    if not text.strip():
        return None
    published = _message_date(message) or options.published
    chat_id = _chat_id(chat.get("id"))
    url = message_link(chat, number, options.telegram_username)
    meta: dict[str, object] = {"message_id": number}
    if chat_id:
        meta["channel_id"] = chat_id
    for key in ("forwarded_from", "author", "from"):
        value = message.get(key)
        if isinstance(value, str) and value and not (key == "from" and value == chat.get("name")):
            meta[key] = value
    return Document(
        id=document_id(url or f"telegram:{chat_id or chat.get('name') or path}/{number}", "", text),
        title="",
        text=text,
        source=chat.get("name") or (f"telegram:{chat_id}" if chat_id else path),
        url=url,
        published=published,
        meta=meta,
    )


def entity_text(value: object) -> str | None:
    """The text as shown: a string, or a list of strings and {"type", "text"} entities."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return None
    parts = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text", ""), str):
            parts.append(part.get("text", ""))
        else:
            return None
    return "".join(parts)


def message_link(chat: dict, number: int, username: str | None = None) -> str | None:
    username = (chat.get("username") or username or "").strip().lstrip("@")
    if username:
        return f"https://t.me/{username}/{number}"
    chat_id = _chat_id(chat.get("id"))
    if chat_id and chat.get("type") in LINKABLE_TYPES:
        return f"https://t.me/c/{chat_id}/{number}"
    return None


def is_telegram_export(head: bytes) -> bool:
    """A JSON file that looks like a Telegram Desktop export from its first bytes."""
    text = head.decode("utf-8", errors="ignore")
    return '"messages"' in text and any(f'"{kind}"' in text for kind in CHAT_TYPES | {"personal_information"})


def _message_date(message: dict):
    for key in ("date", "date_unixtime"):
        try:
            date = parse_published(message.get(key))
        except ValueError:
            continue
        if date:
            return date
    return None


def _chat_id(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    text = str(int(value)) if isinstance(value, float) else str(value)
    text = text.removeprefix("-100") if text.startswith("-100") else text.lstrip("-")
    return text or None


@dataclass
class _Frame:
    kind: str  # "map" or "array"
    key: str | None = None
    scalars: dict[str, object] = field(default_factory=dict)
    chat: dict[str, object] | None = None  # set on a chat's "messages" array


class _Walk:
    """Walks ijson events; builds each message of each chat's "messages" array."""

    def __init__(self) -> None:
        self.chats = 0

    def messages(self, events) -> Iterator[tuple[dict, object]]:
        """(chat fields, message) for every message of every chat in the export."""
        stack: list[_Frame] = []
        builder = None
        depth = 0
        for _prefix, event, value in events:
            if builder is not None:
                builder.event(event, value)
                depth += 1 if event in _OPEN else -1 if event in _CLOSE else 0
                if depth == 0:
                    yield stack[-1].chat, builder.value
                    builder = None
                continue
            top = stack[-1] if stack else None
            if event in _OPEN:
                if top is not None and top.chat is not None:
                    builder, depth = ijson.ObjectBuilder(), 1
                    builder.event(event, value)
                    continue
                frame = _Frame("map" if event == "start_map" else "array")
                if event == "start_array" and top is not None and top.kind == "map" and top.key == "messages":
                    frame.chat = dict(top.scalars)
                    self.chats += 1
                stack.append(frame)
            elif event in _CLOSE:
                stack.pop()
            elif event == "map_key":
                top.key = value
            elif top is not None and top.kind == "map" and top.key in _CHAT_FIELDS:
                top.scalars[top.key] = value
            elif top is not None and top.chat is not None:  # a scalar where a message should be
                yield top.chat, value
