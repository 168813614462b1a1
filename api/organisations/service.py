"""Rules of the organisations domain."""

from sqlalchemy.orm import Session

from api.core.errors import NotFoundError
from api.core.pagination import PageParams
from api.organisations import repository

# The router's door into the domain: the rows it presents and the kinds it filters on are
# exported here, so that no router imports the tables.
from api.organisations.models import Organisation as Organisation
from api.organisations.models import OrganisationKind as OrganisationKind


def find_organisations(
    session: Session, kind: OrganisationKind | None, page: PageParams
) -> tuple[list[Organisation], int]:
    total = repository.count_organisations(session, kind)
    return repository.list_organisations(session, kind, page.offset, page.size), total


def get_organisation(session: Session, code: str) -> Organisation:
    organisation = repository.get_organisation(session, code)
    if organisation is None:
        raise NotFoundError(f"Organisatie {code} bestaat niet.")
    return organisation
