"""Input at the edge: nothing a client sends gives a 500. Control characters, extreme dates,
malformed ETags, change-feed cursors and unsupported methods are refused with a clear answer,
and what is already stored cannot break the Atom feed."""

import json
import re
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from api.products.models import Product
from api.products.repository import published_changes
from tests.auth import ADMIN, EDITOR, UTRECHT, login
from tests.conftest import api_of

CELL = "/api/v1/gemeenten/GM0344/voortgang/M15"
ATOM = "{http://www.w3.org/2005/Atom}"

# Every kind of character the API refuses in text: C0 controls, DEL, C1, a lone surrogate and
# a non-character.
REFUSED = ["\x00", "\x0b", "\x1b", "\x7f", "\x85", "\ud800", "\uffff"]


def as_json(body: dict[str, Any]) -> bytes:
    """JSON with every non-ASCII character escaped, so a lone surrogate travels as \\ud800."""
    return json.dumps(body, ensure_ascii=True).encode()


async def send_json(
    client: httpx.AsyncClient, method: str, url: str, body: dict[str, Any], **headers: str
) -> httpx.Response:
    return await client.request(
        method,
        url,
        content=as_json(body),
        headers={"Content-Type": "application/json", **headers},
    )


def invalid_names(response: httpx.Response) -> set[str]:
    assert response.headers["content-type"] == "application/problem+json", response.text
    return {p["name"] for p in response.json()["invalidParams"]}


async def progress_note(client: httpx.AsyncClient, text: str, field: str) -> httpx.Response:
    etag = (await client.get(CELL)).headers["ETag"]
    body = {"fase": "voorbereidend", "stappenGereed": [], field: text}
    return await send_json(client, "PUT", CELL, body, **{"If-Match": etag})


async def product_title(client: httpx.AsyncClient, text: str) -> httpx.Response:
    body = {
        "soort": "handreiking",
        "titel": f"Handreiking {text}",
        "samenvatting": "Hoe gemeenten de maatregel toepassen.",
        "maatregelen": ["M01"],
        "doelgroepen": ["beleidsmedewerker"],
        "uitgevers": ["vng"],
    }
    return await send_json(client, "POST", "/api/v1/producten", body)


async def question_text(client: httpx.AsyncClient, text: str) -> httpx.Response:
    body = {
        "onderwerp": "Vrijlating van giften",
        "vraag": f"Hoe passen wij de vrijlating van giften toe? {text}",
        "kanaal": "telefoon",
        "vragensteller": {"naam": "Petra Jansen"},
    }
    return await send_json(client, "POST", "/api/v1/vragen", body)


async def roadmap_step(client: httpx.AsyncClient, text: str) -> httpx.Response:
    step = {"code": "stap-1", "titel": f"Stap {text}", "startDagen": -90, "eindeDagen": 0}
    return await send_json(client, "PUT", "/api/v1/maatregelen/M12/routekaart", {"stappen": [step]})


async def query_parameter(client: httpx.AsyncClient, text: str) -> httpx.Response:
    return await client.get("/api/v1/producten", params={"zoek": f"gift{text}en"})


TEXT_INPUTS: dict[str, tuple[Callable[[httpx.AsyncClient, str], Any], str, int]] = {
    "voortgangsnotitie": (lambda c, t: progress_note(c, t, "notitie"), "notitie", 200),
    "knelpunt": (lambda c, t: progress_note(c, t, "knelpunten"), "knelpunten", 200),
    "producttitel": (product_title, "titel", 201),
    "vraagtekst": (question_text, "vraag", 201),
    "routekaartstap": (roadmap_step, "stappen", 200),
    "queryparameter": (query_parameter, "zoek", 200),
}


# A URL carries UTF-8, which cannot hold a lone surrogate: that one travels in JSON only.
REFUSED_CASES = [
    pytest.param(where, character, id=f"{where}-U+{ord(character):04X}")
    for where in TEXT_INPUTS
    for character in REFUSED
    if not (where == "queryparameter" and character == "\ud800")
]


@pytest.mark.parametrize(("where", "character"), REFUSED_CASES)
async def test_control_characters_are_refused_at_the_edge(
    client: httpx.AsyncClient, where: str, character: str
) -> None:
    send, name, _ = TEXT_INPUTS[where]
    await login(client, EDITOR)
    response = await send(client, f"a{character}b")
    assert response.status_code == 400, response.text
    assert name in invalid_names(response)
    assert f"U+{ord(character):04X}" in response.text


