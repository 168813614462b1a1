"""Rules of the measures domain: which filters are valid, and what 'not found' means."""

from sqlalchemy.orm import Session

from api.core.errors import NotFoundError
from api.core.pagination import PageParams
from api.core.queries import existing_values
from api.core.sorting import parse_sort
from api.core.validation import InvalidParams
from api.measures import repository
from api.measures.models import ImpactArea

# The router's door into the domain: the rows it presents, the filter and its values, and the
# sortable fields are exported here, so that no router imports the tables or the queries.
from api.measures.models import Measure as Measure
from api.measures.models import Obligation as Obligation
from api.measures.models import Theme as Theme
from api.measures.models import Wave as Wave
from api.measures.repository import SORTABLE as SORTABLE
from api.measures.repository import MeasureFilter as MeasureFilter

DEFAULT_SORT = "code"


def find_measures(
    session: Session, criteria: MeasureFilter, sort: str | None, page: PageParams
) -> tuple[list[Measure], int]:
    invalid = InvalidParams()
    invalid.unknown("fase", criteria.wave, lambda: existing_values(session, Wave.number))
    invalid.unknown("thema", criteria.theme, lambda: existing_values(session, Theme.code))
    invalid.unknown(
        "impactgebied", criteria.impact_area, lambda: existing_values(session, ImpactArea.code)
    )
    order = parse_sort(sort, SORTABLE, DEFAULT_SORT, tiebreaker=Measure.code, invalid=invalid)
    invalid.raise_if_any()
    total = repository.count_measures(session, criteria)
    return repository.list_measures(session, criteria, order, page.offset, page.size), total


def get_measure(session: Session, code: str) -> Measure:
    measure = repository.get_measure(session, code)
    if measure is None:
        raise NotFoundError(f"Maatregel {code} bestaat niet.")
    return measure


def list_waves(session: Session) -> list[tuple[Wave, int]]:
    return repository.list_waves(session)


def get_wave(session: Session, number: int) -> tuple[Wave, int]:
    for wave, count in repository.list_waves(session):
        if wave.number == number:
            return wave, count
    raise NotFoundError(f"Fase {number} bestaat niet.")


def list_themes(session: Session) -> list[tuple[Theme, int]]:
    return repository.list_themes(session)


def get_theme(session: Session, code: str) -> tuple[Theme, int]:
    for theme, count in repository.list_themes(session):
        if theme.code == code:
            return theme, count
    raise NotFoundError(f"Thema {code} bestaat niet.")


def list_impact_areas(session: Session) -> list[ImpactArea]:
    return repository.list_impact_areas(session)
