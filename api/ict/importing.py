"""Which application each municipality uses, from a CSV file in the shape of a software
catalogue's export: one row per municipality, package and domain.

    gemeentecode;gemeentenaam;pakket;leverancier;domein
    GM0344;Utrecht;Rekenwerk Inkomen (demo);demo-rekenwerk;inkomen

The file is read and checked in full before anything is written (all or nothing), every wrong
row named with all its problems. Reading is bounded (bytes, lines, line length) and happens
outside any transaction: the caller ends the one sign-in opened first, as the progress upload
does. A package not known yet for its supplier is created with the domains the file gives it."""

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from sqlalchemy.orm import Session

from api.audit.service import record
from api.core import clock
from api.core.errors import PayloadTooLargeError
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.text import FORMULA_START, fold, unsafe_character_reason
from api.ict import catalogue, policy, repository
from api.ict.models import Application, ChangeSource, Domain
from api.progress.bulk import InvalidRowsError
from api.progress.spreadsheets import InvalidColumnsError, UnreadableSheetError
from api.progress.xlsx_reader import SheetLimitError

COLUMNS = ("gemeentecode", "gemeentenaam", "pakket", "leverancier", "domein")
REQUIRED = ("gemeentecode", "pakket", "leverancier", "domein")
MAX_BYTES = 2 * 1024 * 1024
"""342 municipalities × four domains fit many times over."""
MAX_ROWS = 5_000
MAX_LINE_CHARS = 2_000


@dataclass(frozen=True)
class Row:
    number: int
    """The line it stood on, so an error points at the file."""
    municipality: str
    package: str
    supplier: str
    domains: tuple[str, ...]


@dataclass
class Outcome:
    rows: int
    new_applications: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: list[dict[str, object]] = field(default_factory=list)


def ensure_may_import(principal: Principal) -> None:
    """Before a byte is read: only the team imports (a contact names her own applications)."""
    policy.require_team(principal, "Een softwarecatalogus importeren")


