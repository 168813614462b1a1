"""An improvement proposal's life: nieuw → overgenomen (into the next version) → verwerkt when
that version is published, or afgewezen with a reason; illegal moves change nothing, every
step is in the history and the audit log, and the owner and proposer each hear exactly once."""

from pathlib import Path

import httpx
from sqlalchemy.orm import Session

from api.notifications.kinds import Kind
from tests.auth import ADMIN, UTRECHT, login, mails
from tests.products.helpers import move, review_and_publish, upload
from tests.proposals.helpers import (
    TEXT,
    Clients,
    audited,
    mailed,
    propose,
    published_product,
    read,
    step,
    told,
)


async def _id(client: httpx.AsyncClient, email: str) -> int:
    return int((await login(client, email))["gebruiker"]["id"])  # type: ignore[index]


async def test_a_contact_proposes_it_is_adopted_and_processed_when_published(
    clients: Clients, db: Session
) -> None:
    editor, tester, product = await published_product(clients)
    owner = int((await editor.get("/api/v1/mijn-account")).json()["id"])
    contact, admin = clients(), clients()
    contact_id = await _id(contact, UTRECHT)
    await login(admin, ADMIN)

    sent = await propose(contact, product, versie=1)
    assert sent["status"] == "nieuw"
    assert sent["versie"] == 1
    assert sent["indiener"] is None, "a proposer is not shown her own contact details back"
    assert told(db, Kind.PROPOSAL_RECEIVED, sent["id"]) == [
        (
            owner,
            "Er is een verbetervoorstel binnengekomen voor versie 1 van "
            "'Handreiking testproduct'. Neem het over in een volgende versie of wijs het af met "
            "een reden.",
        )
    ]

    first = await read(admin, sent["id"])
    assert first.json()["indiener"] == {
        "naam": "Ulla Utrecht (demo)",
        "email": UTRECHT,
        "account": True,
    }
    adopted = await step(admin, sent["id"], "overnemen", first.headers["etag"])
    assert adopted.status_code == 200, adopted.text
    assert adopted.json()["status"] == "overgenomen"
    assert adopted.json()["overgenomenIn"] == 2
    # The product went back into development with a new draft version for it.
    shown = (await editor.get(f"/api/v1/producten/{product}")).json()
    assert shown["status"] == "in-ontwikkeling"

    # Adopted is not a state it can be adopted or rejected from: 409, nothing changes.
    again = await step(admin, sent["id"], "overnemen", adopted.headers["etag"])
    assert again.status_code == 409
    rejected = await step(admin, sent["id"], "afwijzen", adopted.headers["etag"], reden="Toch niet")
    assert rejected.status_code == 409
    unchanged = await read(admin, sent["id"])
    assert unchanged.headers["etag"] == adopted.headers["etag"]
    assert unchanged.json()["status"] == "overgenomen"

    assert (await upload(editor, product)).status_code == 201
    assert (await review_and_publish(editor, tester, product)).status_code == 200
    done = (await read(contact, sent["id"])).json()
    assert done["status"] == "verwerkt"
    processed = await read(admin, sent["id"])
    for name, body in (("overnemen", {}), ("afwijzen", {"reden": "Te laat"})):
        late = await step(admin, sent["id"], name, processed.headers["etag"], **body)
        assert late.status_code == 409, "processed is final"
    assert done["verwerktOp"] is not None
    assert [(s["van"], s["naar"]) for s in done["geschiedenis"]] == [
        (None, "nieuw"),
        ("nieuw", "overgenomen"),
        ("overgenomen", "verwerkt"),
    ]
    assert all(s["door"] is None for s in done["geschiedenis"]), "team names stay in the team"
    assert [s["door"] for s in (await read(admin, sent["id"])).json()["geschiedenis"]] == [
        "Ulla Utrecht (demo)",
        "Bea Beheer (demo)",
        "Ruud Redactie (demo)",
    ]

    assert told(db, Kind.PROPOSAL_STEP, sent["id"]) == sorted(
        [
            (
                contact_id,
                "Uw verbetervoorstel voor 'Handreiking testproduct' is overgenomen en komt in "
                "versie 2.",
            ),
            (
                contact_id,
                "Versie 2 van 'Handreiking testproduct' is gepubliceerd, met uw "
                "verbetervoorstel erin.",
            ),
        ]
    )
    assert len(told(db, Kind.PROPOSAL_RECEIVED, sent["id"])) == 1
    assert [(a["event"], a.get("van"), a["naar"]) for a in audited(db, sent["id"])] == [
        ("verbetervoorstel.ontvangen", None, "nieuw"),
        ("verbetervoorstel.status", "nieuw", "overgenomen"),
        ("verbetervoorstel.status", "overgenomen", "verwerkt"),
    ]


