"""The public register as open data: every public signal in a CSV under CC BY 4.0.

It holds what the public register shows and no more: never who reported a signal, never which
municipalities are behind it (only how many, and their inhabitants), never its questions and
blockers. It is built once per version of the register and of the reference data (measures,
inhabitants), which is also what the Atom feed of responses (feed.py) is keyed by."""

from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from api.core import data_versions
from api.core.data_versions import Reader
from api.core.opendata import csv_bytes
from api.core.text import spreadsheet_cell
from api.signals import evidence, repository
from api.signals.repository import SignalFilter

FILE_NAME = "openbare-signalen"
COLUMNS = [
    "id",
    "titel",
    "soort",
    "status",
    "maatregelen",
    "aantal_gemeenten",
    "aantal_inwoners",
    "doorgezet_aan",
    "doorgezet_op",
    "reactie",
    "uitkomst",
    "reactie_op",
    "aangemaakt_op",
]


def version(reader: Reader) -> str:
    """What the public CSV and feed depend on: the register and the reference data."""
    return data_versions.key(reader, data_versions.REFERENCE, data_versions.SIGNALS)


def moment(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat(timespec="seconds")


def public_rows(session: Session) -> Iterator[list[object]]:
    signals = repository.all_signals(session, SignalFilter(public_only=True))
    reach = evidence.reach(session, [s.id for s in signals])
    for signal in signals:
        found = reach.get(signal.id, evidence.Reach(0, 0))
        row: list[object] = [
            signal.id,
            signal.title,
            signal.kind.value,
            signal.status.value,
            ",".join(m.code for m in signal.measures),
            found.municipalities,
            found.inhabitants,
            signal.passed_to.value if signal.passed_to else None,
            moment(signal.passed_on_at),
            signal.response,
            signal.outcome.value if signal.outcome else None,
            moment(signal.responded_at),
            moment(signal.created_at),
        ]
        # Titles and responses are typed by people: a spreadsheet must show them, not run them.
        yield [spreadsheet_cell(value) for value in row]


def public_csv(session: Session) -> bytes:
    return csv_bytes(COLUMNS, public_rows(session))