@pytest.mark.parametrize("where", list(TEXT_INPUTS))
async def test_tabs_and_line_breaks_are_text(client: httpx.AsyncClient, where: str) -> None:
    send, _, status = TEXT_INPUTS[where]
    await login(client, EDITOR)
    response = await send(client, "eerste regel\r\ntweede\tregel")
    assert response.status_code == status, response.text


async def test_a_refused_note_changes_nothing(client: httpx.AsyncClient) -> None:
    await login(client, EDITOR)
    before = (await client.get(CELL)).json()
    assert (await progress_note(client, "stuk\x00", "notitie")).status_code == 400
    assert (await client.get(CELL)).json() == before


async def test_control_characters_in_the_path_and_headers(client: httpx.AsyncClient) -> None:
    path = await client.get("/api/v1/maatregelen/M%1B01")
    assert path.status_code == 400
    assert invalid_names(path) == {"pad"}
    header = await client.get("/api/v1/maatregelen", headers={"If-None-Match": '"a\x1bb"'})
    assert header.status_code == 400
    assert invalid_names(header) == {"If-None-Match"}


async def test_unknown_fields_in_a_body_are_refused(client: httpx.AsyncClient) -> None:
    await login(client, EDITOR)
    response = await send_json(
        client,
        "POST",
        "/api/v1/vragen",
        {
            "onderwerp": "Vrijlating van giften",
            "vraag": "Hoe passen wij de vrijlating van giften toe?",
            "kanaal": "telefoon",
            "vragensteller": {"naam": "Petra Jansen", "telefoon": "0612345678"},
            "prioriteit": "hoog",
        },
    )
    assert response.status_code == 400
    assert invalid_names(response) == {"prioriteit", "vragensteller.telefoon"}


async def test_numbers_no_column_can_hold_are_refused(client: httpx.AsyncClient) -> None:
    await login(client, EDITOR)
    product = (await product_title(client, "met eigenaar")).json()
    owner = await client.patch(f"/api/v1/producten/{product['id']}", json={"eigenaarId": 10**30})
    assert owner.status_code == 400, owner.text
    assert invalid_names(owner) == {"eigenaarId"}
    faq = await client.post(
        "/api/v1/faq",
        json={
            "vraag": "Hoe werkt de vrijlating van giften?",
            "antwoord": "Zo werkt het, in het kort en helder.",
            "maatregelen": ["M01"],
            "vragen": [10**30],
        },
    )
    assert faq.status_code == 400, faq.text
    assert invalid_names(faq) == {"vragen"}


def _make_title_unsafe(db: Session) -> None:
    newest = published_changes(db, 1)[0]
    product = db.get_one(Product, newest.product_id)
    # Stored before the edge refused such text: a vertical tab and an escape (PostgreSQL
    # itself refuses NUL in text).
    product.title = "Handreiking\x0b met\x1b stuurtekens\ufffe"
    product.summary = "Samenvatting\x7f met\x85 tekens"
    db.flush()


async def test_atom_feed_survives_stored_control_characters(
    client: httpx.AsyncClient, db: Session
) -> None:
    _make_title_unsafe(db)
    response = await client.get("/api/v1/publicaties")
    assert response.status_code == 200, response.text
    root = ElementTree.fromstring(response.content)
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert titles[0] is not None
    assert titles[0].startswith("Handreiking met stuurtekens (")


@pytest.mark.parametrize(
    ("van", "tot", "status"),
    [("2000-01-01", "2100-12-31", 200), ("0001-01-01", None, 400), (None, "9999-12-31", 400)],
)
async def test_question_insight_period_stays_in_the_window(
    client: httpx.AsyncClient, van: str | None, tot: str | None, status: int
) -> None:
    await login(client, EDITOR)
    params = {k: v for k, v in {"van": van, "tot": tot}.items() if v}
    response = await client.get("/api/v1/vragen/inzicht", params=params)
    assert response.status_code == status, response.text


PEILDATUM_READS = [
    "/api/v1/gemeenten/GM0344/voortgang",
    CELL,
    "/api/v1/voortgang/overzicht",
    "/api/v1/voortgang/hulp-nodig",
    "/api/v1/leveringsplan",
]
MOMENT_READS = [
    ("/api/v1/producten", "gewijzigdSinds"),
    ("/api/v1/audit-gebeurtenissen", "vanaf"),
    ("/api/v1/audit-gebeurtenissen", "tot"),
]


@pytest.mark.parametrize("url", PEILDATUM_READS)
@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "1999-12-31", "0", "1700000000"])
async def test_a_reference_date_outside_the_window_is_a_400(
    client: httpx.AsyncClient, url: str, value: str
) -> None:
    await login(client, ADMIN)
    response = await client.get(url, params={"peildatum": value})
    assert response.status_code == 400, response.text
    assert invalid_names(response) == {"peildatum"}


