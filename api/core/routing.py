"""Router factory for JSON resources, so every domain gets the same negotiation and contract."""

from enum import Enum
from typing import Any

from fastapi import APIRouter, Depends, Query

from api.core.negotiation import require_json_accept

NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Niet gewijzigd: de representatie met deze ETag is nog actueel."}
}


def json_router(*, tags: list[str | Enum], conditional: bool = True) -> APIRouter:
    """A router whose GETs answer with an ETag (and 304) unless `conditional` is off."""
    return APIRouter(
        tags=tags,
        dependencies=[Depends(require_json_accept)],
        responses=NOT_MODIFIED if conditional else None,
    )


# Security requirements per operation, for the OpenAPI document (the rules are in the services).
PUBLIC: dict[str, Any] = {"security": []}
PERSON: dict[str, Any] = {"security": [{"sessieCookie": []}]}
# Open to all; a signed-in person may see more (her own status, a join link).
PUBLIC_OR_PERSON: dict[str, Any] = {"security": [{}, {"sessieCookie": []}]}


# A resource changed with If-Match: its 200 carries the version ETag to send back.
VERSIONED: dict[int | str, dict[str, Any]] = {
    200: {"headers": {"ETag": {"$ref": "#/components/headers/ETag"}}}
}


def errors(**descriptions: str) -> dict[int | str, dict[str, Any]]:
    """Extra error answers of one operation, e.g. errors(e409="Al uitgenodigd.")."""
    return {key.removeprefix("e"): {"description": text} for key, text in descriptions.items()}


def mail_link_token(description: str) -> Any:
    """The query parameter that carries the secret of a link in a mail (a one-click unsubscribe,
    a rating): as `secrets.token_urlsafe` makes them, so anything else is a 400 before it is
    looked up. Use as `Annotated[str, mail_link_token("De code uit …")]`."""
    return Query(
        min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$", description=description
    )
