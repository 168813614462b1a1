"""The public reads the bench measures, in one place: the load table, the figures of the
progress section and the several-workers check all take them from here.

Every read is anonymous: what a visitor of the public pages, a news site linking to them or a
partner's script without a token gets."""

import json
from dataclasses import dataclass
from pathlib import Path

MEASURES = "/api/v1/maatregelen?paginaGrootte=100"
MUNICIPALITIES = "/api/v1/gemeenten?paginaGrootte=100"
PRODUCTS = "/api/v1/producten?paginaGrootte=100"
SEARCH = "/api/v1/producten?zoek=vrijlating&paginaGrootte=100"
SEARCH_WORDS = "/api/v1/producten?zoek=inkomsten%20verrekenen&paginaGrootte=100"
FAQ = "/api/v1/faq"
DASHBOARD = "/api/v1/dashboard"
OVERVIEW = "/api/v1/voortgang/overzicht?groep="
MAP_BOUNDARIES = "/api/v1/kaart/gemeenten"
MAP_VALUES = "/api/v1/kaart/waarden"
COMPARED = "GM0344"
"""Utrecht: the municipality whose comparison is read, and whose cell the bench changes."""
COMPARISON = f"/api/v1/gemeenten/{COMPARED}/vergelijking"
TREND = "/api/v1/voortgang/trend"

OPENAPI = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"


@dataclass(frozen=True)
class Read:
    name: str
    path: str
    results: str
    """The member of the JSON body that holds the results: it must not be empty, or the bench
    would measure an empty page (a database without the demo data, say)."""
    figure: bool = False
    """Figures (counts over the progress of every municipality): issue 13's target 2."""


def groupings(openapi: Path = OPENAPI) -> tuple[str, ...]:
    """Every `groep` the overview accepts, from the committed OpenAPI document (the contract
    test keeps it equal to the code), so a new grouping is measured without touching the
    bench."""
    document = json.loads(openapi.read_text(encoding="utf-8"))
    operation = document["paths"]["/voortgang/overzicht"]["get"]
    for parameter in operation["parameters"]:
        if parameter["name"] == "groep":
            return tuple(str(value) for value in parameter["schema"]["enum"])
    raise RuntimeError(f"{openapi}: the overview has no parameter groep")


def public_reads() -> list[Read]:
    return [
        Read("maatregelen", MEASURES, "resultaten"),
        Read("gemeenten", MUNICIPALITIES, "resultaten"),
        Read("producten", PRODUCTS, "resultaten"),
        Read("zoeken", SEARCH, "resultaten"),
        Read("zoeken 2 woorden", SEARCH_WORDS, "resultaten"),
        Read("faq", FAQ, "resultaten"),
        Read("dashboard", DASHBOARD, "perMaatregel", figure=True),
        *(
            Read(f"overzicht {grouping}", OVERVIEW + grouping, "groepen", figure=True)
            for grouping in groupings()
        ),
        Read("kaart gemeenten", MAP_BOUNDARIES, "features"),
        Read("kaart waarden", MAP_VALUES, "waarden", figure=True),
        Read("vergelijking", COMPARISON, "cijfers", figure=True),
        Read("trend", TREND, "punten", figure=True),
    ]


def figures() -> list[Read]:
    return [read for read in public_reads() if read.figure]
