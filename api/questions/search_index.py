"""The tables behind the similarity search, and the queries that read them. No model describes
them: migrations `0006` and `0010` create them per engine, like `product_search`.

- `qa_search`: per document (`doc_key` "faq:12" or "vraag:34") the stems of its title and of
  its body, each joined by spaces. `similarity.index` and `similarity.remove` write it.
- `qa_search_postings`: the inverted index. Per stem, the documents holding it (`kind`,
  `doc_id`), whether their title does (`in_title`, 0 or 1) and, for a question, its `status`
  ('' for an FAQ entry). The primary key is (stem, kind, status, doc_id): the documents of a
  few stems are a range read each, and suggestions read only those of open questions.
- `qa_search_terms`: every stem some document holds, and no other, under a trigram index
  (SQLite: the FTS5 table `qa_search_terms_trigram`; PostgreSQL: `pg_trgm`), so the stems that
  contain a search term as a substring are found in the vocabulary, not by reading documents.

Triggers on `qa_search` keep the other two in step with it in the same transaction, whoever
writes it (the application, a migration, a bulk fill): a document's postings come and go with
its row, a trigger on `questions` copies a new status into the question's postings, and a
stem leaves the vocabulary with the last document holding it, so a name from an erased
question does not stay behind. On PostgreSQL the triggers take an advisory lock: shared to add
a document, alone to remove one. A transaction taking a stem out of the vocabulary because no
committed document holds it must not run beside one that is giving a new document that very
stem; the stem would be gone while a posting names it. SQLite lets one writer in at a time
(api/core/db.py begins writes IMMEDIATE) and needs no lock.

A search adds up, per document, the lengths of the search terms it contains (`Tally`); the
ranking is `api/questions/similarity.py`."""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, bindparam, text
from sqlalchemy.orm import Session


def _pairs(session: Session) -> str:
    """The rows (stem, w, j) of a search from the JSON parameter `pairs`, a list of objects."""
    if session.get_bind().dialect.name == "postgresql":
        return "SELECT * FROM json_to_recordset(CAST(:pairs AS json)) AS r(stem text, w int, j int)"
    return (
        "SELECT json_extract(value, '$.stem'), json_extract(value, '$.w'), "
        "json_extract(value, '$.j') FROM json_each(:pairs)"
    )


def _each_pairs_postings(session: Session, postings: str) -> str:
    """The pairs `m`, each joined to its stem's postings `p` that meet `postings`: a range read
    of the postings' primary key (stem, kind, status, doc_id) per pair, whatever the number of
    postings. SQLite reads the pairs first when told CROSS JOIN. PostgreSQL takes a function's
    rows for a hundred, whatever the JSON holds, and then often hashed the pairs and read every
    posting of the kind (20 ms at 5,000 questions, 170 at 50,000, instead of one or two). A
    LATERAL subquery with OFFSET 0, which the planner may not merge into the join, makes it look
    up each pair's postings as SQLite does."""
    if session.get_bind().dialect.name == "postgresql":
        each = f"SELECT p.doc_id, p.in_title FROM qa_search_postings p WHERE {postings} OFFSET 0"  # noqa: S608
        return f"m CROSS JOIN LATERAL ({each}) p"
    return f"m CROSS JOIN qa_search_postings p WHERE {postings}"


@dataclass(frozen=True)
class Tally:
    doc_id: int
    covered: int
    """The summed length of the search terms the document contains."""
    in_title: int
    """The summed length of those its title contains."""


@dataclass(frozen=True)
class QuestionScope:
    """Which questions a search may return: in one of these statuses and, when
    `asker_user_id` is set, asked by that user. (A merged question is out of the index.)"""

    statuses: frozenset[str]
    asker_user_id: int | None = None


