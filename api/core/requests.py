"""Facts about the current request that services record (audit log, throttling)."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from api.core.problem import request_id_of
from api.core.settings import Settings


@dataclass(frozen=True)
class RequestContext:
    address: str
    request_id: str
    user_agent: str


async def request_context(request: Request) -> RequestContext:
    return RequestContext(
        address=request.client.host if request.client else "onbekend",
        request_id=request_id_of(request),
        user_agent=request.headers.get("user-agent", "")[:200],
    )


async def app_settings(request: Request) -> Settings:
    """The settings the running app was created with (tests create apps with their own)."""
    return request.app.state.settings  # type: ignore[no-any-return]


ContextDep = Annotated[RequestContext, Depends(request_context)]
SettingsDep = Annotated[Settings, Depends(app_settings)]
