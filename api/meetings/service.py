"""The rules of the agenda: planning, changing and cancelling a meeting, the status it shows, and
whether registering is possible. Registrations keep `vol` in step through `refresh_full`."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

from pydantic.alias_generators import to_camel
from sqlalchemy.orm import Session

from api.core import clock, data_versions, events
from api.core.conditional import check_version
from api.core.data_versions import Reader
from api.core.errors import ConflictError, UnauthenticatedError
from api.core.pagination import PageParams
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.meetings import history, repository
from api.meetings.models import (
    Audience,
    HostRole,
    Meeting,
    MeetingKind,
    MeetingStatus,
)
from api.meetings.policy import may_be_organiser, not_found, require_manager, require_team
from api.meetings.repository import Counts, MeetingFilter
from api.meetings.schemas import HostInput, MeetingCreate, MeetingUpdate

# The contract's fields (python names of MeetingCreate / MeetingUpdate) and the columns they set;
# the status has rules of its own.
COLUMNS = {
    "soort": "kind",
    "titel": "title",
    "omschrijving": "description",
    "doelgroep": "audience",
    "online": "is_online",
    "deelnamelink": "join_url",
    "locatie": "venue",
    "adres": "address",
    "provincie": "province_code",
    "arbeidsmarktregio": "labour_market_region_code",
    "begin": "starts_at",
    "einde": "ends_at",
    "capaciteit": "capacity",
    "aanmelden_tot": "registration_deadline",
    "tijdslot_minuten": "slot_minutes",
    "organisator": "organiser_id",
}
REQUIRED = {"kind", "title", "description", "audience", "is_online", "starts_at", "ends_at"}
MOVING = ("begin", "einde", "locatie", "adres", "online", "deelnamelink")
"""What a calendar entry holds: changing any raises the SEQUENCE and tells everyone registered."""
CHOSEN_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.OPEN)
"""What the team sets; `vol` follows the registrations, cancelling has its own step."""


def shown_status(meeting: Meeting, now: datetime) -> MeetingStatus:
    """The status a reader sees: a cancelled meeting stays cancelled, any other has ended
    (`afgelopen`, never stored) once its end has passed."""
    if meeting.status is MeetingStatus.CANCELLED:
        return MeetingStatus.CANCELLED
    if meeting.ends_at <= now:
        return MeetingStatus.PAST
    return meeting.status


def registration_closes_at(meeting: Meeting) -> datetime:
    return meeting.registration_deadline or meeting.starts_at


def registration_possible(meeting: Meeting, now: datetime) -> bool:
    """Open (or full: then onto the waiting list), before the deadline, not cancelled or
    ended."""
    return (
        meeting.status in (MeetingStatus.OPEN, MeetingStatus.FULL)
        and now < registration_closes_at(meeting)
        and now < meeting.ends_at
    )


def free_places(meeting: Meeting, counts: Counts) -> int | None:
    if meeting.capacity is None:
        return None
    return max(0, meeting.capacity - counts.registered)


def refresh_full(session: Session, meeting: Meeting) -> None:
    """Sets `open` ↔ `vol` from the places taken. Call it with the meeting's row locked
    (repository.get_for_update), after registrations changed or the capacity did."""
    taken = repository.counts(session, [meeting.id])[meeting.id].registered
    full = meeting.capacity is not None and taken >= meeting.capacity
    if meeting.status is MeetingStatus.OPEN and full:
        meeting.status = MeetingStatus.FULL
        history.record(session, meeting, "vol", "systeem", {"aangemeld": taken})
    elif meeting.status is MeetingStatus.FULL and not full:
        meeting.status = MeetingStatus.OPEN
        history.record(session, meeting, "weer-open", "systeem", {"aangemeld": taken})


# ---------------------------------------------------------------------------------------------
# Reading


def get(session: Session, meeting_id: int) -> Meeting:
    """Any meeting, for anyone: the agenda is public (what each reader sees of it is the
    presenters' business)."""
    meeting = repository.get(session, meeting_id)
    if meeting is None:
        raise not_found(meeting_id)
    return meeting


def load_for_change(
    session: Session, principal: Principal, meeting_id: int, if_match: str | None
) -> Meeting:
    """The meeting locked for a change by someone who may manage it, at the version she read
    (If-Match required: 428 without, 412 when stale)."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    meeting = repository.get_for_update(session, meeting_id)
    if meeting is None:
        raise not_found(meeting_id)
    require_manager(principal, meeting)
    check_version(if_match, meeting.version, required=True)
    return meeting


@dataclass(frozen=True)
class Listing:
    kind: MeetingKind | None = None
    measure: str | None = None
    theme: str | None = None
    province: str | None = None
    region: str | None = None
    audience: Audience | None = None
    status: MeetingStatus | None = None
    from_day: date | None = None
    to_day: date | None = None
    """Inclusive: meetings starting on that day are in."""
    past: bool = False


def find(
    session: Session, listing: Listing, page: PageParams, now: datetime
) -> tuple[list[Meeting], int]:
    """The agenda: coming meetings soonest first, or (past) ended ones latest first."""
    if listing.from_day and listing.to_day and listing.to_day < listing.from_day:
        invalid = InvalidParams()
        invalid.add("tot", "before_start", "Moet op of na 'van' liggen.")
        invalid.raise_if_any()
    criteria = MeetingFilter(
        now=now,
        past=listing.past or listing.status is MeetingStatus.PAST,
        kind=listing.kind,
        measure=listing.measure,
        theme=listing.theme,
        province=listing.province,
        region=listing.region,
        audience=listing.audience,
        status=listing.status,
        starts_from=clock.start_of_day(listing.from_day) if listing.from_day else None,
        starts_before=clock.start_of_day(listing.to_day + timedelta(days=1))
        if listing.to_day
        else None,
    )
    return repository.find(session, criteria, page)


def agenda_version(reader: Reader, now: datetime) -> str:
    """What the agenda and a meeting's page depend on: the meetings and their registrations,
    the reference data (names of measures and regions), and the minute. Statuses (`afgelopen`)
    and "registration possible" turn as time passes, without any write; meetings are planned
    to the minute, so a copy kept per minute is never behind by more than the shared cache's
    minute allows anyway."""
    minute = now.astimezone(UTC).strftime("%Y%m%d%H%M")
    return f"{data_versions.key(reader, data_versions.MEETINGS, data_versions.REFERENCE)}|{minute}"


def agenda_version_now(reader: Reader) -> str:
    return agenda_version(reader, clock.now())


def history_of(session: Session, principal: Principal, meeting_id: int) -> list[history.Step]:
    """Every step of a meeting, oldest first, with who took it (the team and the organiser)."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    meeting = get(session, meeting_id)
    require_manager(principal, meeting, "De geschiedenis van een bijeenkomst inzien")
    return history.named(session, meeting.id)


# ---------------------------------------------------------------------------------------------
# Planning and changing


def _moment(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC) if value is not None else None


def _value(field: str, value: Any) -> Any:
    if field in ("begin", "einde", "aanmelden_tot"):
        return _moment(value)
    return value


def _plain(value: Any) -> Any:
    """A value as the history's JSON keeps it."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return getattr(value, "value", value)


def _check(
    session: Session,
    values: dict[str, Any],
    invalid: InvalidParams,
    *,
    new_status: MeetingStatus | None,
    organiser_changed: bool,
) -> None:
    """The rules across fields, on the meeting as it would be; every breach named at once."""
    for field, column in COLUMNS.items():
        if column in REQUIRED and values[column] is None:
            invalid.add(to_camel(field), "required", "Mag niet leeg zijn.", "body")
    starts, ends = values["starts_at"], values["ends_at"]
    if starts is not None and ends is not None and ends <= starts:
        invalid.add("einde", "before_start", "Moet na het begin liggen.", "body")
    deadline = values["registration_deadline"]
    if deadline is not None and starts is not None and deadline > starts:
        invalid.add("aanmeldenTot", "after_start", "Uiterlijk het begin.", "body")
    if values["is_online"] is False and not values["address"]:
        invalid.add("adres", "required", "Verplicht voor een bijeenkomst op locatie.", "body")
    if values["join_url"] and values["is_online"] is not True:
        invalid.add("deelnamelink", "not_online", "Alleen bij een online bijeenkomst.", "body")
    if values["slot_minutes"] is not None and values["kind"] is not MeetingKind.CONSULTATION_HOUR:
        invalid.add("tijdslotMinuten", "not_consultation", "Alleen bij een spreekuur.", "body")
    if new_status is not None and new_status not in CHOSEN_STATUSES:
        invalid.add(
            "status",
            "not_chosen",
            "Kies 'gepland' of 'open'; 'vol' volgt uit de aanmeldingen, annuleren gaat via "
            "/annulering.",
            "body",
        )
    province, region = values["province_code"], values["labour_market_region_code"]
    if province is not None and not repository.province_names(session, [province]):
        invalid.add("provincie", "unknown_value", f"Provincie '{province}' bestaat niet.", "body")
    if region is not None and not repository.region_names(session, [region]):
        invalid.add(
            "arbeidsmarktregio",
            "unknown_value",
            f"Arbeidsmarktregio '{region}' bestaat niet.",
            "body",
        )
    organiser = values["organiser_id"]
    if organiser_changed and organiser is not None:
        user = repository.user_with_roles(session, organiser)
        if user is None or not user.is_active or not may_be_organiser(user.roles):
            invalid.add(
                "organisator",
                "not_team",
                f"Persoon {organiser} is geen lid van het programmateam.",
                "body",
            )


def _measures(session: Session, codes: list[str], invalid: InvalidParams) -> list[str]:
    found = repository.measures_by_codes(session, codes)
    for code in dict.fromkeys(codes):
        if code not in found:
            invalid.add("maatregelen", "unknown_value", f"Maatregel '{code}' bestaat niet.", "body")
    return sorted(found)


def _themes(session: Session, codes: list[str], invalid: InvalidParams) -> list[str]:
    found = repository.theme_codes(session, codes)
    for code in dict.fromkeys(codes):
        if code not in found:
            invalid.add("themas", "unknown_value", f"Thema '{code}' bestaat niet.", "body")
    return sorted(found)


def _hosts(session: Session, hosts: list[HostInput], invalid: InvalidParams) -> dict[str, HostRole]:
    found = repository.organisation_codes(session, [h.organisatie for h in hosts])
    for code in dict.fromkeys(h.organisatie for h in hosts):
        if code not in found:
            invalid.add(
                "organisatoren", "unknown_value", f"Organisatie '{code}' bestaat niet.", "body"
            )
    return {h.organisatie: h.rol for h in hosts if h.organisatie in found}


def create(
    session: Session, ctx: RequestContext | None, principal: Principal, body: MeetingCreate
) -> Meeting:
    require_team(principal)
    values = {column: _value(field, getattr(body, field)) for field, column in COLUMNS.items()}
    values["status"] = body.status
    invalid = InvalidParams()
    _check(session, values, invalid, new_status=body.status, organiser_changed=True)
    measures = _measures(session, body.maatregelen, invalid)
    themes = _themes(session, body.themas, invalid)
    hosts = _hosts(session, body.organisatoren, invalid)
    invalid.raise_if_any()
    now = clock.now()
    meeting = Meeting(
        **values,
        uid=f"{uuid4()}@spoorboek",
        sequence=0,
        version=1,
        created_by=principal.user_id,
        created_at=now,
        updated_at=now,
    )
    meeting.measures = list(repository.measures_by_codes(session, measures).values())
    session.add(meeting)
    session.flush()
    repository.set_themes(session, meeting.id, themes)
    repository.set_hosts(session, meeting.id, hosts)
    history.record_and_audit(
        session,
        ctx,
        meeting,
        "aangemaakt",
        principal.subject,
        "meeting.created",
        {"soort": meeting.kind.value, "begin": _plain(meeting.starts_at)},
    )
    return meeting


def _theme_codes(session: Session, meeting: Meeting) -> list[str]:
    return sorted(code for code, _ in repository.themes_of(session, [meeting.id])[meeting.id])


def update(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    meeting_id: int,
    if_match: str | None,
    body: MeetingUpdate,
) -> Meeting:
    """Changes what the request names. A new time, place or join link raises the SEQUENCE and
    publishes MEETING_MOVED, so everyone registered gets the updated invitation."""
    meeting = load_for_change(session, principal, meeting_id, if_match)
    if meeting.status is MeetingStatus.CANCELLED:
        raise ConflictError("Een geannuleerde bijeenkomst verandert niet meer.")
    named = body.model_fields_set
    current = {column: getattr(meeting, column) for column in COLUMNS.values()}
    values = dict(current)
    for field, column in COLUMNS.items():
        if field in named:
            values[column] = _value(field, getattr(body, field))
    new_status = body.status if "status" in named else None
    invalid = InvalidParams()
    if "status" in named and body.status is None:
        invalid.add("status", "required", "Mag niet leeg zijn.", "body")
    _check(
        session,
        values,
        invalid,
        new_status=new_status,
        organiser_changed=values["organiser_id"] != current["organiser_id"],
    )
    measures = _measures(session, body.maatregelen or [], invalid)
    themes = _themes(session, body.themas or [], invalid)
    hosts = _hosts(session, body.organisatoren or [], invalid)
    invalid.raise_if_any()

    changed: dict[str, object] = {}
    for field, column in COLUMNS.items():
        if values[column] != current[column]:
            setattr(meeting, column, values[column])
            changed[to_camel(field)] = _plain(values[column])
    # Asking for `open` while full keeps it full; `gepland` closes registration.
    still_full = new_status is MeetingStatus.OPEN and meeting.status is MeetingStatus.FULL
    if new_status is not None and new_status != meeting.status and not still_full:
        meeting.status = new_status
        changed["status"] = new_status.value
    if "maatregelen" in named and [m.code for m in meeting.measures] != measures:
        meeting.measures = list(repository.measures_by_codes(session, measures).values())
        changed["maatregelen"] = measures
    if "themas" in named and _theme_codes(session, meeting) != themes:
        repository.set_themes(session, meeting.id, themes)
        changed["themas"] = themes
    if "organisatoren" in named:
        now_hosts = {h.code: h.role for h in repository.hosts_of(session, [meeting.id])[meeting.id]}
        if now_hosts != hosts:
            repository.set_hosts(session, meeting.id, hosts)
            changed["organisatoren"] = sorted(hosts)
    if not changed:
        return meeting
    if "capaciteit" in changed or "status" in changed:
        refresh_full(session, meeting)
    moved = [f for f in MOVING if f in changed]
    if moved:
        meeting.sequence += 1
    meeting.version += 1
    meeting.updated_at = clock.now()
    history.record_and_audit(
        session, ctx, meeting, "gewijzigd", principal.subject, "meeting.changed", changed
    )
    if moved:
        events.publish(
            session,
            events.MEETING_MOVED,
            {"meeting": meeting.id, "fields": moved, "actor": principal.user_id},
        )
    if "capaciteit" in changed or "status" in changed:
        events.publish(
            session,
            events.MEETING_PLACES_CHANGED,
            {"meeting": meeting.id, "actor": principal.subject},
        )
    return meeting


def cancel(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    meeting_id: int,
    if_match: str | None,
    reason: str,
) -> Meeting:
    """Cancels a coming meeting; everyone registered or waiting is told (MEETING_CANCELLED),
    with a cancelling invitation (a higher SEQUENCE)."""
    meeting = load_for_change(session, principal, meeting_id, if_match)
    now = clock.now()
    if meeting.status is MeetingStatus.CANCELLED:
        raise ConflictError("Deze bijeenkomst is al geannuleerd.")
    if meeting.ends_at <= now:
        raise ConflictError("Deze bijeenkomst is al afgelopen.")
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancel_reason = reason
    meeting.cancelled_at = now
    meeting.sequence += 1
    meeting.version += 1
    meeting.updated_at = now
    history.record_and_audit(
        session,
        ctx,
        meeting,
        "geannuleerd",
        principal.subject,
        "meeting.cancelled",
        {"reden": reason},
    )
    events.publish(
        session,
        events.MEETING_CANCELLED,
        {"meeting": meeting.id, "reason": reason, "actor": principal.user_id},
    )
    return meeting
