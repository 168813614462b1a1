"""Page parameters and the page envelope every collection returns."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from pydantic import Field

from api.core.schemas import ApiModel, Link

# Part of the published contract, not of a deployment: clients (the SPA's measure list among
# them) ask for the maximum, and a server that allowed less would break them.
MAX_PAGE_SIZE = 100
# 25 fits the whole set of 23 measures on one default page.
DEFAULT_PAGE_SIZE = 25


class PageInfo(ApiModel):
    pagina: int = Field(description="Nummer van deze pagina, vanaf 1.")
    pagina_grootte: int = Field(description="Aantal resultaten per pagina.")
    totaal: int = Field(description="Aantal resultaten over alle pagina's.")
    aantal_paginas: int = Field(description="Aantal pagina's.")


class PageLinks(ApiModel):
    self: Link
    first: Link
    last: Link
    prev: Link | None = None
    next: Link | None = None


@dataclass(frozen=True)
class PageParams:
    page: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


async def page_params(
    pagina: Annotated[int, Query(ge=1, le=100_000, description="Paginanummer, vanaf 1.")] = 1,
    pagina_grootte: Annotated[
        int,
        Query(
            alias="paginaGrootte",
            ge=1,
            le=MAX_PAGE_SIZE,
            description=f"Resultaten per pagina, 1 tot en met {MAX_PAGE_SIZE}.",
        ),
    ] = DEFAULT_PAGE_SIZE,
) -> PageParams:
    return PageParams(page=pagina, size=pagina_grootte)


PageDep = Annotated[PageParams, Depends(page_params)]


def _link(request: Request, page: int) -> Link:
    url = request.url.include_query_params(pagina=page)
    return Link(href=f"{url.path}?{url.query}")


def page_envelope(request: Request, params: PageParams, total: int) -> tuple[PageInfo, PageLinks]:
    last = max(1, -(-total // params.size))
    info = PageInfo(
        pagina=params.page, pagina_grootte=params.size, totaal=total, aantal_paginas=last
    )
    links = PageLinks(
        self=_link(request, params.page),
        first=_link(request, 1),
        last=_link(request, last),
        prev=_link(request, params.page - 1) if params.page > 1 else None,
        next=_link(request, params.page + 1) if params.page < last else None,
    )
    return info, links
