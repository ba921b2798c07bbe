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
    # M100-M119: entities layer (gazetteers and the resources they are read from)
    M100 = ErrorSpec(
        "M100",
        Kind.INTERNAL,
        "{path}: resource file missing. Reinstall Marsad; for places.tsv run `python scripts/build_places.py` (needs the build extra).",
    )
    M101 = ErrorSpec(
        "M101",
        Kind.INTERNAL,
        "{path}:{line}: malformed resource row ({reason}). Fix the row: columns are separated by one tab, as the header says.",
    )
    M102 = ErrorSpec(
        "M102",
        Kind.INTERNAL,
        "{path}: {canonical!r} is described differently on two rows ({reason}). Give every alias of one canonical name the same kind, parent and country.",
    )
    M103 = ErrorSpec(
        "M103",
        Kind.INTERNAL,
        "{path}:{line}: {value!r} refers to {what} that no gazetteer file defines. Add it, or correct the name.",
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
