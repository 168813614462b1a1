"""The evidence behind a signal: questions and question clusters, blockers of progress cells,
and municipalities that say "this applies to us too". How many municipalities (and
inhabitants) a signal concerns is computed from it here, never typed in."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.core.errors import ConflictError
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.signals import history, repository
from api.signals.models import Signal, SignalBlocker, SignalQuestion, SignalSupport
from api.signals.policy import acting_for, require_contact, require_team


@dataclass(frozen=True)
class Reach:
    municipalities: int
    inhabitants: int


def affected(session: Session, signal_ids: list[int]) -> dict[int, set[str]]:
    return repository.affected_municipalities(session, signal_ids)


def reach(session: Session, signal_ids: list[int]) -> dict[int, Reach]:
    found = affected(session, signal_ids)
    population = repository.populations(session, set().union(*found.values()) if found else set())
    return {
        signal_id: Reach(len(codes), sum(population.get(c, 0) for c in codes))
        for signal_id, codes in found.items()
    }


def backing(session: Session, signal: Signal) -> set[str]:
    """The municipalities that reported or back the signal: whose contacts may read it."""
    codes = {s.municipality_code for s in repository.supports_of(session, signal.id)}
    if signal.reporter_municipality_code:
        codes.add(signal.reporter_municipality_code)
    return codes


@dataclass(frozen=True)
class Cell:
    municipality: str
    measure: str


def link(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    signal: Signal,
    *,
    questions: list[int],
    cells: list[Cell],
) -> tuple[int, int]:
    """Links questions and cell blockers to the signal; what is already linked is left as it
    is. Returns how many questions and blockers were new."""
    require_team(principal)
    invalid = InvalidParams()
    found = repository.questions_by_ids(session, questions)
    for question_id in questions:
        question = found.get(question_id)
        if question is None or question.erased_at is not None:
            invalid.add("vragen", "unknown_value", f"Vraag {question_id} bestaat niet.", "body")
    wanted = [(c.municipality, c.measure) for c in cells]
    blocked = repository.cells_with_blockers(session, wanted)
    for municipality, measure in wanted:
        if (municipality, measure) not in blocked:
            invalid.add(
                "knelpunten",
                "unknown_value",
                f"{municipality} heeft bij {measure} geen knelpunt gemeld.",
                "body",
            )
    invalid.raise_if_any()
    linked_questions = repository.linked_question_ids(session, signal.id)
    new_questions = [q for q in dict.fromkeys(questions) if q not in linked_questions]
    for question_id in new_questions:
        session.add(
            SignalQuestion(signal_id=signal.id, question_id=question_id, added_by=principal.user_id)
        )
    linked_cells = repository.linked_cells(session, signal.id)
    new_cells = [c for c in dict.fromkeys(wanted) if c not in linked_cells]
    for municipality, measure in new_cells:
        cell = blocked[(municipality, measure)]
        session.add(
            SignalBlocker(
                signal_id=signal.id,
                municipality_code=municipality,
                measure_code=measure,
                text=cell.blockers or "",
                blocker_kind=cell.blocker_kind.value if cell.blocker_kind else None,
                added_by=principal.user_id,
            )
        )
    if new_questions or new_cells:
        details: dict[str, object] = {
            "vragen": new_questions,
            "knelpunten": [f"{m}/{c}" for m, c in new_cells],
        }
        history.record_and_audit(
            session,
            ctx,
            signal,
            "bewijs-toegevoegd",
            principal.subject,
            "signal.evidence_added",
            details,
        )
    session.flush()
    return len(new_questions), len(new_cells)


def unlink_question(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    signal: Signal,
    question_id: int,
) -> None:
    _unlink(
        session,
        ctx,
        principal,
        signal,
        session.get(SignalQuestion, (signal.id, question_id)),
        missing=f"Vraag {question_id} hoort niet bij signaal {signal.id}.",
        details={"vraag": question_id},
    )


def unlink_cell(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    signal: Signal,
    cell: Cell,
) -> None:
    _unlink(
        session,
        ctx,
        principal,
        signal,
        session.get(SignalBlocker, (signal.id, cell.municipality, cell.measure)),
        missing=(
            f"Het knelpunt van {cell.municipality} bij {cell.measure} hoort niet bij "
            f"signaal {signal.id}."
        ),
        details={"knelpunt": f"{cell.municipality}/{cell.measure}"},
    )


def _unlink(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    signal: Signal,
    link: SignalQuestion | SignalBlocker | None,
    *,
    missing: str,
    details: dict[str, object],
) -> None:
    """Removes one piece of evidence and says so in the history and the audit log."""
    require_team(principal)
    if link is None:
        raise ConflictError(missing)
    session.delete(link)
    history.record_and_audit(
        session,
        ctx,
        signal,
        "bewijs-verwijderd",
        principal.subject,
        "signal.evidence_removed",
        details,
    )


def back(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    signal: Signal,
    municipality: str | None,
    note: str | None,
) -> SignalSupport:
    """ "This applies to us too": once per municipality, only for a municipality the contact
    acts for, only on a public signal (a private one is not hers to see)."""
    require_contact(principal)
    municipality = acting_for(
        principal,
        municipality,
        asked="Voor welke gemeente geldt het ook?",
        refused="U kunt alleen namens uw eigen gemeente steun betuigen.",
    )
    if municipality == signal.reporter_municipality_code:
        raise ConflictError("Uw gemeente meldde dit signaal zelf.")
    if repository.support(session, signal.id, municipality) is not None:
        raise ConflictError("Uw gemeente heeft al aangegeven dat dit ook voor haar geldt.")
    support = SignalSupport(
        signal_id=signal.id, municipality_code=municipality, user_id=principal.user_id, note=note
    )
    session.add(support)
    details: dict[str, object] = {"gemeente": municipality}
    history.record_and_audit(
        session, ctx, signal, "ook-bij-ons", principal.subject, "signal.backed", details
    )
    session.flush()
    return support
