"""Who may do what with a meeting: the one place for the agenda's access rules.

The programme team (editors and admins) plans, changes and cancels meetings and sees everything
about them. A meeting's organiser, a team member, does the same for her own meeting. Municipal
contacts register themselves and colleagues of their municipality; experts of a partner
organisation register themselves when the audience includes chain partners. Everyone, signed
in or not, sees the agenda and a meeting's page, but never who registered, and the join link
only once registered (aangemeld)."""

from api.core.errors import ForbiddenError, NotFoundError, UnauthenticatedError
from api.core.security import Principal, Role, require_programme_team
from api.meetings.models import Audience, Meeting

TEAM_ACTION = "Bijeenkomsten plannen en wijzigen"


def require_team(principal: Principal, action: str = TEAM_ACTION) -> None:
    require_programme_team(principal, action)


def is_team(principal: Principal) -> bool:
    return principal.kind == "user" and principal.is_programme_team


def is_contact(principal: Principal) -> bool:
    return principal.kind == "user" and Role.MUNICIPAL_CONTACT in principal.roles


def is_expert(principal: Principal) -> bool:
    return principal.kind == "user" and Role.EXPERT in principal.roles


def is_organiser(principal: Principal, meeting: Meeting) -> bool:
    """Named as its organiser and still in the team: who leaves the team leaves her meetings'
    rights behind, though the meeting keeps her name until someone else is named."""
    return (
        principal.kind == "user"
        and principal.user_id is not None
        and meeting.organiser_id == principal.user_id
        and may_be_organiser(principal.roles)
    )


def may_manage(principal: Principal, meeting: Meeting) -> bool:
    """Change, cancel, see every registration and record attendance: the team, and the
    meeting's own organiser."""
    return is_team(principal) or is_organiser(principal, meeting)


def require_manager(principal: Principal, meeting: Meeting, action: str = TEAM_ACTION) -> None:
    """The public gets 401, everyone else who may not manage this meeting 403."""
    if not principal.is_authenticated:
        raise UnauthenticatedError
    if not may_manage(principal, meeting):
        raise ForbiddenError(f"{action} mag alleen de redactie of de organisator.")


def may_see_join_link(principal: Principal, meeting: Meeting, *, registered: bool) -> bool:
    """`registered`: the caller holds a place (aangemeld) at this meeting; a place on the
    waiting list or a cancelled one gives no link."""
    return may_manage(principal, meeting) or (principal.kind == "user" and registered)


def audience_admits(principal: Principal, meeting: Meeting) -> bool:
    """Whether the caller belongs to the meeting's audience: contacts to `gemeenten`, experts
    to `ketenpartners`, both to `iedereen`; the team always."""
    if is_team(principal):
        return True
    if is_contact(principal) and meeting.audience in (Audience.MUNICIPALITIES, Audience.EVERYONE):
        return True
    return is_expert(principal) and meeting.audience in (
        Audience.CHAIN_PARTNERS,
        Audience.EVERYONE,
    )


def may_be_organiser(roles: frozenset[Role]) -> bool:
    """Who a meeting may name as its organiser: a member of the programme team."""
    return bool(roles & {Role.EDITOR, Role.ADMIN})


def not_found(meeting_id: int) -> NotFoundError:
    return NotFoundError(f"Bijeenkomst {meeting_id} bestaat niet.")
