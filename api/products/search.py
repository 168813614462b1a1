"""Full-text search over products with Dutch stemming, ranked, with highlighted fragments.

Documents and queries are stemmed with the Snowball Dutch stemmer. Dutch glues words together
("giftenvrijlating"), so matching is on substrings of stems: "vrijlating" finds
"Giftenvrijlating". SQLite uses an FTS5 trigram index over the stemmed text (ranked by BM25,
title weighted above body); PostgreSQL uses its `dutch` text-search configuration for ranking
plus a trigram index for the substring matches. Fragments are made in Python so both engines
highlight the same way."""

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from api.core import highlight
from api.core.stemming import stems
from api.products.models import Product


def _document(product: Product) -> tuple[str, str]:
    title = " ".join(stems(product.title))
    body_parts = [product.summary, *(f"{m.code} {m.title}" for m in product.measures)]
    return title, " ".join(stems(" ".join(body_parts)))


def index_product(session: Session, product: Product) -> None:
    title, body = _document(product)
    dialect = session.get_bind().dialect.name
    session.execute(text("DELETE FROM product_search WHERE product_id = :id"), {"id": product.id})
    if dialect == "postgresql":
        session.execute(
            text(
                "INSERT INTO product_search (product_id, title, body, document) VALUES "
                "(:id, :title, :body, setweight(to_tsvector('dutch', :raw_title), 'A') || "
                "setweight(to_tsvector('dutch', :raw_body), 'B'))"
            ),
            {
                "id": product.id,
                "title": title,
                "body": body,
                "raw_title": product.title,
                "raw_body": product.summary + " " + " ".join(m.title for m in product.measures),
            },
        )
    else:
        session.execute(
            text(
                "INSERT INTO product_search (product_id, title, body) VALUES (:id, :title, :body)"
            ),
            {"id": product.id, "title": title, "body": body},
        )


@dataclass(frozen=True)
class Hit:
    product_id: int
    score: float


def search(session: Session, query: str) -> list[Hit]:
    terms = [t for t in dict.fromkeys(stems(query)) if len(t) >= 3]
    if not terms:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return _search_postgres(session, query, terms)
    return _search_sqlite(session, terms)


def _search_sqlite(session: Session, terms: list[str]) -> list[Hit]:
    # Each term quoted as an FTS5 string: a trigram "phrase" that matches as a substring.
    match = " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)
    rows = session.execute(
        text(
            "SELECT product_id, bm25(product_search, 0.0, 10.0, 1.0) AS rank "
            "FROM product_search WHERE product_search MATCH :match ORDER BY rank"
        ),
        {"match": match},
    )
    return [Hit(int(row.product_id), -float(row.rank)) for row in rows]


def _search_postgres(session: Session, query: str, terms: list[str]) -> list[Hit]:
    params: dict[str, object] = {f"t{i}": f"%{term}%" for i, term in enumerate(terms)}
    params["q"] = query
    everywhere = " AND ".join(f"(title || ' ' || body) LIKE :t{i}" for i in range(len(terms)))
    in_title = " AND ".join(f"title LIKE :t{i}" for i in range(len(terms)))
    # Only placeholders are formatted into the SQL; the terms travel as bound parameters.
    sql = (
        "SELECT product_id, ts_rank(document, plainto_tsquery('dutch', :q)) * 10 "  # noqa: S608
        f"+ (CASE WHEN {in_title} THEN 1 ELSE 0 END) AS rank "
        f"FROM product_search WHERE {everywhere} ORDER BY rank DESC, product_id"
    )
    rows = session.execute(text(sql), params)
    return [Hit(int(row.product_id), float(row.rank)) for row in rows]


def fragment(product: Product, query: str) -> str | None:
    """A short piece of title or summary around the first hit, hits wrapped in <mark>."""
    return highlight.fragment([product.title, product.summary], query)
