"""Editors correct the facts about measures and waves. Every change is audited, and measures
whose dates or articles changed are announced so their published products get flagged."""

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from api.audit.service import record
from api.core import events
from api.core.conditional import check_version
from api.core.requests import RequestContext
from api.core.security import Principal, require_programme_team
from api.core.validation import InvalidParams
from api.measures import repository
from api.measures.models import Confidence, Measure, Obligation, Theme, Wave
from api.measures.service import get_measure, get_wave


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return getattr(value, "value", value)


def update_measure(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    code: str,
    changes: dict[str, Any],
    if_match: str | None = None,
) -> Measure:
    """`changes` holds only the fields the editor sent, by their API names; `if_match`, when
    sent, must name the measure's current version (412 otherwise)."""
    require_programme_team(principal, "Maatregelen wijzigen")
    measure = get_measure(session, code)
    invalid = InvalidParams()
    if "thema" in changes and session.get(Theme, changes["thema"]) is None:
        invalid.add("thema", "unknown_value", f"Thema {changes['thema']} bestaat niet.", "body")
    if "fase" in changes and session.get(Wave, changes["fase"]) is None:
        invalid.add("fase", "unknown_value", f"Fase {changes['fase']} bestaat niet.", "body")
    for name in ("titel", "samenvatting", "verplichting", "betrouwbaarheid", "artikelen"):
        if name in changes and changes[name] is None:
            invalid.add(name, "required", "Mag niet leeg zijn.", "body")
    invalid.raise_if_any()
    check_version(if_match, measure.version, required=False)
    before = {
        "titel": measure.title,
        "samenvatting": measure.summary,
        "artikelen": list(measure.articles),
        "thema": measure.theme_code,
        "fase": measure.wave_number,
        "ingangsdatum": measure.effective_date_override,
        "toepasbaarVanaf": measure.may_apply_from_override,
        "verplichting": measure.obligation,
        "betrouwbaarheid": measure.confidence,
    }
    setters = {
        "titel": lambda v: setattr(measure, "title", v.strip()),
        "samenvatting": lambda v: setattr(measure, "summary", v.strip()),
        "artikelen": lambda v: setattr(measure, "articles", [a.strip() for a in v if a.strip()]),
        "thema": lambda v: setattr(measure, "theme_code", v),
        "fase": lambda v: setattr(measure, "wave_number", v),
        "ingangsdatum": lambda v: setattr(measure, "effective_date_override", v),
        "toepasbaarVanaf": lambda v: setattr(measure, "may_apply_from_override", v),
        "verplichting": lambda v: setattr(measure, "obligation", Obligation(v)),
        "betrouwbaarheid": lambda v: setattr(measure, "confidence", Confidence(v)),
    }
    changed = {}
    for name, value in changes.items():
        if before[name] != value:
            setters[name](value)
            changed[name] = {"van": _plain(before[name]), "naar": _plain(value)}
    if not changed:
        return measure
    measure.version += 1
    # Moving to another wave moves the effective date with it: announce that too.
    announced = sorted({*changed, "ingangsdatum"} if "fase" in changed else set(changed))
    session.flush()
    session.expire(measure)
    record(
        session,
        ctx,
        "maatregel.gewijzigd",
        actor=principal.subject,
        subject=f"maatregel:{code}",
        details=changed,
    )
    events.publish(
        session,
        events.MEASURES_CHANGED,
        {"codes": [code], "fields": announced, "actor": principal.subject},
    )
    return get_measure(session, code)


def update_wave(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    number: int,
    changes: dict[str, Any],
    if_match: str | None = None,
) -> tuple[Wave, int]:
    """`if_match`, when sent, must name the wave's current version (412 otherwise)."""
    require_programme_team(principal, "Fasen wijzigen")
    wave, _ = get_wave(session, number)
    invalid = InvalidParams()
    for name in changes:
        # A target may be taken away (null); every other field only corrected.
        if changes[name] is None and name != "doel":
            invalid.add(name, "required", "Mag niet leeg zijn.", "body")
    invalid.raise_if_any()
    check_version(if_match, wave.version, required=False)
    attributes = {
        "naam": "name",
        "ingangsdatum": "legal_effective_date",
        "toepasbaarVanaf": "may_apply_from",
        "productenGereedOp": "products_due",
        "toelichting": "note",
        "doel": "target",
    }
    changed = {}
    for name, value in changes.items():
        before = getattr(wave, attributes[name])
        if before != value:
            setattr(wave, attributes[name], value)
            changed[name] = {"van": _plain(before), "naar": _plain(value)}
    if changed:
        wave.version += 1
        session.flush()
        record(
            session,
            ctx,
            "fase.gewijzigd",
            actor=principal.subject,
            subject=f"fase:{number}",
            details=changed,
        )
        # A target is no fact about the measures: their products need no review for it.
        announced = sorted(set(changed) - {"doel"})
        if announced:
            codes = repository.codes_in_wave(session, number)
            events.publish(
                session,
                events.MEASURES_CHANGED,
                {"codes": codes, "fields": announced, "actor": principal.subject},
            )
    return get_wave(session, number)
