"""Reporting, reading and editing signals; the lifecycle is in api/signals/lifecycle.py and the
evidence in api/signals/evidence.py."""

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from api.audit import service as audit
from api.core import events
from api.core.conditional import check_version
from api.core.errors import ForbiddenError
from api.core.pagination import PageParams
from api.core.requests import RequestContext
from api.core.security import Principal, Role, person_of
from api.core.validation import InvalidParams
from api.organisations.models import OrganisationKind
from api.questions import anonymity
from api.signals import evidence, history, repository
from api.signals.models import Body, ReporterKind, Signal, SignalEvent, SignalKind, SignalStatus
from api.signals.policy import (
    acting_for,
    ensure_can_read,
    is_contact,
    not_found,
    require_person,
    require_reporter,
    require_team,
)
from api.signals.repository import SignalFilter


@dataclass(frozen=True)
class Report:
    title: str
    description: str
    kind: SignalKind
    measures: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    municipality: str | None = None
    """For a contact of several municipalities: on whose behalf."""
    suggestion_key: str | None = None
    supplier: str | None = None
    """The software supplier it concerns (kind ict-en-leveranciers only)."""


def _resolve_references(
    session: Session, invalid: InvalidParams, measures: list[str], themes: list[str]
) -> tuple[list[str], list[str]]:
    found = repository.measures_by_codes(session, list(dict.fromkeys(measures)))
    for code in dict.fromkeys(measures):
        if code not in found:
            invalid.add("maatregelen", "unknown_value", f"Maatregel '{code}' bestaat niet.", "body")
    known = repository.theme_codes(session)
    for code in dict.fromkeys(themes):
        if code not in known:
            invalid.add("themas", "unknown_value", f"Thema '{code}' bestaat niet.", "body")
    return sorted(found), sorted({t for t in themes if t in known})


def _check_supplier(
    session: Session, invalid: InvalidParams, kind: SignalKind, code: str | None
) -> None:
    """A supplier is named only on a signal about ICT, and must be an organisation of kind
    leverancier."""
    if code is None:
        return
    if kind is not SignalKind.ICT:
        invalid.add(
            "leverancier",
            "not_allowed",
            "Alleen een signaal van de soort ICT en leveranciers noemt een leverancier.",
            "body",
        )
        return
    found = repository.organisation_kinds(session, {code}).get(code)
    if found is None:
        invalid.add("leverancier", "unknown_value", f"Organisatie '{code}' bestaat niet.", "body")
    elif found[0] != OrganisationKind.SOFTWARE_SUPPLIER:
        invalid.add(
            "leverancier",
            "not_a_supplier",
            f"Organisatie '{code}' is geen softwareleverancier.",
            "body",
        )


def _reporter(principal: Principal, municipality: str | None) -> tuple[ReporterKind, str | None]:
    if principal.is_programme_team:
        return ReporterKind.ADVISOR, None
    if not is_contact(principal):
        return ReporterKind.EXPERT, None
    return ReporterKind.MUNICIPALITY, acting_for(
        principal,
        municipality,
        asked="Namens welke gemeente meldt u dit?",
        refused="U kunt alleen namens uw eigen gemeente een signaal melden.",
    )


def report(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    report: Report,
    *,
    derived: bool = False,
    reporter_name: str = "",
) -> Signal:
    require_reporter(principal)
    invalid = InvalidParams()
    measures, themes = _resolve_references(session, invalid, report.measures, report.themes)
    _check_supplier(session, invalid, report.kind, report.supplier)
    invalid.raise_if_any()
    kind, municipality = _reporter(principal, report.municipality)
    if derived:
        kind = ReporterKind.DERIVED
    signal = Signal(
        title=report.title,
        description=report.description,
        kind=report.kind,
        status=SignalStatus.REPORTED,
        reporter_kind=kind,
        reported_by=principal.user_id,
        reporter_municipality_code=municipality,
        is_public=False,
        suggestion_key=report.suggestion_key,
        supplier_code=report.supplier,
        version=0,
    )
    signal.measures = list(repository.measures_by_codes(session, measures).values())
    session.add(signal)
    session.flush()
    repository.set_themes(session, signal.id, themes)
    history.record(session, signal, "gemeld", principal.subject, details={"soort": kind.value})
    audit.record(
        session,
        ctx,
        "signal.reported",
        actor=principal.subject,
        subject=f"signal:{signal.id}",
        details={
            "soort": report.kind.value,
            "gemeente": municipality,
            "leverancier": report.supplier,
        },
    )
    if not principal.is_programme_team:
        events.publish(
            session,
            events.SIGNAL_REPORTED,
            {
                "signal": signal.id,
                "title": signal.title,
                "reporter_name": reporter_name,
                "actor": principal.user_id,
            },
        )
    return signal


def get(session: Session, principal: Principal, signal_id: int) -> Signal:
    require_person(principal)
    signal = repository.get_signal(session, signal_id)
    if signal is None:
        raise not_found(signal_id)
    ensure_can_read(principal, signal, evidence.backing(session, signal))
    return signal


def public(session: Session, signal_id: int) -> Signal:
    signal = repository.get_signal(session, signal_id)
    if signal is None or not signal.is_public:
        raise not_found(signal_id)
    return signal


def load_for_change(
    session: Session, principal: Principal, signal_id: int, if_match: str | None
) -> Signal:
    require_team(principal)
    signal = repository.get_signal(session, signal_id, for_update=True)
    if signal is None:
        raise not_found(signal_id)
    check_version(if_match, signal.version, required=False)
    return signal


