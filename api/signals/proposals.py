"""A proposed signal, made from a group of blockers or a cluster of questions, and the one step
in which an advisor turns it into a signal with its evidence linked."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.audit import service as audit
from api.core import data_versions
from api.core.errors import ConflictError, InvalidInputError
from api.core.requests import RequestContext
from api.core.security import Principal
from api.signals import evidence, repository, service
from api.signals.models import Signal, SignalKind
from api.signals.policy import require_team

TITLE_LENGTH = 200


@dataclass(frozen=True)
class Proposal:
    key: str
    """Stable while the group or cluster grows; a signal made from it keeps it
    (`Signal.suggestion_key`), so it is not proposed again."""
    title: str
    description: str
    kind: SignalKind | None
    """None when nothing in the evidence says which kind it is: the advisor chooses."""
    measures: list[str]
    themes: list[str]
    questions: list[int]
    cells: list[evidence.Cell]

    @property
    def evidence_count(self) -> int:
        return len(self.questions) + len(self.cells)


@dataclass(frozen=True)
class Overrides:
    """What the advisor changes of a proposal as she takes it over; None keeps the proposal's."""

    title: str | None = None
    description: str | None = None
    kind: SignalKind | None = None
    measures: list[str] | None = None
    themes: list[str] | None = None


def title_from(text: str, fallback: str) -> str:
    """A title from the first words of a text, cut at a word within the column's length."""
    words = " ".join(text.split())
    if len(words) > TITLE_LENGTH:
        cut = words[: TITLE_LENGTH - 1].rsplit(" ", 1)[0]
        words = f"{cut}…"
    return words if len(words) >= 5 else fallback


def invalid_body(name: str, code: str, reason: str) -> InvalidInputError:
    """One invalid field of the request body, answered as InvalidParams answers."""
    return InvalidInputError(
        "1 parameter ongeldig; zie invalidParams.",
        [{"name": name, "in": "body", "code": code, "reason": reason}],
    )


def lock_register(session: Session) -> None:
    """Takes the register's version counter before anything is read: two advisors taking over
    the same proposal at once then queue, and the second sees the first one's signal."""
    data_versions.writing(session, data_versions.SIGNALS)


def ensure_not_taken(session: Session, key: str) -> None:
    taken = repository.signal_made_from(session, key)
    if taken is not None:
        raise ConflictError(f"Hiervan is al signaal {taken} gemaakt; vul dat zo nodig aan.")


def adopt(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    proposal: Proposal,
    overrides: Overrides,
    *,
    derived: bool,
    event: str,
) -> Signal:
    """Reports the proposal as a signal and links all its evidence, in one transaction.
    `derived`: the data proposed it (a suggestion), rather than an advisor picking a group."""
    require_team(principal)
    ensure_not_taken(session, proposal.key)
    kind = overrides.kind or proposal.kind
    if kind is None:
        raise invalid_body(
            "soort",
            "required",
            "Uit het bewijs blijkt niet om welke soort knelpunt het gaat; kies de soort.",
        )
    signal = service.report(
        session,
        ctx,
        principal,
        service.Report(
            title=overrides.title or proposal.title,
            description=overrides.description or proposal.description,
            kind=kind,
            measures=proposal.measures if overrides.measures is None else overrides.measures,
            themes=proposal.themes if overrides.themes is None else overrides.themes,
            suggestion_key=proposal.key,
        ),
        derived=derived,
    )
    evidence.link(
        session, ctx, principal, signal, questions=proposal.questions, cells=proposal.cells
    )
    audit.record(
        session,
        ctx,
        event,
        actor=principal.subject,
        subject=f"signal:{signal.id}",
        details={
            "sleutel": proposal.key,
            "vragen": len(proposal.questions),
            "knelpunten": len(proposal.cells),
        },
    )
    return signal
