"""The first worksheet of an XLSX file, read as a stream with hard limits.

openpyxl trusts the sheet's declared dimension (`<dimension ref="A1:XFD1048576"/>`) and pads
every row up to it, so a 1.6 KB file made it walk billions of empty cells. This reader never
looks at the dimension: it walks the XML that is really there, element by element, and stops at
the first limit it reaches (elements read, cells read, columns, rows). The zip is checked before
anything is decompressed: only stored or deflated members, each within a size and a ratio, so a
zip bomb is refused unopened. openpyxl still writes the exports; its number formats tell which
cells are dates."""

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import iterparse
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from api.core.errors import DomainError

MAX_MEMBER_BYTES = 32 * 1024 * 1024
"""Uncompressed size of each part read (sheet, shared strings, styles, workbook)."""
MAX_RATIO = 200
"""Uncompressed to compressed, for parts above RATIO_FROM bytes; real sheets stay far below."""
RATIO_FROM = 1024 * 1024


class UnreadableWorkbookError(DomainError):
    status = 415
    title = "Bestand niet leesbaar"


class SheetLimitError(DomainError):
    """A file past one of the reading limits: 413, naming the limit."""

    status = 413
    title = "Bestand te groot"

    def __init__(self, what: str, maximum: int, detail: str) -> None:
        super().__init__(detail, extra={"limiet": what, "maximum": maximum})


@dataclass(frozen=True)
class Limits:
    columns: int
    """A cell with content right of this column is refused; empty ones are skipped."""
    cells: int
    """Cells read, empty ones included."""
    elements: int
    """XML elements read in all parts, a bound on the work whatever their names."""


@dataclass
class Counts:
    elements: int = 0
    cells: int = 0
    rows: int = 0


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _Reader:
    def __init__(self, archive: zipfile.ZipFile, limits: Limits, counts: Counts) -> None:
        self.archive = archive
        self.limits = limits
        self.counts = counts

    def _events(self, name: str, events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, Any]]:
        try:
            member = self.archive.getinfo(name)
        except KeyError as exc:
            raise UnreadableWorkbookError(f"Het XLSX-bestand mist het onderdeel {name}.") from exc
        with self.archive.open(member) as source:
            try:
                for event, element in iterparse(source, events=events, forbid_dtd=True):
                    if event == "end":
                        self.counts.elements += 1
                        if self.counts.elements > self.limits.elements:
                            raise SheetLimitError(
                                "xml-elementen",
                                self.limits.elements,
                                f"Het XLSX-bestand bevat meer dan {self.limits.elements} "
                                "XML-elementen; zoveel heeft een voortgangsbestand nooit nodig.",
                            )
                    yield event, element
            except (SyntaxError, zipfile.BadZipFile, EOFError) as exc:
                raise UnreadableWorkbookError(f"Het XLSX-bestand is beschadigd ({name}).") from exc
            except ValueError as exc:  # defusedxml refuses DTDs and entities with ValueError
                raise UnreadableWorkbookError(
                    f"Het XLSX-bestand bevat een DTD of entiteiten ({name})."
                ) from exc

    def first_sheet(self) -> tuple[str, bool]:
        """The path of the first worksheet, and whether dates count from 1904."""
        rel_id = None
        mac_epoch = False
        for _, element in self._events("xl/workbook.xml"):
            tag = _local(element.tag)
            if tag == "sheet" and rel_id is None:
                rel_id = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
            elif tag == "workbookPr":
                mac_epoch = element.get("date1904") in ("1", "true")
        targets = {
            element.get("Id"): element.get("Target", "")
            for _, element in self._events("xl/_rels/workbook.xml.rels")
            if _local(element.tag) == "Relationship"
        }
        target = targets.get(rel_id)
        if not target:
            raise UnreadableWorkbookError("Het XLSX-bestand heeft geen werkblad.")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        return posixpath.normpath(path), mac_epoch

    def shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self.archive.NameToInfo:
            return []
        strings: list[str] = []
        parts: list[str] = []
        phonetic = 0
        for event, element in self._events("xl/sharedStrings.xml", ("start", "end")):
            tag = _local(element.tag)
            if tag == "rPh":  # the reading aid of East Asian text is not part of the value
                phonetic += 1 if event == "start" else -1
            elif event == "end" and tag == "t" and not phonetic:
                parts.append(element.text or "")
            elif event == "end" and tag == "si":
                if len(strings) >= self.limits.cells:
                    raise SheetLimitError(
                        "cellen",
                        self.limits.cells,
                        f"Het XLSX-bestand heeft meer dan {self.limits.cells} teksten.",
                    )
                strings.append("".join(parts))
                parts.clear()
                element.clear()
        return strings

    def date_styles(self) -> set[int]:
        """The positions in cellXfs whose number format shows a date."""
        if "xl/styles.xml" not in self.archive.NameToInfo:
            return set()
        custom: dict[int, str] = {}
        formats: list[int] = []
        in_cell_xfs = False
        for event, element in self._events("xl/styles.xml", ("start", "end")):
            tag = _local(element.tag)
            if tag == "cellXfs":
                in_cell_xfs = event == "start"
            elif event == "end" and tag == "numFmt":
                custom[_int(element.get("numFmtId"))] = element.get("formatCode", "")
            elif event == "end" and tag == "xf" and in_cell_xfs:
                formats.append(_int(element.get("numFmtId")))
        return {
            position
            for position, format_id in enumerate(formats)
            if is_date_format(custom.get(format_id) or BUILTIN_FORMATS.get(format_id) or "")
        }

    def rows(self) -> Iterator[tuple[int, list[object]]]:
        sheet, mac_epoch = self.first_sheet()
        strings = self.shared_strings()
        dates = self.date_styles()
        epoch = CALENDAR_MAC_1904 if mac_epoch else CALENDAR_WINDOWS_1900
        limits, counts = self.limits, self.counts
        number = 0
        column = 0
        values: dict[int, object] = {}
        inline: list[str] = []
        value_text: str | None = None
        container: Element | None = None
        for event, element in self._events(sheet, ("start", "end")):
            tag = _local(element.tag)
            if event == "start":
                if tag == "sheetData":
                    container = element
                elif tag == "row":
                    number = _int(element.get("r"), number + 1)
                    column = 0
                    values = {}
                elif tag == "c":
                    inline = []
                    value_text = None
                continue
            if tag == "v":
                value_text = element.text
            elif tag == "t":
                inline.append(element.text or "")
            elif tag == "c":
                counts.cells += 1
                if counts.cells > limits.cells:
                    raise SheetLimitError(
                        "cellen",
                        limits.cells,
                        f"Het werkblad heeft meer dan {limits.cells} cellen (lege meegeteld). "
                        "Kopieer alleen de rijen en kolommen van de voortgang naar een nieuw "
                        "werkblad.",
                    )
                column = _column(element.get("r"), column + 1)
                value = _cell_value(element, value_text, inline, strings, dates, epoch)
                element.clear()
                if value is None or value == "":
                    continue
                if column > limits.columns:
                    raise SheetLimitError(
                        "kolommen",
                        limits.columns,
                        f"Rij {number} heeft een waarde in kolom {column}; een voortgangsbestand "
                        f"heeft hoogstens {limits.columns} kolommen.",
                    )
                values[column] = value
            elif tag == "row":
                counts.rows += 1
                if values:
                    yield number, [values.get(c) for c in range(1, max(values) + 1)]
                if container is not None:
                    container.clear()  # rows read are not kept
            elif tag == "sheetData":
                return


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError as exc:
        raise UnreadableWorkbookError(
            f"Het XLSX-bestand heeft een ongeldig getal: {text}."
        ) from exc


