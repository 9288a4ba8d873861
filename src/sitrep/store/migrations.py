"""The store's schema, as numbered migrations applied in order, each in a transaction.

A migration is never edited once released: change the schema by appending one. The
``schema_version`` table records which numbers a database has.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MIGRATIONS", "migrate", "run", "schema_version"]


def run(con: Any, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    """Execute and fetch everything (DuckDB refuses new work while a result is pending)."""
    return con.execute(sql, params or []).fetchall()

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, """
    CREATE TABLE articles (
        key VARCHAR PRIMARY KEY,          -- canonical URL, else content hash
        seq BIGINT NOT NULL,              -- ingest order (1, 2, ...)
        id VARCHAR NOT NULL,
        url VARCHAR,
        canonical_url VARCHAR,
        content_hash VARCHAR NOT NULL,
        source VARCHAR,
        title VARCHAR,
        published DATE,
        text VARCHAR,
        error VARCHAR,
        extracted BOOLEAN NOT NULL,
        n_events INTEGER NOT NULL,
        terms VARCHAR,                    -- JSON list: key words, for dedup
        ingested_at TIMESTAMP NOT NULL
    );
    CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        event_date DATE,
        date_precision INTEGER,
        disorder_type VARCHAR,
        event_type VARCHAR,
        sub_event_type VARCHAR,
        actor1 VARCHAR, inter1 INTEGER,
        actor2 VARCHAR, inter2 INTEGER,
        assoc_actors VARCHAR,             -- JSON list of {name, inter}
        location VARCHAR, geonameid BIGINT,
        latitude DOUBLE, longitude DOUBLE,
        country VARCHAR, country_code VARCHAR,
        admin1 VARCHAR, admin2 VARCHAR,
        geo_precision INTEGER,
        fatalities INTEGER, fatalities_low INTEGER, fatalities_high INTEGER,
        wounded INTEGER, arrested INTEGER,
        confidence DOUBLE,
        sources VARCHAR,                  -- JSON list of article keys
        n_sources INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        first_seq BIGINT NOT NULL,
        updated_seq BIGINT NOT NULL,
        event VARCHAR NOT NULL            -- the founding report (contract Event, JSON)
    );
    CREATE TABLE event_reports (
        article_key VARCHAR NOT NULL,
        idx INTEGER NOT NULL,             -- the event's position in the article
        event_id VARCHAR NOT NULL,        -- the incident it was merged into
        report_id VARCHAR NOT NULL,       -- the id extraction gave it
        confidence DOUBLE,
        evidence VARCHAR,                 -- JSON list of {field, start, end, text}
        event VARCHAR NOT NULL,           -- the report as extracted (JSON)
        PRIMARY KEY (article_key, idx)
    );
    CREATE TABLE revisions (
        event_id VARCHAR NOT NULL,
        revision INTEGER NOT NULL,
        article_key VARCHAR NOT NULL,
        change VARCHAR NOT NULL,          -- JSON: what this report changed
        created_at TIMESTAMP NOT NULL,
        PRIMARY KEY (event_id, revision)
    );
    """),
    # 2: what people decide. Corrections and reviews live apart from the machine's rows, so
    # re-ingesting or re-extracting can never overwrite them; ``rev`` numbers every human
    # act across both tables (one correction of several fields shares one number).
    (2, """
    ALTER TABLE events ADD COLUMN abducted INTEGER;
    ALTER TABLE events ADD COLUMN updated_at TIMESTAMP;   -- UTC, last machine change
    CREATE TABLE event_corrections (
        rev BIGINT NOT NULL,
        event_id VARCHAR NOT NULL,
        field VARCHAR NOT NULL,           -- flat field name (store/fields.py)
        value VARCHAR,                    -- JSON: the corrected value (may be null)
        old VARCHAR,                      -- JSON: the value it replaced
        who VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,    -- UTC
        note VARCHAR,
        PRIMARY KEY (rev, field)
    );
    CREATE TABLE event_reviews (
        rev BIGINT PRIMARY KEY,
        event_id VARCHAR NOT NULL,
        action VARCHAR NOT NULL,          -- accept | reject | delete | restore
        status VARCHAR NOT NULL,          -- the status it leaves the event in
        old_status VARCHAR NOT NULL,
        who VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,    -- UTC
        note VARCHAR
    );
    """),
    # 3: document incidents in the store: which articles report one incident (by wording,
    # place and day), and the signature that decided it (JSON: top terms, day, place), so
    # the clusterer can be rebuilt.
    (3, """
    ALTER TABLE articles ADD COLUMN incident VARCHAR;
    ALTER TABLE articles ADD COLUMN signature VARCHAR;
    """),
)


def schema_version(con: Any) -> int:
    """The highest migration applied to ``con`` (0 for a new database)."""
    run(con, "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    row = run(con, "SELECT max(version) FROM schema_version")[0]
    return int(row[0] or 0)


def migrate(con: Any) -> int:
    """Apply every migration newer than the database; returns the resulting version."""
    current = schema_version(con)
    for number, sql in MIGRATIONS:
        if number <= current:
            continue
        run(con, "BEGIN TRANSACTION")
        try:
            for statement in sql.split(";"):
                if statement.strip():
                    run(con, statement)
            run(con, "INSERT INTO schema_version VALUES (?, current_timestamp)", [number])
            run(con, "COMMIT")
        except Exception:
            run(con, "ROLLBACK")
            raise
        current = number
    return current
