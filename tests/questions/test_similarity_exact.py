"""The index finds what ranking every document would find: on a few hundred generated questions
and FAQ entries, `similar` and the suggestions equal a brute-force scoring of every document,
with the same scores in the same order."""

import random
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from api.accounts.models import User
from api.questions import search_index, similarity
from api.questions.models import (
    Channel,
    FaqEntry,
    FaqVersion,
    Question,
    QuestionStatus,
)
from api.questions.repository import OPEN_STATUSES
from api.questions.search_index import QuestionScope, Tally
from api.questions.similarity import Match

# Compounds and their parts, words inside longer words ("laat" in "vrijlaat"), stop words
# and numbers, so substring matching, a term in several stems and filtering all take part.
WORDS = [
    "gift",
    "giften",
    "giftenvrijlating",
    "vrijlating",
    "vrijlaten",
    "bijstand",
    "bijstandsuitkering",
    "uitkering",
    "kostendeler",
    "kostendelersnorm",
    "norm",
    "normbedrag",
    "taaleis",
    "taal",
    "taaltoets",
    "boete",
    "boetes",
    "verwijtbaarheid",
    "inlichtingenplicht",
    "vermogen",
    "vermogensgrens",
    "grens",
    "auto",
    "spaargeld",
    "inkomsten",
    "inkomstenvrijlating",
    "jongeren",
    "zoektermijn",
    "termijn",
    "beslistermijn",
    "mantelzorg",
    "huishouding",
    "participatie",
    "tegenprestatie",
    "ontheffing",
    "beslag",
    "beslagvrije",
    "voet",
    "schulden",
    "werkinstructie",
    "verordening",
    "raad",
    "beleidsregels",
    "terugvordering",
    "verrekening",
    "verrekenen",
    "softwareleverancier",
    "leverancier",
    "software",
    "plaat",
    "laat",
    "laten",
    "statushouders",
    "inburgering",
]
FILLER = [
    "hoe",
    "moet",
    "wij",
    "de",
    "het",
    "een",
    "van",
    "en",
    "voor",
    "bij",
    "2026",
    "27",
    "als",
    "dat",
]
STATUSES = list(QuestionStatus)


