"""Who sees and does what with products: the one place for the catalogue's access rules."""

import enum

from api.core.security import Principal, Scope, require_programme_team


class Viewer(enum.Enum):
    PUBLIC = "public"
    """Published products only (also municipal contacts and script clients)."""
    PARTNER = "partner"
    """Partner systems with producten:lezen: also unpublished products and their planned dates."""
    EDITOR = "editor"
    """The programme team: everything, including owners, drafts and the freshness flag."""


def viewer_of(principal: Principal) -> Viewer:
    if principal.is_programme_team:
        return Viewer.EDITOR
    if principal.kind == "client" and principal.has_scope(Scope.PRODUCTS_READ):
        return Viewer.PARTNER
    return Viewer.PUBLIC


def require_editor(principal: Principal) -> None:
    require_programme_team(principal, "Producten beheren")
