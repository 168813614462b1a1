"""The product list's, the FAQ list's and the dashboard's version keys are made of counters only:
a round before routing reads them with every other key in one query, the route's key is the
very one read again, and every write that changes what they show changes them, so a kept answer
is never sent after it."""

import re
from collections.abc import Callable
from datetime import date, timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import Connection, update
from sqlalchemy.orm import Session

from api.core import data_versions
from api.core.kept import index_of
from api.core.security import ANONYMOUS
from api.dashboard import service as dashboard
from api.measures.models import Measure
from api.products import changes
from api.products.policy import Viewer
from api.progress import versions
from api.questions import faq_listing
from tests.auth import EDITOR, UTRECHT, login
from tests.conftest import QueryCounter, api_of
from tests.products.helpers import create, publish
from tests.progress.helpers import move_utrechts_m20

PRODUCTS = "/api/v1/producten?soort=handreiking&sorteer=-gewijzigdOp"
FAQ = "/api/v1/faq?maatregel=M23"
DASHBOARD = "/api/v1/dashboard"
ENTRY = {
    "vraag": "Per wanneer geldt de nieuwe regel voor de sleutelvraag?",
    "antwoord": "Vanaf de ingangsdatum van de fase.",
    "maatregelen": ["M23"],
    "wetsartikelen": [],
}


def test_a_round_reads_these_keys_and_the_figures_in_one_query(
    connection: Connection, count_queries: QueryCounter
) -> None:
    again = (
        changes.public_list_key,
        faq_listing.public_list_key,
        dashboard.version_now,
        versions.figures_now,
    )
    with data_versions.read_once():
        keys = [read(connection) for read in again]
    assert count_queries.count == 1, "the counters' query, and no aggregate of its own"
    assert keys[0] == changes.list_key(connection, Viewer.PUBLIC)
    assert keys[1] == faq_listing.list_key(connection, ANONYMOUS)


def _answered(app: FastAPI) -> int:
    return index_of(api_of(app).state).answered


async def _kept(public: httpx.AsyncClient, app: FastAPI, url: str) -> httpx.Response:
    """The answer built by the route, then sent again before routing: the key the route made
    is the very one the front reads again."""
    built = await public.get(url)
    assert built.status_code == 200, built.text
    before = _answered(app)
    again = await public.get(url)
    assert _answered(app) == before + 1
    assert again.content == built.content
    return built


async def _changed(
    public: httpx.AsyncClient, app: FastAPI, url: str, kept: httpx.Response
) -> httpx.Response:
    """After a write: neither the kept copy nor a 304 for it, but the route's new answer."""
    before = _answered(app)
    fresh = await public.get(url, headers={"If-None-Match": kept.headers["etag"]})
    assert fresh.status_code == 200
    assert _answered(app) == before, "the kept answer was not sent"
    assert fresh.headers["etag"] != kept.headers["etag"]
    return fresh


def _ids(page: httpx.Response, field: str = "resultaten") -> list[object]:
    return [item["id"] for item in page.json()[field]]


async def test_a_product_published_and_changed_is_seen_at_once(
    clients: Callable[[], httpx.AsyncClient], app: FastAPI
) -> None:
    public, editor, tester = clients(), clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor, titel="Handreiking sleutelproef")
    listed, board = await _kept(public, app, PRODUCTS), await _kept(public, app, DASHBOARD)
    await publish(editor, tester, product["id"])
    listed = await _changed(public, app, PRODUCTS, listed)
    board = await _changed(public, app, DASHBOARD, board)
    assert product["id"] in _ids(listed)
    assert product["id"] in _ids(board, "nieuwsteProducten")

    listed, board = await _kept(public, app, PRODUCTS), await _kept(public, app, DASHBOARD)
    renamed = await editor.patch(
        f"/api/v1/producten/{product['id']}", json={"titel": "Handreiking sleutelproef 2"}
    )
    assert renamed.status_code == 200, renamed.text
    assert "sleutelproef 2" in (await _changed(public, app, PRODUCTS, listed)).text
    assert "sleutelproef 2" in (await _changed(public, app, DASHBOARD, board)).text


