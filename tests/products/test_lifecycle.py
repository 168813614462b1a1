"""The product lifecycle through the API: every legal and illegal transition, review gating."""

from collections.abc import Callable

import httpx
import pytest

from tests.auth import EDITOR, login
from tests.products.helpers import create, move, publish, reviewer_id, upload

STATES = ["gepland", "in-ontwikkeling", "in-toetsing", "gepubliceerd", "ingetrokken"]
LEGAL = {
    ("gepland", "in-ontwikkeling"),
    ("gepland", "ingetrokken"),
    ("in-ontwikkeling", "in-toetsing"),
    ("in-ontwikkeling", "ingetrokken"),
    ("in-toetsing", "in-ontwikkeling"),
    ("in-toetsing", "gepubliceerd"),
    ("in-toetsing", "ingetrokken"),
    ("gepubliceerd", "in-ontwikkeling"),
    ("gepubliceerd", "ingetrokken"),
}


async def bring_to(
    editor: httpx.AsyncClient, tester: httpx.AsyncClient, state: str
) -> dict[str, object]:
    product = await create(editor)
    pid = product["id"]
    if state == "gepland":
        return product
    if state == "ingetrokken":
        assert (
            await move(editor, pid, "ingetrokken", toelichting="Niet meer nodig")
        ).status_code == 200
        return product
    if state == "gepubliceerd":
        assert (await publish(editor, tester, pid)).status_code == 200
        return product
    assert (await move(editor, pid, "in-ontwikkeling")).status_code == 200
    if state == "in-toetsing":
        await upload(editor, pid)
        assert (await move(editor, pid, "in-toetsing")).status_code == 200
    return product


@pytest.mark.parametrize(("start", "target"), [(a, b) for a in STATES for b in STATES if a != b])
async def test_every_transition(
    clients: Callable[[], httpx.AsyncClient], start: str, target: str
) -> None:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await bring_to(editor, tester, start)
    extra: dict[str, object] = {"toelichting": "Reden", "wijzigingsnotitie": "Wat er verandert"}
    if target == "gepubliceerd" and start == "in-toetsing":
        reviewer = await reviewer_id(tester)
        invited = await editor.post(
            f"/api/v1/producten/{product['id']}/toetsingen", json={"toetserId": reviewer}
        )
        await tester.put(
            f"/api/v1/producten/{product['id']}/toetsingen/{invited.json()['id']}",
            json={"oordeel": "goedgekeurd"},
        )
    if (start, target) == ("in-ontwikkeling", "in-toetsing"):
        await upload(editor, product["id"])
    response = await move(editor, product["id"], target, **extra)
    if (start, target) in LEGAL:
        assert response.status_code == 200, response.text
        assert response.json()["status"] == target
    else:
        assert response.status_code == 409, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["huidigeStatus"] == start
        after = await editor.get(f"/api/v1/producten/{product['id']}")
        assert after.json()["status"] == start, "an illegal transition changes nothing"


