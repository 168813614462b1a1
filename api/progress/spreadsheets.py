"""Progress as CSV and XLSX: the same columns in and out, so an export can be edited and
uploaded again. CSV may use a comma or a semicolon (Dutch spreadsheets use the latter)."""

import csv
import io
from collections.abc import Callable
from typing import Any

import filetype
from openpyxl import Workbook, load_workbook

from api.core.errors import DomainError
from api.progress.bulk import COLUMNS, LINE

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UnreadableSheetError(DomainError):
    status = 415
    title = "Bestand niet leesbaar"


def read_rows(data: bytes) -> list[dict[str, Any]]:
    kind = filetype.guess(data)
    if kind is not None and kind.mime == XLSX:
        return _read_xlsx(data)
    if kind is not None:
        raise UnreadableSheetError(f"Stuur CSV of XLSX, geen {kind.mime}.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableSheetError("Het CSV-bestand is geen UTF-8-tekst.") from exc
    return _read_csv(text)


def _normalised(header: list[str]) -> list[str]:
    names = [str(h or "").strip() for h in header]
    missing = [c for c in ("gemeente", "maatregel", "fase") if c not in names]
    if missing:
        raise UnreadableSheetError(
            f"Kolommen ontbreken: {', '.join(missing)}. Verwacht: {', '.join(COLUMNS)}."
        )
    return names


def _read_csv(text: str) -> list[dict[str, Any]]:
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = [(n, r) for n, r in enumerate(reader, start=1) if any(cell.strip() for cell in r)]
    return _records(rows, _normalised)


def _read_xlsx(data: bytes) -> list[dict[str, Any]]:
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise UnreadableSheetError("Het XLSX-bestand kan niet gelezen worden.") from exc
    rows = [
        (n, list(r))
        for n, r in enumerate(sheet.iter_rows(values_only=True), start=1)
        if any(c not in (None, "") for c in r)
    ]
    return _records(rows, lambda header: _normalised([str(c or "") for c in header]))


def _records(
    rows: list[tuple[int, list[Any]]], header_of: Callable[[list[Any]], list[str]]
) -> list[dict[str, Any]]:
    """Rows as dicts, each with the line it stood on (LINE), so errors point at the sheet."""
    if not rows:
        raise UnreadableSheetError("Het bestand is leeg.")
    header = header_of(rows[0][1])
    return [
        {LINE: n, **{k: _restored(v) for k, v in zip(header, r, strict=False)}} for n, r in rows[1:]
    ]


# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: object) -> object:
    """Free text a spreadsheet must show, never evaluate (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _restored(value: object) -> object:
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def _step_text(steps: dict[str, str]) -> str:
    return ";".join(f"{code}={done}" for code, done in sorted(steps.items(), key=lambda kv: kv[1]))


def to_csv(records: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), delimiter=";", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(
            {
                **{k: _inert(v) for k, v in record.items()},
                "stappenGereed": _step_text(record["stappenGereed"]),
            }
        )
    return ("\ufeff" + out.getvalue()).encode()


def to_xlsx(records: list[dict[str, Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Voortgang"
    sheet.append(list(COLUMNS))
    for record in records:
        sheet.append(
            [_step_text(record[c]) if c == "stappenGereed" else _inert(record[c]) for c in COLUMNS]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
