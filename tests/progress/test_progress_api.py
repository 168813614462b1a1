"""Progress per municipality and measure through the API: access, If-Match, deadlines that
recalculate, history and the state as it was on a date."""

from collections.abc import Callable
from datetime import date, datetime

import httpx
import pytest

from api.core import clock
from tests.auth import BOLLENSTREEK, EDITOR, PARTNER, SCRIPT, UTRECHT, login, machine_token

CELL = "/api/v1/gemeenten/GM0344/voortgang/M15"


async def as_script(client: httpx.AsyncClient) -> httpx.AsyncClient:
    client.headers["Authorization"] = "Bearer " + await machine_token(
        client, SCRIPT.client_id, SCRIPT.secret
    )
    return client


def body(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "fase": "voorbereidend",
        "geplandLivegang": "2026-12-15",
        "stappenGereed": [{"stap": "impactanalyse", "gereedOp": "2026-05-01"}],
        "notitie": "Eigen notitie",
        "knelpunten": None,
    }
    base.update(changes)
    return base


async def put(
    client: httpx.AsyncClient, etag: str | None, payload: dict[str, object], url: str = CELL
) -> httpx.Response:
    headers = {"If-Match": etag} if etag else {}
    return await client.put(url, json=payload, headers=headers)


@pytest.mark.parametrize(
    ("who", "own", "other"),
    [
        ("utrecht", 200, 404),
        ("bollenstreek", 404, 404),
        ("redacteur", 200, 200),
        ("script", 200, 404),
        ("partner", 404, 404),
    ],
)
async def test_who_reads_which_municipality(
    clients: Callable[[], httpx.AsyncClient], who: str, own: int, other: int
) -> None:
    client = clients()
    if who == "script":
        await as_script(client)
    elif who == "partner":
        client.headers["Authorization"] = "Bearer " + await machine_token(
            client, PARTNER.client_id, PARTNER.secret
        )
    else:
        await login(
            client, {"utrecht": UTRECHT, "bollenstreek": BOLLENSTREEK, "redacteur": EDITOR}[who]
        )
    assert (await client.get("/api/v1/gemeenten/GM0344/voortgang")).status_code == own
    other_response = await client.get("/api/v1/gemeenten/GM0363/voortgang")
    assert other_response.status_code == other
    if other == 404:
        missing = await client.get("/api/v1/gemeenten/GM9999/voortgang")
        assert missing.status_code == 404
        assert missing.json()["detail"].replace("GM9999", "X") == other_response.json()[
            "detail"
        ].replace("GM0363", "X")


