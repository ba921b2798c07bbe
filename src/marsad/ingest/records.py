"""Records (a JSON object, a CSV row) to Documents: which field holds what (`--map`,
else the common names in resources/ingest/field_names.tsv), then one Document each."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import Errors, MarsadError
from ..model import Document
from .dates import parse_published
from .ids import document_id
from .options import MAPPABLE_FIELDS, ReadOptions

_IGNORED_IN_NAMES = re.compile(r"[\s_\-\u0640]+")


def name_key(name: str) -> str:
    """How field and column names are compared: case, spaces, _ - and tatweel ignored."""
    return _IGNORED_IN_NAMES.sub("", name).casefold()


class RecordFields:
    """Where each Document field is in the records of one source.

    Built from the first record's field names (a CSV header): a --map naming a column
    the source lacks, or a source with no recognisable text column, is refused for the
    whole source (M303 / M304) rather than once per record.
    """

    def __init__(self, path: str, names: Iterable[str], options: ReadOptions) -> None:
        self.path = path
        self.options = options
        names = [str(name) for name in names]
        by_key = {name_key(name): name for name in reversed(names)}  # first of equal keys wins
        self.columns: dict[str, str] = {}
        for field, wanted in options.mapping.items():
            top = wanted if wanted in names else wanted.split(".")[0]
            found = top if top in names else by_key.get(name_key(top))
            if found is None:
                raise MarsadError(Errors.M303, path=path, column=wanted, field=field, columns=_listing(names))
            self.columns[field] = wanted if top == wanted else f"{found}{wanted[len(top):]}"
        for field in MAPPABLE_FIELDS:
            if field not in self.columns:
                for alias in _aliases()[field]:
                    if alias in by_key:
                        self.columns[field] = by_key[alias]
                        break
        if "text" not in self.columns:
            raise MarsadError(Errors.M304, path=path, columns=_listing(names))

    def document(self, record: Mapping[str, object], where: str, origin_fallback: str) -> Document:
        """One Document, or MarsadError M302 naming the record (`where`)."""

        def bad(reason: str) -> MarsadError:
            return MarsadError(Errors.M302, path=self.path, where=where, reason=reason)

        text = self._value(record, "text")
        if not isinstance(text, str) or not text.strip():
            raise bad(f"no text in {self.columns['text']!r}")
        title = _as_str(self._value(record, "title")) or ""
        raw_date = self._value(record, "published")
        try:
            published = parse_published(raw_date) or self.options.published
        except ValueError:
            raise bad(f"{self.columns['published']!r} is not a date: {_short(raw_date)}") from None
        url = _as_str(self._value(record, "url"))
        source = _as_str(self._value(record, "source"))
        record_id = _as_str(self._value(record, "id"))
        origin = url or (f"{source or origin_fallback}#{record_id}" if record_id else origin_fallback)
        return Document(
            id=document_id(origin, title, text),
            title=title,
            text=text,
            source=source or self.path,
            url=url,
            published=published,
            meta={"record_id": record_id} if record_id else {},
        )

    def _value(self, record: Mapping[str, object], field: str) -> object:
        column = self.columns.get(field)
        if column is None:
            return None
        if column in record:
            return record[column]
        value: object = record
        for part in column.split("."):
            if not isinstance(value, Mapping) or part not in value:
                return None
            value = value[part]
        return value


def origin_name(path: Path | str) -> str:
    """A file's part of a document's origin: its name, so that moving or compressing
    it changes nothing (`x.jsonl.gz` is `x.jsonl`)."""
    if str(path).startswith(("http://", "https://")):
        return str(path)
    return Path(path).name.removesuffix(".gz")


def _as_str(value: object) -> str | None:
    if value is None or value == "" or isinstance(value, (dict, list)):
        return None
    return str(value).strip() or None


def _short(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _listing(names: list[str], limit: int = 12) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f", … ({len(names)} in all)" if len(names) > limit else "") if names else "none"


@lru_cache(maxsize=1)
def _aliases() -> dict[str, list[str]]:
    table = resources.files("marsad").joinpath("resources/ingest/field_names.tsv").read_text(encoding="utf-8")
    aliases: dict[str, list[str]] = {field: [] for field in MAPPABLE_FIELDS}
    for line in table.splitlines():
        if line.strip() and not line.startswith("#"):
            field, name = line.split("\t")
            aliases[field].append(name_key(name))
    return aliases


class SourceRefused(MarsadError):
    """A whole source is unreadable as records (wrong --map, no text column): stop it."""


class RecordDocuments:
    """Records of one source to Documents, resolving fields once per shape of record.

    The first record decides whether the source can be read at all (SourceRefused);
    a later record of another shape that lacks the text is skipped with M302.
    """

    MAX_SHAPES = 64

    def __init__(self, path: str, options: ReadOptions, origin: str) -> None:
        self.path = path
        self.options = options
        self.origin = origin
        self._shapes: dict[frozenset[str], RecordFields] = {}

    def __call__(self, record: object, where: str) -> Document:
        if not isinstance(record, Mapping):
            raise MarsadError(Errors.M302, path=self.path, where=where, reason=f"expected an object, got {_type_name(record)}")
        return self._fields(record, where).document(record, where, self.origin)

    def _fields(self, record: Mapping[str, object], where: str) -> RecordFields:
        shape = frozenset(record)
        fields = self._shapes.get(shape)
        if fields is not None:
            return fields
        try:
            fields = RecordFields(self.path, record.keys(), self.options)
        except MarsadError as error:
            if not self._shapes:
                raise SourceRefused(error.spec, **error.details) from None
            raise MarsadError(Errors.M302, path=self.path, where=where, reason=f"no text field among {_listing(list(record))}") from None
        if len(self._shapes) < self.MAX_SHAPES:
            self._shapes[shape] = fields
        return fields


def _type_name(value: object) -> str:
    names = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true/false", type(None): "null"}
    return names.get(type(value), type(value).__name__)
