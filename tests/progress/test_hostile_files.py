"""Uploads built to hurt: a declared dimension of a whole sheet, a row of 16,384 columns, a zip
bomb, a CSV of far too many rows; and callers who may not write progress at all. Each is
refused at a limit it names, by counting what was read, not by a clock."""

import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.orm import Session

from api.core.db import get_session, transactional
from api.main import create_app
from api.progress import spreadsheets, xlsx_reader
from api.progress.bulk import MAX_ROWS
from tests.auth import PARTNER, SCRIPT, UTRECHT, login, machine_token
from tests.conftest import api_of, http_client, make_settings

WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Voortgang" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
RELATIONS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxml'
    'formats.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
)
CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)


def text_cell(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER_ROW = (
    '<row r="1">'
    + text_cell("A1", "gemeente")
    + text_cell("B1", "maatregel")
    + text_cell("C1", "fase")
    + "</row>"
)


def workbook(sheet_data: str, dimension: str = "A1:C2") -> bytes:
    """A minimal XLSX, written by hand so it can declare what it likes."""
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", RELATIONS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def read(data: bytes) -> tuple[list[tuple[int, list[object]]], xlsx_reader.Counts]:
    counts = xlsx_reader.Counts()
    rows = list(xlsx_reader.read_rows(io.BytesIO(data), spreadsheets.XLSX_LIMITS, counts))
    return rows, counts


@pytest.mark.engine_neutral
def test_the_declared_dimension_is_not_trusted() -> None:
    far = (
        '<row r="100000">'
        + text_cell("A100000", "GM0344")
        + text_cell("B100000", "M19")
        + text_cell("C100000", "voorbereidend")
        + "</row>"
    )
    data = workbook(HEADER_ROW + far, dimension="A1:XFD1048576")
    assert len(data) < 2000, "the audit's file was 1.6 KB"
    rows, counts = read(data)
    assert rows == [
        (1, ["gemeente", "maatregel", "fase"]),
        (100000, ["GM0344", "M19", "voorbereidend"]),
    ]
    # Six cells and two rows were read: the gap and the declared width cost nothing.
    assert (counts.cells, counts.rows) == (6, 2)


async def test_the_dimension_file_is_read_through_the_api(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    far = '<row r="100000">' + text_cell("A100000", "GM0344") + text_cell("B100000", "M19")
    far += text_cell("C100000", "voorbereidend") + "</row>"
    data = workbook(HEADER_ROW + far, dimension="A1:XFD1048576")
    response = await contact.post(
        "/api/v1/voortgang/bestanden?controleren=true", files={"bestand": ("v.xlsx", data)}
    )
    assert response.status_code == 200, response.text
    assert response.json()["rijen"] == 1


@pytest.mark.engine_neutral
def test_a_row_of_16384_values_stops_at_the_column_limit() -> None:
    wide = (
        '<row r="2">'
        + "".join(f'<c r="{_column(n)}2"><v>{n}</v></c>' for n in range(1, 16385))
        + "</row>"
    )
    with pytest.raises(xlsx_reader.SheetLimitError) as refused:
        read(workbook(HEADER_ROW + wide, dimension="A1:XFD2"))
    assert refused.value.extra == {"limiet": "kolommen", "maximum": spreadsheets.MAX_COLUMNS}
    assert f"kolom {spreadsheets.MAX_COLUMNS + 1}" in refused.value.detail


@pytest.mark.engine_neutral
def test_empty_cells_count_towards_the_cell_limit() -> None:
    # 16,384 empty cells a row: nothing to refuse in any one of them, but the reading stops.
    empty = "".join(f'<c r="{_column(n)}{{row}}"/>' for n in range(1, 16385))
    rows = "".join(
        f'<row r="{r}">' + empty.replace("{row}", str(r)) + "</row>" for r in range(2, 9)
    )
    counts = xlsx_reader.Counts()
    with pytest.raises(xlsx_reader.SheetLimitError) as refused:
        list(
            xlsx_reader.read_rows(
                io.BytesIO(workbook(HEADER_ROW + rows)), spreadsheets.XLSX_LIMITS, counts
            )
        )
    assert refused.value.extra["limiet"] == "cellen"
    assert counts.cells == spreadsheets.XLSX_LIMITS.cells + 1, "stopped at the first cell past"


def _column(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@pytest.mark.engine_neutral
def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", RELATIONS)
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (40 * 1024 * 1024) + b"</a>")
    data = out.getvalue()
    assert len(data) < 100_000
    with pytest.raises(xlsx_reader.SheetLimitError) as refused:
        read(data)
    assert refused.value.extra["limiet"] == "uitgepakte-grootte"


@pytest.mark.engine_neutral
def test_a_high_compression_ratio_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", RELATIONS)
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b"<c/>" * (2 * 1024 * 1024) + b"</a>")
    with pytest.raises(xlsx_reader.SheetLimitError) as refused:
        read(out.getvalue())
    assert refused.value.extra["limiet"] == "compressieverhouding"


@pytest.mark.engine_neutral
def test_a_dtd_is_refused() -> None:
    sheet = workbook(HEADER_ROW)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(sheet)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename.endswith("sheet1.xml"):
                content = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>' + content
            target.writestr(item, content)
    with pytest.raises(xlsx_reader.UnreadableWorkbookError):
        read(out.getvalue())


class CountingLines:
    """A file of many CSV lines that counts how many were taken from it."""

    def __init__(self, rows: int) -> None:
        self.taken = 0
        self.rows = rows

    def __iter__(self) -> Iterator[tuple[int, list[object]]]:
        yield 1, ["gemeente", "maatregel", "fase"]
        for n in range(2, self.rows + 2):
            self.taken += 1
            yield n, ["GM0344", "M01", "orienterend"]


@pytest.mark.engine_neutral
def test_rows_are_counted_as_they_come_in() -> None:
    lines = CountingLines(MAX_ROWS * 50)
    with pytest.raises(xlsx_reader.SheetLimitError) as refused:
        spreadsheets._records(lines)
    assert refused.value.extra == {"limiet": "rijen", "maximum": MAX_ROWS}
    assert lines.taken == MAX_ROWS + 1, "stopped at the first row past the limit"


async def test_a_huge_csv_is_refused_at_the_row_limit(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    body = b"gemeente;maatregel;fase\n" + b"GM0344;M01;orienterend\n" * (MAX_ROWS + 5)
    response = await contact.post("/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", body)})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["limiet"] == "rijen"
    assert str(MAX_ROWS) in response.json()["detail"]


