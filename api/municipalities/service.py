"""Rules of the municipalities domain."""

from sqlalchemy.orm import Session

from api.core.errors import NotFoundError
from api.core.pagination import PageParams
from api.core.queries import existing_values
from api.core.sorting import parse_sort
from api.core.validation import InvalidParams
from api.municipalities import repository

# The router's door into the domain: the rows it presents, the filter and the sortable fields
# are exported here, so that no router imports the tables or the queries.
from api.municipalities.models import LabourMarketRegion as LabourMarketRegion
from api.municipalities.models import Municipality as Municipality
from api.municipalities.models import Province as Province
from api.municipalities.repository import SORTABLE as SORTABLE
from api.municipalities.repository import MunicipalityFilter as MunicipalityFilter

DEFAULT_SORT = "naam"


def find_municipalities(
    session: Session, criteria: MunicipalityFilter, sort: str | None, page: PageParams
) -> tuple[list[Municipality], int]:
    invalid = InvalidParams()
    invalid.unknown("provincie", criteria.province, lambda: existing_values(session, Province.code))
    invalid.unknown(
        "arbeidsmarktregio",
        criteria.region,
        lambda: existing_values(session, LabourMarketRegion.code),
    )
    order = parse_sort(sort, SORTABLE, DEFAULT_SORT, tiebreaker=Municipality.code, invalid=invalid)
    invalid.raise_if_any()
    total = repository.count_municipalities(session, criteria)
    return (
        repository.list_municipalities(session, criteria, order, page.offset, page.size),
        total,
    )


def get_municipality(session: Session, code: str) -> Municipality:
    municipality = repository.get_municipality(session, code)
    if municipality is None:
        raise NotFoundError(f"Gemeente {code} bestaat niet.")
    return municipality


def list_groups(
    session: Session, model: repository.GroupModel
) -> list[tuple[Province | LabourMarketRegion, int, int]]:
    return repository.list_groups(session, model)


def get_group(
    session: Session, model: repository.GroupModel, code: str
) -> tuple[Province | LabourMarketRegion, int, int]:
    found = repository.list_groups(session, model, code)
    if not found:
        kind = "Provincie" if model is Province else "Arbeidsmarktregio"
        raise NotFoundError(f"{kind} {code} bestaat niet.")
    return found[0]


def provinces(session: Session) -> list[tuple[Province | LabourMarketRegion, int, int]]:
    return list_groups(session, Province)


def province(session: Session, code: str) -> tuple[Province | LabourMarketRegion, int, int]:
    return get_group(session, Province, code)


def regions(session: Session) -> list[tuple[Province | LabourMarketRegion, int, int]]:
    return list_groups(session, LabourMarketRegion)


def region(session: Session, code: str) -> tuple[Province | LabourMarketRegion, int, int]:
    return get_group(session, LabourMarketRegion, code)
