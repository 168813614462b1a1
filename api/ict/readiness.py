"""Which measures need software, and each application's readiness per measure: reported by its
supplier's client or entered by an editor, every change appended to the history with its
source. No HTTP, no commit."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from api.audit.service import record
from api.core import clock, events
from api.core.conditional import check_version
from api.core.errors import NotFoundError
from api.core.requests import RequestContext
from api.core.security import Principal
from api.ict import catalogue, policy, repository
from api.ict.models import (
    Application,
    ChangeSource,
    Readiness,
    ReadinessChange,
    ReadinessStatus,
    SoftwareMeasure,
)

# Measures that need software


@dataclass(frozen=True)
class MeasureFlag:
    code: str
    title: str
    needs_software: bool
    version: int


def measure_flags(session: Session, principal: Principal) -> list[MeasureFlag]:
    policy.ensure_can_read_catalogue(principal)
    rows = repository.software_measures(session)
    return [
        MeasureFlag(
            code,
            title,
            bool(rows.get(code) and rows[code].needs_software),
            rows[code].version if code in rows else 0,
        )
        for code, title in repository.measures(session)
    ]


def _title(session: Session, code: str) -> str:
    title = repository.measure_title(session, code)
    if title is None:
        raise NotFoundError(f"Maatregel {code} bestaat niet.")
    return title


def set_needs_software(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    code: str,
    needs: bool,
    if_match: str | None,
) -> MeasureFlag:
    policy.require_team(principal, "Aangeven welke maatregelen software vragen")
    title = _title(session, code)
    row = repository.software_measure(session, code)
    check_version(if_match, row.version if row else 0, required=row is not None)
    if row is None:
        row = SoftwareMeasure(measure_code=code, needs_software=needs, changed_by=principal.subject)
        repository.add(session, row)
    elif row.needs_software != needs:
        row.needs_software = needs
        row.version += 1
        row.changed_at = clock.now()
        row.changed_by = principal.subject
        session.flush()
    else:
        return MeasureFlag(code, title, needs, row.version)
    record(
        session,
        ctx,
        "ict.maatregel_gewijzigd",
        actor=principal.subject,
        subject=f"maatregel:{code}",
        details={"softwareNodig": needs},
    )
    return MeasureFlag(code, title, needs, row.version)


# Readiness


@dataclass(frozen=True)
class ReadinessView:
    application: Application
    measure_code: str
    measure_title: str
    row: Readiness | None


def readiness_of(
    session: Session, principal: Principal, application_id: int
) -> tuple[Application, list[ReadinessView]]:
    """Every measure that needs software, and what this application's supplier reported for
    it (or nothing yet); a measure no longer flagged keeps its reports but is not listed."""
    application = catalogue.get_application(session, principal, application_id)
    needing = repository.needing_software(session)
    rows = {r.measure_code: r for r in repository.readiness_of(session, application.id)}
    return application, [
        ReadinessView(application, code, title, rows.get(code))
        for code, title in repository.measures(session)
        if code in needing
    ]


def get_readiness(
    session: Session, principal: Principal, application_id: int, code: str
) -> ReadinessView:
    application = catalogue.get_application(session, principal, application_id)
    title = _title(session, code)
    return ReadinessView(
        application, code, title, repository.readiness(session, application.id, code)
    )


def report_readiness(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    application_id: int,
    code: str,
    if_match: str | None,
    status: ReadinessStatus,
    release: str | None,
    release_date: date | None,
) -> ReadinessView:
    """A supplier's client for its own applications, or an editor for any. If-Match is
    required once something was reported, so two reporters cannot overwrite each other
    unseen."""
    application = repository.application(session, application_id)
    if application is None:
        policy.ensure_can_read_catalogue(principal)
        raise NotFoundError(f"Applicatie {application_id} bestaat niet.")
    source = policy.source_of_readiness(principal, application.supplier_code)
    title = _title(session, code)
    row = repository.readiness(session, application.id, code)
    check_version(if_match, row.version if row else 0, required=row is not None)
    release = release.strip() if release else None
    if row is not None and (row.status, row.release, row.release_date) == (
        status,
        release,
        release_date,
    ):
        return ReadinessView(application, code, title, row)
    before = (row.status, row.release_date) if row is not None else (None, None)
    row = write_readiness(
        session, application.id, code, status, release, release_date, source, principal.subject
    )
    record(
        session,
        ctx,
        "ict.gereedheid_gemeld",
        actor=principal.subject,
        subject=f"applicatie:{application.id}",
        details={
            "maatregel": code,
            "status": status.value,
            "datum": release_date.isoformat() if release_date else None,
        },
    )
    session.flush()
    events.publish(
        session,
        events.ICT_READINESS_REPORTED,
        {
            "application": application.id,
            "application_name": application.name,
            "supplier": application.supplier_code,
            "measure": code,
            "old_status": before[0].value if before[0] is not None else None,
            "old_date": before[1],
            "new_status": status.value,
            "new_date": release_date,
            "actor": principal.user_id,
        },
    )
    return ReadinessView(application, code, title, row)


def _remember(session: Session, row: Readiness, now: datetime) -> None:
    session.add(
        ReadinessChange(
            application_id=row.application_id,
            measure_code=row.measure_code,
            status=row.status,
            release=row.release,
            release_date=row.release_date,
            source=row.source,
            actor=row.actor,
            changed_at=now,
        )
    )


def write_readiness(
    session: Session,
    application_id: int,
    code: str,
    status: ReadinessStatus,
    release: str | None,
    release_date: date | None,
    source: ChangeSource,
    actor: str,
) -> Readiness:
    """The write and its history; rights are checked by the caller (a report, the demo data)."""
    now = clock.now()
    row = repository.readiness(session, application_id, code)
    if row is None:
        row = Readiness(
            application_id=application_id,
            measure_code=code,
            status=status,
            release=release,
            release_date=release_date,
            source=source,
            actor=actor,
            changed_at=now,
        )
        session.add(row)
    else:
        row.status, row.release, row.release_date = status, release, release_date
        row.source, row.actor, row.changed_at = source, actor, now
        row.version += 1
    _remember(session, row, now)
    return row


def history(
    session: Session, principal: Principal, application_id: int, code: str
) -> tuple[ReadinessView, list[ReadinessChange]]:
    view = get_readiness(session, principal, application_id, code)
    return view, repository.readiness_history(session, application_id, code)
