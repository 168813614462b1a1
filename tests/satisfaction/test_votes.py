"""'Was dit nuttig?' on a product: one vote per browser or account per published version, no
personal data kept for an anonymous vote, and the review flag when too few found it useful."""

from collections.abc import Callable

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.satisfaction.models import ProductVote
from tests.auth import EDITOR, UTRECHT, login
from tests.products.helpers import create, move, publish, review_and_publish, upload

Clients = Callable[[], httpx.AsyncClient]


async def _published(clients: Clients) -> tuple[httpx.AsyncClient, httpx.AsyncClient, int]:
    editor, tester = clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor)
    assert (await publish(editor, tester, product["id"])).status_code == 200
    return editor, tester, int(product["id"])  # type: ignore[call-overload]


def _path(product_id: int) -> str:
    return f"/api/v1/producten/{product_id}/nuttig"


async def _vote(client: httpx.AsyncClient, product_id: int, useful: bool) -> httpx.Response:
    return await client.put(_path(product_id), json={"nuttig": useful})


def _rows(db: Session, product_id: int) -> list[ProductVote]:
    return list(db.scalars(select(ProductVote).where(ProductVote.product_id == product_id)))


async def test_a_browser_votes_once_per_version_and_may_change_its_mind(
    clients: Clients, db: Session
) -> None:
    _, _, product = await _published(clients)
    visitor = clients()

    first = await _vote(visitor, product, True)
    assert first.status_code == 200, first.text
    assert first.json() == {"versie": 1, "mijnStem": True, "aantalJa": 1, "aantalNee": 0}
    cookie = first.headers["set-cookie"]
    assert "spoorboek_stemmer=" in cookie
    assert "HttpOnly" in cookie
    assert "Secure" in cookie
    assert "samesite=lax" in cookie.lower()
    assert "Path=/api/v1/producten" in cookie
    assert first.headers["cache-control"] == "private, no-store"

    again = await _vote(visitor, product, False)
    assert again.json() == {"versie": 1, "mijnStem": False, "aantalJa": 0, "aantalNee": 1}
    read = await visitor.get(_path(product))
    assert read.json()["mijnStem"] is False

    # Another browser is another voter, and sees its own (absent) vote.
    other = clients()
    assert (await other.get(_path(product))).json()["mijnStem"] is None
    assert (await _vote(other, product, True)).json()["aantalJa"] == 1

    rows = _rows(db, product)
    assert len(rows) == 2
    visitor_id = visitor.cookies["spoorboek_stemmer"]
    for row in rows:
        # Nothing personal: no account, and the key is no address nor the cookie's value.
        assert row.user_id is None
        assert len(row.voter_key) == 64
        assert visitor_id not in row.voter_key
        assert "10.1.2.3" not in row.voter_key
    assert sorted(r.useful for r in rows) == [False, True]


async def test_an_account_votes_once_whatever_browser_it_uses(
    clients: Clients, db: Session
) -> None:
    _, _, product = await _published(clients)
    laptop, phone = clients(), clients()
    await login(laptop, UTRECHT)
    await login(phone, UTRECHT)

    voted = await _vote(laptop, product, True)
    assert voted.status_code == 200, voted.text
    assert "set-cookie" not in voted.headers or "spoorboek_stemmer" not in voted.headers.get(
        "set-cookie", ""
    )
    assert (await phone.get(_path(product))).json()["mijnStem"] is True
    assert (await _vote(phone, product, False)).json() == {
        "versie": 1,
        "mijnStem": False,
        "aantalJa": 0,
        "aantalNee": 1,
    }
    assert len(_rows(db, product)) == 1


async def test_a_new_version_takes_new_votes(clients: Clients) -> None:
    editor, tester, product = await _published(clients)
    visitor = clients()
    assert (await _vote(visitor, product, True)).status_code == 200

    moved = await move(editor, product, "in-ontwikkeling", wijzigingsnotitie="Nieuwe regels")
    assert moved.status_code == 200, moved.text
    # Until it is published, the votes stay with version 1.
    assert (await visitor.get(_path(product))).json()["versie"] == 1
    assert (await upload(editor, product)).status_code == 201
    assert (await review_and_publish(editor, tester, product)).status_code == 200

    fresh = (await visitor.get(_path(product))).json()
    assert fresh == {"versie": 2, "mijnStem": None, "aantalJa": 0, "aantalNee": 0}
    stale = await visitor.put(_path(product), json={"nuttig": False, "versie": 1})
    assert stale.status_code == 409
    assert (await visitor.put(_path(product), json={"nuttig": False, "versie": 2})).json()[
        "aantalNee"
    ] == 1


