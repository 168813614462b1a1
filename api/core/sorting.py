"""`sorteer=veld,-anderVeld`: parsed against a per-collection allowlist of sortable fields."""

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute

from api.core.validation import InvalidParams

SortKey = InstrumentedAttribute[Any] | ColumnElement[Any]


def parse_sort(
    raw: str | None,
    allowed: Mapping[str, Any],
    default: str,
    tiebreaker: SortKey,
    invalid: InvalidParams,
) -> list[ColumnElement[object]]:
    """The ORDER BY for `raw`; unknown fields are reported to `invalid` with the other errors."""
    fields = [part.strip() for part in (raw or default).split(",") if part.strip()]
    for field in fields:
        if field.lstrip("-") not in allowed:
            invalid.add(
                "sorteer",
                "unknown_sort_field",
                f"'{field}' kan niet; kies uit {', '.join(sorted(allowed))} "
                "(met '-' ervoor voor aflopend).",
            )
    order: list[ColumnElement[object]] = []
    for field in (f for f in fields if f.lstrip("-") in allowed):
        column = allowed[field.lstrip("-")]
        order.append(column.desc() if field.startswith("-") else column.asc())
    order.append(tiebreaker.asc())
    return order


def sort_description(allowed: Sequence[str], default: str) -> str:
    return (
        "Sorteervolgorde: komma-gescheiden velden, '-' ervoor voor aflopend. "
        f"Mogelijk: {', '.join(allowed)}. Standaard: {default}."
    )
