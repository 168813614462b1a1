"""Progress as CSV and XLSX: the same columns in and out, so an export can be edited and
uploaded again.

Reading is streamed and bounded: a file is read row by row and refused at the first limit it
passes (rows, columns, line length, cells read), never loaded whole into rows first. Dutch
spreadsheet habits are understood: `;` as separator, Windows-1252 text, Excel for Mac's CR-only
line endings, a `sep=;` first line, and dates written `1-1-2026`."""

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO

import filetype
from openpyxl import Workbook

from api.core.dutch import part_of
from api.core.errors import DomainError
from api.core.text import FORMULA_START, spreadsheet_cell, unsafe_character_reason
from api.progress import xlsx_reader
from api.progress.bulk import MAX_ROWS, InvalidRowsError, RowError
from api.progress.exchange import ExportRecord
from api.progress.rows import COLUMNS, ParsedRow, parse_row
from api.progress.xlsx_reader import SheetLimitError, UnreadableWorkbookError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REQUIRED = ("gemeente", "maatregel", "fase")
MAX_COLUMNS = len(COLUMNS) + 3
"""A value right of this column is refused; empty cells there are skipped."""
MAX_LINES = 2 * MAX_ROWS
"""Rows read, empty ones included."""
MAX_LINE_CHARS = 64 * 1024
"""One line of a CSV file; two full texts of 5000 characters and every step fit easily."""
XLSX_LIMITS = xlsx_reader.Limits(
    columns=MAX_COLUMNS,
    cells=(MAX_ROWS + 1) * MAX_COLUMNS,
    elements=5 * (MAX_ROWS + 1) * MAX_COLUMNS,
)
UTF8 = "utf-8"
WINDOWS_1252 = "windows-1252"
SAVE_AS_UTF8 = (
    'Sla het bestand in Excel op met "Opslaan als" en kies "CSV UTF-8 (door komma\'s '
    'gescheiden)", of in LibreOffice "Tekst CSV" met tekenset "Unicode (UTF-8)".'
)


class UnreadableSheetError(DomainError):
    status = 415
    title = "Bestand niet leesbaar"


class InvalidColumnsError(DomainError):
    status = 400
    title = "Ongeldige kolommen"


@dataclass(frozen=True)
class Sheet:
    rows: list[ParsedRow]
    """Each row checked as a row, numbered by the line it stood on."""
    encoding: str | None
    """How a CSV file's text was read; None for XLSX."""


def read_rows(source: IO[bytes]) -> Sheet:
    """The rows of an uploaded CSV or XLSX file; `source` must be seekable."""
    head = source.read(8192)
    source.seek(0)
    kind = filetype.guess(head)
    if kind is not None and kind.mime == XLSX:
        try:
            return Sheet(_records(xlsx_reader.read_rows(source, XLSX_LIMITS)), None)
        except UnreadableWorkbookError as exc:
            raise UnreadableSheetError(exc.detail) from exc
    if kind is not None:
        raise UnreadableSheetError(f"Stuur CSV of XLSX, geen {kind.mime}.")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableSheetError(f"Dit CSV-bestand is UTF-16-tekst. {SAVE_AS_UTF8}")
    encoding = _encoding(source)
    text = io.TextIOWrapper(source, encoding=encoding, newline="")
    try:
        return Sheet(_records(_csv_rows(text)), WINDOWS_1252 if encoding == "cp1252" else UTF8)
    except UnicodeDecodeError as exc:
        raise UnreadableSheetError(
            f"Het CSV-bestand is geen UTF-8- of Windows-1252-tekst. {SAVE_AS_UTF8}"
        ) from exc
    finally:
        text.detach()


