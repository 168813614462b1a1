"""Who may send, see and decide on improvement proposals; what is refused; the editors' inbox
and a person's own list; a proposer's data and its erasure."""

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.proposals.models import Proposal
from tests.auth import ADMIN, BOLLENSTREEK, SCRIPT, UTRECHT, login, machine_token
from tests.products.helpers import create, move
from tests.proposals.helpers import Clients, propose, published_product, read, step

PATH = "/api/v1/producten/{}/verbetervoorstellen"


async def test_who_sees_and_decides(clients: Clients) -> None:
    editor, _, product = await published_product(clients)
    contact, neighbour, anonymous = clients(), clients(), clients()
    await login(contact, UTRECHT)
    await login(neighbour, BOLLENSTREEK)

    async def own_ids(client: httpx.AsyncClient) -> list[object]:
        mine = await client.get("/api/v1/mijn-verbetervoorstellen", params={"paginaGrootte": 100})
        return [p["id"] for p in mine.json()["resultaten"]]

    before, neighbours = await own_ids(contact), await own_ids(neighbour)
    sent = await propose(contact, product)
    etag = (await read(editor, sent["id"])).headers["etag"]

    assert (await read(contact, sent["id"])).status_code == 200
    assert (await read(neighbour, sent["id"])).status_code == 404
    assert (await read(anonymous, sent["id"])).status_code == 401
    assert (await read(editor, 999_999)).status_code == 404
    for client, code in ((contact, 403), (anonymous, 401)):
        assert (await step(client, sent["id"], "overnemen", etag)).status_code == code
        assert (await client.get("/api/v1/verbetervoorstellen")).status_code == code
    # A contact's view never shows who proposed, not even another contact's name.
    assert (await read(contact, sent["id"])).json()["indiener"] is None
    assert (await read(editor, sent["id"])).json()["indiener"]["naam"] == "Ulla Utrecht (demo)"

    assert await own_ids(contact) == [sent["id"], *before], "newest first"
    assert await own_ids(neighbour) == neighbours
    assert (await anonymous.get("/api/v1/mijn-verbetervoorstellen")).status_code == 401


async def test_the_inbox_filters_by_status_product_and_own_products(clients: Clients) -> None:
    editor, _, product = await published_product(clients)
    admin = clients()
    await login(admin, ADMIN)
    first, second = await propose(clients(), product), await propose(clients(), product)
    etag = (await read(editor, second["id"])).headers["etag"]
    assert (await step(editor, second["id"], "afwijzen", etag, reden="Dubbel")).status_code == 200

    async def ids(client: httpx.AsyncClient, **params: object) -> list[object]:
        response = await client.get("/api/v1/verbetervoorstellen", params=params)
        assert response.status_code == 200, response.text
        return [p["id"] for p in response.json()["resultaten"]]

    assert await ids(editor, product=product) == [second["id"], first["id"]]
    assert await ids(editor, product=product, status="nieuw") == [first["id"]]
    assert await ids(editor, product=product, status="afgewezen") == [second["id"]]
    assert second["id"] in await ids(editor, mijn="true")
    assert second["id"] not in await ids(admin, mijn="true"), "the admin owns none of them"
    paged = await editor.get(
        "/api/v1/verbetervoorstellen", params={"product": product, "paginaGrootte": 1}
    )
    assert paged.json()["paginering"]["aantalPaginas"] == 2
    assert (
        await editor.get("/api/v1/verbetervoorstellen", params={"status": "onbekend"})
    ).status_code == 400


