"""Which questions, and which questions put to experts, fall due soon or are late on a day:
what the daily reminders tell their advisors, experts and the team's admins. Due soon and late
are the same working-day rules as the inbox's (service_levels.py)."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from api.core.settings import Settings
from api.questions import repository, service_levels


@dataclass(frozen=True, slots=True)
class Due:
    """A question, or a question put to an organisation's experts, that falls due or is late."""

    question_id: int
    subject: str
    due: date
    late_by: int
    """Working days past the due date; 0 when it is not late yet."""
    assignee_id: int | None = None
    request_id: int | None = None
    organisation: str | None = None


def falling_due(session: Session, settings: Settings, today: date) -> tuple[list[Due], list[Due]]:
    """The open questions and the open expert requests due within the service levels' "due
    soon" window, or late."""
    limit = service_levels.due_soon_limit(settings, today)
    calendar = service_levels.calendar(settings)

    def late_by(due: date) -> int:
        return max(0, calendar.between(due, today)) if due < today else 0

    questions = [
        Due(q.id, q.subject, q.due_date, late_by(q.due_date), assignee_id=q.assignee_id)
        for q in repository.all_questions(session, repository.QuestionFilter(due_before=limit))
    ]
    requests = [
        Due(
            r.question_id,
            subject,
            r.due_date,
            late_by(r.due_date),
            request_id=r.id,
            organisation=r.organisation_code,
        )
        for r, subject in repository.expert_requests_due(session, limit)
    ]
    return questions, requests
