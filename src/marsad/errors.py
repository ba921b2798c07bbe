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

    # M220-M239: training data, trained rhetoric models, evaluation.
    M220 = ErrorSpec(
        "M220",
        Kind.USAGE,
        "{path}: not a labelled data set Marsad can read ({reason}). It reads ArAIEval 2023/2024, WANLP 2022 and "
        "ArMPro JSON/JSONL files and the emotional-tone CSV; see `marsad train techniques --help`.",
    )
    M221 = ErrorSpec("M221", Kind.BAD_INPUT, "{path}:{line}: bad labelled record ({reason}). Fix or remove that record and try again.")
    M222 = ErrorSpec(
        "M222",
        Kind.USAGE,
        "{path}: unknown technique label {label!r}. Use the ArAIEval 2023/2024 or WANLP 2022 label names "
        "(listed in marsad/resources/rhetoric/taxonomy.tsv).",
    )
    M223 = ErrorSpec(
        "M223",
        Kind.USAGE,
        "{path} is a test split: Marsad never trains or tunes on test data. Train on train/dev files "
        "(pass --allow-test-split only if this file is not anybody's evaluation set).",
    )
    M224 = ErrorSpec(
        "M224",
        Kind.NOT_FOUND,
        "{path}: no rhetoric model here (no manifest.json, no Hugging Face config.json). "
        "Train one with `marsad train techniques --data FILE --out DIR`.",
    )
    M225 = ErrorSpec(
        "M225",
        Kind.USAGE,
        "{path}: this rhetoric model cannot be loaded ({reason}). Retrain it with this version of Marsad "
        "(`marsad train techniques|emotions ... --out {path}`).",
    )
    M226 = ErrorSpec(
        "M226",
        Kind.USAGE,
        "{path}: the model has no {component} part. Add one with `marsad train {command} --data FILE --out {path}`.",
    )
    M227 = ErrorSpec(
        "M227",
        Kind.USAGE,
        "the lexicon system needs the `rhetoric` analyser, which this installation does not have. "
        "Use --system majority, or --system model with --rhetoric-model DIR.",
    )
    M228 = ErrorSpec(
        "M228",
        Kind.USAGE,
        "{path} is a Hugging Face model directory, which needs the optional packages transformers and torch "
        "({reason}). Install them with `pip install torch==2.13.0 'marsad[hf]'`.",
    )
    M229 = ErrorSpec("M229", Kind.USAGE, "no usable examples for {what} ({reason}). Check the --data and --exclude files.")
    M230 = ErrorSpec(
        "M230",
        Kind.USAGE,
        "{path} holds {task} labels, which `{command}` cannot use. {hint}",
    )
    M231 = ErrorSpec(
        "M231",
        Kind.USAGE,
        "{path}: the Hugging Face model's labels are not BIO tags over technique names ({reason}). "
        "Name them O, B-<Technique>, I-<Technique> in config.json (id2label).",
    )
    M232 = ErrorSpec(
        "M232",
        Kind.USAGE,
        "{what} needs --rhetoric-model DIR (a directory made by `marsad train techniques` or `marsad train emotions`).",
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