async def test_what_a_proposal_may_not_be(clients: Clients) -> None:
    editor, _, product = await published_product(clients)
    visitor = clients()
    url = PATH.format(product)
    assert (await visitor.post(url, json={"tekst": "Te kort"})).status_code == 400
    assert (await visitor.post(url, json={"tekst": "x" * 5001})).status_code == 400
    assert (
        await visitor.post(url, json={"tekst": "Een voorstel\x07 met een bel"})
    ).status_code == 400
    assert (
        await visitor.post(url, json={"tekst": "Een goed voorstel.", "email": "geen-adres"})
    ).status_code == 400
    assert (
        await visitor.post(url, json={"tekst": "Een goed voorstel.", "versie": 7})
    ).status_code == 409
    contact = clients()
    await login(contact, UTRECHT)
    own = await contact.post(url, json={"tekst": "Een goed voorstel.", "naam": "Ulla"})
    assert own.status_code == 400
    script = clients()
    token = await machine_token(script, SCRIPT.client_id, SCRIPT.secret)
    as_client = await script.post(
        url, json={"tekst": "Een goed voorstel."}, headers={"Authorization": f"Bearer {token}"}
    )
    assert as_client.status_code == 403

    draft = await create(editor)
    assert (
        await visitor.post(PATH.format(draft["id"]), json={"tekst": "Een goed voorstel."})
    ).status_code == 404
    assert (await move(editor, product, "ingetrokken", toelichting="Vervangen")).status_code == 200
    assert (await visitor.post(url, json={"tekst": "Een goed voorstel."})).status_code == 409


async def test_one_address_cannot_flood_the_inbox(clients: Clients) -> None:
    _, _, product = await published_product(clients)
    statuses = [
        (
            await clients().post(PATH.format(product), json={"tekst": f"Voorstel nummer {n}."})
        ).status_code
        for n in range(11)
    ]
    assert statuses == [201] * 10 + [429]


@pytest.mark.parametrize("who", ["team", "self"])
async def test_a_proposers_data_and_its_erasure(clients: Clients, db: Session, who: str) -> None:
    editor, _, product = await published_product(clients)
    contact = clients()
    await login(contact, UTRECHT)
    demo = [p.id for p in db.scalars(select(Proposal).where(Proposal.is_demo.is_(True)))]
    by_mail = await propose(clients(), product, naam="Vera", email="Vera@Example.org")
    by_account = await propose(contact, product)

    if who == "team":
        found = await editor.get(
            "/api/v1/verbetervoorstellen/indieners/gegevens", params={"email": "vera@example.org"}
        )
        assert [p["id"] for p in found.json()["verbetervoorstellen"]] == [by_mail["id"]]
        assert found.json()["verbetervoorstellen"][0]["indiener"]["email"] == "Vera@example.org"
    else:
        own = await contact.get("/api/v1/verbetervoorstellen/indieners/gegevens")
        ids = [p["id"] for p in own.json()["verbetervoorstellen"]]
        assert ids[-1] == by_account["id"]
        assert by_mail["id"] not in ids
        assert set(ids[:-1]) <= set(demo), "and her proposals in the demo"
        other = await contact.get(
            "/api/v1/verbetervoorstellen/indieners/gegevens", params={"email": "vera@example.org"}
        )
        assert other.status_code == 403

    erase = "/api/v1/verbetervoorstellen/indieners/wissingen"
    assert (await contact.post(erase, json={"email": UTRECHT})).status_code == 403
    for address, proposal in (("vera@example.org", by_mail), (UTRECHT, by_account)):
        erased = await editor.post(erase, json={"email": address})
        assert erased.status_code == 200, erased.text
        assert erased.json()["gewist"] >= 1
        row = db.scalars(select(Proposal).where(Proposal.id == proposal["id"])).one()
        db.refresh(row)
        assert (row.proposer_name, row.proposer_email, row.proposer_user_id) == (None, None, None)
        assert row.text, "the proposal itself stays"
    assert (await editor.get(f"/api/v1/verbetervoorstellen/{by_mail['id']}")).json()[
        "indiener"
    ] == {"naam": None, "email": None, "account": False}


async def test_an_askers_erasure_also_empties_who_sent_her_proposals(
    clients: Clients, db: Session
) -> None:
    editor, _, product = await published_product(clients)
    sent = await propose(clients(), product, naam="Wim", email="wim@example.org")
    erased = await editor.post(
        "/api/v1/vragenstellers/wissingen", json={"email": "wim@example.org"}
    )
    assert erased.status_code == 200, erased.text
    row = db.scalars(select(Proposal).where(Proposal.id == sent["id"])).one()
    db.refresh(row)
    assert (row.proposer_name, row.proposer_email) == (None, None)
