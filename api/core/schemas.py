"""Base shapes of the public contract: lowerCamelCase JSON, Dutch names, HAL-style links."""

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
