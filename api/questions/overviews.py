"""What the team's overviews need beside the counts: who can handle questions, the people
behind the workload, the names of measures and themes, the FAQ entries a cluster points at."""

from datetime import date

from sqlalchemy.orm import Session

from api.accounts.models import User
from api.core.security import Principal
from api.core.settings import Settings
from api.questions import insight, repository
from api.questions.insight import WorkloadRow
from api.questions.models import FaqEntry
from api.questions.policy import require_team


def advisors(session: Session, principal: Principal) -> list[User]:
    """Active editors and admins: who can handle a question."""
    require_team(principal)
    return repository.advisors(session)


def workload(
    session: Session, settings: Settings, principal: Principal, today: date
) -> list[tuple[WorkloadRow, User | None]]:
    """Open, overdue and nearly overdue questions per advisor, with the advisor."""
    require_team(principal)
    rows = insight.workload(session, settings, today)
    people = repository.users_by_ids(session, {r.assignee_id for r in rows if r.assignee_id})
    return [(r, people.get(r.assignee_id) if r.assignee_id is not None else None) for r in rows]


def measure_names(session: Session) -> dict[str, str]:
    return repository.measure_names(session)


def theme_names(session: Session) -> dict[str, str]:
    return repository.theme_names(session)


def faq_entries(session: Session, ids: list[int]) -> dict[int, FaqEntry]:
    return repository.faq_entries(session, ids)
