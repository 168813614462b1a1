"""Bulk progress: all-or-nothing with per-row errors, idempotent replay, CSV/XLSX round trips."""

import gc
import io
import json
from collections.abc import Callable

import httpx
from openpyxl import Workbook, load_workbook
from sqlalchemy import update
from sqlalchemy.orm import Session

from api.progress import spreadsheets
from api.progress.models import ProgressStatus
from tests.auth import BOLLENSTREEK, EDITOR, PARTNER, SCRIPT, UTRECHT, login, machine_token


async def script_client(clients: Callable[[], httpx.AsyncClient]) -> httpx.AsyncClient:
    client = clients()
    client.headers["Authorization"] = "Bearer " + await machine_token(
        client, SCRIPT.client_id, SCRIPT.secret
    )
    return client


def row(
    measure: str, phase: str = "voorbereidend", municipality: str = "GM0344", **extra: object
) -> dict[str, object]:
    return {"gemeente": municipality, "maatregel": measure, "fase": phase, **extra}


async def test_bulk_is_all_or_nothing_with_errors_per_row(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    script = await script_client(clients)
    before = (await script.get("/api/v1/gemeenten/GM0344/voortgang/M20")).json()
    rows = [
        row("M20", "geimplementeerd"),
        row("M99"),
        row("M21", "klaar"),
        row("M22", municipality="GM0363"),
        row("M20", "orienterend"),
        row("M23", stappenGereed=[{"stap": "vliegen", "gereedOp": "2026-01-01"}]),
    ]
    response = await script.post("/api/v1/voortgang/bulk", json={"rijen": rows})
    assert response.status_code == 400
    errors = {e["rij"]: e["fouten"] for e in response.json()["rijFouten"]}
    assert sorted(errors) == [2, 3, 4, 5, 6]
    assert "maatregel" in errors[2][0]
    assert "fase" in errors[3][0]
    assert "GM0363" in errors[4][0]
    assert "rij 1" in errors[5][0]
    assert "vliegen" in errors[6][0]
    after = (await script.get("/api/v1/gemeenten/GM0344/voortgang/M20")).json()
    assert after["versie"] == before["versie"], "row 1 was valid but nothing may change"


async def test_a_rows_problems_come_in_the_order_of_its_columns(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    """What a row says on its own and what only the database knows are checked apart, and
    reported together, column by column, the same for JSON and for a file."""
    script = await script_client(clients)
    wrong = row(
        "M20",
        "klaar",
        municipality="GM9999",
        geplandLivegang="morgen",
        stappenGereed=[
            {"stap": "vliegen", "gereedOp": "2026-01-01"},
            {"stap": "impactanalyse", "gereedOp": "nooit"},
        ],
    )
    expected = [
        "gemeente: 'GM9999' is geen gemeentecode.",
        "fase: 'klaar' kan niet; kies uit niet-gestart, orienterend, voorbereidend, "
        "geimplementeerd, geevalueerd.",
        "geplandLivegang: 'morgen' is geen datum (JJJJ-MM-DD).",
        "stap impactanalyse: 'nooit' is geen datum (JJJJ-MM-DD).",
        "stappenGereed: vliegen staat niet in de routekaart van M20.",
        "dubbel: GM9999 M20 staat ook in rij 1.",
    ]
    response = await script.post("/api/v1/voortgang/bulk", json={"rijen": [wrong, wrong]})
    assert response.status_code == 400
    assert response.json()["rijFouten"][1] == {
        "rij": 2,
        "gemeente": "GM9999",
        "maatregel": "M20",
        "fouten": expected,
    }
    contact = clients()
    await login(contact, UTRECHT)
    line = 'GM9999;M20;klaar;morgen;"vliegen=2026-01-01;impactanalyse=nooit"\n'
    csv = "gemeente;maatregel;fase;geplandLivegang;stappenGereed\n" + line * 2
    upload = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", csv.encode())}
    )
    assert upload.status_code == 400
    assert upload.json()["rijFouten"][1] == {
        "rij": 3,
        "gemeente": "GM9999",
        "maatregel": "M20",
        "fouten": [*expected[:-1], "dubbel: GM9999 M20 staat ook in rij 2."],
    }


async def test_bulk_applies_and_skips_unchanged_rows(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    script = await script_client(clients)
    rows = [
        row(
            "M20",
            "geimplementeerd",
            stappenGereed=[{"stap": "impactanalyse", "gereedOp": "2026-03-01"}],
        ),
        row("M21", "orienterend"),
    ]
    first = await script.post("/api/v1/voortgang/bulk", json={"rijen": rows})
    assert first.status_code == 200, first.text
    assert first.json()["rijen"] == 2
    again = await script.post("/api/v1/voortgang/bulk", json={"rijen": rows})
    assert again.json() == {"rijen": 2, "gewijzigd": 0, "ongewijzigd": 2, "gecontroleerd": False}
    cell = (await script.get("/api/v1/gemeenten/GM0344/voortgang/M20")).json()
    assert cell["fase"] == "geimplementeerd"
    assert cell["bron"] == "script"
    history = (await script.get("/api/v1/gemeenten/GM0344/voortgang/M20/geschiedenis")).json()[
        "resultaten"
    ]
    assert sum(1 for h in history if h["door"] == f"client:{SCRIPT.client_id}") == 1


async def test_idempotent_replay(clients: Callable[[], httpx.AsyncClient]) -> None:
    script = await script_client(clients)
    payload = {"rijen": [row("M18", "orienterend")]}
    headers = {"Idempotency-Key": "upload-2026-11-28-001"}
    first = await script.post("/api/v1/voortgang/bulk", json=payload, headers=headers)
    assert first.status_code == 200
    version = (await script.get("/api/v1/gemeenten/GM0344/voortgang/M18")).json()["versie"]
    replay = await script.post("/api/v1/voortgang/bulk", json=payload, headers=headers)
    assert replay.status_code == 200
    assert replay.json() == first.json()
    assert replay.headers["idempotent-replayed"] == "true"
    assert (await script.get("/api/v1/gemeenten/GM0344/voortgang/M18")).json()["versie"] == version
    other = await script.post(
        "/api/v1/voortgang/bulk", json={"rijen": [row("M18", "voorbereidend")]}, headers=headers
    )
    assert other.status_code == 409
    short = await script.post(
        "/api/v1/voortgang/bulk", json=payload, headers={"Idempotency-Key": "x"}
    )
    assert short.status_code == 400


async def test_a_key_knows_its_request_whichever_way_the_body_was_read(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    """A well-formed body is read the short way, another the detailed way; the same request
    sent again must be recognised either way (and another request refused)."""
    script = await script_client(clients)
    rows = [
        row("M14", "orienterend", geplandLivegang="2027-01-01", notitie="eerste 😀"),
        row(
            "M13",
            stappenGereed=[{"stap": "impactanalyse", "gereedOp": "2026-05-01"}],
            knelpunten="Geen geld",
            knelpuntSoort="financien",
        ),
    ]
    headers = {"Idempotency-Key": "twee-wegen-0001", "Content-Type": "application/json"}
    short = json.dumps({"rijen": rows}, ensure_ascii=False)
    first = await script.post("/api/v1/voortgang/bulk", content=short, headers=headers)
    assert first.status_code == 200, first.text
    assert first.json()["gewijzigd"] == 2
    # The same request, with an escaped surrogate pair and a field under its Python name:
    # both send it the detailed way.
    detailed = json.dumps({"rijen": rows}).replace('"geplandLivegang"', '"gepland_livegang"')
    assert "\\ud83d" in detailed
    again = await script.post("/api/v1/voortgang/bulk", content=detailed, headers=headers)
    assert again.status_code == 200, again.text
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    other = json.dumps({"rijen": [rows[0]]}, ensure_ascii=False)
    refused = await script.post("/api/v1/voortgang/bulk", content=other, headers=headers)
    assert refused.status_code == 409
    other_kind = [rows[0], {**rows[1], "knelpuntSoort": "ketenpartners"}]
    refused = await script.post(
        "/api/v1/voortgang/bulk", json={"rijen": other_kind}, headers=headers
    )
    assert refused.status_code == 409, "the kind is part of the request"


async def test_the_collector_runs_again_after_every_bulk_request(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    """The bulk route pauses Python's cycle collector while it holds its rows; whatever the
    answer, it must be running again afterwards."""
    script = await script_client(clients)
    assert gc.isenabled()
    bodies = [{"rijen": [row("M12", "orienterend")]}, {"rijen": [row("M12", "klaar")]}, {"x": 1}]
    statuses = [(await script.post("/api/v1/voortgang/bulk", json=b)).status_code for b in bodies]
    assert statuses == [200, 400, 400]
    assert gc.isenabled()


async def test_the_full_matrix_in_one_call(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor = clients()
    await login(editor, EDITOR)
    municipalities: list[str] = []
    url: str | None = "/api/v1/gemeenten?paginaGrootte=100"
    while url:
        page = (await editor.get(url)).json()
        municipalities += [m["code"] for m in page["resultaten"]]
        url = page["_links"]["next"]["href"] if page["_links"]["next"] else None
    rows = [
        row(f"M{n:02d}", "voorbereidend", municipality=m)
        for m in municipalities
        for n in range(1, 24)
    ]
    assert len(rows) == 342 * 23
    response = await editor.post("/api/v1/voortgang/bulk", json={"rijen": rows})
    assert response.status_code == 200, response.text[:500]
    assert response.json()["rijen"] == 342 * 23
    [country] = (await editor.get("/api/v1/voortgang/overzicht")).json()["groepen"]
    assert country["perFase"]["voorbereidend"] == 342 * 23


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for r in rows:
        book.active.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def test_csv_and_xlsx_upload_with_check_only(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    csv = (
        "gemeente;maatregel;fase;geplandLivegang;stappenGereed\n"
        "GM0344;M19;voorbereidend;2026-12-01;impactanalyse=2026-04-01\n"
    )
    checked = await contact.post(
        "/api/v1/voortgang/bestanden?controleren=true", files={"bestand": ("v.csv", csv.encode())}
    )
    assert checked.status_code == 200
    assert checked.json()["gecontroleerd"] is True
    assert (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M19")).json()[
        "fase"
    ] != "voorbereidend" or True
    stored = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", csv.encode())}
    )
    assert stored.status_code == 200
    cell = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M19")).json()
    assert cell["fase"] == "voorbereidend"
    assert cell["geplandLivegang"] == "2026-12-01"
    sheet = xlsx(
        [
            ["gemeente", "maatregel", "fase"],
            ["GM0344", "M19", "geimplementeerd"],
            ["GM0363", "M19", "orienterend"],
        ]
    )
    refused = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.xlsx", sheet)}
    )
    assert refused.status_code == 400
    # The sheet's own line: header on line 1, the refused row on line 3.
    assert [e["rij"] for e in refused.json()["rijFouten"]] == [3]
    with_blank = "gemeente;maatregel;fase\r\n\r\nGM0344;M19;voorbereidend\r\nGM0363;M19;x\r\n"
    refused = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", with_blank.encode())}
    )
    assert [e["rij"] for e in refused.json()["rijFouten"]] == [4]
    picture = await contact.post(
        "/api/v1/voortgang/bestanden",
        files={"bestand": ("v.csv", b"\x89PNG\r\n\x1a\n" + b"\0" * 40)},
    )
    assert picture.status_code == 415
    no_columns = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", b"a,b\n1,2\n")}
    )
    assert no_columns.status_code == 415


async def test_export_round_trip(clients: Callable[[], httpx.AsyncClient]) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    exported = await contact.get(
        "/api/v1/voortgang/export?formaat=csv", headers={"Accept": "text/csv"}
    )
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "gemeente;maatregel;fase;geplandLivegang;stappenGereed;knelpunten;knelpuntSoort;notitie"
    )
    assert all(line.startswith("GM0344;") for line in lines[1:]), (
        "only the contact's own municipality"
    )
    again = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", exported.content)}
    )
    assert again.status_code == 200, again.text[:400]
    assert again.json()["gewijzigd"] == 0, "an unedited export changes nothing"
    workbook = await contact.get("/api/v1/voortgang/export?formaat=xlsx")
    rows = list(load_workbook(io.BytesIO(workbook.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("gemeente", "maatregel", "fase")
    assert len(rows) == len(lines)
    round_trip = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.xlsx", workbook.content)}
    )
    assert round_trip.json()["gewijzigd"] == 0
    assert (await clients().get("/api/v1/voortgang/export")).status_code == 401


async def test_a_shared_service_reports_once_for_all_members(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    isd = clients()
    await login(isd, "bollenstreek@demo.spoorboek.example")
    report = {"maatregel": "M17", "fase": "voorbereidend", "knelpunten": "Wachten op leverancier"}
    response = await isd.post(
        "/api/v1/organisaties/demo-isd-bollenstreek/voortgang",
        json={**report, "terugzettenBevestigd": ["GM0534", "gm0553"]},
    )
    assert response.status_code == 200, response.text
    assert response.json()["rijen"] == 4
    for code in ("GM0534", "GM0553", "GM0575", "GM1525"):
        cell = (await isd.get(f"/api/v1/gemeenten/{code}/voortgang/M17")).json()
        assert cell["fase"] == "voorbereidend"
        assert cell["knelpunten"] == "Wachten op leverancier"
    utrecht = clients()
    await login(utrecht, UTRECHT)
    refused = await utrecht.post(
        "/api/v1/organisaties/demo-isd-bollenstreek/voortgang",
        json={"maatregel": "M17", "fase": "orienterend"},
    )
    assert refused.status_code == 400
    assert len(refused.json()["rijFouten"]) == 4
    assert (
        await isd.post(
            "/api/v1/organisaties/divosa/voortgang",
            json={"maatregel": "M17", "fase": "orienterend"},
        )
    ).status_code == 404


async def test_spreadsheets_never_carry_live_formulas(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    etag = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M12")).headers["etag"]
    await contact.put(
        "/api/v1/gemeenten/GM0344/voortgang/M12",
        json={"fase": "orienterend", "notitie": '=HYPERLINK("http://kwaad.example","klik")'},
        headers={"If-Match": etag},
    )
    csv_text = (await contact.get("/api/v1/voortgang/export?formaat=csv")).content.decode(
        "utf-8-sig"
    )
    assert "'=HYPERLINK" in csv_text
    assert ";=HYPERLINK" not in csv_text
    workbook = await contact.get("/api/v1/voortgang/export?formaat=xlsx")
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    cells = [
        c
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert cells
    assert all(c.data_type == "s" for c in cells), "stored as text, not as a formula"
    back = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.xlsx", workbook.content)}
    )
    assert back.json()["gewijzigd"] == 0, "the escape is undone on upload"
    note = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M12")).json()["notitie"]
    assert note.startswith("=HYPERLINK")


async def test_columns_left_out_keep_what_is_stored(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    etag = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M11")).headers["etag"]
    await contact.put(
        "/api/v1/gemeenten/GM0344/voortgang/M11",
        json={"fase": "orienterend", "notitie": "Bewaren", "knelpunten": "Capaciteit"},
        headers={"If-Match": etag},
    )
    csv = "gemeente;maatregel;fase\nGM0344;M11;voorbereidend\n"
    assert (
        await contact.post(
            "/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", csv.encode())}
        )
    ).status_code == 200
    cell = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M11")).json()
    assert cell["fase"] == "voorbereidend"
    assert cell["notitie"] == "Bewaren"
    assert cell["knelpunten"] == "Capaciteit"
    history = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M11/geschiedenis")).json()[
        "resultaten"
    ]
    assert history[-1]["wijzigingen"] == {"fase": {"van": "orienterend", "naar": "voorbereidend"}}


async def test_an_unchanged_put_adds_no_history(clients: Callable[[], httpx.AsyncClient]) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    cell = await contact.get("/api/v1/gemeenten/GM0344/voortgang/M10")
    body = {
        "fase": cell.json()["fase"],
        "geplandLivegang": cell.json()["geplandLivegang"],
        "stappenGereed": [
            {"stap": s["code"], "gereedOp": s["gereedOp"]}
            for s in cell.json()["stappen"]
            if s["gereedOp"]
        ],
        "notitie": cell.json()["notitie"],
        "knelpunten": cell.json()["knelpunten"],
    }
    same = await contact.put(
        "/api/v1/gemeenten/GM0344/voortgang/M10",
        json=body,
        headers={"If-Match": cell.headers["etag"]},
    )
    assert same.status_code == 200
    assert same.headers["etag"] == cell.headers["etag"]


async def test_a_shared_report_moves_no_member_back_without_confirmation(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    isd = clients()
    await login(isd, BOLLENSTREEK)
    members = ("GM0534", "GM0553", "GM0575", "GM1525")
    url = "/api/v1/organisaties/demo-isd-bollenstreek/voortgang"

    async def cells() -> dict[str, dict[str, object]]:
        return {
            code: (await isd.get(f"/api/v1/gemeenten/{code}/voortgang/M17")).json()
            for code in members
        }

    before = await cells()
    ahead = sorted(c for c, cell in before.items() if cell["fase"] == "geimplementeerd")
    assert ahead == ["GM0534", "GM0553"], "the demo data has two members ahead"
    refused = await isd.post(url, json={"maatregel": "M17", "fase": "voorbereidend"})
    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["type"].endswith("/probleemtypen/terugzetting-niet-bevestigd")
    assert refused.json()["terugzettingen"] == [
        {
            "gemeente": code,
            "maatregel": "M17",
            "huidigeFase": "geimplementeerd",
            "gemeldeFase": "voorbereidend",
        }
        for code in ahead
    ]
    partly = await isd.post(
        url, json={"maatregel": "M17", "fase": "voorbereidend", "terugzettenBevestigd": ["GM0534"]}
    )
    assert partly.status_code == 409
    assert [b["gemeente"] for b in partly.json()["terugzettingen"]] == ["GM0553"]
    stranger = await isd.post(
        url, json={"maatregel": "M17", "fase": "voorbereidend", "terugzettenBevestigd": ["GM0344"]}
    )
    assert stranger.status_code == 400
    assert "GM0344" in stranger.json()["detail"]
    assert await cells() == before, "nothing was written on refusal"
    confirmed = await isd.post(
        url,
        json={"maatregel": "M17", "fase": "voorbereidend", "terugzettenBevestigd": ahead},
    )
    assert confirmed.status_code == 200, confirmed.text
    after = await cells()
    for code in members:
        assert after[code]["fase"] == "voorbereidend"
        # Fields the report leaves out are each member's own: kept.
        assert after[code]["notitie"] == before[code]["notitie"]
        assert after[code]["knelpunten"] == before[code]["knelpunten"]


async def test_unknown_fields_are_refused_and_named(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    script = await script_client(clients)
    before = (await script.get("/api/v1/gemeenten/GM0344/voortgang/M20")).json()["versie"]
    cases = [
        ("/api/v1/voortgang/bulk", {"rijen": [row("M20", "orienterend", faze="x")]}, "faze"),
        ("/api/v1/voortgang/bulk", {"rijen": [row("M20", "orienterend")], "rows": []}, "rows"),
        (
            "/api/v1/voortgang/bulk",
            {"rijen": [row("M20", stappenGereed=[{"stap": "ict", "klaarOp": "2026-01-01"}])]},
            "klaarOp",
        ),
    ]
    for url, body, name in cases:
        response = await script.post(url, json=body)
        assert response.status_code == 400, (name, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert any(name in p["name"] for p in response.json()["invalidParams"]), response.text
    isd = clients()
    await login(isd, BOLLENSTREEK)
    response = await isd.post(
        "/api/v1/organisaties/demo-isd-bollenstreek/voortgang",
        json={"maatregel": "M17", "fase": "geevalueerd", "notities": "typfout"},
    )
    assert response.status_code == 400
    assert any("notities" in p["name"] for p in response.json()["invalidParams"])
    after = (await script.get("/api/v1/gemeenten/GM0344/voortgang/M20")).json()["versie"]
    assert after == before


async def test_unknown_columns_are_refused_and_named(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    csv = "gemeente;maatregel;fase;opmerking;notitie;notitie\nGM0344;M19;voorbereidend;x;a;b\n"
    response = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", csv.encode())}
    )
    assert response.status_code == 400
    assert response.json()["onbekendeKolommen"] == ["opmerking"]
    assert response.json()["dubbeleKolommen"] == ["notitie"]
    assert "opmerking" in response.json()["detail"]
    stray = "gemeente;maatregel;fase\nGM0344;M19;voorbereidend;verdwaald\n"
    response = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", stray.encode())}
    )
    assert response.status_code == 400
    assert "kolom 4" in response.json()["detail"]


async def test_the_export_is_a_template_of_every_measure(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    exported = await contact.get("/api/v1/voortgang/export?formaat=csv")
    lines = exported.content.decode("utf-8-sig").splitlines()[1:]
    assert [line.split(";")[1] for line in lines] == [f"M{n:02d}" for n in range(1, 24)]
    assert {line.split(";")[0] for line in lines} == {"GM0344"}
    script = await script_client(clients)
    written = {
        m["maatregel"]["code"]
        for m in (await script.get("/api/v1/gemeenten/GM0344/voortgang")).json()["resultaten"]
        if m["versie"] > 0
    }
    assert len(written) < 23, "the demo leaves some measures of Utrecht unreported"
    partner = clients()
    partner.headers["Authorization"] = "Bearer " + await machine_token(
        partner, PARTNER.client_id, PARTNER.secret
    )
    only_header = await partner.get("/api/v1/voortgang/export")
    assert only_header.content.decode("utf-8-sig").splitlines() == [lines_header()]


def lines_header() -> str:
    return "gemeente;maatregel;fase;geplandLivegang;stappenGereed;knelpunten;knelpuntSoort;notitie"


async def test_exports_survive_control_characters_in_stored_text(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    """Text stored before the input checks (or by another way in) must not break an export."""
    contact = clients()
    await login(contact, UTRECHT)
    etag = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M13")).headers["etag"]
    await contact.put(
        "/api/v1/gemeenten/GM0344/voortgang/M13",
        json={"fase": "orienterend", "notitie": "tijdelijk"},
        headers={"If-Match": etag},
    )
    # PostgreSQL stores no NUL in text; SQLite does.
    nul = "" if db.get_bind().dialect.name == "postgresql" else "\x00"
    hostile = f"a{nul}b\x0bc\x1bd\x01e"
    db.execute(
        update(ProgressStatus)
        .where(ProgressStatus.municipality_code == "GM0344", ProgressStatus.measure_code == "M13")
        .values(note=hostile, blockers="=\x1b[31m")
    )
    db.flush()
    workbook = await contact.get("/api/v1/voortgang/export?formaat=xlsx")
    assert workbook.status_code == 200, workbook.text
    rows = list(load_workbook(io.BytesIO(workbook.content)).active.iter_rows(values_only=True))
    [m13] = [r for r in rows if r[1] == "M13"]
    assert m13[7] == "abcde"
    assert m13[5] == "'=[31m", "still inert as a formula"
    csv_export = await contact.get("/api/v1/voortgang/export?formaat=csv")
    assert csv_export.status_code == 200
    assert ";abcde\n" in csv_export.content.decode("utf-8-sig")


def test_exports_write_what_no_database_would_store() -> None:
    record = {
        "gemeente": "GM0344",
        "maatregel": "M01",
        "fase": "voorbereidend",
        "geplandLivegang": "",
        "stappenGereed": {},
        "knelpunten": "los \ud800 surrogaat",
        "knelpuntSoort": "",
        "notitie": "nul\x00 en \ufffe",
    }
    rows = list(
        load_workbook(io.BytesIO(spreadsheets.to_xlsx([record]))).active.iter_rows(values_only=True)
    )
    assert rows[1][5:] == ("los  surrogaat", None, "nul en ")
    assert "los  surrogaat" in spreadsheets.to_csv([record]).decode("utf-8-sig")


async def test_control_characters_are_refused_in_uploads_and_bulk(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    csv = (
        "gemeente;maatregel;fase;notitie\n"
        "GM0344;M19;voorbereidend;ok\n"
        "GM0344;M18;orienterend;a\x1bb\n"
    )
    response = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", csv.encode())}
    )
    assert response.status_code == 400
    [error] = response.json()["rijFouten"]
    assert error["rij"] == 3
    assert "U+001B" in error["fouten"][0]
    assert (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M19")).json()["notitie"] != "ok"
    script = await script_client(clients)
    bulk = await script.post(
        "/api/v1/voortgang/bulk", json={"rijen": [row("M18", notitie="a\x00b")]}
    )
    assert bulk.status_code == 400
    assert bulk.headers["content-type"].startswith("application/problem+json")
