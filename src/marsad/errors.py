"""Every error Marsad reports on purpose: a code, a message that says what to do next,
one CLI exit code and one HTTP status per kind.

Raise ``MarsadError(Errors.M003, path=...)``; the CLI prints ``str(error)`` on one
line and exits with ``error.exit_code``; the API answers
``{"ok": false, "error": str(error), "code": error.code, "status": error.http_status}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


class Kind(Enum):
    """What went wrong, from the caller's point of view."""

    BAD_INPUT = (EXIT_SOME_FAILED, 422)  # one input could not be read or analysed
    NOT_FOUND = (EXIT_SOME_FAILED, 404)
    USAGE = (EXIT_USAGE, 400)  # the command or request itself is wrong
    INTERNAL = (EXIT_SOME_FAILED, 500)

    @property
    def exit_code(self) -> int:
        return self.value[0]

    @property
    def http_status(self) -> int:
        return self.value[1]


@dataclass(frozen=True)
class ErrorSpec:
    code: str
    kind: Kind
    template: str


class Errors:
    """The catalogue.  Templates are formatted with the keyword arguments of MarsadError."""

    M001 = ErrorSpec("M001", Kind.NOT_FOUND, "{path}: no such file or directory. Check the path, or quote it if it has spaces.")
    M002 = ErrorSpec("M002", Kind.BAD_INPUT, "{path}: the file is empty (no text after the title). Nothing to analyse.")
    M003 = ErrorSpec(
        "M003",
        Kind.BAD_INPUT,
        "{path}: looks like a binary file, not text ({reason}). Give a UTF-8, UTF-16 or Windows-1256 text file, or a .jsonl file.",
    )
    M004 = ErrorSpec(
        "M004",
        Kind.BAD_INPUT,
        "{path}:{line}: bad JSON Lines record ({reason}). Each line must be an object with at least \"text\".",
    )
    M005 = ErrorSpec("M005", Kind.USAGE, "{value!r} is not a date. Use YYYY-MM-DD, e.g. --published 2019-03-21.")
    M006 = ErrorSpec("M006", Kind.USAGE, "unknown analyser(s): {names}. Available: {available}.")
    M007 = ErrorSpec("M007", Kind.USAGE, "the pipeline cannot run: {details}. Add the missing analysers or drop the ones that need them.")
    M008 = ErrorSpec(
        "M008",
        Kind.INTERNAL,
        "{document}: the {analyser!r} analyser failed ({reason}). The other documents are unaffected; please report this with the document.",
    )
    M009 = ErrorSpec("M009", Kind.BAD_INPUT, "{path}: cannot decode the text ({reason}). Convert it to UTF-8 and try again.")
    M010 = ErrorSpec("M010", Kind.BAD_INPUT, "{path}: {reason}.")
    M011 = ErrorSpec("M011", Kind.USAGE, "no input files found under {paths}. Marsad reads {suffixes}.")

    # Corpus store, ingest, search and export (M320-M349).
    M320 = ErrorSpec(
        "M320",
        Kind.NOT_FOUND,
        "no corpus at {location}. Run `marsad ingest FILES --db {location}` first, or point --db (or $MARSAD_DB) at an existing corpus.",
    )
    M321 = ErrorSpec(
        "M321",
        Kind.USAGE,
        "{location} has store schema version {found}, newer than this Marsad understands ({latest}). Upgrade Marsad to read it.",
    )
    M322 = ErrorSpec(
        "M322",
        Kind.USAGE,
        "cannot use the PostgreSQL corpus at {location} ({reason}). Check that the server runs and the DSN (postgresql://user:password@host:port/db) is right.",
    )
    M323 = ErrorSpec(
        "M323",
        Kind.USAGE,
        "cannot read the query {query!r}: {reason}. Examples: الباغوز | \"قوات سوريا الديمقراطية\" | داعش AND الباغوز | داعش -القاعدة | (حلب OR إدلب) NOT هدنة.",
    )
    M324 = ErrorSpec(
        "M324",
        Kind.USAGE,
        "the query {query!r} has no word that must appear (only NOT/- parts, or no words at all). Add a word to look for, or search with filters only.",
    )
    M325 = ErrorSpec("M325", Kind.USAGE, "unknown export format {value!r}. Choose one of: {formats}.")
    M326 = ErrorSpec("M326", Kind.BAD_INPUT, "cannot write {path} ({reason}). Choose a writable path with --out.")
    M327 = ErrorSpec(
        "M327",
        Kind.USAGE,
        "{feature} needs the {package} package, which is not installed. Install it with: pip install 'marsad[{extra}]'.",
    )
    M328 = ErrorSpec(
        "M328",
        Kind.INTERNAL,
        "the corpus is busy: another process is writing to it ({reason}). Wait for that ingest to finish and run the command again; nothing was lost.",
    )
    M329 = ErrorSpec(
        "M329",
        Kind.USAGE,
        "{location} is not a Marsad corpus ({reason}). Give a new file name or an existing corpus with --db.",
    )
    M330 = ErrorSpec("M330", Kind.USAGE, "--limit must be a positive whole number, not {value!r}.")
    M331 = ErrorSpec("M331", Kind.NOT_FOUND, "no document with id {doc_id!r} in {location}. `marsad search` shows the ids.")
    M332 = ErrorSpec(
        "M332",
        Kind.INTERNAL,
        "writing to the corpus at {location} failed ({reason}). The documents committed so far are safe; fix the cause and run the same command again to finish.",
    )


class MarsadError(Exception):
    """An expected failure with a code, a one-line message and a hint."""

    def __init__(self, spec: ErrorSpec, **details: object) -> None:
        self.spec = spec
        self.details = details
        super().__init__(f"[{spec.code}] {spec.template.format(**details)}")

    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def exit_code(self) -> int:
        return self.spec.kind.exit_code

    @property
    def http_status(self) -> int:
        return self.spec.kind.http_status

    def to_json(self) -> dict[str, object]:
        return {"ok": False, "error": str(self), "code": self.code, "status": self.http_status}
