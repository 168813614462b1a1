"""Which FAQ entries and questions look like a given text: Dutch stems, ranked by how much of
the text they cover.

FAQ entries and questions share one search table (`qa_search`, created by the migration: an
FTS5 trigram index on SQLite, a trigram index on PostgreSQL). The database finds candidates
sharing any content stem (substring match, so "vrijlating" meets "giftenvrijlating"); the
ranking is done here, the same on both engines: the share of the text's stems a candidate
contains, longer (more specific) stems weighing more, a hit in the title counting extra."""

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import text
from sqlalchemy.orm import Session

from api.core.stemming import content_stems

Kind = Literal["faq", "vraag"]
KINDS: frozenset[Kind] = frozenset({"faq", "vraag"})
MAX_TERMS = 16
CANDIDATES = 300
MIN_SCORE = 0.3
TITLE_BONUS = 0.25


@dataclass(frozen=True)
class Match:
    kind: Kind
    id: int
    score: float


def _key(kind: Kind, id_: int) -> str:
    return f"{kind}:{id_}"


def index(session: Session, kind: Kind, id_: int, title: str, body: str) -> None:
    key = _key(kind, id_)
    session.execute(text("DELETE FROM qa_search WHERE doc_key = :key"), {"key": key})
    session.execute(
        text("INSERT INTO qa_search (doc_key, title, body) VALUES (:key, :title, :body)"),
        {
            "key": key,
            "title": " ".join(content_stems(title)),
            "body": " ".join(content_stems(body)),
        },
    )


def remove(session: Session, kind: Kind, id_: int) -> None:
    session.execute(text("DELETE FROM qa_search WHERE doc_key = :key"), {"key": _key(kind, id_)})


def query_terms(value: str) -> list[str]:
    # The longest stems are the most telling; a long text is reduced to its best terms.
    unique = list(dict.fromkeys(content_stems(value)))
    return sorted(unique, key=len, reverse=True)[:MAX_TERMS]


def _candidates(session: Session, terms: list[str], kind: Kind) -> list[tuple[str, str, str]]:
    """Up to CANDIDATES documents of one kind, so thousands of questions cannot crowd the FAQ
    entries out of the candidates (or the other way round)."""
    # substr, not LIKE: on SQLite, FTS5's trigram tokenizer takes LIKE over as a text search.
    prefix = f"{kind}:"
    if session.get_bind().dialect.name == "postgresql":
        params: dict[str, object] = {f"t{i}": f"%{term}%" for i, term in enumerate(terms)}
        # Only placeholders are formatted into the SQL; the terms travel as bound parameters.
        params["limit"] = CANDIDATES
        params["prefix"] = prefix
        params["n"] = len(prefix)
        hit = [f"(title || ' ' || body) LIKE :t{i}" for i in range(len(terms))]
        weight = " + ".join(
            f"(CASE WHEN {h} THEN {len(t)} ELSE 0 END)" for h, t in zip(hit, terms, strict=True)
        )
        sql = (
            "SELECT doc_key, title, body FROM qa_search "  # noqa: S608
            f"WHERE substr(doc_key, 1, :n) = :prefix AND ({' OR '.join(hit)}) "
            f"ORDER BY {weight} DESC LIMIT :limit"
        )
        rows = session.execute(text(sql), params)
    else:
        match = " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)
        rows = session.execute(
            text(
                "SELECT doc_key, title, body FROM qa_search WHERE qa_search MATCH :match "
                "AND substr(doc_key, 1, :n) = :prefix "
                "ORDER BY bm25(qa_search, 0.0, 2.0, 1.0) LIMIT :limit"
            ),
            {"match": match, "prefix": prefix, "n": len(prefix), "limit": CANDIDATES},
        )
    return [(str(r.doc_key), str(r.title), str(r.body)) for r in rows]


def score(terms: list[str], title: str, body: str) -> float:
    weight = sum(len(t) for t in terms)
    document = f"{title} {body}"
    covered = sum(len(t) for t in terms if t in document)
    in_title = sum(len(t) for t in terms if t in title)
    return (covered + TITLE_BONUS * in_title) / ((1 + TITLE_BONUS) * weight)


def similar(session: Session, value: str, *, kinds: set[Kind] | None = None) -> list[Match]:
    """Candidates at or above MIN_SCORE, best first (ties: newest first)."""
    terms = query_terms(value)
    if not terms:
        return []
    found: list[Match] = []
    for kind in sorted(kinds if kinds is not None else KINDS):
        for key, title, body in _candidates(session, terms, kind):
            value_score = score(terms, title, body)
            if value_score >= MIN_SCORE:
                found.append(Match(kind, int(key.partition(":")[2]), round(value_score, 3)))
    return sorted(found, key=lambda m: (-m.score, -m.id))