async def test_publishing_needs_an_approving_review(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await bring_to(editor, tester, "in-toetsing")
    refused = await move(editor, product["id"], "gepubliceerd")
    assert refused.status_code == 409
    assert refused.json()["nodig"] == 1
    reviewer = await reviewer_id(tester)
    invited = await editor.post(
        f"/api/v1/producten/{product['id']}/toetsingen", json={"toetserId": reviewer}
    )
    review_url = f"/api/v1/producten/{product['id']}/toetsingen/{invited.json()['id']}"
    changes = await tester.put(review_url, json={"oordeel": "aanpassingen-nodig"})
    assert changes.status_code == 400, "changes needed must say which"
    changes = await tester.put(
        review_url, json={"oordeel": "aanpassingen-nodig", "opmerkingen": "Voorbeeld toevoegen"}
    )
    assert changes.status_code == 200
    assert (await move(editor, product["id"], "gepubliceerd")).status_code == 409
    assert (await tester.put(review_url, json={"oordeel": "goedgekeurd"})).status_code == 200
    published = await move(editor, product["id"], "gepubliceerd")
    assert published.status_code == 200
    version = published.json()["gepubliceerdeVersie"]
    assert version["nummer"] == 1
    assert version["gepubliceerdOp"]
    history = (await editor.get(f"/api/v1/producten/{product['id']}/toetsingen")).json()[
        "resultaten"
    ]
    assert [r["oordeel"] for r in history] == ["goedgekeurd"]
    assert history[0]["opmerkingen"] is None


async def test_new_version_keeps_the_published_one_visible(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor, tester, public = clients(), clients(), clients()
    await login(editor, EDITOR)
    product = await bring_to(editor, tester, "gepubliceerd")
    pid = product["id"]
    without_note = await move(editor, pid, "in-ontwikkeling")
    assert without_note.status_code == 400
    again = await move(editor, pid, "in-ontwikkeling", wijzigingsnotitie="Nieuwe bedragen 2027")
    assert again.status_code == 200
    assert again.json()["conceptversie"]["nummer"] == 2
    assert again.json()["conceptversie"]["wijzigingsnotitie"] == "Nieuwe bedragen 2027"
    seen = await public.get(f"/api/v1/producten/{pid}")
    assert seen.status_code == 200
    assert seen.json()["gepubliceerdeVersie"]["nummer"] == 1
    assert seen.json()["conceptversie"] is None


async def test_review_needs_a_document(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = clients()
    await login(editor, EDITOR)
    product = await bring_to(editor, clients(), "in-ontwikkeling")
    refused = await move(editor, product["id"], "in-toetsing")
    assert refused.status_code == 409
    assert "document" in refused.json()["detail"]


async def test_published_versions_are_immutable(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await bring_to(editor, tester, "gepubliceerd")
    response = await upload(editor, product["id"])
    assert response.status_code == 409


async def test_people_ids_beyond_the_id_column_are_invalid_input(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    # Larger than an INTEGER id column: PostgreSQL cannot compare it, SQLite finds no one.
    editor = clients()
    await login(editor, EDITOR)
    product = await bring_to(editor, clients(), "in-toetsing")
    for method, path, body in (
        ("POST", f"/api/v1/producten/{product['id']}/toetsingen", {"toetserId": 2**31}),
        ("PATCH", f"/api/v1/producten/{product['id']}", {"eigenaarId": 2**31}),
    ):
        response = await editor.request(method, path, json=body)
        assert response.status_code == 400, response.text
        assert set(body) <= {p["name"] for p in response.json()["invalidParams"]}
    reviews = await editor.get(f"/api/v1/producten/{product['id']}/toetsingen")
    assert reviews.json()["resultaten"] == []


async def test_review_rules(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor, tester, other = clients(), clients(), clients()
    await login(editor, EDITOR)
    planned = await create(editor)
    reviewer = await reviewer_id(tester)
    too_early = await editor.post(
        f"/api/v1/producten/{planned['id']}/toetsingen", json={"toetserId": reviewer}
    )
    assert too_early.status_code == 409
    product = await bring_to(editor, clients(), "in-toetsing")
    editor_me = (await editor.get("/api/v1/mijn-account")).json()["id"]
    not_a_tester = await editor.post(
        f"/api/v1/producten/{product['id']}/toetsingen", json={"toetserId": editor_me}
    )
    assert not_a_tester.status_code == 400
    invited = await editor.post(
        f"/api/v1/producten/{product['id']}/toetsingen", json={"toetserId": reviewer}
    )
    twice = await editor.post(
        f"/api/v1/producten/{product['id']}/toetsingen", json={"toetserId": reviewer}
    )
    assert twice.status_code == 409
    mine = (await tester.get("/api/v1/mijn-toetsingen")).json()["resultaten"]
    assert next(r["productId"] for r in mine) == product["id"]
    await login(other, "bollenstreek@demo.spoorboek.example")
    someone_else = await other.put(
        f"/api/v1/producten/{product['id']}/toetsingen/{invited.json()['id']}",
        json={"oordeel": "goedgekeurd"},
    )
    assert someone_else.status_code == 404
    draft = await tester.get(f"/api/v1/producten/{product['id']}")
    assert draft.status_code == 200, "an invited tester sees the draft"
    assert draft.json()["conceptversie"]["bestanden"]
    assert (await other.get(f"/api/v1/producten/{product['id']}")).status_code == 404


async def test_only_editors_manage_products(clients: Callable[[], httpx.AsyncClient]) -> None:
    contact, anonymous = clients(), clients()
    await login(contact, "utrecht@demo.spoorboek.example")
    body = {
        "soort": "factsheet",
        "titel": "Poging",
        "samenvatting": "x",
        "maatregelen": ["M01"],
        "doelgroepen": ["management"],
    }
    assert (await contact.post("/api/v1/producten", json=body)).status_code == 403
    assert (await anonymous.post("/api/v1/producten", json=body)).status_code == 401


async def test_create_validation(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = clients()
    await login(editor, EDITOR)
    response = await editor.post(
        "/api/v1/producten",
        json={
            "soort": "folder",
            "titel": "x",
            "maatregelen": [],
            "doelgroepen": ["iedereen"],
            "onbekend": 1,
        },
    )
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert {"soort", "titel", "samenvatting", "maatregelen", "onbekend"} <= names
    unknown = await editor.post(
        "/api/v1/producten",
        json={
            "soort": "factsheet",
            "titel": "Factsheet",
            "samenvatting": "x",
            "maatregelen": ["M99"],
            "doelgroepen": ["management"],
            "uitgevers": ["nergens"],
        },
    )
    assert {p["name"] for p in unknown.json()["invalidParams"]} == {"maatregelen", "uitgevers"}


async def test_documents_are_frozen_during_review(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = clients()
    await login(editor, EDITOR)
    product = await bring_to(editor, clients(), "in-toetsing")
    draft = (await editor.get(f"/api/v1/producten/{product['id']}")).json()["conceptversie"]
    assert (await upload(editor, product["id"])).status_code == 409
    removal = await editor.delete(
        f"/api/v1/producten/{product['id']}/bestanden/{draft['bestanden'][0]['id']}"
    )
    assert removal.status_code == 409
    assert (await move(editor, product["id"], "in-ontwikkeling")).status_code == 200
    assert (await upload(editor, product["id"])).status_code == 201


async def test_a_tester_sees_only_the_version_they_were_invited_for(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await bring_to(editor, tester, "gepubliceerd")
    await move(editor, product["id"], "in-ontwikkeling", wijzigingsnotitie="Versie 2")
    seen = (await tester.get(f"/api/v1/producten/{product['id']}")).json()
    assert seen["conceptversie"] is None, "invited for version 1, not for the draft of version 2"
    await move(editor, product["id"], "ingetrokken", toelichting="Weg")
    assert (await tester.get(f"/api/v1/producten/{product['id']}")).status_code == 404


async def test_required_fields_cannot_be_emptied(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = clients()
    await login(editor, EDITOR)
    product = await create(editor)
    response = await editor.patch(
        f"/api/v1/producten/{product['id']}",
        json={"titel": None, "soort": None, "maatregelen": None},
    )
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {
        "titel",
        "soort",
        "maatregelen",
    }