def read(source: IO[bytes], size: int) -> list[Row]:
    """The rows of the file, checked for shape only (no database): UTF-8, `;` or `,`."""
    if size > MAX_BYTES:
        raise PayloadTooLargeError(f"Een catalogusbestand mag hoogstens {MAX_BYTES} bytes zijn.")
    data = source.read(MAX_BYTES + 1)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableSheetError("Dit CSV-bestand is UTF-16-tekst; sla het op als UTF-8.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableSheetError("Het CSV-bestand is geen UTF-8-tekst.") from exc
    lines = list(_lines(text))
    if not lines:
        raise UnreadableSheetError("Het bestand is leeg.")
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    try:
        parsed = list(csv.reader(lines, delimiter=delimiter))
    except csv.Error as exc:
        raise UnreadableSheetError(f"Het CSV-bestand is niet te lezen: {exc}.") from exc
    header = _header(parsed[0])
    rows: list[Row] = []
    unsafe: list[dict[str, object]] = []
    for number, values in enumerate(parsed[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        if len(rows) == MAX_ROWS:
            raise SheetLimitError(
                "rijen", MAX_ROWS, f"Het bestand heeft meer dan {MAX_ROWS} rijen."
            )
        cells = {name: values[i].strip() for i, name in enumerate(header) if i < len(values)}
        if problems := [
            f"{name}: {reason}"
            for name, text in cells.items()
            if (reason := unsafe_character_reason(text)) is not None
        ]:
            unsafe.append({"rij": number, "fouten": problems})
        package = cells.get("pakket", "")
        if package.startswith("'") and package[1:].startswith(FORMULA_START):
            package = package[1:]
        rows.append(
            Row(
                number,
                cells.get("gemeentecode", "").upper(),
                package,
                cells.get("leverancier", ""),
                tuple(
                    d.strip().lower()
                    for d in cells.get("domein", "").replace("|", ",").split(",")
                    if d.strip()
                ),
            )
        )
    if unsafe:
        raise InvalidRowsError(
            f"{len(unsafe)} rijen bevatten een niet-toegestaan teken; er is niets gewijzigd.",
            extra={"rijFouten": unsafe},
        )
    return rows


def _lines(text: str) -> Iterator[str]:
    for number, line in enumerate(text.splitlines(), start=1):
        if number > 2 * MAX_ROWS:
            raise SheetLimitError(
                "regels", 2 * MAX_ROWS, f"Het bestand heeft meer dan {2 * MAX_ROWS} regels."
            )
        if len(line) > MAX_LINE_CHARS:
            raise SheetLimitError(
                "regellengte",
                MAX_LINE_CHARS,
                f"Regel {number} is langer dan {MAX_LINE_CHARS} tekens.",
            )
        yield line


def _header(values: list[str]) -> list[str]:
    names = [v.strip().lower() for v in values]
    missing = [c for c in REQUIRED if c not in names]
    unknown = [n for n in names if n and n not in COLUMNS]
    doubles = sorted({n for n in names if n and names.count(n) > 1})
    if missing or unknown or doubles:
        raise InvalidColumnsError(
            f"De kopregel klopt niet (ontbrekend: {', '.join(missing) or '-'}); er is niets "
            f"gewijzigd. Verwacht: {', '.join(COLUMNS)}.",
            extra={"onbekendeKolommen": unknown, "dubbeleKolommen": doubles},
        )
    return names


def apply(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    rows: list[Row],
    *,
    dry_run: bool,
) -> Outcome:
    """Checks every row against the database, then writes all of them or none."""
    ensure_may_import(principal)
    outcome = Outcome(rows=len(rows))
    municipalities = repository.municipality_codes(session)
    suppliers = repository.supplier_names(session)
    by_name = {fold(name): code for code, name in suppliers.items()}
    planned: dict[tuple[str, str], list[Row]] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        problems = []
        if row.municipality not in municipalities:
            problems.append(f"gemeentecode: {row.municipality or '(leeg)'} bestaat niet")
        supplier = row.supplier if row.supplier in suppliers else by_name.get(fold(row.supplier))
        if supplier is None:
            problems.append(f"leverancier: {row.supplier or '(leeg)'} is geen bekende leverancier")
        if not row.package or len(row.package) > 200:
            problems.append("pakket: verplicht, hoogstens 200 tekens")
        wrong = [d for d in row.domains if d not in Domain._value2member_map_]
        if not row.domains or wrong:
            problems.append(
                f"domein: kies uit {', '.join(d.value for d in Domain)}"
                + (f" (niet: {', '.join(wrong)})" if wrong else "")
            )
        for domain in row.domains:
            first = seen.setdefault((row.municipality, domain), row.number)
            if first != row.number:
                problems.append(f"domein {domain}: staat voor deze gemeente ook op regel {first}")
        if problems:
            outcome.errors.append(
                {"rij": row.number, "gemeente": row.municipality, "fouten": problems}
            )
        elif supplier is not None:
            planned.setdefault((supplier, row.package), []).append(row)
    if outcome.errors:
        raise InvalidRowsError(
            f"{len(outcome.errors)} van {len(rows)} rijen zijn afgekeurd; er is niets gewijzigd.",
            extra={"rijFouten": outcome.errors},
        )
    # Every municipality's applications in one query, not one per row and domain: a catalogue
    # export names each of the 342 municipalities, and most rows come again unchanged.
    used = {(code, domain): app for code, domain, app in repository.all_usages(session)}
    for (supplier, package), package_rows in planned.items():
        domains = {Domain(d) for row in package_rows for d in row.domains}
        application = repository.application_by_name(session, supplier, package)
        if application is None:
            outcome.new_applications += 1
            if dry_run:
                outcome.changed += sum(len(r.domains) for r in package_rows)
                continue
            application = Application(
                supplier_code=supplier,
                name=package,
                domains=catalogue.ordered_domains(list(domains)),
            )
            repository.add(session, application)
        elif not domains <= {Domain(d) for d in application.domains} and not dry_run:
            application.domains = catalogue.ordered_domains(
                [*application.domains, *(d.value for d in domains)]
            )
            application.version += 1
            application.changed_at = clock.now()
        for row in package_rows:
            for domain in row.domains:
                if used.get((row.municipality, Domain(domain))) == application.id:
                    outcome.unchanged += 1
                    continue
                outcome.changed += 1
                if not dry_run:
                    catalogue.write_usage(
                        session,
                        principal.subject,
                        ChangeSource.IMPORT,
                        row.municipality,
                        Domain(domain),
                        application.id,
                    )
    if not dry_run:
        record(
            session,
            ctx,
            "ict.catalogus_geimporteerd",
            actor=principal.subject,
            details={
                "rijen": outcome.rows,
                "nieuweApplicaties": outcome.new_applications,
                "gewijzigd": outcome.changed,
            },
        )
    return outcome
