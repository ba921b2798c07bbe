from backends import corpus_store, store_target  # noqa: F401  (fixtures: every test on SQLite and PostgreSQL)