async def test_a_faq_entry_created_edited_and_withdrawn_is_seen_at_once(
    clients: Callable[[], httpx.AsyncClient], app: FastAPI
) -> None:
    public, editor = clients(), clients()
    await login(editor, EDITOR)
    listed, board = await _kept(public, app, FAQ), await _kept(public, app, DASHBOARD)
    created = await editor.post("/api/v1/faq", json=ENTRY)
    assert created.status_code == 201, created.text
    entry = created.json()["id"]
    listed = await _changed(public, app, FAQ, listed)
    board = await _changed(public, app, DASHBOARD, board)
    assert entry in _ids(listed)
    assert entry in _ids(board, "nieuwsteFaq")

    listed, board = await _kept(public, app, FAQ), await _kept(public, app, DASHBOARD)
    edited = await editor.put(
        f"/api/v1/faq/{entry}",
        json={**ENTRY, "antwoord": "Een dag na de ingangsdatum.", "wijzigingsnotitie": "Datum"},
    )
    assert edited.status_code == 200, edited.text
    assert "Een dag na de ingangsdatum." in (await _changed(public, app, FAQ, listed)).text
    board = await _changed(public, app, DASHBOARD, board)

    listed = await _kept(public, app, FAQ)
    withdrawn = await editor.post(f"/api/v1/faq/{entry}/intrekking", json={"toelichting": "Weg"})
    assert withdrawn.status_code == 200, withdrawn.text
    assert entry not in _ids(await _changed(public, app, FAQ, listed))
    assert entry not in _ids(await _changed(public, app, DASHBOARD, board), "nieuwsteFaq")


async def test_a_renamed_measure_is_seen_at_once_in_both_lists(
    clients: Callable[[], httpx.AsyncClient], app: FastAPI, db: Session
) -> None:
    public, editor, tester = clients(), clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor, maatregelen=["M23"])
    await publish(editor, tester, product["id"])
    assert (await editor.post("/api/v1/faq", json=ENTRY)).status_code == 201
    products = "/api/v1/producten?maatregel=M23"
    listed, faq = await _kept(public, app, products), await _kept(public, app, FAQ)
    # A statement, not an object: the session's listener sees it too.
    db.execute(update(Measure).where(Measure.code == "M23").values(title="Hernoemde maatregel"))
    db.flush()
    assert "Hernoemde maatregel" in (await _changed(public, app, products, listed)).text
    assert "Hernoemde maatregel" in (await _changed(public, app, FAQ, faq)).text


async def test_a_wave_moved_is_seen_at_once_in_the_product_list(
    clients: Callable[[], httpx.AsyncClient], app: FastAPI
) -> None:
    public, editor, tester = clients(), clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor, maatregelen=["M15"])
    await publish(editor, tester, product["id"])
    [wave] = product["fasen"]  # type: ignore[misc]
    earlier = date.fromisoformat(str(product["uitersteLeverdatum"])) - timedelta(days=1)
    products = "/api/v1/producten?maatregel=M15"
    listed = await _kept(public, app, products)
    moved = await editor.patch(
        f"/api/v1/fasen/{wave}", json={"productenGereedOp": earlier.isoformat()}
    )
    assert moved.status_code == 200, moved.text
    shown = await _changed(public, app, products, listed)
    due = {p["id"]: p["uitersteLeverdatum"] for p in shown.json()["resultaten"]}
    assert due[product["id"]] == earlier.isoformat()


async def test_a_progress_change_makes_the_dashboard_again_without_its_publications(
    clients: Callable[[], httpx.AsyncClient], app: FastAPI, count_queries: QueryCounter
) -> None:
    """The newest products and FAQ entries and the waves' published products do not depend on
    progress: after a change of progress the dashboard is made again (its figures change) from
    the lists it kept, without a query of the products or the FAQ."""
    public, contact = clients(), clients()
    await login(contact, UTRECHT)
    board = await _kept(public, app, DASHBOARD)
    await move_utrechts_m20(contact)
    count_queries.reset()
    fresh = await _changed(public, app, DASHBOARD, board)
    assert fresh.json()["landelijk"] != board.json()["landelijk"]
    for field in ("nieuwsteProducten", "nieuwsteFaq"):
        assert fresh.json()[field] == board.json()[field]
    assert [w["gepubliceerdeProducten"] for w in fresh.json()["fasen"]] == [
        w["gepubliceerdeProducten"] for w in board.json()["fasen"]
    ]
    read = count_queries.statements
    publications = [s for s in read if re.search(r"\b(products|faq_entries|waves)\b", s)]
    assert not publications, publications
