"""The claims of a verified access token, parsed strictly before any of them reaches a query.

A valid signature proves only who issued a token, not that its claims have the shapes the code
expects: a key that leaks, or a bug in an older release, could sign a `sec` that is a string or
a user id that overflows the database's integer. Anything unexpected is an invalid token (401),
never a server error."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from api.accounts.secrets import CLIENT_ID
from api.core.errors import UnauthenticatedError

# Database ids are 32-bit integers on PostgreSQL.
MAX_ID = 2**31 - 1
INVALID = "Het toegangstoken is ongeldig."


class _Claims(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class PersonClaims(_Claims):
    typ: Literal["access"]
    sub: Annotated[str, StringConstraints(pattern=r"^user:[1-9][0-9]{0,9}$")]
    sid: Annotated[str, StringConstraints(pattern=r"^[0-9a-f-]{1,36}$")]
    roles: list[str] = []

    @property
    def user_id(self) -> int:
        return int(self.sub.removeprefix("user:"))


class ClientClaims(_Claims):
    typ: Literal["client"]
    sub: Annotated[str, StringConstraints(pattern=rf"^client:{CLIENT_ID.pattern}$")]
    sec: Annotated[int, Field(ge=1, le=MAX_ID)]
    scope: str = ""

    @property
    def client_id(self) -> str:
        return self.sub.removeprefix("client:")


def person_claims(claims: dict[str, object]) -> PersonClaims:
    try:
        parsed = PersonClaims.model_validate(claims)
    except ValidationError as exc:
        raise UnauthenticatedError(INVALID) from exc
    if parsed.user_id > MAX_ID:
        raise UnauthenticatedError(INVALID)
    return parsed


def client_claims(claims: dict[str, object]) -> ClientClaims:
    try:
        return ClientClaims.model_validate(claims)
    except ValidationError as exc:
        raise UnauthenticatedError(INVALID) from exc