def _column(reference: str | None, default: int) -> int:
    if reference is None:
        return default
    try:
        return int(column_index_from_string(coordinate_from_string(reference)[0]))
    except ValueError as exc:
        raise UnreadableWorkbookError(
            f"Het XLSX-bestand heeft een ongeldige celverwijzing: {reference[:20]}."
        ) from exc


def _cell_value(
    cell: Element,
    text: str | None,
    inline: list[str],
    strings: list[str],
    dates: set[int],
    epoch: datetime,
) -> object:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return "".join(inline)
    if text is None:
        return None
    if kind == "s":
        index = _int(text)
        if not 0 <= index < len(strings):
            raise UnreadableWorkbookError("Het XLSX-bestand verwijst naar een onbekende tekst.")
        return strings[index]
    if kind == "b":
        return text == "1"
    if kind == "n":
        try:
            number = float(text)
        except ValueError as exc:
            raise UnreadableWorkbookError(f"Geen getal in het XLSX-bestand: {text[:20]}.") from exc
        if _int(cell.get("s")) in dates:
            try:
                return from_excel(number, epoch)
            except (ValueError, OverflowError):
                return text
        return int(number) if number.is_integer() else number
    return text  # "str" (a formula's text), "d" (an ISO date), "e" (an error): as written


def _check_archive(archive: zipfile.ZipFile) -> None:
    for member in archive.infolist():
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnreadableWorkbookError(
                f"Het XLSX-bestand gebruikt een onbekende compressie ({member.filename})."
            )
        if member.file_size > MAX_MEMBER_BYTES:
            raise SheetLimitError(
                "uitgepakte-grootte",
                MAX_MEMBER_BYTES,
                f"Uitgepakt is {member.filename} groter dan {MAX_MEMBER_BYTES} bytes.",
            )
        if member.file_size > RATIO_FROM and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise SheetLimitError(
                "compressieverhouding",
                MAX_RATIO,
                f"{member.filename} is meer dan {MAX_RATIO} keer gecomprimeerd: "
                "dat doet een echt werkblad niet.",
            )


def read_rows(
    source: IO[bytes], limits: Limits, counts: Counts | None = None
) -> Iterator[tuple[int, list[object]]]:
    """(row number, values up to the last one filled) for each row with content.

    The zip's members are checked first; zipfile never returns more than a member's declared
    size, so the checked sizes hold while reading."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise UnreadableWorkbookError("Het XLSX-bestand kan niet gelezen worden.") from exc
    with archive:
        _check_archive(archive)
        yield from _Reader(archive, limits, counts or Counts()).rows()
