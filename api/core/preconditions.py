"""Optimistic concurrency with version ETags ("v7"): a stale If-Match is a 412, and where a
resource demands it, a missing one is a 428."""

import re

from api.core.conditional import entity_tags
from api.core.errors import DomainError

# Versions fit a database integer; a longer run of digits is no tag of ours.
_VERSION = re.compile(r'"v([0-9]{1,18})"')


class PreconditionFailedError(DomainError):
    status = 412
    title = "Voorwaarde niet vervuld"


class PreconditionRequiredError(DomainError):
    status = 428
    title = "Voorwaarde vereist"


def version_etag(version: int) -> str:
    return f'"v{version}"'


def parse_if_match(header: str | None) -> int:
    """The version an If-Match names; 428 when absent, 412 when it is no version ETag."""
    if not header:
        raise PreconditionRequiredError(
            "Stuur If-Match met de ETag die u las, zodat een wijziging van een ander niet "
            "ongemerkt wordt overschreven."
        )
    versions = {
        int(found.group(1)) for tag in entity_tags(header) if (found := _VERSION.fullmatch(tag))
    }
    if len(versions) != 1:
        # RFC 9110: a tag the server never handed out does not match, whatever its shape.
        raise PreconditionFailedError("If-Match is geen ETag van deze bron.")
    return versions.pop()


def check_version(header: str | None, current: int, *, required: bool) -> None:
    if header is None and not required:
        return
    if parse_if_match(header) != current:
        raise PreconditionFailedError(
            "Iemand anders heeft dit intussen gewijzigd. Haal de nieuwe stand op en probeer "
            "het opnieuw.",
            extra={"huidigeVersie": current},
            headers={"ETag": version_etag(current)},
        )
