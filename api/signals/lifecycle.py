"""The life of a signal: gemeld → in-behandeling → doorgezet (to a body, with a text) →
reactie-ontvangen (the response and what it changes) → teruggekoppeld (the municipalities
behind the evidence are told), or afgewezen (with a reason) at any step before the response.
Illegal moves are a 409; every step is appended to the history and the audit log, and the
steps people must hear about are published as events (api/core/events.py)."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.audit import service as audit
from api.core import clock, events
from api.core.errors import ConflictError
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.signals import evidence, history, repository
from api.signals.models import Body, Outcome, Signal, SignalStatus
from api.signals.policy import require_team

S = SignalStatus
TRANSITIONS: dict[SignalStatus, frozenset[SignalStatus]] = {
    S.REPORTED: frozenset({S.IN_PROGRESS, S.REJECTED}),
    S.IN_PROGRESS: frozenset({S.PASSED_ON, S.REJECTED}),
    # Passed on again: to another body, or the same with a new text.
    S.PASSED_ON: frozenset({S.PASSED_ON, S.RESPONDED, S.REJECTED}),
    S.RESPONDED: frozenset({S.FED_BACK}),
    S.FED_BACK: frozenset(),
    # A rejected signal may be taken up again when new evidence comes.
    S.REJECTED: frozenset({S.IN_PROGRESS}),
}
CLOSING = frozenset({S.FED_BACK, S.REJECTED})


@dataclass(frozen=True)
class Move:
    to: SignalStatus
    body: Body | None = None
    text: str | None = None
    """What is passed on (doorgezet), the response (reactie-ontvangen), or the reason
    (afgewezen)."""
    outcome: Outcome | None = None
    explanation: str | None = None


def _required(move: Move) -> None:
    invalid = InvalidParams()
    if move.to is S.PASSED_ON:
        if move.body is None:
            invalid.add("aan", "required", "Aan wie is het signaal doorgezet?", "body")
        if not move.text:
            invalid.add("tekst", "required", "Met welke tekst is het doorgezet?", "body")
    elif move.to is S.RESPONDED:
        if not move.text:
            invalid.add("tekst", "required", "Wat is de reactie?", "body")
        if move.outcome is None:
            invalid.add("uitkomst", "required", "Wat verandert er door de reactie?", "body")
        elif move.outcome is Outcome.NOTHING and not move.explanation:
            invalid.add(
                "toelichting", "required", "Waarom verandert er niets? Licht dat toe.", "body"
            )
    elif move.to is S.REJECTED and not move.text:
        invalid.add("tekst", "required", "Waarom is het signaal afgewezen?", "body")
    invalid.raise_if_any()


def move(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    signal: Signal,
    step: Move,
) -> Signal:
    require_team(principal)
    before = signal.status
    if step.to not in TRANSITIONS[before]:
        raise ConflictError(f"Van '{before.value}' kan een signaal niet naar '{step.to.value}'.")
    _required(step)
    now = clock.now()
    details: dict[str, object] = {}
    if step.to is S.PASSED_ON:
        signal.passed_to, signal.passed_text = step.body, step.text
        signal.passed_on_at, signal.passed_by = now, principal.user_id
        details = {"aan": step.body.value if step.body else None, "tekst": step.text}
    elif step.to is S.RESPONDED:
        signal.response, signal.outcome = step.text, step.outcome
        signal.outcome_explanation, signal.responded_at = step.explanation, now
        details = {"uitkomst": step.outcome.value if step.outcome else None}
    elif step.to is S.FED_BACK:
        signal.fed_back_at = now
    elif step.to is S.REJECTED:
        signal.rejection_reason = step.text
        details = {"reden": step.text}
    signal.status = step.to
    signal.closed_at = now if step.to in CLOSING else None
    history.record(session, signal, "status", principal.subject, before=before, details=details)
    audit.record(
        session,
        ctx,
        "signal.status",
        actor=principal.subject,
        subject=f"signal:{signal.id}",
        details={"van": before.value, "naar": step.to.value},
    )
    if step.to is S.RESPONDED:
        events.publish(
            session,
            events.SIGNAL_RESPONDED,
            {
                "signal": signal.id,
                "title": signal.title,
                "backers": sorted(repository.backers(session, signal)),
                "actor": principal.user_id,
            },
        )
    elif step.to is S.FED_BACK:
        events.publish(
            session,
            events.SIGNAL_FED_BACK,
            {
                "signal": signal.id,
                "title": signal.title,
                "municipalities": sorted(evidence.affected(session, [signal.id])[signal.id]),
                "actor": principal.user_id,
            },
        )
    return signal
