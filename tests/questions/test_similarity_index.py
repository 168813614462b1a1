"""The similarity index follows every write: a new subject, a status, a merge, an erasure, a
new FAQ version, a withdrawal; its postings and vocabulary always agree with the documents,
and nothing of an erased asker stays behind in any of them."""

import threading
import time

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from api.core.db import build_engine
from api.core.stemming import content_stems
from api.questions import similarity
from api.questions.models import Question
from tests.databases import base_url, drop_database, is_postgres, migrated_copy
from tests.questions.helpers import answer, editor, log_call, move


def assert_index_agrees_with_documents(session: Session) -> None:
    """The postings are exactly what the documents' stems (and the questions' statuses) call
    for, and the vocabulary is exactly the stems of the postings."""
    status = {i: str(s) for i, s in session.execute(select(Question.id, Question.status))}
    expected = set()
    for key, title, body in session.execute(text("SELECT doc_key, title, body FROM qa_search")):
        kind, _, number = str(key).partition(":")
        doc_id, in_title = int(number), set(str(title).split())
        state = status.get(doc_id, "") if kind == "vraag" else ""
        for stem in in_title | set(str(body).split()):
            expected.add((stem, kind, state, doc_id, int(stem in in_title)))
    postings = session.execute(
        text("SELECT stem, kind, status, doc_id, in_title FROM qa_search_postings")
    )
    assert {tuple(p) for p in postings} == expected
    terms = set(session.scalars(text("SELECT stem FROM qa_search_terms")))
    assert terms == {p[0] for p in expected}
    if session.get_bind().dialect.name == "sqlite":
        # FTS5 compares its trigram index with the vocabulary it indexes.
        session.execute(
            text(
                "INSERT INTO qa_search_terms_trigram (qa_search_terms_trigram) "
                "VALUES ('integrity-check')"
            )
        )


def _stems_of(value: str) -> set[str]:
    return set(content_stems(value))


def _anywhere(session: Session, stem: str) -> list[str]:
    """Where in the index a stem still occurs."""
    found = []
    pattern = {"p": f"%{stem}%"}
    for table, column in (
        ("qa_search", "title || ' ' || body"),
        ("qa_search_postings", "stem"),
        ("qa_search_terms", "stem"),
    ):
        if session.scalar(text(f"SELECT count(*) FROM {table} WHERE {column} LIKE :p"), pattern):
            found.append(table)
    if session.get_bind().dialect.name == "sqlite" and session.scalar(
        text("SELECT count(*) FROM qa_search_terms_trigram WHERE qa_search_terms_trigram MATCH :m"),
        {"m": f'"{stem}"'},
    ):
        found.append("qa_search_terms_trigram")
    return found


async def _suggested(client: httpx.AsyncClient, value: str) -> list[object]:
    response = await client.get("/api/v1/vragen/vergelijkbaar", params={"tekst": value})
    assert response.status_code == 200, response.text
    return [q["id"] for q in response.json()["vragen"]]


async def _faq_found(client: httpx.AsyncClient, value: str) -> list[object]:
    response = await client.get("/api/v1/faq", params={"zoek": value})
    assert response.status_code == 200, response.text
    return [r["id"] for r in response.json()["resultaten"]]


async def test_a_question_is_found_by_its_subject_and_status_as_they_change(
    clients: object, db: Session
) -> None:
    e = await editor(clients)
    q = await log_call(
        e, onderwerp="Zwerfvuilboetes", vraag="Hoe handhaven wij de nieuwe regels voor afval?"
    )
    other = await log_call(e, onderwerp="Afval", vraag="Hoe handhaven wij de regels voor afval?")
    assert q["id"] in await _suggested(e, "zwerfvuilboetes")

    patched = await e.patch(f"/api/v1/vragen/{q['id']}", json={"onderwerp": "Kwijtschelding"})
    assert patched.status_code == 200, patched.text
    assert q["id"] in await _suggested(e, "kwijtschelding")
    assert q["id"] not in await _suggested(e, "zwerfvuilboetes")
    for stem in _stems_of("zwerfvuilboetes"):
        assert _anywhere(db, stem) == [], stem

    await answer(e, q["id"], "Zo handhaaft u.")
    assert q["id"] not in await _suggested(e, "kwijtschelding")
    reopened = await move(e, q["id"], "toegewezen", toelichting="Vervolgvraag")
    assert reopened.status_code == 200, reopened.text
    assert q["id"] in await _suggested(e, "kwijtschelding")

    merged = await e.post(f"/api/v1/vragen/{other['id']}/samenvoegingen", json={"vraagId": q["id"]})
    assert merged.status_code == 200, merged.text
    assert q["id"] not in await _suggested(e, "kwijtschelding")
    assert other["id"] in await _suggested(e, "afval handhaven")
    assert_index_agrees_with_documents(db)


async def test_an_erased_asker_leaves_nothing_in_the_index(clients: object, db: Session) -> None:
    e = await editor(clients)
    q = await log_call(
        e,
        vragensteller={"naam": "Hendrika Kloppenburg", "email": "h.kloppenburg@gemeente.example"},
        onderwerp="Giften aan Kloppenburg",
        vraag="Mevrouw Kloppenburg ontvangt giften van haar familie; hoe werkt de vrijlating?",
    )
    assert q["id"] in await _suggested(e, "Kloppenburg giften")
    [stem] = _stems_of("Kloppenburg")
    assert _anywhere(db, stem)

    erased = await e.post(
        "/api/v1/vragenstellers/wissingen", json={"email": "h.kloppenburg@gemeente.example"}
    )
    assert erased.status_code == 200, erased.text
    assert q["id"] not in await _suggested(e, "Kloppenburg giften")
    assert _anywhere(db, stem) == []
    assert_index_agrees_with_documents(db)


