"""Dates and moments a client may send: ISO 8601 only, and within a window the programme can
mean. Pydantic alone would read `0` as 1970-01-01 and accept year 1 or 9999, whose arithmetic
(deadlines, working days, a conversion to UTC) then overflows."""

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*")
_WINDOW = f"tussen {EARLIEST.isoformat()} en {LATEST.isoformat()}"


def _iso_date(value: Any) -> Any:
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise PydanticCustomError("date_parsing", "Moet een datum zijn (JJJJ-MM-DD).")


def _iso_moment(value: Any) -> Any:
    if isinstance(value, datetime) or (isinstance(value, str) and _ISO_MOMENT.fullmatch(value)):
        return value
    raise PydanticCustomError(
        "datetime_parsing", "Moet een tijdstip zijn (JJJJ-MM-DDTUU:MM:SS met tijdzone)."
    )


def _date_in_window(value: date) -> date:
    if not EARLIEST <= value <= LATEST:
        raise PydanticCustomError("date_out_of_range", f"Moet een datum {_WINDOW} zijn.")
    return value


def _moment_in_window(value: datetime) -> datetime:
    if value.utcoffset() is None:
        raise PydanticCustomError("timezone_aware", "Moet een tijdzone hebben, zoals Z of +01:00.")
    # The local calendar day is compared, never a conversion: that would overflow at the edges.
    if not EARLIEST <= value.date() <= LATEST:
        raise PydanticCustomError("datetime_out_of_range", f"Moet een tijdstip {_WINDOW} zijn.")
    return value


BoundedDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    AfterValidator(_date_in_window),
    Field(json_schema_extra={"format": "date"}),
]
"""A calendar date (JJJJ-MM-DD) between 2000-01-01 and 2100-12-31."""

BoundedMoment = Annotated[datetime, BeforeValidator(_iso_moment), AfterValidator(_moment_in_window)]
"""A moment with its time zone, on a day between 2000-01-01 and 2100-12-31."""

# Pydantic renders an optional date as anyOf; the API rules want the format at the top level.
OptionalBoundedDate = Annotated[BoundedDate | None, Field(json_schema_extra={"format": "date"})]
