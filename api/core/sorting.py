"""`sorteer=veld,-anderVeld`: parsed against a per-collection allowlist of sortable fields."""

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute

from api.core.errors import InvalidInputError

SortKey = InstrumentedAttribute[Any] | ColumnElement[Any]


def parse_sort(
    raw: str | None,
    allowed: Mapping[str, Any],
    default: str,
    tiebreaker: SortKey,
) -> list[ColumnElement[object]]:
    fields = [part.strip() for part in (raw or default).split(",") if part.strip()]
    unknown = [f for f in fields if f.lstrip("-") not in allowed]
    if unknown:
        raise InvalidInputError(
            "Onbekend sorteerveld.",
            [
                {
                    "name": "sorteer",
                    "in": "query",
                    "code": "unknown_sort_field",
                    "reason": f"'{field}' kan niet; kies uit {', '.join(sorted(allowed))} "
                    "(met '-' ervoor voor aflopend).",
                }
                for field in unknown
            ],
        )
    order: list[ColumnElement[object]] = []
    for field in fields:
        column = allowed[field.lstrip("-")]
        order.append(column.desc() if field.startswith("-") else column.asc())
    order.append(tiebreaker.asc())
    return order


def sort_description(allowed: Sequence[str], default: str) -> str:
    return (
        "Sorteervolgorde: komma-gescheiden velden, '-' ervoor voor aflopend. "
        f"Mogelijk: {', '.join(allowed)}. Standaard: {default}."
    )