async def test_a_new_faq_version_and_a_withdrawal_change_what_the_search_finds(
    clients: object, db: Session
) -> None:
    e = await editor(clients)
    body = {
        "vraag": "Telt een zonnepanelenvergoeding als inkomen?",
        "antwoord": "Ja, de vergoeding telt mee als inkomen.",
        "maatregelen": ["M01"],
    }
    created = await e.post("/api/v1/faq", json=body)
    assert created.status_code == 201, created.text
    entry = created.json()["id"]
    assert entry in await _faq_found(e, "zonnepanelenvergoeding")

    changed = await e.put(
        f"/api/v1/faq/{entry}",
        json={
            **body,
            "vraag": "Telt een warmtepompsubsidie als inkomen?",
            "antwoord": "Nee, de subsidie telt niet mee.",
            "wijzigingsnotitie": "Ander voorbeeld",
        },
    )
    assert changed.status_code == 200, changed.text
    assert entry in await _faq_found(e, "warmtepompsubsidie")
    assert entry not in await _faq_found(e, "zonnepanelenvergoeding")
    for stem in _stems_of("zonnepanelenvergoeding"):
        assert _anywhere(db, stem) == [], stem

    withdrawn = await e.post(f"/api/v1/faq/{entry}/intrekking", json={"toelichting": "Vervallen"})
    assert withdrawn.status_code == 200, withdrawn.text
    assert entry not in await _faq_found(e, "warmtepompsubsidie")
    assert_index_agrees_with_documents(db)


def test_the_triggers_that_keep_the_index_are_in_place(db: Session) -> None:
    """On SQLite a migration that rebuilds `questions` (batch mode) drops its triggers: it must
    create `qa_search_question_status` again, or answered questions stay suggested."""
    if db.get_bind().dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        expected = {
            "qa_search_added",
            "qa_search_removed",
            "qa_search_changed",
            "qa_search_question_status",
            "qa_search_terms_added",
            "qa_search_terms_removed",
        }
    else:
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        expected = {"qa_search_keep_index", "qa_search_question_status"}
    assert expected <= set(db.scalars(text(query)))


def test_documents_written_in_bulk_are_indexed_too(db: Session) -> None:
    """Whoever writes the documents (a bulk fill writes them in one statement), the database
    indexes them."""
    rows = [
        {"key": f"faq:{900_000 + n}", "title": "zeldzaamwoord", "body": f"tekst{n} bijstand"}
        for n in range(3)
    ]
    db.execute(
        text("INSERT INTO qa_search (doc_key, title, body) VALUES (:key, :title, :body)"), rows
    )
    found = similarity.similar(db, "zeldzaamwoord", kinds={"faq"})
    assert [m.id for m in found] == [900_002, 900_001, 900_000]
    db.execute(text("UPDATE qa_search SET title = 'anderwoord' WHERE doc_key = 'faq:900001'"))
    assert [m.id for m in similarity.similar(db, "zeldzaamwoord")] == [900_002, 900_000]
    assert [m.id for m in similarity.similar(db, "anderwoord")] == [900_001]
    assert_index_agrees_with_documents(db)


@pytest.mark.skipif(not is_postgres(base_url()), reason="concurrent writers are a PostgreSQL test")
def test_a_stem_is_not_dropped_while_another_transaction_gives_it_to_a_new_document() -> None:
    url = migrated_copy("similarity_vocabulary")
    try:
        engine = build_engine(url)
        with Session(engine) as session:
            similarity.index(session, "faq", 1, "Zeldzaamwoord", "oud")
            session.commit()
        adding = Session(engine)
        similarity.index(adding, "faq", 2, "Zeldzaamwoord", "nieuw")  # not committed yet

        errors: list[BaseException] = []

        def remove_the_old_one() -> None:
            try:
                with Session(engine) as session:
                    similarity.remove(session, "faq", 1)
                    session.commit()
            except BaseException as exc:
                errors.append(exc)

        remover = threading.Thread(target=remove_the_old_one)
        remover.start()
        time.sleep(0.5)
        # The removal waits for the transaction that is adding the same stem.
        assert remover.is_alive()
        adding.commit()
        adding.close()
        remover.join(timeout=10)
        assert not remover.is_alive()
        assert not errors, errors
        with Session(engine) as session:
            assert [m.id for m in similarity.similar(session, "zeldzaamwoord")] == [2]
            assert_index_agrees_with_documents(session)
        engine.dispose()
    finally:
        drop_database(url)


def test_a_term_inside_more_stems_than_a_statement_takes_parameters(db: Session) -> None:
    """A short term may be part of tens of thousands of stems; the search still runs."""
    stems = " ".join(f"qzx{n}" for n in range(33_000))
    db.execute(
        text("INSERT INTO qa_search (doc_key, title, body) VALUES ('faq:900000', 'qzx', :body)"),
        {"body": stems},
    )
    assert similarity.similar(db, "qzx") == [similarity.Match("faq", 900_000, 1.0)]
