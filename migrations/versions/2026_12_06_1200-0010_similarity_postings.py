"""similarity postings

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 12:00:00

The similarity search reads an inverted index instead of searching every document's text:
`qa_search_postings` (per stem, the documents holding it, whether in the title, and a
question's status) and `qa_search_terms` (every stem held, under a trigram index, to find the
stems containing a term). Triggers on `qa_search`, now a plain table on SQLite too, keep both
in step with it, and a trigger on `questions` keeps the status; the existing documents are
indexed here. See api/questions/search_index.py.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The one advisory lock of the vocabulary on PostgreSQL (any fixed number).
LOCK = 7_104_955_312

TRIGGERS = (
    "qa_search_added",
    "qa_search_removed",
    "qa_search_changed",
    "qa_search_question_status",
)


def _is_postgres() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


# --- SQLite --------------------------------------------------------------------------------
# A column of stems joined by spaces, as rows: stems are word characters, so quoting them as a
# JSON array needs no escaping. An empty column gives one empty stem, which is skipped.


def _stems(column: str) -> str:
    return f"""json_each('["' || replace({column}, ' ', '","') || '"]')"""


def _both(row: str) -> str:
    return f"{row}.title || ' ' || {row}.body"


def _kind(row: str) -> str:
    return f"substr({row}.doc_key, 1, instr({row}.doc_key, ':') - 1)"


def _doc_id(row: str) -> str:
    return f"CAST(substr({row}.doc_key, instr({row}.doc_key, ':') + 1) AS INTEGER)"


def _status(row: str) -> str:
    # A question's postings carry its status, so suggestions read open questions' only.
    return (
        f"CASE WHEN {_kind(row)} = 'vraag' THEN coalesce("  # noqa: S608 - no input
        f"(SELECT status FROM questions WHERE id = {_doc_id(row)}), '') ELSE '' END"
    )


def _sqlite_add(row: str) -> str:
    return (
        "INSERT INTO qa_search_terms (stem) "  # noqa: S608 - no input, our own column names
        f"SELECT value FROM {_stems(_both(row))} "
        "WHERE value <> '' ON CONFLICT (stem) DO NOTHING; "
        "INSERT INTO qa_search_postings (stem, kind, status, doc_id, in_title) "
        f"SELECT value, {_kind(row)}, {_status(row)}, {_doc_id(row)}, MAX(in_title) FROM ("
        f"SELECT value, 1 AS in_title FROM {_stems(f'{row}.title')} "
        f"UNION ALL SELECT value, 0 FROM {_stems(f'{row}.body')}"
        ") WHERE value <> '' GROUP BY value;"
    )


def _sqlite_remove(row: str) -> str:
    return (
        "DELETE FROM qa_search_postings "  # noqa: S608 - no input, our own column names
        f"WHERE kind = {_kind(row)} AND doc_id = {_doc_id(row)}; "
        "DELETE FROM qa_search_terms WHERE stem IN "
        f"(SELECT value FROM {_stems(_both(row))}) "
        "AND NOT EXISTS "
        "(SELECT 1 FROM qa_search_postings p WHERE p.stem = qa_search_terms.stem);"
    )


def _sqlite_upgrade() -> None:
    # Triggers cannot sit on a virtual table: the documents move to a plain one.
    op.execute("CREATE TABLE qa_search_rows AS SELECT doc_key, title, body FROM qa_search")
    op.execute("DROP TABLE qa_search")
    op.execute(
        "CREATE TABLE qa_search ("
        " doc_key VARCHAR(40) PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)"
    )
    op.execute("CREATE TABLE qa_search_terms (id INTEGER PRIMARY KEY, stem TEXT NOT NULL UNIQUE)")
    op.execute(
        "CREATE VIRTUAL TABLE qa_search_terms_trigram USING fts5("
        "stem, content='qa_search_terms', content_rowid='id', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER qa_search_terms_added AFTER INSERT ON qa_search_terms BEGIN "
        "INSERT INTO qa_search_terms_trigram (rowid, stem) VALUES (new.id, new.stem); END"
    )
    op.execute(
        "CREATE TRIGGER qa_search_terms_removed AFTER DELETE ON qa_search_terms BEGIN "
        "INSERT INTO qa_search_terms_trigram (qa_search_terms_trigram, rowid, stem) "
        "VALUES ('delete', old.id, old.stem); END"
    )
    op.execute(
        "CREATE TABLE qa_search_postings ("
        " stem TEXT NOT NULL, kind VARCHAR(8) NOT NULL, status VARCHAR(20) NOT NULL,"
        " doc_id INTEGER NOT NULL, in_title INTEGER NOT NULL,"
        " PRIMARY KEY (stem, kind, status, doc_id)) WITHOUT ROWID"
    )
    op.execute("CREATE INDEX ix_qa_search_postings_document ON qa_search_postings (kind, doc_id)")
    op.execute(
        f"CREATE TRIGGER qa_search_added AFTER INSERT ON qa_search BEGIN {_sqlite_add('new')} END"
    )
    op.execute(
        "CREATE TRIGGER qa_search_removed AFTER DELETE ON qa_search BEGIN "
        f"{_sqlite_remove('old')} END"
    )
    op.execute(
        "CREATE TRIGGER qa_search_changed AFTER UPDATE ON qa_search BEGIN "
        f"{_sqlite_remove('old')} {_sqlite_add('new')} END"
    )
    # A later migration that rebuilds `questions` in batch mode drops this trigger with the
    # old table and must create it again (tests/questions/test_similarity_index.py checks).
    op.execute(
        "CREATE TRIGGER qa_search_question_status AFTER UPDATE OF status ON questions "
        "WHEN old.status IS NOT new.status BEGIN "
        "UPDATE qa_search_postings SET status = new.status "
        "WHERE kind = 'vraag' AND doc_id = new.id; END"
    )
    op.execute("INSERT INTO qa_search (doc_key, title, body) SELECT * FROM qa_search_rows")
    op.execute("DROP TABLE qa_search_rows")


def _sqlite_downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE qa_search_postings")
    op.execute("DROP TABLE qa_search_terms_trigram")
    op.execute("DROP TABLE qa_search_terms")
    op.execute("CREATE TABLE qa_search_rows AS SELECT doc_key, title, body FROM qa_search")
    op.execute("DROP TABLE qa_search")
    op.execute(
        "CREATE VIRTUAL TABLE qa_search USING fts5("
        "doc_key UNINDEXED, title, body, tokenize='trigram')"
    )
    op.execute("INSERT INTO qa_search (doc_key, title, body) SELECT * FROM qa_search_rows")
    op.execute("DROP TABLE qa_search_rows")


# --- PostgreSQL ----------------------------------------------------------------------------

POSTGRES_FUNCTION = f"""
CREATE FUNCTION qa_search_keep_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        -- Alone: no transaction may be adding a stem this one could find unused.
        PERFORM pg_advisory_xact_lock({LOCK});
        DELETE FROM qa_search_postings
        WHERE kind = split_part(OLD.doc_key, ':', 1)
          AND doc_id = split_part(OLD.doc_key, ':', 2)::integer;
        DELETE FROM qa_search_terms t
        WHERE t.stem = ANY (string_to_array(OLD.title || ' ' || OLD.body, ' '))
          AND NOT EXISTS (SELECT 1 FROM qa_search_postings p WHERE p.stem = t.stem);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_advisory_xact_lock_shared({LOCK});
        -- In order, so two transactions adding the same new stems wait instead of deadlocking.
        INSERT INTO qa_search_terms (stem)
        SELECT DISTINCT s FROM unnest(string_to_array(NEW.title || ' ' || NEW.body, ' ')) AS s
        WHERE s <> '' ORDER BY s
        ON CONFLICT (stem) DO NOTHING;
        INSERT INTO qa_search_postings (stem, kind, status, doc_id, in_title)
        SELECT w.s, split_part(NEW.doc_key, ':', 1),
               CASE WHEN split_part(NEW.doc_key, ':', 1) = 'vraag' THEN coalesce(
                   (SELECT q.status FROM questions q
                    WHERE q.id = split_part(NEW.doc_key, ':', 2)::integer), '') ELSE '' END,
               split_part(NEW.doc_key, ':', 2)::integer, max(w.t)
        FROM (SELECT unnest(string_to_array(NEW.title, ' ')) AS s, 1 AS t
              UNION ALL SELECT unnest(string_to_array(NEW.body, ' ')), 0) AS w
        WHERE w.s <> ''
        GROUP BY w.s;
    END IF;
    RETURN NULL;