@dataclass(frozen=True)
class Listing:
    kind: SignalKind | None = None
    measure: str | None = None
    status: SignalStatus | None = None
    body: Body | None = None
    older_than_days: int | None = None
    open_only: bool = False
    search: str | None = None
    supplier: str | None = None


def find(
    session: Session, principal: Principal, listing: Listing, page: PageParams, now: datetime
) -> tuple[list[Signal], int]:
    """The register for the team; a contact's own municipalities' signals; an expert's own."""
    require_person(principal)
    criteria = _criteria(listing, now)
    if not principal.is_programme_team:
        if not is_contact(principal) and Role.EXPERT not in principal.roles:
            raise ForbiddenError("Het knelpuntenregister is van de redactie.")
        criteria = dataclasses.replace(criteria, municipalities=principal.municipalities)
    return repository.find_signals(session, criteria, page)


def find_public(
    session: Session, listing: Listing, page: PageParams, now: datetime
) -> tuple[list[Signal], int]:
    criteria = dataclasses.replace(_criteria(listing, now), public_only=True)
    return repository.find_signals(session, criteria, page)


def _criteria(listing: Listing, now: datetime) -> SignalFilter:
    return SignalFilter(
        kind=listing.kind,
        measure=listing.measure,
        status=listing.status,
        body=listing.body,
        created_before=(
            now - timedelta(days=listing.older_than_days)
            if listing.older_than_days is not None
            else None
        ),
        open_only=listing.open_only,
        search=listing.search,
        supplier=listing.supplier,
    )


@dataclass(frozen=True)
class Edit:
    fields: frozenset[str]
    """The fields the request named: the others stay as they are."""
    title: str | None = None
    description: str | None = None
    kind: SignalKind | None = None
    measures: list[str] | None = None
    themes: list[str] | None = None
    public: bool | None = None
    supplier: str | None = None


def _check_personal_data(session: Session, signal: Signal, invalid: InvalidParams) -> None:
    """A public signal shows its title, description and response: none may name a person."""
    people = repository.users_by_ids(
        session, {p for p in (signal.reported_by, *repository.backers(session, signal)) if p}
    )
    names = [u.name for u in people.values()]
    names += [q.asker_name for _, q in repository.questions_of(session, signal.id) if q.asker_name]
    for name, value in (
        ("titel", signal.title),
        ("omschrijving", signal.description),
        ("reactie", signal.response or ""),
    ):
        for finding in anonymity.findings(value, names, []):
            invalid.add(
                name,
                "personal_data",
                f"Bevat een {finding.kind} ('{finding.text}'); haal die eruit voor publicatie.",
                "body",
            )


def edit(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    signal_id: int,
    if_match: str | None,
    change: Edit,
) -> Signal:
    signal = load_for_change(session, principal, signal_id, if_match)
    invalid = InvalidParams()
    measures, themes = _resolve_references(
        session, invalid, change.measures or [], change.themes or []
    )
    kind = change.kind if "soort" in change.fields and change.kind is not None else signal.kind
    supplier = change.supplier if "leverancier" in change.fields else signal.supplier_code
    if kind is not SignalKind.ICT and "leverancier" not in change.fields:
        # A signal no longer about ICT no longer names its supplier.
        supplier = None
    if (supplier, kind) != (signal.supplier_code, signal.kind):
        _check_supplier(session, invalid, kind, supplier)
    invalid.raise_if_any()
    changed: dict[str, object] = {}
    for name, attribute, value in (
        ("titel", "title", change.title),
        ("omschrijving", "description", change.description),
        ("soort", "kind", change.kind),
    ):
        if name in change.fields and value is not None and getattr(signal, attribute) != value:
            setattr(signal, attribute, value)
            changed[name] = str(value)
    if supplier != signal.supplier_code:
        signal.supplier_code = supplier
        changed["leverancier"] = supplier
    if "maatregelen" in change.fields and [m.code for m in signal.measures] != measures:
        signal.measures = list(repository.measures_by_codes(session, measures).values())
        changed["maatregelen"] = measures
    if "themas" in change.fields:
        current = repository.themes_of(session, [signal.id])[signal.id]
        if current != themes:
            repository.set_themes(session, signal.id, themes)
            changed["themas"] = themes
    if "openbaar" in change.fields and change.public is not None:
        if change.public:
            _check_personal_data(session, signal, invalid)
            invalid.raise_if_any()
        if signal.is_public != change.public:
            signal.is_public = change.public
            changed["openbaar"] = change.public
    elif signal.is_public and changed:
        # A public signal's new text is checked as its first publication was.
        _check_personal_data(session, signal, invalid)
        invalid.raise_if_any()
    if changed:
        history.record(session, signal, "gewijzigd", principal.subject, details=changed)
        audit.record(
            session,
            ctx,
            "signal.changed",
            actor=principal.subject,
            subject=f"signal:{signal.id}",
            details={"velden": sorted(changed)},
        )
    return signal


def history_of(
    session: Session, principal: Principal, signal_id: int
) -> list[tuple[SignalEvent, str | None]]:
    """Every step of a signal, oldest first, each with the name of the person who took it."""
    require_team(principal)
    if repository.get_signal(session, signal_id) is None:
        raise not_found(signal_id)
    found = repository.events_of(session, signal_id)
    people = repository.users_by_ids(
        session, {i for i in (person_of(e.actor) for e in found) if i is not None}
    )
    return [(e, people[p].name if (p := person_of(e.actor)) in people else None) for e in found]


def person_name(session: Session, principal: Principal) -> str:
    if principal.user_id is None:
        return ""
    user = repository.users_by_ids(session, {principal.user_id}).get(principal.user_id)
    return user.name if user else ""