async def test_an_endless_line_is_refused(clients: Callable[[], httpx.AsyncClient]) -> None:
    contact = clients()
    await login(contact, UTRECHT)
    body = b"gemeente;maatregel;fase\nGM0344;M01;" + b"x" * (spreadsheets.MAX_LINE_CHARS + 10)
    response = await contact.post("/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", body)})
    assert response.status_code == 413
    assert response.json()["limiet"] == "regellengte"


async def test_a_caller_without_progress_rights_is_refused_before_the_file_is_read(
    clients: Callable[[], httpx.AsyncClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(spreadsheets, "read_rows", lambda source: opened.append(source))
    partner = clients()
    partner.headers["Authorization"] = "Bearer " + await machine_token(
        partner, PARTNER.client_id, PARTNER.secret
    )
    data = workbook(HEADER_ROW, dimension="A1:XFD1048576")
    refused = await partner.post("/api/v1/voortgang/bestanden", files={"bestand": ("v.xlsx", data)})
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("application/problem+json")
    reader = clients()
    reader.headers["Authorization"] = "Bearer " + await machine_token(
        reader, SCRIPT.client_id, SCRIPT.secret, scope="voortgang:lezen"
    )
    assert (
        await reader.post("/api/v1/voortgang/bestanden", files={"bestand": ("v.xlsx", data)})
    ).status_code == 403
    assert (
        await reader.post(
            "/api/v1/voortgang/bulk",
            json={"rijen": [{"gemeente": "GM0344", "maatregel": "M01", "fase": "orienterend"}]},
        )
    ).status_code == 403
    assert (
        await clients().post("/api/v1/voortgang/bestanden", files={"bestand": ("v.xlsx", data)})
    ).status_code == 401
    assert opened == [], "no file was parsed"


async def test_no_transaction_is_open_while_the_file_is_parsed(
    clients: Callable[[], httpx.AsyncClient], db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite a transaction of a POST holds the database's write lock: parsing inside one
    made every other writer and every login wait (or fail) for as long as the parse took."""
    parse = spreadsheets.read_rows
    during: list[bool] = []

    def watched(source: object) -> spreadsheets.Sheet:
        during.append(db.in_transaction())
        return parse(source)  # type: ignore[arg-type]

    monkeypatch.setattr(spreadsheets, "read_rows", watched)
    contact = clients()
    await login(contact, UTRECHT)
    csv = b"gemeente;maatregel;fase\nGM0344;M19;voorbereidend\n"
    response = await contact.post("/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", csv)})
    assert response.status_code == 200, response.text
    assert during == [False]
    cell = (await contact.get("/api/v1/gemeenten/GM0344/voortgang/M19")).json()
    assert cell["fase"] == "voorbereidend", "the rows were still written, after the parse"


async def test_the_upload_size_limit_holds(database_url: str, db: Session, tmp_path: Path) -> None:
    app = create_app(make_settings(database_url, tmp_path, max_upload_bytes=1000))
    api_of(app).dependency_overrides[get_session] = lambda: (yield from transactional(db))
    async with http_client(app) as contact:
        await login(contact, UTRECHT)
        body = b"gemeente;maatregel;fase\n" + b"GM0344;M01;orienterend\n" * 60
        too_big = await contact.post(
            "/api/v1/voortgang/bestanden", files={"bestand": ("v.csv", body)}
        )
        assert too_big.status_code == 413
        assert "1000" in too_big.json()["detail"]
        fits = await contact.post(
            "/api/v1/voortgang/bestanden?controleren=true", files={"bestand": ("v.csv", body[:47])}
        )
        assert fits.status_code == 200, fits.text