END
$$
"""  # noqa: S608 - the lock's number is ours

POSTGRES_STATUS_FUNCTION = """
CREATE FUNCTION qa_search_keep_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE qa_search_postings SET status = NEW.status WHERE kind = 'vraag' AND doc_id = NEW.id;
    RETURN NULL;
END
$$
"""


def _postgres_upgrade() -> None:
    # Searches read the postings now, not the documents' text.
    op.execute("DROP INDEX ix_qa_search_trigram")
    op.execute("CREATE TABLE qa_search_terms (stem TEXT PRIMARY KEY)")
    op.execute(
        "CREATE INDEX ix_qa_search_terms_trigram ON qa_search_terms USING gin (stem gin_trgm_ops)"
    )
    op.execute(
        "CREATE TABLE qa_search_postings ("
        " stem TEXT NOT NULL, kind VARCHAR(8) NOT NULL, status VARCHAR(20) NOT NULL,"
        " doc_id INTEGER NOT NULL, in_title SMALLINT NOT NULL,"
        " CONSTRAINT pk_qa_search_postings"
        " PRIMARY KEY (stem, kind, status, doc_id) INCLUDE (in_title))"
    )
    op.execute("CREATE INDEX ix_qa_search_postings_document ON qa_search_postings (kind, doc_id)")
    op.execute(POSTGRES_FUNCTION)
    op.execute(
        "CREATE TRIGGER qa_search_keep_index AFTER INSERT OR UPDATE OR DELETE ON qa_search "
        "FOR EACH ROW EXECUTE FUNCTION qa_search_keep_index()"
    )
    op.execute(POSTGRES_STATUS_FUNCTION)
    op.execute(
        "CREATE TRIGGER qa_search_question_status AFTER UPDATE OF status ON questions "
        "FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) "
        "EXECUTE FUNCTION qa_search_keep_status()"
    )
    op.execute("UPDATE qa_search SET doc_key = doc_key")


def _postgres_downgrade() -> None:
    op.execute("DROP TRIGGER qa_search_question_status ON questions")
    op.execute("DROP FUNCTION qa_search_keep_status()")
    op.execute("DROP TRIGGER qa_search_keep_index ON qa_search")
    op.execute("DROP FUNCTION qa_search_keep_index()")
    op.execute("DROP TABLE qa_search_postings")
    op.execute("DROP TABLE qa_search_terms")
    op.execute(
        "CREATE INDEX ix_qa_search_trigram ON qa_search "
        "USING gin ((title || ' ' || body) gin_trgm_ops)"
    )


def upgrade() -> None:
    if _is_postgres():
        _postgres_upgrade()
    else:
        _sqlite_upgrade()


def downgrade() -> None:
    if _is_postgres():
        _postgres_downgrade()
    else:
        _sqlite_downgrade()
