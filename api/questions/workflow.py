"""The life of a question: new → triaged → assigned → waiting for expert → answered → closed,
reopening, triage, internal notes and merging duplicates. Illegal transitions are a 409; every
change is appended to the question's history.

Waiting for an expert puts the question to a partner organisation (an `ExpertRequest`, which its
experts answer in api/questions/experts.py); leaving that state without their answer takes the
request back. Hand-overs that someone must hear about are published as events
(api/core/events.py): a question assigned to someone new, a question put to experts."""

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from api.core import clock, events
from api.core.conditional import check_version
from api.core.errors import ConflictError, NotFoundError
from api.core.security import Principal, Role
from api.core.settings import Settings
from api.core.validation import InvalidParams
from api.questions import notifications, repository, service_levels, similarity
from api.questions.models import (
    ExpertRequest,
    Question,
    QuestionEvent,
    QuestionNote,
    QuestionStatus,
)
from api.questions.policy import require_team
from api.questions.references import resolve_measures, resolve_theme

S = QuestionStatus
TRANSITIONS: dict[QuestionStatus, frozenset[QuestionStatus]] = {
    S.NEW: frozenset({S.TRIAGED, S.ASSIGNED, S.CLOSED}),
    S.TRIAGED: frozenset({S.ASSIGNED, S.CLOSED}),
    # From "assigned" to "assigned" hands the question to another advisor.
    S.ASSIGNED: frozenset({S.ASSIGNED, S.WAITING_FOR_EXPERT, S.ANSWERED, S.CLOSED}),
    S.WAITING_FOR_EXPERT: frozenset({S.ASSIGNED, S.ANSWERED}),
    # Back to "assigned" from answered or closed is a reopening.
    S.ANSWERED: frozenset({S.CLOSED, S.ASSIGNED}),
    S.CLOSED: frozenset({S.ASSIGNED}),
}
REOPENED_FROM = frozenset({S.ANSWERED, S.CLOSED})


def record(
    session: Session,
    question: Question,
    kind: str,
    actor: str,
    *,
    before: QuestionStatus | None = None,
    details: dict[str, object] | None = None,
    changes_question: bool = True,
) -> None:
    """Appends to the history. A change of the question raises its version (the ETag); an
    internal note does not, so a colleague's note never makes an open form stale."""
    session.add(
        QuestionEvent(
            question_id=question.id,
            kind=kind,
            from_status=before.value if before else None,
            to_status=question.status.value if before else None,
            actor=actor,
            details=details or {},
        )
    )
    if changes_question:
        question.version += 1
        question.updated_at = datetime.now(UTC)


def existing(session: Session, question_id: int) -> Question:
    question = repository.get_question(session, question_id)
    if question is None:
        raise NotFoundError(f"Vraag {question_id} bestaat niet.")
    return question


def load_for_change(session: Session, question_id: int, if_match: str | None) -> Question:
    question = repository.get_question(session, question_id, for_update=True)
    if question is None:
        raise NotFoundError(f"Vraag {question_id} bestaat niet.")
    check_version(if_match, question.version, required=False)
    return question


def _not_merged(question: Question) -> None:
    if question.merged_into_id is not None:
        raise ConflictError(
            f"Deze vraag is samengevoegd met vraag {question.merged_into_id}; behandel die.",
            extra={"samengevoegdMet": question.merged_into_id},
            problem_type="vraag-samengevoegd",
        )


def _required_text(invalid: InvalidParams, name: str, value: str | None, reason: str) -> str:
    if value is None or not value.strip():
        invalid.add(name, "required", reason, "body")
        return ""
    return value.strip()


def _assignee(
    session: Session, invalid: InvalidParams, question: Question, assignee_id: int | None
) -> int | None:
    if assignee_id is None:
        if question.assignee_id is None:
            invalid.add("behandelaarId", "required", "Kies een behandelaar.", "body")
        return question.assignee_id
    user = repository.user(session, assignee_id)
    team = {Role.EDITOR, Role.ADMIN}
    if user is None or not user.is_active or not (user.roles & team):
        invalid.add(
            "behandelaarId",
            "unknown_value",
            f"Gebruiker {assignee_id} is geen actieve adviseur van het programmateam.",
            "body",
        )
        return None
    return assignee_id