@pytest.mark.parametrize("url", PEILDATUM_READS)
@pytest.mark.parametrize("value", ["2000-01-01", "2100-12-31"])
async def test_reference_dates_at_the_edges_of_the_window_work(
    client: httpx.AsyncClient, url: str, value: str
) -> None:
    await login(client, ADMIN)
    response = await client.get(url, params={"peildatum": value})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(("url", "name"), MOMENT_READS)
@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
        "2026-01-01T00:00:00",
        "1700000000",
        "2026-01-01",
    ],
)
async def test_a_moment_outside_the_window_or_without_zone_is_a_400(
    client: httpx.AsyncClient, url: str, name: str, value: str
) -> None:
    await login(client, ADMIN)
    response = await client.get(url, params={name: value})
    assert response.status_code == 400, response.text
    assert invalid_names(response) == {name}


@pytest.mark.parametrize(("url", "name"), MOMENT_READS)
@pytest.mark.parametrize("value", ["2000-01-01T00:00:00+14:00", "2100-12-31T23:59:59-12:00"])
async def test_moments_at_the_edges_of_the_window_work(
    client: httpx.AsyncClient, url: str, name: str, value: str
) -> None:
    await login(client, ADMIN)
    response = await client.get(url, params={name: value})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+14:00", "2026-01-01T09:00:00"])
async def test_a_received_at_moment_outside_the_window_is_a_400(
    client: httpx.AsyncClient, value: str
) -> None:
    await login(client, EDITOR)
    response = await send_json(
        client,
        "POST",
        "/api/v1/vragen",
        {
            "onderwerp": "Vrijlating van giften",
            "vraag": "Hoe passen wij de vrijlating van giften toe?",
            "kanaal": "telefoon",
            "vragensteller": {"naam": "Petra Jansen"},
            "ontvangenOp": value,
        },
    )
    assert response.status_code == 400, response.text
    assert invalid_names(response) == {"ontvangenOp"}


MALFORMED_TAGS = ['"v\xb2"', '"v' + "9" * 5000 + '"', '"v-1"', "v7", '"', '"w7"']


@pytest.mark.parametrize("tag", MALFORMED_TAGS, ids=range(len(MALFORMED_TAGS)))
async def test_a_malformed_if_match_does_not_match(client: httpx.AsyncClient, tag: str) -> None:
    await login(client, UTRECHT)
    body = {"fase": "voorbereidend", "stappenGereed": []}
    progress = await client.put(CELL, json=body, headers={"If-Match": tag.encode("latin-1")})
    assert progress.status_code == 412, progress.text
    await login(client, EDITOR)
    questions = (await client.get("/api/v1/vragen")).json()["resultaten"]
    question = await client.patch(
        f"/api/v1/vragen/{questions[0]['id']}",
        json={"onderwerp": "Een ander onderwerp"},
        headers={"If-Match": tag.encode("latin-1")},
    )
    assert question.status_code == 412, question.text


@pytest.mark.parametrize("tag", MALFORMED_TAGS, ids=range(len(MALFORMED_TAGS)))
async def test_a_malformed_if_none_match_is_a_full_answer(
    client: httpx.AsyncClient, tag: str
) -> None:
    for url in ("/api/v1/maatregelen", "/api/v1/producten", "/api/v1/faq"):
        response = await client.get(url, headers={"If-None-Match": tag.encode("latin-1")})
        assert response.status_code == 200, (url, response.text)


async def test_change_feed_cursor_beyond_the_integer_range_is_a_400(
    client: httpx.AsyncClient,
) -> None:
    for value in ("66480116866751869747200", str(2**63)):
        response = await client.get("/api/v1/producten/wijzigingen", params={"sinds": value})
        assert response.status_code == 400, response.text
        assert invalid_names(response) == {"sinds"}


async def test_change_feed_cursor_ahead_of_the_feed_is_gone(client: httpx.AsyncClient) -> None:
    cursor = 0
    while True:
        page = (await client.get(f"/api/v1/producten/wijzigingen?sinds={cursor}&limiet=500")).json()
        cursor = page["volgendeCursor"]
        if not page["meer"]:
            break
    assert (await client.get(f"/api/v1/producten/wijzigingen?sinds={cursor}")).status_code == 200
    for ahead in (cursor + 1, 2**63 - 1):
        response = await client.get(f"/api/v1/producten/wijzigingen?sinds={ahead}")
        assert response.status_code == 410, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["laatsteVolgnummer"] == cursor


def _operations(app: FastAPI) -> dict[str, dict[str, Any]]:
    paths: dict[str, dict[str, Any]] = api_of(app).openapi()["paths"]
    return paths