def _encoding(source: IO[bytes]) -> str:
    """UTF-8 (a byte-order mark is skipped) when the whole file is valid UTF-8, else Windows-1252:
    what Excel writes as "CSV (gescheiden door lijstscheidingsteken)" on a Dutch Windows."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := source.read(64 * 1024):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "cp1252"
    finally:
        source.seek(0)


def _lines(text: IO[str]) -> Iterator[str]:
    """Physical lines (CR, LF or CRLF), each within MAX_LINE_CHARS."""
    number = 0
    while line := text.readline(MAX_LINE_CHARS + 1):
        number += 1
        if len(line) > MAX_LINE_CHARS:
            raise SheetLimitError(
                "regellengte",
                MAX_LINE_CHARS,
                f"Regel {number} is langer dan {MAX_LINE_CHARS} tekens.",
            )
        yield line


def _csv_rows(text: IO[str]) -> Iterator[tuple[int, list[object]]]:
    lines = _lines(text)
    first = next(lines, "")
    # Excel reads (and some programs write) a first line "sep=;" naming the separator.
    hint = re.fullmatch(r"sep=(.)\r?\n?", first)
    if hint:
        delimiter = hint.group(1)
        first = next(lines, "")
    else:
        delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(_chain(first, lines), delimiter=delimiter)
    try:
        for number, values in enumerate(reader, start=1):
            yield number, list(values)
    except csv.Error as exc:
        raise UnreadableSheetError(
            f"Het CSV-bestand is niet te lezen rond regel {reader.line_num}: {exc}."
        ) from exc


def _chain(first: str, rest: Iterable[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def _header(values: list[object]) -> list[str]:
    names = [str(v or "").strip() for v in values]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise UnreadableSheetError(
            f"Kolommen ontbreken: {', '.join(missing)}. Verwacht: {', '.join(COLUMNS)}."
        )
    unknown = [n for n in names if n and n not in COLUMNS]
    doubles = sorted({n for n in names if n and names.count(n) > 1})
    if unknown or doubles:
        problems = []
        if unknown:
            problems.append(f"onbekende kolommen: {', '.join(unknown)}")
        if doubles:
            problems.append(f"dubbele kolommen: {', '.join(doubles)}")
        raise InvalidColumnsError(
            f"De kopregel heeft {' en '.join(problems)}; er is niets gewijzigd. "
            f"Toegestaan: {', '.join(COLUMNS)}.",
            extra={"onbekendeKolommen": unknown, "dubbeleKolommen": doubles},
        )
    return names


Cells = dict[str, object]
"""One line of a sheet by its column names, as the file has it (before the row's checks)."""


def _records(rows: Iterable[tuple[int, list[object]]]) -> list[ParsedRow]:
    """The rows, each checked as a row and numbered by the line it stood on, so errors point
    at the sheet. Empty rows are skipped; the limits are checked as the rows come in."""
    header: list[str] | None = None
    records: list[tuple[int, Cells]] = []
    unsafe: list[RowError] = []
    for read, (number, values) in enumerate(rows, start=1):
        if read > MAX_LINES:
            raise SheetLimitError(
                "regels",
                MAX_LINES,
                f"Het bestand heeft meer dan {MAX_LINES} regels (lege meegeteld).",
            )
        if not any(v not in (None, "") and str(v).strip() for v in values):
            continue
        if header is None:
            header = _header(values)
            continue
        if len(records) == MAX_ROWS:
            raise SheetLimitError(
                "rijen",
                MAX_ROWS,
                f"Het bestand heeft meer dan {MAX_ROWS} rijen; stuur het in delen.",
            )
        record = _record(header, number, values)
        records.append((number, record))
        if problems := _unsafe_text(record):
            unsafe.append(
                {
                    "rij": number,
                    "gemeente": str(record.get("gemeente") or "").strip().upper(),
                    "maatregel": str(record.get("maatregel") or "").strip().upper(),
                    "fouten": problems,
                }
            )
    if header is None:
        raise UnreadableSheetError("Het bestand is leeg.")
    if unsafe:
        # The same refusal as for a JSON body, so nothing stored can break an export later.
        raise InvalidRowsError(
            f"{part_of(len(unsafe), len(records), 'rij', 'rijen', 'bevat', 'bevatten')} een "
            "niet-toegestaan teken; er is "
            "niets gewijzigd.",
            extra={"rijFouten": unsafe},
        )
    return [parse_row(number, record) for number, record in records]


def _unsafe_text(record: Cells) -> list[str]:
    return [
        f"{name}: {reason}"
        for name in COLUMNS
        if isinstance(text := record.get(name), str)
        and (reason := unsafe_character_reason(text)) is not None
    ]


def _record(header: list[str], number: int, values: list[object]) -> Cells:
    record: Cells = {}
    for position, value in enumerate(values):
        name = header[position] if position < len(header) else ""
        if name:
            record[name] = _restored(value)
        elif value not in (None, "") and str(value).strip():
            if position >= MAX_COLUMNS:
                raise SheetLimitError(
                    "kolommen",
                    MAX_COLUMNS,
                    f"Regel {number} heeft een waarde in kolom {position + 1}; een "
                    f"voortgangsbestand heeft hoogstens {MAX_COLUMNS} kolommen.",
                )
            raise InvalidColumnsError(
                f"Regel {number} heeft een waarde in kolom {position + 1}, die geen kopnaam "
                f"heeft. Toegestaan: {', '.join(COLUMNS)}."
            )
    for name in ("geplandLivegang", "stappenGereed"):
        if isinstance(text := record.get(name), str):
            record[name] = _iso_dates(text)
    return record


# Dutch spreadsheet programs show and save dates as 1-1-2026 or 01-01-2026.
_DUTCH_DATE = re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])")


def _iso_dates(text: str) -> str:
    """Dates written day-month-year as JJJJ-MM-DD; anything else is left for the row check,
    which names what it cannot read."""

    def iso(match: re.Match[str]) -> str:
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return match.group()

    return _DUTCH_DATE.sub(iso, text)


def _restored(value: object) -> object:
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def _step_text(steps: dict[str, str]) -> str:
    return ";".join(f"{code}={done}" for code, done in sorted(steps.items(), key=lambda kv: kv[1]))


def _cells(record: ExportRecord) -> list[object]:
    return [
        spreadsheet_cell(record["gemeente"]),
        spreadsheet_cell(record["maatregel"]),
        spreadsheet_cell(record["fase"]),
        spreadsheet_cell(record["geplandLivegang"]),
        spreadsheet_cell(_step_text(record["stappenGereed"])),
        spreadsheet_cell(record["knelpunten"]),
        spreadsheet_cell(record["knelpuntSoort"]),
        spreadsheet_cell(record["notitie"]),
    ]


def to_csv(records: list[ExportRecord]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(_cells(record) for record in records)
    return ("\ufeff" + out.getvalue()).encode()


def to_xlsx(records: list[ExportRecord]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Voortgang")
    sheet.append(list(COLUMNS))
    for record in records:
        sheet.append(_cells(record))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
