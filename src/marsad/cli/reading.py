"""Options for reading sources, shared by every command that reads them
(`marsad analyze`, `marsad ingest`): declare them once, build ReadOptions once."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..service.reading import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT  # noqa: F401  (the commands' defaults)

SOURCES_HELP = (
    "Files, directories or http(s) URLs: .txt, .md, .html, .json, .jsonl(.gz), .csv/.tsv, "
    "RSS/Atom (.xml or a feed URL), Telegram Desktop exports (result.json)."
)
SOURCES_EPILOG = (
    "Inputs: plain text (.txt: first line the title) and Markdown (.md); HTML pages (.html: main text, "
    "title, date and URL extracted, boilerplate dropped); JSON (.json: an array of records or an object "
    "holding one), JSON Lines (.jsonl, .jsonl.gz) and CSV/TSV (.csv, .tsv) whose fields are found by their "
    "common names (text, content, النص, title, العنوان, date, التاريخ, url, source...) or by --map; "
    "RSS/Atom feeds (.xml/.rss/.atom files or http(s) URLs); Telegram Desktop exports (result.json); "
    "HTML pages at http(s) URLs. Directories are walked (hidden files skipped). "
    "UTF-8, UTF-16 and Windows-1256 are detected."
)

MapOption = Annotated[
    Optional[str],
    typer.Option(
        "--map",
        metavar="FIELD=COLUMN,...",
        help="Which record field / CSV column holds what, for JSON, JSON Lines and CSV: "
        "fields text, title, published, url, source, id. E.g. --map text=content,title=headline,published=date. "
        "Dotted names reach into nested JSON (text=body.content).",
    ),
]
TimeoutOption = Annotated[
    float,
    typer.Option("--timeout", metavar="SECONDS", min=0.1, help="For URLs: seconds to connect and between two reads."),
]
MaxBytesOption = Annotated[
    int,
    typer.Option("--max-bytes", metavar="BYTES", min=1, help="For URLs: refuse a download larger than this."),
]
TelegramUsernameOption = Annotated[
    Optional[str],
    typer.Option(
        "--telegram-username",
        metavar="NAME",
        help="The exported channel's @username, for https://t.me/NAME/ID links (Telegram exports do not say it).",
    ),
]
