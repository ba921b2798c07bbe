"""Store backends for tests: every store test runs on SQLite and on PostgreSQL.

PostgreSQL needs a server: `.ci/run` starts one and exports MARSAD_TEST_PG (and
MARSAD_REQUIRE_PG=1); locally, `eval "$(bash scripts/test-postgres.sh start)"` does
the same.  Without a DSN the PostgreSQL runs skip, except in CI or when
MARSAD_REQUIRE_PG=1, where a missing server fails loudly.  Each test gets its own
PostgreSQL schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest

BACKENDS = ("sqlite", "postgres")


def postgres_dsn() -> str | None:
    dsn = os.environ.get("MARSAD_TEST_PG")
    if dsn:
        return dsn
    if os.environ.get("MARSAD_REQUIRE_PG") == "1" or os.environ.get("CI") == "true":
        pytest.fail("PostgreSQL tests are required here but MARSAD_TEST_PG is not set: .ci/run must start the server")
    pytest.skip("no PostgreSQL server (set MARSAD_TEST_PG, e.g. via scripts/test-postgres.sh)")
    return None


def _with_schema(dsn: str, schema: str) -> str:
    separator = "&" if "?" in dsn else "?"
    return f"{dsn}{separator}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(params=BACKENDS)
def store_target(request, tmp_path):
    """An empty corpus location (SQLite path or PostgreSQL DSN with a schema of its own)."""
    if request.param == "sqlite":
        yield str(tmp_path / "corpus.db")
        return
    import psycopg

    dsn = postgres_dsn()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _with_schema(dsn, schema)
    finally:
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def corpus_store(store_target):
    from marsad.store import open_store

    store = open_store(store_target)
    yield store
    store.close()
