"""Base shapes of the public contract: lowerCamelCase JSON, Dutch names, HAL-style links."""

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

from api.core.text import unsafe_character_reason


class ApiModel(BaseModel):
    """Every request and response body: camelCase on the wire, snake_case in Python."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, from_attributes=True)


# The range of a database BIGINT: a larger number cannot even be bound to a query.
_LARGEST_INTEGER = 2**63 - 1

# Row ids are INTEGER columns: PostgreSQL refuses to compare one with a larger number (a 500),
# so an id that names a row is bounded as input.
RowId = Annotated[int, Field(ge=1, le=2**31 - 1)]


def _refuse_unsafe_input(value: Any) -> None:
    if isinstance(value, str):
        reason = unsafe_character_reason(value)
        if reason is not None:
            raise PydanticCustomError("ongeldig_teken", reason)
    elif isinstance(value, int) and not -_LARGEST_INTEGER <= value <= _LARGEST_INTEGER:
        raise PydanticCustomError("getal_te_groot", "Dit getal is te groot.")
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_unsafe_input(key)
            _refuse_unsafe_input(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _refuse_unsafe_input(item)


class RequestModel(ApiModel):
    """Every request body: unknown fields are refused, as are control characters in any text
    (tab and line breaks excepted), so nothing stored can break a feed or an export later, and
    numbers no database column can hold."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _safe_input(cls, value: Any) -> Any:
        # On the raw input, so text in nested shapes is checked before it is parsed.
        _refuse_unsafe_input(value)
        return value


class Link(ApiModel):
    href: str = Field(description="Absoluut of relatief pad naar de gelinkte bron.")


class SelfLinks(ApiModel):
    self: Link


class CodeName(ApiModel):
    """A reference to another resource by its code, with its name for display."""

    code: str
    naam: str


# Pydantic renders an optional date as anyOf; the API rules want the format at the top level.
OptionalDate = Annotated[date | None, Field(json_schema_extra={"format": "date"})]