def _text(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    words += rng.sample(FILLER, rng.randint(0, 3))
    rng.shuffle(words)
    return " ".join(w.capitalize() if rng.random() < 0.2 else w for w in words)


def _brute_force(session: Session, value: str, kinds: set[str]) -> list[Match]:
    """Every document of the index scored with `similarity.score`, from its stored stems."""
    terms = similarity.query_terms(value)
    if not terms:
        return []
    rows = session.execute(text("SELECT doc_key, title, body FROM qa_search")).all()
    found = []
    for key, title, body in rows:
        kind, _, id_ = str(key).partition(":")
        value_score = similarity.score(terms, str(title), str(body))
        if kind in kinds and value_score >= similarity.MIN_SCORE:
            found.append(Match(kind, int(id_), round(value_score, 3)))  # type: ignore[arg-type]
    # An FAQ entry and a question may share an id and a score; `similar` lists the FAQ first.
    return sorted(found, key=lambda m: (-m.score, -m.id, m.kind))


@pytest.fixture
def generated(db: Session) -> tuple[list[str], int]:
    """About 300 questions and 60 FAQ entries, some changed, merged away or answered after
    indexing; returns query texts and the asker of some of the questions."""
    rng = random.Random(20261206)  # noqa: S311 - repeatable made-up data
    askers = list(db.scalars(select(User.id).order_by(User.id).limit(2)))
    questions = []
    for n in range(300):
        question = Question(
            channel=Channel.PHONE,
            subject=_text(rng, 0, 4),
            text=_text(rng, 1, 14),
            status=rng.choice(STATUSES),
            asker_user_id=rng.choice([*askers, None]),
            asker_name=f"Vrager {n}",
            received_at=datetime(2026, 5, 1, tzinfo=UTC),
            due_date=date(2026, 6, 1),
            measures=[],
            attachments=[],
            merged=[],
        )
        questions.append(question)
    entries = [
        FaqEntry(
            measures=[],
            versions=[
                FaqVersion(
                    number=1,
                    question=_text(rng, 1, 6),
                    answer=_text(rng, 2, 12),
                    legal_articles=[],
                    change_note="Eerste versie",
                )
            ],
        )
        for _ in range(60)
    ]
    db.add_all([*questions, *entries])
    db.flush()
    for q in questions:
        similarity.index(db, "vraag", q.id, q.subject, q.text)
    for e in entries:
        similarity.index(db, "faq", e.id, e.current.question, e.current.answer)
    # What happens to questions after they are indexed: new subjects, merges, answers.
    for q in rng.sample(questions, 40):
        q.subject = _text(rng, 1, 4)
        similarity.index(db, "vraag", q.id, q.subject, q.text)
    for q in rng.sample(questions, 20):
        similarity.remove(db, "vraag", q.id)
    for q in rng.sample(questions, 60):
        q.status = rng.choice(STATUSES)
    db.flush()
    queries = [_text(rng, 1, 8) for _ in range(40)]
    queries += ["vrijlating", "laat", "norm", "giftenvrijlating bijstand", "Hoe moet dat?"]
    return queries, askers[0]


def test_similar_finds_what_scoring_every_document_finds(
    db: Session, generated: tuple[list[str], int]
) -> None:
    queries, _ = generated
    found_any = 0
    for value in queries:
        expected = _brute_force(db, value, {"faq", "vraag"})
        assert similarity.similar(db, value) == expected, value
        faq = _brute_force(db, value, {"faq"})
        assert similarity.similar(db, value, kinds={"faq"}) == faq, value
        found_any += bool(expected)
    assert found_any > len(queries) / 2, "the generated texts should mostly find something"


def test_suggestions_are_the_best_open_questions_of_the_full_ranking(
    db: Session, generated: tuple[list[str], int]
) -> None:
    queries, asker = generated
    rows = db.execute(select(Question.id, Question.status, Question.asker_user_id)).all()
    status_of = {id_: status for id_, status, _ in rows}
    asker_of = {id_: asker for id_, _, asker in rows}
    open_values = frozenset(s.value for s in OPEN_STATUSES)
    for value in queries:
        ranked = _brute_force(db, value, {"vraag"})
        open_ = [m for m in ranked if status_of[m.id] in OPEN_STATUSES]
        for scope, expected in (
            (QuestionScope(open_values), open_[:5]),
            (QuestionScope(open_values, asker), [m for m in open_ if asker_of[m.id] == asker][:5]),
        ):
            faq, questions = similarity.suggestions(db, value, 5, scope)
            assert questions == expected, (value, scope)
            assert faq == _brute_force(db, value, {"faq"}), value


@pytest.fixture
def long_query(monkeypatch: pytest.MonkeyPatch) -> list[Tally]:
    """A search of 16 long terms, over made-up tallies instead of the database: long enough
    that unequal scores round to the same three decimals."""
    tallies: list[Tally] = []

    def fake(
        _session: object,
        _kind: str,
        _stems: object,
        _weights: object,
        *,
        least_covered: int,
        title_bonus: float,
        scope: object = None,
        limit: int | None = None,
    ) -> list[Tally]:
        kept = [t for t in tallies if t.covered >= least_covered]
        kept.sort(key=lambda t: (-(t.covered + title_bonus * t.in_title), -t.doc_id))
        return kept if limit is None else kept[:limit]

    monkeypatch.setattr(search_index, "tallies", fake)
    return tallies


@pytest.mark.engine_neutral
def test_a_rounding_tie_at_the_edge_fetches_more(
    long_query: list[Tally], monkeypatch: pytest.MonkeyPatch
) -> None:
    terms = [chr(97 + i) * 14 for i in range(16)]
    search = similarity._Search(terms, [[t] for t in terms])
    weight = search.weight
    scope = QuestionScope(frozenset())
    # Every number of points from a third of the weight up, some twice, with ids in random
    # order: somewhere an older question of a lower score rounds alike and ranks first.
    tied = 0
    for seed in range(20):
        rng = random.Random(seed)  # noqa: S311 - repeatable made-up data
        made = []
        for points in range(weight * 4 // 3, weight * 5 + 1):
            covered = -(-points // 5)
            made += [(covered, points - 4 * covered)] * rng.choice((1, 2, 3))
        ids = rng.sample(range(1, 10 * len(made)), len(made))
        long_query[:] = [Tally(i, c, t) for i, (c, t) in zip(ids, made, strict=True)]
        everything = similarity._ranked(search.matches("vraag", long_query))
        for limit in range(1, 13):
            first_fetch = search.matches("vraag", search.tallies(None, "vraag", scope, limit))  # type: ignore[arg-type]
            tied += similarity._ranked(first_fetch) != everything[:limit]
            monkeypatch.setattr(similarity, "CANDIDATES", limit)
            best = similarity._best_questions(None, search, limit, scope)  # type: ignore[arg-type]
            assert best == everything[:limit], (seed, limit)
    assert tied, "the made-up scores should tie at the edge of some first fetch"
