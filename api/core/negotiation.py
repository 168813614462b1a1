"""Content negotiation: a client that accepts none of what an endpoint sends gets 406 (JSON for
the JSON endpoints; CSV, Atom or XLSX for the downloads and feeds)."""

from fastapi import Request
from starlette.exceptions import HTTPException


def accepts(accept: str, *media_types: str) -> bool:
    """Whether an Accept header takes one of `media_types`, by name or by a wildcard (`text/*`,
    `*/*`), without refusing it (q=0)."""
    acceptable = {"*/*", *media_types, *(f"{t.split('/')[0]}/*" for t in media_types)}
    for part in accept.split(","):
        media_type, _, params = part.strip().partition(";")
        if media_type.strip().lower() in acceptable and "q=0" not in params.replace(" ", "").split(
            ";"
        ):
            return True
    return False


def accepts_json(accept: str) -> bool:
    return accepts(accept, "application/json", "application/problem+json")


async def require_json_accept(request: Request) -> None:
    # A coroutine, as every dependency without I/O: a plain `def` would cost each request a
    # hop to the thread pool and back (see the dependencies in core/requests.py, pagination.py).
    accept = request.headers.get("accept")
    if accept and not accepts_json(accept):
        raise HTTPException(406, detail="Deze bron is alleen beschikbaar als application/json.")


def require_accept(request: Request, *media_types: str) -> None:
    """406 unless the client takes one of `media_types`; without an Accept header it takes all.
    The first media type is the one the answer names."""
    accept = request.headers.get("accept")
    if accept and not accepts(accept, *media_types):
        raise HTTPException(406, detail=f"Deze bron is alleen beschikbaar als {media_types[0]}.")
