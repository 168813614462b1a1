"""RFC 9457 problem details: the response body of every error, and its OpenAPI schema."""

from collections.abc import Mapping
from typing import Any, TypedDict

import orjson
from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.types import Scope

from api.core.problem_types import PROBLEM_TYPES_PATH, resolve, type_uri
from api.core.settings import Settings, get_settings

PROBLEM_MEDIA_TYPE = "application/problem+json"


# "in" is a Python keyword, hence the functional TypedDict syntax.
InvalidParam = TypedDict("InvalidParam", {"name": str, "in": str, "code": str, "reason": str})


class InvalidParamModel(BaseModel):
    name: str = Field(description="Naam van de ongeldige parameter of het ongeldige veld.")
    in_: str | None = Field(
        default=None, alias="in", description="Waar de parameter staat: query, path, header, body."
    )
    code: str | None = Field(default=None, description="Machineleesbare code van de fout.")
    reason: str = Field(description="Waarom de waarde ongeldig is, in het Nederlands.")


class RowProblemModel(BaseModel):
    rij: int = Field(description="Regelnummer in het bestand (de kopregel is regel 1).")
    gemeente: str | None = None
    maatregel: str | None = None
    fouten: list[str]


class PhaseRollbackModel(BaseModel):
    gemeente: str = Field(description="CBS-code van de gemeente.")
    maatregel: str = Field(description="Code van de maatregel.")
    huidige_fase: str = Field(alias="huidigeFase", description="De fase van nu.")
    gemelde_fase: str = Field(alias="gemeldeFase", description="De gemelde, eerdere fase.")


class Problem(BaseModel):
    """Foutbericht volgens RFC 9457 (Problem Details for HTTP APIs)."""

    type: str = Field(
        description="URI van het probleemtype; daar staat wat het betekent en welke extra "
        f"velden het kan hebben (zie {PROBLEM_TYPES_PATH}).",
        examples=[f"https://spoorboek.example{PROBLEM_TYPES_PATH}/ongeldige-invoer"],
    )
    title: str = Field(description="Korte, vaste omschrijving van het soort fout.")
    status: int = Field(description="De HTTP-statuscode.", examples=[400])
    detail: str = Field(description="Uitleg van deze specifieke fout.")
    instance: str = Field(description="Unieke verwijzing naar dit voorval (het request-id).")
    invalid_params: list[InvalidParamModel] | None = Field(
        default=None,
        alias="invalidParams",
        description="Bij 400: alle ongeldige parameters tegelijk.",
    )
    code: str | None = Field(
        default=None,
        description="Machineleesbare reden waar de client op kan reageren, bijvoorbeeld "
        "tweede_factor_nodig of tweede_factor_instellen.",
    )
    error: str | None = Field(
        default=None,
        description="Bij /oauth/token: de foutcode van OAuth 2.0 (RFC 6749), zoals invalid_client.",
    )
    rij_fouten: list[RowProblemModel] | None = Field(
        default=None,
        alias="rijFouten",
        description="Bij een bulkwijziging of upload: elke afgekeurde rij met haar fouten.",
    )
    huidige_versie: int | None = Field(
        default=None,
        alias="huidigeVersie",
        description="Bij 412: de versie die nu geldt (ook in de ETag-header).",
    )
    huidige_status: str | None = Field(
        default=None, alias="huidigeStatus", description="Bij 409: de status van nu."
    )
    mogelijk: list[str] | None = Field(
        default=None, description="Bij 409: de statussen waar het vanaf hier wel heen kan."
    )
    goedkeuringen: int | None = Field(
        default=None, description="Bij publiceren: aantal goedkeuringen van deze versie."
    )
    nodig: int | None = Field(default=None, description="Bij publiceren: goedkeuringen nodig.")
    samengevoegd_met: int | None = Field(
        default=None, alias="samengevoegdMet", description="De vraag waarin deze opging."
    )
    laatste_volgnummer: int | None = Field(
        default=None,
        alias="laatsteVolgnummer",
        description="Bij 410 op de wijzigingsfeed: het volgnummer van de laatste wijziging.",
    )
    terugzettingen: list[PhaseRollbackModel] | None = Field(
        default=None,
        description="Bij 409 op een melding van een samenwerkingsverband: elke gemeente die "
        "een fase terug zou gaan.",
    )
    onbekende_kolommen: list[str] | None = Field(
        default=None, alias="onbekendeKolommen", description="Bij een upload: onbekende kopnamen."
    )
    dubbele_kolommen: list[str] | None = Field(
        default=None, alias="dubbeleKolommen", description="Bij een upload: dubbele kopnamen."
    )
    limiet: str | None = Field(
        default=None, description="Bij 413 op een upload: welke leesgrens het bestand overschreed."
    )
    maximum: int | None = Field(default=None, description="Bij 413 op een upload: die grens.")


def request_id_of(request: Request) -> str:
    return str(request.scope.get("state", {}).get("request_id", ""))


def _public_url(scope: Scope) -> str:
    # Both apps of create_app carry their settings; an app made otherwise falls back to the
    # process's settings.
    state = getattr(scope.get("app"), "state", None)
    settings = getattr(state, "settings", None)
    return (settings if isinstance(settings, Settings) else get_settings()).public_url


def problem_body(
    scope: Scope,
    status: int,
    title: str,
    detail: str,
    *,
    extra: Mapping[str, Any] | None = None,
    problem_type: str | None = None,
) -> bytes:
    """The one place a problem's body is made: its type is the registered type that the
    problem names, and the title is that type's, so one type always reads the same."""
    kind = resolve(status, title, problem_type)
    body: dict[str, Any] = {
        "type": type_uri(_public_url(scope), kind) if kind else "about:blank",
        "title": kind.title if kind else title,
        "status": status,
        "detail": detail,
        "instance": f"urn:spoorboek:verzoek:{scope.get('state', {}).get('request_id', '')}",
    }
    if extra:
        body.update(extra)
    return orjson.dumps(body)


def problem_response(
    request: Request,
    status: int,
    title: str,
    detail: str,
    *,
    extra: Mapping[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    problem_type: str | None = None,
) -> Response:
    body = problem_body(
        request.scope, status, title, detail, extra=extra, problem_type=problem_type
    )
    return Response(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)
