"""Base shapes of the public contract: lowerCamelCase JSON, Dutch names, HAL-style links."""

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class ApiModel(BaseModel):
    """Every request and response body: camelCase on the wire, snake_case in Python."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, from_attributes=True)


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