def _put_to_experts(
    session: Session,
    principal: Principal,
    question: Question,
    organisation: str,
    due: date,
    expert_question: str | None,
    share_contact: bool,
) -> ExpertRequest:
    request = ExpertRequest(
        question_id=question.id,
        organisation_code=organisation,
        asked_by=principal.user_id,
        due_date=due,
        note=(expert_question or "").strip() or None,
        share_contact=share_contact,
    )
    session.add(request)
    session.flush()
    return request


def take_back_expert_requests(session: Session, question: Question) -> list[int]:
    """Closes the question's unanswered requests: they leave the experts' inbox."""
    now = datetime.now(UTC)
    closed = []
    for request in repository.open_expert_requests(session, question.id):
        request.closed_at = now
        closed.append(request.id)
    return closed


def transition(
    session: Session,
    settings: Settings,
    principal: Principal,
    question_id: int,
    target: QuestionStatus,
    *,
    if_match: str | None,
    assignee_id: int | None = None,
    expert_organisation: str | None = None,
    expert_due: date | None = None,
    expert_question: str | None = None,
    share_contact: bool = False,
    answer: str | None = None,
    note: str | None = None,
) -> Question:
    require_team(principal)
    question = load_for_change(session, question_id, if_match)
    _not_merged(question)
    current = question.status
    previous_assignee = question.assignee_id
    if target not in TRANSITIONS[current]:
        allowed = sorted(TRANSITIONS[current])
        raise ConflictError(
            f"Van '{current}' naar '{target}' kan niet. Mogelijk: {', '.join(allowed)}.",
            extra={"huidigeStatus": current.value, "mogelijk": allowed},
            problem_type="statusovergang-niet-toegestaan",
        )
    invalid = InvalidParams()
    details: dict[str, object] = {}
    if note:
        details["toelichting"] = note.strip()
    today = clock.today()
    escalation: tuple[str, date] | None = None
    if target is S.ASSIGNED:
        question.assignee_id = _assignee(session, invalid, question, assignee_id)
        details["behandelaarId"] = question.assignee_id
    elif target is S.WAITING_FOR_EXPERT:
        code = _required_text(
            invalid, "expertOrganisatie", expert_organisation, "Welke organisatie helpt?"
        )
        if code and repository.organisation(session, code) is None:
            invalid.add("expertOrganisatie", "unknown_value", f"'{code}' bestaat niet.", "body")
        if expert_due is not None and expert_due < today:
            invalid.add("expertTermijn", "in_past", "De termijn ligt in het verleden.", "body")
        due = expert_due or service_levels.expert_due(settings, today)
        question.expert_organisation = code or None
        question.expert_due_date = due
        expert_details: dict[str, object] = {"organisatie": code, "termijn": str(due)}
        details["expert"] = expert_details
        escalation = (code, due)
    elif target is S.ANSWERED:
        question.answer = _required_text(invalid, "antwoord", answer, "Schrijf het antwoord.")
        question.answered_at = datetime.now(UTC)
        question.answered_by = principal.user_id
    elif target is S.CLOSED and current is not S.ANSWERED:
        details["toelichting"] = _required_text(
            invalid, "toelichting", note, "Waarom sluit u de vraag zonder antwoord?"
        )
        question.closed_at = datetime.now(UTC)
    elif target is S.CLOSED:
        question.closed_at = datetime.now(UTC)
    invalid.raise_if_any()
    if current is S.WAITING_FOR_EXPERT:
        question.expert_organisation = None
        question.expert_due_date = None
        if taken_back := take_back_expert_requests(session, question):
            details["expertverzoekenTeruggenomen"] = taken_back
    if target is S.ASSIGNED and current in REOPENED_FROM:
        details["toelichting"] = _required_text(
            invalid, "toelichting", note, "Waarom gaat de vraag weer open?"
        )
        invalid.raise_if_any()
        # A reopened question is a new promise: a fresh service level from today. The old
        # answer stays as a starting point, but the question no longer counts as answered.
        question.closed_at = None
        question.answered_at = None
        question.due_date = service_levels.answer_due(settings, clock.now())
    question.status = target
    request = None
    if escalation is not None:
        organisation, due = escalation
        request = _put_to_experts(
            session, principal, question, organisation, due, expert_question, share_contact
        )
        expert_details.update(verzoek=request.id, contactGedeeld=share_contact)
    if target is S.ANSWERED:
        askers = [question, *question.merged]
        details["gemaild"] = notifications.answered(
            session, settings, askers, question.answer or "", question.answered_by
        )
    kind = "heropend" if target is S.ASSIGNED and current in REOPENED_FROM else "status"
    record(session, question, kind, principal.subject, before=current, details=details)
    session.flush()
    if request is not None:
        events.publish(
            session,
            events.QUESTION_ESCALATED,
            {
                "question": question.id,
                "request": request.id,
                "subject": question.subject,
                "organisation": request.organisation_code,
                "due": request.due_date,
                "actor": principal.user_id,
            },
        )
    if question.assignee_id is not None and question.assignee_id != previous_assignee:
        events.publish(
            session,
            events.QUESTION_ASSIGNED,
            {
                "question": question.id,
                "subject": question.subject,
                "assignee": question.assignee_id,
                "actor": principal.user_id,
            },
        )
    return question


