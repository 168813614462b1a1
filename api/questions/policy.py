"""Who sees and does what with questions: the one place for the access rules.

The programme team (editors and admins) handles every question. A municipal contact files
questions and sees only their own, with the answer; askers' personal data never leaves these
two, unless the advisor shares the asker's contact details with the experts she consults. An
expert of a partner organisation sees only the questions put to her organisation, and answers
them to the advisor; every other question endpoint refuses her. Machine clients have no
business with questions. The FAQ is public."""

from api.core.errors import ForbiddenError, NotFoundError, UnauthenticatedError
from api.core.security import Principal, Role, require_programme_team
from api.questions.models import ExpertRequest, Question


def require_team(principal: Principal, action: str = "Vragen behandelen") -> None:
    require_programme_team(principal, action)


def require_asker_or_team(principal: Principal) -> None:
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if principal.is_programme_team:
        return
    if principal.kind != "user" or Role.MUNICIPAL_CONTACT not in principal.roles:
        raise ForbiddenError("Vragen stellen kan een gemeentelijke contactpersoon of de redactie.")


def ensure_can_read(principal: Principal, question: Question) -> None:
    """Someone else's question is answered like a missing one: its existence is not revealed."""
    require_asker_or_team(principal)
    if principal.is_programme_team:
        return
    if question.asker_user_id is None or question.asker_user_id != principal.user_id:
        raise NotFoundError(f"Vraag {question.id} bestaat niet.")


def require_expert(principal: Principal) -> str:
    """The organisation whose questions this expert answers. Only the expert role counts: the
    programme team consults experts, it does not answer in their name."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if (
        principal.kind != "user"
        or Role.EXPERT not in principal.roles
        or principal.organisation_code is None
    ):
        raise ForbiddenError("Voorgelegde vragen beantwoordt een expert van de partnerorganisatie.")
    return principal.organisation_code


def expert_request_not_found(request_id: int) -> NotFoundError:
    return NotFoundError(f"Expertvraag {request_id} bestaat niet.")


def ensure_expert_can_read(principal: Principal, request: ExpertRequest) -> None:
    """A request put to another organisation is answered like a missing one."""
    if request.organisation_code != require_expert(principal):
        raise expert_request_not_found(request.id)
