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
        "{path}:{line}: bad JSON Lines record ({reason}); skipped. Each line must be one JSON object; the other lines are read.",
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
    # M120-M139: dates and quotes layers
    M120 = ErrorSpec(
        "M120",
        Kind.INTERNAL,
        "resource {path}, line {line}: {reason}. Fix the row (columns are described in the file's header comment) and run again.",
    )
    M121 = ErrorSpec(
        "M121",
        Kind.INTERNAL,
        "resource {path} is missing. Reinstall Marsad (`pip install -e .`) so its data files are in place.",
    )

    # M170-M189: trainable NER (CRF), CoNLL files, NER models.  M170 and M171 are retired
    # (the NER resource files are read by extract/tables.py, whose errors are M120/M121).
    M172 = ErrorSpec(
        "M172",
        Kind.BAD_INPUT,
        "{path}: {reason}. Give a CoNLL/IOB file: one `token TAG` pair per line (IOB2 tags over PER/PERS, ORG, LOC, MISC), blank lines between sentences.",
    )
    M173 = ErrorSpec(
        "M173",
        Kind.USAGE,
        "{source!r}: bad line range. Write FILE:START-END with 1-based, inclusive line numbers, e.g. ANERCorp.txt:1-125278.",
    )
    M174 = ErrorSpec(
        "M174",
        Kind.NOT_FOUND,
        "{path}: not a Marsad NER model directory ({reason}). Train one with `marsad train ner --conll FILE --out DIR`.",
    )
    M175 = ErrorSpec(
        "M175",
        Kind.USAGE,
        "{path}: the model was trained with features {found}, but this Marsad computes {expected}. Retrain it with `marsad train ner`.",
    )
    M176 = ErrorSpec(
        "M176",
        Kind.USAGE,
        "the {analyser!r} analyser needs a trained model. Pass --ner-model DIR (train one with `marsad train ner --conll FILE --out DIR`).",
    )
    M177 = ErrorSpec("M177", Kind.USAGE, "{path} exists and is not empty. Choose a new --out directory, or pass --force to replace it.")
    M178 = ErrorSpec("M178", Kind.USAGE, "cannot train: {reason}. Give more labelled sentences (several hundred at least), or a --dev file.")
    M179 = ErrorSpec("M179", Kind.USAGE, "{value!r} is not a comma-separated list of non-negative numbers for {option}. Use e.g. {option} 0.05,0.1.")
    M180 = ErrorSpec(
        "M180",
        Kind.BAD_INPUT,
        "{path}:{line}: not a word-clusters file ({reason}). Build one with scripts/build_word_clusters.py.",
    )

    # M140-M169: the events layer and its exports
    M140 = ErrorSpec(
        "M140",
        Kind.INTERNAL,
        "resource {path}, line {line}: {reason}. Fix the row as the file's header comment describes; "
        "`python -m pytest tests/extract/events` checks every events resource.",
    )
    M141 = ErrorSpec(
        "M141",
        Kind.USAGE,
        "cannot write the events CSV to {path} ({reason}). Give a writable file path, e.g. --events-csv events.csv.",
    )

    # Readers (ingest/): M300-M319.
    M300 = ErrorSpec(
        "M300",
        Kind.BAD_INPUT,
        "{path}: broken JSON ({reason}); {count} record(s) before the fault were read. Fix the file and read it again: records already read keep their ids.",
    )
    M301 = ErrorSpec(
        "M301",
        Kind.BAD_INPUT,
        "{path}: no list of records in this JSON ({reason}). Give an array of objects, or an object holding one (e.g. {{\"articles\": [...]}}).",
    )
    M302 = ErrorSpec(
        "M302",
        Kind.BAD_INPUT,
        "{path}: {where}: record skipped ({reason}). The other records are read; fix this one or map its fields with --map, e.g. --map text=content.",
    )
    M303 = ErrorSpec(
        "M303",
        Kind.BAD_INPUT,
        "{path}: no column {column!r} for {field} (columns: {columns}). Fix --map, e.g. --map {field}=<one of the columns>.",
    )
    M304 = ErrorSpec(
        "M304",
        Kind.BAD_INPUT,
        "{path}: cannot tell which column holds the text (columns: {columns}). Name it with --map text=COLUMN.",
    )
    M305 = ErrorSpec(
        "M305",
        Kind.USAGE,
        "{value!r} is not a field mapping ({reason}). Use FIELD=COLUMN pairs separated by commas, FIELD among {fields}, e.g. --map text=content,title=headline.",
    )
    M306 = ErrorSpec(
        "M306",
        Kind.BAD_INPUT,
        "{path}: not a well-formed RSS/Atom feed ({reason}); {count} item(s) read before the fault. Check the file or URL, or fetch it again.",
    )
    M307 = ErrorSpec(
        "M307",
        Kind.BAD_INPUT,
        "{path}: item {item} has no text (no content or summary, only a title); skipped. The other items are read.",
    )
    M308 = ErrorSpec(
        "M308",
        Kind.BAD_INPUT,
        "{url}: cannot fetch ({reason}). Check the address and the connection, or raise --timeout; nothing was read from it.",
    )
    M309 = ErrorSpec(
        "M309",
        Kind.BAD_INPUT,
        "{url}: larger than {limit} bytes; stopped reading. Raise --max-bytes if this source is meant to be that large.",
    )
    M310 = ErrorSpec(
        "M310",
        Kind.BAD_INPUT,
        "{url}: the server sent {what}, not a feed or an HTML page. Give the address of an RSS/Atom feed or of an article page.",
    )
    M311 = ErrorSpec(
        "M311",
        Kind.BAD_INPUT,
        "{path}: no article text found in the HTML page (only navigation or boilerplate). Save the article page itself, or its text as .txt.",
    )
    M312 = ErrorSpec(
        "M312",
        Kind.BAD_INPUT,
        "{path}: not a Telegram Desktop chat export ({reason}). Export the channel with Telegram Desktop in JSON format and give its result.json.",
    )
    M313 = ErrorSpec(
        "M313",
        Kind.BAD_INPUT,
        "{path}: message {message}: skipped ({reason}). The other messages are read.",
    )
    M314 = ErrorSpec(
        "M314",
        Kind.BAD_INPUT,
        "{path}: the gzip data is corrupt or cut short ({reason}); what came before the fault was read. Compress the file again.",
    )
    M315 = ErrorSpec(
        "M315",
        Kind.BAD_INPUT,
        "{path}:{line}: broken CSV row ({reason}); skipped. Check the quotes from that line on; the other rows are read.",
    )
    M316 = ErrorSpec(
        "M316",
        Kind.BAD_INPUT,
        "{path}: cannot tell what kind of source this is ({reason}). Marsad reads {suffixes}, and RSS/Atom feeds or HTML pages at http(s) addresses.",
    )
    M317 = ErrorSpec(
        "M317",
        Kind.INTERNAL,
        "{path}: the {reader} reader failed ({reason}). The other sources are unaffected; please report this with the file.",
    )

    # M200-M219: the rhetoric layer (techniques, emotions, frames)
    M200 = ErrorSpec(
        "M200",
        Kind.INTERNAL,
        "{path}:{line}: bad rhetoric resource line ({reason}). Fix it as the file's header comment describes; "
        "`python -m pytest tests/rhetoric` checks every resource.",
    )
    M201 = ErrorSpec(
        "M201",
        Kind.INTERNAL,
        "{path}:{line}: unknown {kind} label {label!r}. Use one of: {allowed}.",
    )

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
