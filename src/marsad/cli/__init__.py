"""The `marsad` command line.  Thin: every command calls `marsad.service`.

Each area registers its commands on `app` in a module of its own; importing the
module here is all it takes to add them.
"""

from . import analyze  # noqa: F401  (registers analyze, layers)
from . import train  # noqa: F401  (registers train ner)
from . import corpus  # noqa: F401  (registers ingest, search, export, stats)
from . import rhetoric  # noqa: F401  (registers train techniques/emotions, eval techniques/emotions)
from .app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
