"""The help list's contact moments: an advisor notes when she contacted a municipality about a
measure and what was said, so advisors share who is being helped. Appended, never changed: the
help list shows the latest, the history keeps every one."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from api.core import clock
from api.core.errors import NotFoundError
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.progress import contact_queries, policy
from api.progress.contact_queries import Moment
from api.progress.contact_schemas import ContactMomentRead, LastContact

Latest = dict[tuple[str, str], Moment]


@dataclass(frozen=True, slots=True)
class ContactFilter:
    contacted: bool | None = None
    """True: only cells contacted (within `within_days`); False: only those not."""
    within_days: int | None = None
    """What counts as contacted: a moment on or after so many days ago; any moment when None."""

    def admits(self, moment: Moment | None, today: date) -> bool:
        if self.contacted is None:
            return True
        recent = moment is not None and (
            self.within_days is None
            or moment.contacted_on >= today - timedelta(days=self.within_days)
        )
        return recent is self.contacted


def last_contact(moment: Moment | None) -> LastContact | None:
    if moment is None:
        return None
    return LastContact(datum=moment.contacted_on, notitie=moment.note, door=moment.by)


def _read(moment: Moment) -> ContactMomentRead:
    return ContactMomentRead(
        datum=moment.contacted_on,
        notitie=moment.note,
        door=moment.by,
        vastgelegd_op=moment.noted_at,
    )


def latest(session: Session) -> Latest:
    return contact_queries.latest_per_cell(session)


def _ensure_cell(session: Session, municipality: str, measure: str) -> None:
    if not contact_queries.cell_exists(session, municipality, measure):
        raise NotFoundError(f"Gemeente {municipality} of maatregel {measure} bestaat niet.")


def record(
    session: Session, principal: Principal, municipality: str, measure: str, day: date, note: str
) -> ContactMomentRead:
    """Notes a contact moment; the programme team only."""
    policy.ensure_programme_team(principal)
    _ensure_cell(session, municipality, measure)
    text = note.strip()
    invalid = InvalidParams()
    if day > clock.today():
        invalid.add("datum", "in_the_future", "Een contact ligt niet in de toekomst.", "body")
    if not text:
        invalid.add("notitie", "empty", "Schrijf kort wat er besproken is.", "body")
    invalid.raise_if_any()
    return _read(contact_queries.add(session, municipality, measure, day, text, principal.user_id))


def history(
    session: Session, principal: Principal, municipality: str, measure: str
) -> list[ContactMomentRead]:
    policy.ensure_programme_team(principal)
    _ensure_cell(session, municipality, measure)
    return [_read(m) for m in contact_queries.of_cell(session, municipality, measure)]