def stems_containing(session: Session, terms: Sequence[str]) -> list[list[str]]:
    """Per search term, the stems of the vocabulary that contain it (itself included)."""
    if not terms:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # LIKE's own characters escaped; '_' is a word character, so a stem may hold one.
        patterns = {
            f"p{i}": "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            for i, t in enumerate(terms)
        }
        # Only placeholders are formatted into the SQL; the terms travel as bound parameters.
        where = " OR ".join(f"stem LIKE :{name}" for name in patterns)
        found = session.scalars(text(f"SELECT stem FROM qa_search_terms WHERE {where}"), patterns)  # noqa: S608
    else:
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        found = session.scalars(
            text(
                "SELECT stem FROM qa_search_terms_trigram "
                "WHERE qa_search_terms_trigram MATCH :match"
            ),
            {"match": match},
        )
    # The index finds candidates (trigrams in any order, letters folded); containment decides.
    stems = sorted(set(found))
    return [[s for s in stems if t in s] for t in terms]


def tallies(
    session: Session,
    kind: str,
    stems_of_term: Sequence[Sequence[str]],
    weights: Sequence[int],
    *,
    least_covered: int,
    title_bonus: float,
    scope: QuestionScope | None = None,
    limit: int | None = None,
) -> list[Tally]:
    """Per document of `kind` that contains search terms of at least `least_covered` summed
    weight: which weight it covers, and in its title. A term counts once however many of its
    stems a document holds. With `scope` (questions only) just the questions in it, and with
    `limit` only the first that many by `covered + title_bonus * in_title`, then newest first;
    otherwise in no particular order."""
    # One row per (stem, term) pair; a stem may contain several terms. A term found in a
    # single stem is added up directly; a term found in several stems takes the most of them
    # per document (MAX), so a document holding two of those stems counts it once.
    pairs: list[dict[str, object]] = []
    covered, in_title = ["SUM(m.w)"], ["SUM(m.w * p.in_title)"]
    for j, (stems, weight) in enumerate(zip(stems_of_term, weights, strict=True)):
        alone = len(stems) == 1
        pairs += [
            {"stem": stem, "w": weight if alone else 0, "j": -1 if alone else j} for stem in stems
        ]
        if len(stems) > 1:
            covered.append(f"{weight} * MAX(CASE WHEN m.j = {j} THEN 1 ELSE 0 END)")
            in_title.append(f"{weight} * MAX(CASE WHEN m.j = {j} THEN p.in_title ELSE 0 END)")
    if not pairs:
        return []
    # The pairs travel as one JSON parameter: a short term may be in thousands of stems.
    params: dict[str, object] = {
        "pairs": json.dumps(pairs),
        "kind": kind,
        "least": least_covered,
    }
    postings = "p.stem = m.stem AND p.kind = :kind"
    expanding: list[BindParameter[Any]] = []
    if scope is not None:
        # The postings carry the question's status: only those of questions in scope are read.
        postings += " AND p.status IN :statuses"
        params["statuses"] = sorted(scope.statuses)
        expanding.append(bindparam("statuses", expanding=True))
        if scope.asker_user_id is not None:
            postings += " AND p.doc_id IN (SELECT id FROM questions WHERE asker_user_id = :asker)"
            params["asker"] = scope.asker_user_id
    # Only placeholders and integers of our own are formatted into the SQL.
    sql = (
        f"WITH m(stem, w, j) AS MATERIALIZED ({_pairs(session)}) "  # noqa: S608
        "SELECT doc_id, covered, in_title FROM ("
        "SELECT p.doc_id AS doc_id, "
        f"{' + '.join(covered)} AS covered, {' + '.join(in_title)} AS in_title "
        f"FROM {_each_pairs_postings(session, postings)} GROUP BY p.doc_id"
        ") t WHERE covered >= :least"
    )
    if limit is not None:
        sql += f" ORDER BY covered + {title_bonus!r} * in_title DESC, doc_id DESC LIMIT :limit"
        params["limit"] = limit
    statement = text(sql).bindparams(*expanding)
    return [
        Tally(int(r.doc_id), int(r.covered), int(r.in_title))
        for r in session.execute(statement, params)
    ]