async def test_public_cannot_read_a_municipality(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/gemeenten/GM0344/voortgang")).status_code == 401


async def test_a_contact_cannot_write_another_municipality(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    response = await put(contact, '"v0"', body(), "/api/v1/gemeenten/GM0363/voortgang/M15")
    assert response.status_code == 404


async def test_update_needs_if_match_and_refuses_stale_writes(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact, colleague = clients(), clients()
    await login(contact, UTRECHT)
    await login(colleague, EDITOR)
    read = await contact.get(CELL)
    etag = read.headers["etag"]
    assert (await put(contact, None, body())).status_code == 428
    first = await put(contact, etag, body())
    assert first.status_code == 200, first.text
    assert first.json()["fase"] == "voorbereidend"
    assert first.json()["bron"] == "persoon"
    assert first.headers["etag"] != etag
    stale = await put(colleague, etag, body(fase="geimplementeerd"))
    assert stale.status_code == 412
    assert stale.json()["huidigeVersie"] == first.json()["versie"]
    unchanged = (await contact.get(CELL)).json()
    assert unchanged["fase"] == "voorbereidend", "a stale write changes nothing"
    fresh = await put(colleague, first.headers["etag"], body(fase="geimplementeerd"))
    assert fresh.status_code == 200
    assert fresh.json()["bron"] == "programma"
    history = (await contact.get(f"{CELL}/geschiedenis")).json()["resultaten"]
    assert [h["fase"] for h in history[-2:]] == ["voorbereidend", "geimplementeerd"]
    assert history[-1]["wijzigingen"]["fase"] == {"van": "voorbereidend", "naar": "geimplementeerd"}
    assert [h["versie"] for h in history] == list(range(1, len(history) + 1))


async def test_scripts_report_as_scripts(clients: Callable[[], httpx.AsyncClient]) -> None:
    script = await as_script(clients())
    etag = (await script.get(CELL)).headers["etag"]
    response = await put(script, etag, body())
    assert response.status_code == 200
    assert response.json()["bron"] == "script"
    assert response.json()["bijgewerktDoor"] == f"client:{SCRIPT.client_id}"


async def test_invalid_updates(clients: Callable[[], httpx.AsyncClient]) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    etag = (await contact.get(CELL)).headers["etag"]
    unknown_step = await put(
        contact, etag, body(stappenGereed=[{"stap": "dansen", "gereedOp": "2026-01-01"}])
    )
    assert unknown_step.status_code == 400
    bad = await put(contact, etag, body(fase="klaar", geplandLivegang="morgen", extra=1))
    assert bad.status_code == 400
    assert {p["name"] for p in bad.json()["invalidParams"]} == {"fase", "geplandLivegang", "extra"}
    assert (await put(contact, '"geen-etag"', body())).status_code == 412


async def test_deadlines_recalculate_when_the_date_moves(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact, editor = clients(), clients()
    await login(contact, UTRECHT)
    await login(editor, EDITOR)
    etag = (await contact.get(CELL)).headers["etag"]
    done = [
        {"stap": s, "gereedOp": "2026-05-01"}
        for s in ("impactanalyse", "beleid", "ict", "werkproces")
    ]
    before = (await put(contact, etag, body(stappenGereed=done))).json()
    assert before["volgendeStap"]["code"] in {"scholing", "communicatie"}
    assert before["moetStartenOp"] == "2026-10-03", "90 days before 1 January 2027"
    await editor.patch("/api/v1/maatregelen/M15", json={"ingangsdatum": "2027-07-01"})
    after = (await contact.get(CELL)).json()
    assert after["ingangsdatum"] == "2027-07-01"
    assert after["moetStartenOp"] == "2027-04-02"
    assert after["speling"] == (date(2027, 4, 2) - clock.today()).days
    roadmap = (await contact.get("/api/v1/maatregelen/M15/routekaart")).json()
    assert roadmap["stappen"][0]["uitersteStart"] == "2026-10-04"


async def test_state_as_of_a_date(clients: Callable[[], httpx.AsyncClient]) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    history = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M01/geschiedenis")).json()[
        "resultaten"
    ]
    assert len(history) >= 2, "demo data has a year of history"
    first_day = datetime.fromisoformat(history[0]["tijdstip"]).date()
    then = (
        await contact.get(f"/api/v1/gemeenten/GM0344/voortgang/M01?peildatum={first_day}")
    ).json()
    expected = [h for h in history if datetime.fromisoformat(h["tijdstip"]).date() <= first_day][-1]
    assert then["versie"] == expected["versie"]
    assert then["fase"] == expected["fase"]
    assert then["peildatum"] == first_day.isoformat()
    before_all = (
        await contact.get("/api/v1/gemeenten/GM0344/voortgang/M01?peildatum=2024-01-01")
    ).json()
    assert before_all["fase"] == "niet-gestart"
    assert before_all["versie"] == 0


async def test_roadmap_editing(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor, contact = clients(), clients()
    await login(editor, EDITOR)
    await login(contact, UTRECHT)
    steps = [
        {"code": "analyse", "titel": "Analyse", "startDagen": -200, "eindeDagen": -150},
        {
            "code": "doen",
            "titel": "Doen",
            "startDagen": -150,
            "eindeDagen": -10,
            "afhankelijkVan": ["analyse"],
        },
    ]
    assert (
        await contact.put("/api/v1/maatregelen/M12/routekaart", json={"stappen": steps})
    ).status_code == 403
    replaced = await editor.put("/api/v1/maatregelen/M12/routekaart", json={"stappen": steps})
    assert replaced.status_code == 200
    assert [s["code"] for s in replaced.json()["stappen"]] == ["analyse", "doen"]
    cycle = [{**steps[0], "afhankelijkVan": ["doen"]}, steps[1]]
    assert (
        await editor.put("/api/v1/maatregelen/M12/routekaart", json={"stappen": cycle})
    ).status_code == 400
    backwards = [{**steps[0], "startDagen": 10, "eindeDagen": 5}]
    assert (
        await editor.put("/api/v1/maatregelen/M12/routekaart", json={"stappen": backwards})
    ).status_code == 400
    unknown = [{**steps[1], "afhankelijkVan": ["niets"]}]
    assert (
        await editor.put("/api/v1/maatregelen/M12/routekaart", json={"stappen": unknown})
    ).status_code == 400
