"""Content negotiation for JSON endpoints: a client that accepts no JSON gets 406."""

from fastapi import Request
from starlette.exceptions import HTTPException

_JSON_ACCEPTABLE = ("application/json", "application/problem+json", "application/*", "*/*")


def accepts_json(accept: str) -> bool:
    for part in accept.split(","):
        media_type, _, params = part.strip().partition(";")
        if media_type.strip().lower() in _JSON_ACCEPTABLE and "q=0" not in params.replace(
            " ", ""
        ).split(";"):
            return True
    return False


async def require_json_accept(request: Request) -> None:
    # A coroutine, as every dependency without I/O: a plain `def` would cost each request a
    # hop to the thread pool and back (see the dependencies in core/requests.py, pagination.py).
    accept = request.headers.get("accept")
    if accept and not accepts_json(accept):
        raise HTTPException(406, detail="Deze bron is alleen beschikbaar als application/json.")