async def test_only_published_products_take_votes(clients: Clients) -> None:
    editor = clients()
    await login(editor, EDITOR)
    draft = await create(editor)
    visitor = clients()
    assert (await _vote(visitor, int(draft["id"]), True)).status_code == 404  # type: ignore[call-overload]
    assert (await visitor.get(_path(999_999))).status_code == 404

    _, _, product = await _published(clients)
    withdrawn = await move(editor, product, "ingetrokken", toelichting="Vervangen")
    assert withdrawn.status_code == 200, withdrawn.text
    refused = await _vote(visitor, product, True)
    assert refused.status_code == 409
    assert "spoorboek_stemmer" not in refused.headers.get("set-cookie", "")


async def test_a_forged_cookie_is_replaced_and_bad_input_refused(clients: Clients) -> None:
    _, _, product = await _published(clients)
    visitor = clients()
    visitor.cookies.set("spoorboek_stemmer", "niet-van-ons", path="/api/v1/producten")
    voted = await _vote(visitor, product, True)
    assert voted.status_code == 200
    assert "spoorboek_stemmer=niet-van-ons" not in voted.headers["set-cookie"]
    assert (await visitor.put(_path(product), json={"nuttig": "ja"})).status_code == 400
    assert (await visitor.put(_path(product), json={"nuttig": True, "x": 1})).status_code == 400


async def test_a_cookie_session_needs_its_csrf_header_to_vote(clients: Clients) -> None:
    _, _, product = await _published(clients)
    person = clients()
    await login(person, UTRECHT)
    del person.headers["X-CSRF-Token"]
    assert (await _vote(person, product, True)).status_code == 403


async def test_one_address_cannot_stuff_votes_with_fresh_browsers(clients: Clients) -> None:
    _, _, product = await _published(clients)
    # Sixty votes a quarter of an hour from one address, of which twelve new voters.
    statuses = [(await _vote(clients(), product, True)).status_code for _ in range(13)]
    assert statuses[:12] == [200] * 12
    assert statuses[12] == 429
    assert (await clients().get(_path(product))).json()["aantalJa"] == 12


async def _votes(clients: Clients, product: int, yes: int, no: int) -> None:
    for useful in [True] * yes + [False] * no:
        response = await _vote(clients(), product, useful)
        assert response.status_code == 200, response.text


async def _flag(editor: httpx.AsyncClient, product: int) -> tuple[bool, str | None]:
    body = (await editor.get(f"/api/v1/producten/{product}")).json()
    return body["actualiteitControleren"], body["actualiteitReden"]


@pytest.mark.parametrize(
    ("yes", "no", "flagged"),
    [(5, 5, True), (6, 4, False), (0, 9, False)],
    ids=["below-the-share", "at-the-share", "below-the-minimum-count"],
)
async def test_the_review_flag_comes_below_the_threshold_only(
    clients: Clients, yes: int, no: int, flagged: bool
) -> None:
    editor, _, product = await _published(clients)
    await _votes(clients, product, yes, no)
    raised, reason = await _flag(editor, product)
    assert raised is flagged
    if flagged:
        assert reason == "Minder dan 60 % vond versie 1 nuttig (5 van 10)."
    else:
        assert reason is None


@pytest.fixture
def roomy(app: FastAPI) -> None:
    """More voters from the test's one address than a real one may bring."""
    settings = app.state.api.state.settings.model_copy(update={"product_votes_per_address": 500})
    app.state.settings = app.state.api.state.settings = settings


@pytest.mark.usefixtures("roomy")
async def test_a_confirmed_version_is_flagged_again_only_when_votes_cross_once_more(
    clients: Clients,
) -> None:
    editor, _, product = await _published(clients)
    await _votes(clients, product, 4, 6)
    assert (await _flag(editor, product))[0] is True
    history = (await editor.get(f"/api/v1/producten/{product}/geschiedenis")).json()
    assert [e["soort"] for e in history["resultaten"]].count("actualiteit:controleren") == 1
    confirmed = await editor.put(f"/api/v1/producten/{product}/actualiteit", json={"actueel": True})
    assert confirmed.status_code == 200, confirmed.text

    # Still below: the editor looked at it and is not asked again.
    await _votes(clients, product, 0, 1)
    assert (await _flag(editor, product))[0] is False
    # Above the threshold (11 of 18), then below again (11 of 19): asked again.
    await _votes(clients, product, 7, 0)
    assert (await _flag(editor, product))[0] is False
    await _votes(clients, product, 0, 1)
    assert await _flag(editor, product) == (
        True,
        "Minder dan 60 % vond versie 1 nuttig (11 van 19).",
    )
