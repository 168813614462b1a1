"""Signals in their public shapes: what each caller may see, with the reach computed from the
evidence."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from api.core.schemas import CodeName
from api.core.security import Principal
from api.signals import evidence, repository
from api.signals.models import Signal
from api.signals.schemas import (
    BlockerEvidence,
    PassedOn,
    PersonRef,
    PublicSignal,
    QuestionEvidence,
    SignalReach,
    SignalRead,
    SignalResponse,
    SignalSummary,
    SupportRead,
)


@dataclass(frozen=True)
class Lookups:
    reach: dict[int, evidence.Reach]
    names: dict[str, str]
    suppliers: dict[str, str]
    """Names of the suppliers the signals name, by code."""


def lookups_for(session: Session, signals: list[Signal]) -> Lookups:
    reach = evidence.reach(session, [s.id for s in signals])
    codes = {s.reporter_municipality_code for s in signals if s.reporter_municipality_code}
    suppliers = repository.organisation_kinds(
        session, {s.supplier_code for s in signals if s.supplier_code}
    )
    return Lookups(
        reach,
        repository.municipality_names(session, codes),
        {code: name for code, (_, name) in suppliers.items()},
    )


def _age_days(signal: Signal, now: datetime) -> int:
    return max(0, ((signal.closed_at or now) - signal.created_at).days)


def _reach(lookups: Lookups, signal: Signal) -> SignalReach:
    found = lookups.reach.get(signal.id, evidence.Reach(0, 0))
    return SignalReach(gemeenten=found.municipalities, inwoners=found.inhabitants)


def _response(signal: Signal) -> SignalResponse | None:
    if signal.response is None or signal.outcome is None or signal.responded_at is None:
        return None
    return SignalResponse(
        tekst=signal.response,
        uitkomst=signal.outcome,
        toelichting=signal.outcome_explanation,
        op=signal.responded_at,
    )


def summary(signal: Signal, lookups: Lookups, now: datetime) -> SignalSummary:
    code = signal.reporter_municipality_code
    return SignalSummary(
        id=signal.id,
        titel=signal.title,
        soort=signal.kind,
        status=signal.status,
        maatregelen=[CodeName(code=m.code, naam=m.title) for m in signal.measures],
        openbaar=signal.is_public,
        melder_soort=signal.reporter_kind,
        gemeente=CodeName(code=code, naam=lookups.names.get(code, code)) if code else None,
        bereik=_reach(lookups, signal),
        doorgezet_aan=signal.passed_to,
        leverancier=(
            CodeName(code=supplier, naam=lookups.suppliers.get(supplier, supplier))
            if (supplier := signal.supplier_code)
            else None
        ),
        aangemaakt_op=signal.created_at,
        leeftijd_dagen=_age_days(signal, now),
    )


def detail(session: Session, principal: Principal, signal: Signal, now: datetime) -> SignalRead:
    lookups = lookups_for(session, [signal])
    team = principal.is_programme_team
    questions = repository.questions_of(session, signal.id) if team else []
    blockers = repository.blockers_of(session, signal.id) if team else []
    supports = repository.supports_of(session, signal.id)
    codes = {q.municipality_code for _, q in questions if q.municipality_code}
    codes |= {b.municipality_code for b in blockers} | {s.municipality_code for s in supports}
    names = repository.municipality_names(session, codes)
    people = repository.users_by_ids(
        session, {p for p in (signal.reported_by, signal.passed_by) if p is not None}
    )

    def place(code: str) -> CodeName:
        return CodeName(code=code, naam=names.get(code, code))

    def person(user_id: int | None) -> PersonRef | None:
        user = people.get(user_id) if user_id is not None else None
        return PersonRef(id=user.id, naam=user.name) if user else None

    passed = None
    if signal.passed_to and signal.passed_on_at:
        passed = PassedOn(
            aan=signal.passed_to,
            op=signal.passed_on_at,
            door=person(signal.passed_by) if team else None,
            tekst=signal.passed_text or "",
        )
    base = summary(signal, lookups, now)
    return SignalRead(
        **base.model_dump(),
        omschrijving=signal.description,
        themas=repository.themes_of(session, [signal.id])[signal.id],
        melder=person(signal.reported_by) if team else None,
        doorgezet=passed,
        reactie=_response(signal),
        reden_afwijzing=signal.rejection_reason,
        vragen=[
            QuestionEvidence(
                id=q.id,
                onderwerp=q.subject,
                gemeente=place(q.municipality_code) if q.municipality_code else None,
                ontvangen_op=q.received_at,
            )
            for _, q in questions
        ],
        knelpunten=[
            BlockerEvidence(
                gemeente=place(b.municipality_code),
                maatregel=b.measure_code,
                tekst=b.text,
                knelpunt_soort=b.blocker_kind,
            )
            for b in blockers
        ],
        ook_bij=[
            SupportRead(
                gemeente=place(s.municipality_code),
                toelichting=s.note if team else None,
                op=s.added_at,
            )
            for s in supports
        ],
        versie=signal.version,
    )


def public(signal: Signal, lookups: Lookups) -> PublicSignal:
    return PublicSignal(
        id=signal.id,
        titel=signal.title,
        omschrijving=signal.description,
        soort=signal.kind,
        status=signal.status,
        maatregelen=[CodeName(code=m.code, naam=m.title) for m in signal.measures],
        bereik=_reach(lookups, signal),
        doorgezet_aan=signal.passed_to,
        reactie=_response(signal),
        aangemaakt_op=signal.created_at,
    )
