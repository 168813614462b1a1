"""CSV files as spreadsheet programs really write them: Excel for Mac's CR-only lines, Dutch
Excel's semicolons and Windows-1252 text, a `sep=` line, dates written 1-1-2026."""

import io
from collections.abc import Callable
from datetime import datetime

import httpx
import pytest
from openpyxl import Workbook

from tests.auth import UTRECHT, login

HEADER = "gemeente;maatregel;fase;geplandLivegang;stappenGereed;notitie"
ROW = "GM0344;M19;voorbereidend;{planned};{steps};{note}"


def sheet(
    planned: str = "2026-12-01",
    steps: str = "impactanalyse=2026-04-01",
    note: str = "Gewoon",
    newline: str = "\n",
    separator: str = ";",
) -> str:
    lines = [HEADER, ROW.format(planned=planned, steps=steps, note=note)]
    return newline.join(line.replace(";", separator) for line in lines) + newline


READ_AS_WRITTEN = [
    pytest.param(sheet().encode(), "utf-8", id="LF"),
    pytest.param(sheet(newline="\r\n").encode(), "utf-8", id="CRLF"),
    pytest.param(sheet(newline="\r").encode(), "utf-8", id="CR only (Excel for Mac)"),
    pytest.param(sheet(separator=",").encode(), "utf-8", id="comma"),
    pytest.param(b"\xef\xbb\xbf" + sheet().encode(), "utf-8", id="UTF-8 with BOM"),
    pytest.param(("sep=;\n" + sheet()).encode(), "utf-8", id="sep= line"),
    pytest.param(("sep=,\r" + sheet(separator=",", newline="\r")).encode(), "utf-8", id="sep=, CR"),
]


@pytest.mark.parametrize(("body", "encoding"), READ_AS_WRITTEN)
async def test_line_endings_separators_and_markers(
    clients: Callable[[], httpx.AsyncClient], body: bytes, encoding: str
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    response = await contact.post("/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", body)})
    assert response.status_code == 200, response.text
    assert response.json()["rijen"] == 1
    assert response.json()["tekenset"] == encoding
    cell = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M19")).json()
    assert cell["fase"] == "voorbereidend"
    assert cell["geplandLivegang"] == "2026-12-01"
    assert cell["notitie"] == "Gewoon"
    done = {s["code"]: s["gereedOp"] for s in cell["stappen"] if s["gereedOp"]}
    assert done == {"impactanalyse": "2026-04-01"}


DATES = [
    pytest.param("1-12-2026", "impactanalyse=1-4-2026", "2026-12-01", "2026-04-01", id="d-m-yyyy"),
    pytest.param("01-12-2026", "impactanalyse=01-04-2026", "2026-12-01", "2026-04-01", id="dd-mm"),
    pytest.param("2026-12-01", "impactanalyse=2026-04-01", "2026-12-01", "2026-04-01", id="ISO"),
    pytest.param(
        "31-12-2026",
        "impactanalyse=1-4-2026;werkproces=15-5-2026",
        "2026-12-31",
        "2026-04-01",
        id="several steps",
    ),
]


@pytest.mark.parametrize(("planned", "steps", "planned_iso", "first_step"), DATES)
async def test_dutch_dates(
    clients: Callable[[], httpx.AsyncClient],
    planned: str,
    steps: str,
    planned_iso: str,
    first_step: str,
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    body = sheet(planned=planned, steps=f'"{steps}"').encode()
    response = await contact.post("/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", body)})
    assert response.status_code == 200, response.text
    cell = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M19")).json()
    assert cell["geplandLivegang"] == planned_iso
    done = {s["code"]: s["gereedOp"] for s in cell["stappen"] if s["gereedOp"]}
    assert done["impactanalyse"] == first_step


@pytest.mark.parametrize("planned", ["31-2-2026", "1-1-26", "12/01/2026", "morgen"])
async def test_dates_that_are_no_dates_are_row_errors(
    clients: Callable[[], httpx.AsyncClient], planned: str
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    body = sheet(planned=planned).encode()
    response = await contact.post("/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", body)})
    assert response.status_code == 400
    [error] = response.json()["rijFouten"]
    assert error["rij"] == 2
    assert planned in error["fouten"][0]


async def test_windows_1252_text_is_read_and_named(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    note = "Café – “wachten” op €-budget"
    body = sheet(note=note, newline="\r\n").encode("cp1252")
    response = await contact.post("/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", body)})
    assert response.status_code == 200, response.text
    assert response.json()["tekenset"] == "windows-1252"
    cell = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M19")).json()
    assert cell["notitie"] == note


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(sheet().encode("utf-16"), id="UTF-16 (Excel's Unicode text)"),
        pytest.param(sheet(note="x\x81y").encode("latin-1"), id="neither UTF-8 nor 1252"),
    ],
)
async def test_other_encodings_are_refused_with_instructions(
    clients: Callable[[], httpx.AsyncClient], body: bytes
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    response = await contact.post("/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", body)})
    assert response.status_code == 415
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "CSV UTF-8" in response.json()["detail"]
    cell = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M19")).json()
    assert cell["notitie"] != "Gewoon", "nothing was written"


async def test_xlsx_date_cells_and_dutch_dates_in_text(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    book = Workbook()
    book.active.append(["gemeente", "maatregel", "fase", "geplandLivegang", "stappenGereed"])
    book.active.append(["GM0344", "M19", "voorbereidend", datetime(2026, 12, 1), "ict=1-4-2026"])
    book.active["D2"].number_format = "d-m-yyyy"
    out = io.BytesIO()
    book.save(out)
    contact = clients()
    await login(contact, UTRECHT)
    response = await contact.post(
        "/api/v1/voortgang/bestanden", files={"bestand": ("v.xlsx", out.getvalue())}
    )
    assert response.status_code == 200, response.text
    assert "tekenset" not in response.json()
    cell = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M19")).json()
    assert cell["geplandLivegang"] == "2026-12-01"
    assert {s["code"]: s["gereedOp"] for s in cell["stappen"] if s["gereedOp"]} == {
        "ict": "2026-04-01"
    }
