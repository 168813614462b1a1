"""Which FAQ entries and questions look like a given text: Dutch stems, ranked by how much of
the text they cover.

A text's terms are its longest distinct content stems. A document (an FAQ entry's current
question and answer, a question's subject and text) contains a term when one of its stems
contains the term as a substring, so "vrijlating" meets "giftenvrijlating". Its score is the
share of the terms it contains, each weighing its length, with a bonus for terms in its title
(`score`); documents under MIN_SCORE are left out, ties go to the newest.

The index (`api/questions/search_index.py`) holds each document's stems in an inverted index
and the vocabulary of all stems under a trigram index. A search finds the stems containing
each term in the vocabulary, and the database adds up, per document, the weight of the terms
it holds, from the postings of those stems only: no document text is read and nothing is
scored in Python but the documents the database returns. Every document the ranking keeps is
among them, with the score `score` would give it."""

import math
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import text
from sqlalchemy.orm import Session

from api.core.stemming import content_stems
from api.questions import search_index
from api.questions.search_index import QuestionScope, Tally

Kind = Literal["faq", "vraag"]
KINDS: frozenset[Kind] = frozenset({"faq", "vraag"})
MAX_TERMS = 16
CANDIDATES = 20
"""Questions one query of `suggestions` fetches, best first; a tie in the rounded score
at the edge of what is asked for fetches more."""
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
    # The database keeps the postings and the vocabulary in step with these rows (triggers,
    # see search_index), whoever writes them.
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


def _score(covered: int, in_title: int, weight: int) -> float:
    return (covered + TITLE_BONUS * in_title) / ((1 + TITLE_BONUS) * weight)


def score(terms: list[str], title: str, body: str) -> float:
    """The score of one document, from its title's and body's stems (each joined by spaces)."""
    document = f"{title} {body}"
    covered = sum(len(t) for t in terms if t in document)
    in_title = sum(len(t) for t in terms if t in title)
    return _score(covered, in_title, sum(len(t) for t in terms))


@dataclass(frozen=True)
class _Search:
    terms: list[str]
    stems_of_term: list[list[str]]

    @property
    def weight(self) -> int:
        return sum(len(t) for t in self.terms)

    def tallies(
        self,
        session: Session,
        kind: Kind,
        scope: QuestionScope | None = None,
        limit: int | None = None,
    ) -> list[Tally]:
        # A document's title bonus only adds to terms it contains, so a score of MIN_SCORE
        # needs at least MIN_SCORE of the weight covered: the database leaves out the rest
        # (rounded down, so nothing that scores enough), and `matches` decides exactly.
        return search_index.tallies(
            session,
            kind,
            self.stems_of_term,
            [len(t) for t in self.terms],
            least_covered=math.floor(MIN_SCORE * self.weight),
            title_bonus=TITLE_BONUS,
            scope=scope,
            limit=limit,
        )

    def matches(self, kind: Kind, tallies: list[Tally]) -> list[Match]:
        found = []
        for tally in tallies:
            value = _score(tally.covered, tally.in_title, self.weight)
            if value >= MIN_SCORE:
                found.append(Match(kind, tally.doc_id, round(value, 3)))
        return found


def _search(session: Session, value: str) -> _Search | None:
    terms = query_terms(value)
    stems_of_term = search_index.stems_containing(session, terms)
    if not any(stems_of_term):
        return None
    return _Search(terms, stems_of_term)


def _ranked(matches: list[Match]) -> list[Match]:
    return sorted(matches, key=lambda m: (-m.score, -m.id))


def similar(session: Session, value: str, *, kinds: set[Kind] | None = None) -> list[Match]:
    """Every document at or above MIN_SCORE, best first (ties: newest first)."""
    search = _search(session, value)
    if search is None:
        return []
    found: list[Match] = []
    for kind in sorted(kinds if kinds is not None else KINDS):
        found += search.matches(kind, search.tallies(session, kind))
    return _ranked(found)


def suggestions(
    session: Session, value: str, limit: int, scope: QuestionScope
) -> tuple[list[Match], list[Match]]:
    """What `similar` finds among the FAQ entries, and the first `limit` questions in `scope`
    in `similar`'s order, without ranking every question: the database orders them by their
    unrounded score."""
    search = _search(session, value)
    if search is None:
        return [], []
    faq = _ranked(search.matches("faq", search.tallies(session, "faq")))
    return faq, _best_questions(session, search, limit, scope)


def _best_questions(
    session: Session, search: _Search, limit: int, scope: QuestionScope
) -> list[Match]:
    fetch = max(limit, CANDIDATES)
    while True:
        tallies = search.tallies(session, "vraag", scope, fetch)
        matches = search.matches("vraag", tallies)
        best = _ranked(matches)[:limit]
        # All of them fetched, or the last ones already under MIN_SCORE: so is every other.
        if len(tallies) < fetch or len(matches) < len(tallies):
            return best
        # Rounded to three decimals, two unequal scores can tie, and a tie goes newest first:
        # a question not fetched (ranked below the last one fetched by its unrounded score, or
        # equal to it and older) may still belong before the last one kept. It cannot when the
        # last one fetched ranks after the last one kept and the next lower score possible
        # (covered + TITLE_BONUS * in_title moves in steps of TITLE_BONUS) rounds lower.
        last, kept = tallies[-1], best[-1]
        last_score = round(_score(last.covered, last.in_title, search.weight), 3)
        next_down = (last.covered + TITLE_BONUS * (last.in_title - 1)) / (
            (1 + TITLE_BONUS) * search.weight
        )
        if last_score < kept.score or (last.doc_id <= kept.id and round(next_down, 3) < kept.score):
            return best
        fetch *= 4