def _concrete(path: str) -> str:
    return "/api/v1" + re.sub(r"\{[^}]+\}", "x1", path)


async def test_every_path_answers_405_with_all_its_methods(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    wrong: list[str] = []
    for path, item in _operations(app).items():
        expected = {method.upper() for method in item}
        for method in ["GET", "PUT", "POST", "PATCH", "DELETE"]:
            if method in expected:
                continue
            response = await client.request(method, _concrete(path))
            allow = {m.strip() for m in response.headers.get("allow", "").split(",") if m.strip()}
            if response.status_code != 405 or allow != expected:
                wrong.append(f"{method} {path}: {response.status_code}, Allow {sorted(allow)}")
    assert not wrong, "\n".join(wrong)


def _documented(app: FastAPI, method: str, path: str) -> dict[str, Any]:
    return _operations(app)[path][method.lower()]["responses"]  # type: ignore[no-any-return]


DOCUMENTED_CALLS: list[tuple[str | None, str, str, str, dict[str, Any]]] = [
    (None, "POST", "/wachtwoord-herstel", "/wachtwoord-herstel", {"json": {"email": "a@b.nl"}}),
    (None, "GET", "/voortgang/overzicht", "/voortgang/overzicht?formaat=csv", {}),
    (None, "GET", "/voortgang/overzicht", "/voortgang/overzicht", {}),
    (None, "GET", "/voortgang/trend", "/voortgang/trend?formaat=csv", {}),
    (None, "GET", "/kaart/waarden", "/kaart/waarden?formaat=csv", {}),
    (
        None,
        "GET",
        "/gemeenten/{code}/vergelijking",
        "/gemeenten/GM0344/vergelijking?formaat=csv",
        {},
    ),
    (EDITOR, "GET", "/voortgang/export", "/voortgang/export?formaat=csv", {}),
    (EDITOR, "GET", "/voortgang/export", "/voortgang/export?formaat=xlsx", {}),
    (None, "GET", "/publicaties", "/publicaties", {}),
    (None, "GET", "/producten/wijzigingen", "/producten/wijzigingen?sinds=999999999", {}),
    (None, "GET", "/voortgang/overzicht", "/voortgang/overzicht?peildatum=0", {}),
    (
        None,
        "POST",
        "/nieuwsbrief/aanmeldingen",
        "/nieuwsbrief/aanmeldingen",
        {"json": {"email": "a@b.nl", "alles": True}},
    ),
    (
        None,
        "POST",
        "/nieuwsbrief/aanmeldingen/bevestigen",
        "/nieuwsbrief/aanmeldingen/bevestigen",
        {"json": {"token": "x" * 43}},
    ),
    (None, "POST", "/nieuwsbrief/afmelden", f"/nieuwsbrief/afmelden?token={'x' * 43}", {}),
    (None, "DELETE", "/nieuwsbrief/abonnement", f"/nieuwsbrief/abonnement?token={'x' * 43}", {}),
    (None, "GET", "/nieuwsbrief/edities", "/nieuwsbrief/edities", {}),
    (EDITOR, "POST", "/nieuwsbrief/edities", "/nieuwsbrief/edities", {"json": {"titel": "x"}}),
    (EDITOR, "GET", "/nieuwsbrief/edities/{id}", "/nieuwsbrief/edities/2147483000", {}),
    (None, "GET", "/nieuwsbrief/archief", "/nieuwsbrief/archief", {}),
    (None, "GET", "/nieuwsbrief/archief/{id}", "/nieuwsbrief/archief/2147483000", {}),
    (
        None,
        "GET",
        "/nieuwsbrief/archief/feed",
        "/nieuwsbrief/archief/feed",
        {"headers": {"Accept": "application/atom+xml"}},
    ),
]


@pytest.mark.parametrize(
    ("who", "method", "path", "url", "extra"),
    DOCUMENTED_CALLS,
    ids=[f"{c[1]} {c[3]}" for c in DOCUMENTED_CALLS],
)
async def test_answers_are_documented(
    app: FastAPI,
    client: httpx.AsyncClient,
    who: str | None,
    method: str,
    path: str,
    url: str,
    extra: dict[str, Any],
) -> None:
    if who:
        await login(client, who)
    response = await client.request(method, "/api/v1" + url, **extra)
    documented = _documented(app, method, path)
    status = str(response.status_code)
    assert status in documented, (status, sorted(documented))
    content = documented[status].get("content", {})
    if response.content:
        media_type = response.headers["content-type"].split(";")[0].strip()
        assert media_type in content, (media_type, sorted(content))
    else:
        assert not content, f"{status} has no body but documents {sorted(content)}"
