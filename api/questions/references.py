"""Checks of the codes a question or FAQ entry refers to: every unknown one reported at once."""

from sqlalchemy.orm import Session

from api.core.validation import InvalidParams
from api.measures.models import Measure
from api.questions import repository


def resolve_measures(session: Session, invalid: InvalidParams, codes: list[str]) -> list[Measure]:
    wanted = list(dict.fromkeys(codes))
    found = repository.measures_by_codes(session, wanted)
    for code in wanted:
        if code not in found:
            invalid.add("maatregelen", "unknown_value", f"Maatregel '{code}' bestaat niet.", "body")
    return [found[c] for c in sorted(found)]


def resolve_theme(session: Session, invalid: InvalidParams, code: str | None) -> str | None:
    if code is None:
        return None
    if code not in repository.theme_names(session):
        invalid.add("thema", "unknown_value", f"Thema '{code}' bestaat niet.", "body")
        return None
    return code