async def test_adopting_joins_the_draft_already_in_the_works(clients: Clients) -> None:
    editor, _, product = await published_product(clients)
    moved = await move(editor, product, "in-ontwikkeling", wijzigingsnotitie="Nieuwe regels")
    assert moved.status_code == 200, moved.text
    first, second = await propose(clients(), product), await propose(clients(), product)
    for sent in (first, second):
        etag = (await read(editor, sent["id"])).headers["etag"]
        adopted = await step(editor, sent["id"], "overnemen", etag, toelichting="Past erbij.")
        assert adopted.status_code == 200, adopted.text
        assert adopted.json()["overgenomenIn"] == 2
        assert adopted.json()["geschiedenis"][-1]["tekst"] == "Komt in versie 2. Past erbij."


async def test_a_visitor_who_left_an_address_is_mailed_the_rejection_and_its_reason(
    clients: Clients, db: Session, tmp_path: Path
) -> None:
    editor, _, product = await published_product(clients)
    visitor = clients()
    sent = await propose(visitor, product, naam="Vera Bezoeker", email="vera@example.org")
    assert visitor.cookies.get("spoorboek_sessie") is None

    etag = (await read(editor, sent["id"])).headers["etag"]
    no_reason = await step(editor, sent["id"], "afwijzen", etag)
    assert no_reason.status_code == 400
    blank = await step(editor, sent["id"], "afwijzen", etag, reden="   ")
    assert blank.status_code == 400
    rejected = await step(
        editor, sent["id"], "afwijzen", etag, reden="Dit staat al in hoofdstuk 3."
    )
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["status"] == "afgewezen"
    assert rejected.json()["reden"] == "Dit staat al in hoofdstuk 3."

    sent_mail = mailed(db, "vera@example.org")
    assert len(sent_mail) == 1
    assert (
        sent_mail[0].subject == "Uw verbetervoorstel is niet overgenomen: Handreiking testproduct"
    )
    [message] = mails(tmp_path / "outbox")
    assert message["To"] == "vera@example.org"
    body = message.get_content()
    assert "Beste Vera Bezoeker" in body
    assert "De reden: Dit staat al in hoofdstuk 3." in body
    assert told(db, Kind.PROPOSAL_STEP, sent["id"]) == [], "no account, no notification"

    # Rejected is final.
    assert (
        await step(editor, sent["id"], "overnemen", rejected.headers["etag"])
    ).status_code == 409
    again = await step(editor, sent["id"], "afwijzen", rejected.headers["etag"], reden="Nogmaals")
    assert again.status_code == 409
    assert (await read(editor, sent["id"])).json()["reden"] == "Dit staat al in hoofdstuk 3."
    assert len(mailed(db, "vera@example.org")) == 1


async def test_a_visitor_is_mailed_when_her_adopted_proposal_is_published(
    clients: Clients, db: Session
) -> None:
    editor, tester, product = await published_product(clients)
    sent = await propose(clients(), product, email="anoniem@example.org")
    etag = (await read(editor, sent["id"])).headers["etag"]
    assert (await step(editor, sent["id"], "overnemen", etag)).status_code == 200
    assert (await upload(editor, product)).status_code == 201
    assert (await review_and_publish(editor, tester, product)).status_code == 200
    subjects = [m.subject for m in mailed(db, "anoniem@example.org")]
    assert subjects == [
        "Uw verbetervoorstel is overgenomen: Handreiking testproduct",
        "Uw verbetervoorstel is verwerkt: Handreiking testproduct",
    ]


async def test_a_step_needs_the_current_etag(clients: Clients) -> None:
    editor, _, product = await published_product(clients)
    sent = await propose(clients(), product)
    assert (await step(editor, sent["id"], "overnemen", None)).status_code == 428
    stale = await step(editor, sent["id"], "overnemen", '"v0"')
    assert stale.status_code == 412
    assert (await read(editor, sent["id"])).json()["status"] == "nieuw"


async def test_the_owner_proposing_herself_is_not_told(clients: Clients, db: Session) -> None:
    editor, _, product = await published_product(clients)
    sent = await propose(editor, product)
    assert sent["tekst"] == TEXT
    assert told(db, Kind.PROPOSAL_RECEIVED, sent["id"]) == []