def _not_erased(question: Question) -> None:
    if question.erased_at is not None:
        raise ConflictError("De gegevens van deze vraag zijn op verzoek gewist.")


def triage(
    session: Session,
    principal: Principal,
    question_id: int,
    *,
    if_match: str | None,
    subject: str | None,
    measures: list[str] | None,
    theme: str | None,
    fields: frozenset[str],
) -> Question:
    require_team(principal)
    question = load_for_change(session, question_id, if_match)
    _not_merged(question)
    _not_erased(question)
    invalid = InvalidParams()
    changed: dict[str, object] = {}
    if "onderwerp" in fields and subject is not None:
        question.subject = subject.strip()
        changed["onderwerp"] = question.subject
    if "maatregelen" in fields and measures is not None:
        question.measures = resolve_measures(session, invalid, measures)
        changed["maatregelen"] = [m.code for m in question.measures]
    if "thema" in fields:
        question.theme_code = resolve_theme(session, invalid, theme)
        changed["thema"] = question.theme_code
    invalid.raise_if_any()
    record(session, question, "gewijzigd", principal.subject, details=changed)
    session.flush()
    if question.erased_at is None:
        similarity.index(session, "vraag", question.id, question.subject, question.text)
    return question


def merge(
    session: Session,
    settings: Settings,
    principal: Principal,
    main_id: int,
    duplicate_id: int,
    if_match: str | None,
) -> Question:
    """The duplicate goes up in the main question; its asker is kept and hears the answer."""
    require_team(principal)
    if main_id == duplicate_id:
        invalid = InvalidParams()
        invalid.add("vraagId", "same", "Een vraag kan niet met zichzelf samengaan.", "body")
        invalid.raise_if_any()
    # Both at once, in id order: a merge of A into B beside one of B into A would otherwise
    # each lock its main question and wait for the other's. The one that waited then finds
    # a question merged, which is the clearer answer than a stale version, so that comes first.
    locked = repository.lock_questions(session, [main_id, duplicate_id])
    for question_id in (main_id, duplicate_id):
        if question_id not in locked:
            raise NotFoundError(f"Vraag {question_id} bestaat niet.")
    main, duplicate = locked[main_id], locked[duplicate_id]
    _not_merged(main)
    _not_merged(duplicate)
    check_version(if_match, main.version, required=False)
    # Questions merged into the duplicate earlier follow it into the main question.
    for earlier in duplicate.merged:
        earlier.merged_into_id = main.id
    before = duplicate.status
    duplicate.merged_into_id = main.id
    duplicate.status = S.CLOSED
    duplicate.closed_at = datetime.now(UTC)
    # A duplicate that was waiting for experts no longer needs their answer: the main one does.
    duplicate.expert_organisation = None
    duplicate.expert_due_date = None
    take_back_expert_requests(session, duplicate)
    main.measures = list({m.code: m for m in [*main.measures, *duplicate.measures]}.values())
    record(
        session,
        duplicate,
        "samengevoegd",
        principal.subject,
        before=before,
        details={"in": main.id},
    )
    record(session, main, "samengevoegd", principal.subject, details={"opgenomen": duplicate.id})
    similarity.remove(session, "vraag", duplicate.id)
    if main.answered_at is not None and main.answer:
        notifications.answered(session, settings, [duplicate], main.answer, main.answered_by)
    session.flush()
    session.expire(main, ["merged"])
    return repository.get_question(session, main.id) or main


def add_note(session: Session, principal: Principal, question_id: int, text: str) -> QuestionNote:
    require_team(principal, "Interne notities")
    question = existing(session, question_id)
    _not_erased(question)
    note = QuestionNote(question_id=question.id, author_id=principal.user_id, text=text.strip())
    session.add(note)
    record(session, question, "notitie", principal.subject, changes_question=False)
    session.flush()
    return note
