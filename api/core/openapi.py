"""The OpenAPI document, generated from the app and adjusted to the NL GOV API Design Rules:
problem+json errors (400, never 422), the API-Version header on every success, ETag and 304 on
conditional reads, and a contact and licence in `info`."""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.core.problem import PROBLEM_MEDIA_TYPE, Problem
from api.core.problem_types import (
    OPERATION_PROBLEMS,
    PROBLEM_TYPES,
    PROBLEM_TYPES_PATH,
    ProblemType,
    operation_problems,
    type_uri,
)
from api.core.settings import API_VERSION, Settings

DESCRIPTION = """\
De API van Spoorboek: de maatregelen van spoor 1 van *Participatiewet in balans*, hun fasen en
thema's, de gemeenten met hun provincie en arbeidsmarktregio, en de ketenpartners.

* Alle fouten zijn `application/problem+json` (RFC 9457); ongeldige invoer geeft 400 met alle
  ongeldige parameters tegelijk in `invalidParams`.
* Elke fout heeft als `type` de URI van haar probleemtype; die URI (onder `/probleemtypen`)
  beschrijft het type en de extra velden die het meegeeft. Per operatie en statuscode noemt dit
  document de probleemtypen die kunnen voorkomen.
* Elke response heeft de header `API-Version`.
* Lees-responses hebben een `ETag`; stuur die terug in `If-None-Match` en krijg 304 als er niets
  veranderde.
* Collecties zijn gepagineerd met `pagina` en `paginaGrootte`, met `_links` naar andere pagina's.
"""

TAGS = [
    {"name": "Maatregelen", "description": "Fasen, thema's, impactgebieden en de 23 maatregelen."},
    {"name": "Gemeenten", "description": "Gemeenten, provincies en arbeidsmarktregio's."},
    {"name": "Organisaties", "description": "Ketenpartners en samenwerkingsverbanden."},
    {
        "name": "Accounts",
        "description": "Inloggen, sessies, tokens voor koppelingen, mijn account.",
    },
    {
        "name": "Beheer van accounts",
        "description": "Gebruikers, koppelingen en het auditlog (beheerders); contactpersonen.",
    },
    {"name": "Producten", "description": "Implementatieproducten, toetsing, wijzigingsfeed."},
    {"name": "Voortgang", "description": "Routekaarten, voortgang per gemeente, cijfers."},
    {
        "name": "Vragen",
        "description": "Vragen van gemeenten: intake, behandeling, termijnen, inzicht, privacy.",
    },
    {"name": "Vragen en antwoorden", "description": "De openbare FAQ, met versies."},
    {
        "name": "Signalen",
        "description": "Het knelpuntenregister: signalen uit de praktijk, hun bewijs, het "
        "doorzetten naar wie het kan veranderen en de terugkoppeling.",
    },
    {
        "name": "Verbetervoorstellen",
        "description": "Voorstellen om een product te verbeteren: insturen, de inbox van de "
        "redactie, overnemen in een volgende versie of afwijzen, en de eigen voorstellen.",
    },
    {
        "name": "Tevredenheid",
        "description": "Scores bij elk contactpunt: de beoordeling van een antwoord, 'Was dit "
        "nuttig?' bij een product, en de cijfers voor het team en het publiek, met een "
        "minimale groepsgrootte.",
    },
    {
        "name": "Peiling",
        "description": "De periodieke peiling onder gemeentelijke contactpersonen: vragen, "
        "rondes, uitnodigingen, antwoorden en resultaten.",
    },
    {
        "name": "Bijeenkomsten",
        "description": (
            "Werksessies, spreekuren met tijdsloten, webinars en trainingen: aanmelden met "
            "wachtlijst, agenda-bestanden, aanwezigheid, materialen, evaluatie en bereik."
        ),
    },
    {
        "name": "Nieuwsbrief",
        "description": (
            "Abonnementen met bevestiging per e-mail, edities samengesteld uit wat er gebeurde, "
            "verzenden en het openbare archief."
        ),
    },
    {
        "name": "ICT-gereedheid",
        "description": (
            "Leveranciers en hun applicaties, welke applicatie elke gemeente gebruikt, en per "
            "maatregel hoe ver de leverancier is."
        ),
    },
    {"name": "Dashboard", "description": "Het landelijk beeld en het tekort door de tijd."},
    {"name": "Beheer", "description": "Gezondheid van de dienst."},
    {
        "name": "Probleemtypen",
        "description": "De soorten fouten van deze API: de `type`-URI's van de foutberichten.",
    },
]

_ERROR_DESCRIPTIONS = {
    "400": "Ongeldige invoer; `invalidParams` noemt elke ongeldige parameter.",
    "401": "Niet ingelogd, of het token is ongeldig of verlopen.",
    "403": "Ingelogd, maar zonder recht hierop (of de CSRF-header ontbreekt).",
    "404": "De bron bestaat niet (of is niet van u).",
    "406": "De client accepteert geen JSON.",
    "409": "De bron staat dit nu niet toe.",
    "412": "If-Match noemt niet de huidige versie; die staat in de ETag-header.",
    "413": "De body is te groot.",
    "415": "Het mediatype van de body wordt niet ondersteund.",
    "428": "If-Match ontbreekt of is leeg; stuur de ETag die u las.",
    "429": "Te veel pogingen; probeer het na Retry-After seconden opnieuw.",
    "500": "Onverwachte fout; het request-id staat in `instance`.",
    "503": (
        "De database was te druk om op tijd te antwoorden; er is niets gewijzigd. "
        "Probeer het na Retry-After seconden opnieuw."
    ),
}

SECURITY_SCHEMES = {
    "sessieCookie": {
        "type": "apiKey",
        "in": "cookie",
        "name": "spoorboek_sessie",
        "description": "Sessie van de webapplicatie (HttpOnly). Bij wijzigingen ook de header "
        "X-CSRF-Token met de waarde van de cookie spoorboek_csrf.",
    },
    "vernieuwingCookie": {
        "type": "apiKey",
        "in": "cookie",
        "name": "spoorboek_vernieuwing",
        "description": "Vernieuwingstoken van de webapplicatie (HttpOnly, alleen naar /sessies), "
        "met de header X-CSRF-Token.",
    },
}


def _client_credentials_scheme(token_url: str) -> dict[str, Any]:
    return {
        "type": "oauth2",
        "description": "Voor koppelingen (machines): OAuth 2.0 client credentials; stuur het "
        "token als Authorization: Bearer.",
        "flows": {
            "clientCredentials": {
                "tokenUrl": token_url,
                "scopes": {
                    "producten:lezen": "Productmetadata lezen, ook geplande producten.",
                    "producten:schrijven": "Productmetadata wijzigen.",
                    "voortgang:lezen": "Voortgang lezen van de eigen gemeenten.",
                    "voortgang:schrijven": "Voortgang doorgeven voor de eigen gemeenten.",
                    "gereedheid:schrijven": "De gereedheid van de eigen applicaties per "
                    "maatregel doorgeven (leveranciers).",
                },
            }
        },
    }


def schema_name(kind: ProblemType) -> str:
    return "".join(part.capitalize() for part in kind.slug.split("-")) + "Problem"


def _problem_schema(slugs: tuple[str, ...]) -> dict[str, Any]:
    refs = [{"$ref": f"#/components/schemas/{schema_name(PROBLEM_TYPES[s])}"} for s in slugs]
    if not refs:
        return {"$ref": "#/components/schemas/Problem"}
    return refs[0] if len(refs) == 1 else {"oneOf": refs}


def _problem_response(description: str, slugs: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
        "content": {PROBLEM_MEDIA_TYPE: {"schema": _problem_schema(slugs)}},
    }


def _adjust_operation(path: str, method: str, operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    responses.pop("422", None)
    if "304" in responses:
        parameters = operation.setdefault("parameters", [])
        parameters.append({"$ref": "#/components/parameters/If-None-Match"})
    has_input = bool(operation.get("parameters")) or "requestBody" in operation
    operation.setdefault("security", [])
    # Every wait for the database is bounded; one that runs out is a 503 (see core/admission.py).
    wanted = ["406", "500", "503"]
    if has_input or method not in ("get", "delete"):
        wanted.append("400")
    if "{" in path:
        wanted.append("404")
    if operation["security"]:
        wanted += ["401", "403"]
    if "requestBody" in operation:
        wanted += ["413", "415"]
    if any(p.get("name") == "If-Match" for p in operation.get("parameters", [])):
        # parse_if_match answers both, whether the operation demands the header or not.
        wanted += ["412", "428"]
    operation_id = operation.get("operationId", "")
    wanted += [s for s in OPERATION_PROBLEMS.get(operation_id, {}) if s not in wanted]
    for status in wanted:
        responses.setdefault(status, {"description": _ERROR_DESCRIPTIONS.get(status, "Fout.")})
    for status, response in responses.items():
        # Routes declare their own error answers (409, 429, ...) by status and description.
        if status[0] in "45" and "content" not in response:
            described = response.get("description") or _ERROR_DESCRIPTIONS.get(status, "Fout.")
            slugs = operation_problems(operation_id, status)
            responses[status] = _problem_response(described, slugs)
    for status, response in responses.items():
        if status[0] in "23":
            headers = response.setdefault("headers", {})
            headers["API-Version"] = {"$ref": "#/components/headers/API-Version"}
        if status == "200" and "304" in responses:
            response["headers"]["ETag"] = {"$ref": "#/components/headers/ETag"}


def _present(prop: dict[str, Any]) -> dict[str, Any]:
    """A member's schema as sent: without the null branch and default of an optional field."""
    shown = {k: v for k, v in prop.items() if k not in ("anyOf", "default", "title", "examples")}
    branches = [b for b in prop.get("anyOf", []) if b != {"type": "null"}]
    if len(branches) == 1:
        shown.update(branches[0])
    elif "anyOf" in prop:
        shown["anyOf"] = branches
    return shown


def _type_schema(kind: ProblemType, problem: dict[str, Any], public_url: str) -> dict[str, Any]:
    """One problem type: the members of every problem, and only the extension members this
    type carries, with its type URI, title and status fixed."""
    properties = problem["properties"]
    return {
        "title": kind.title,
        "description": f"{kind.description} Zie {PROBLEM_TYPES_PATH}/{kind.slug}.",
        "type": "object",
        "required": ["type", "title", "status", "detail", "instance", *kind.required],
        "properties": {
            "type": {
                "description": "URI van het probleemtype.",
                "type": "string",
                "format": "uri",
                "enum": [type_uri(public_url, kind)],
            },
            "title": {**_present(properties["title"]), "enum": [kind.title]},
            "status": {**_present(properties["status"]), "enum": [kind.status]},
            "detail": _present(properties["detail"]),
            "instance": _present(properties["instance"]),
            **{member: _present(properties[member]) for member in kind.members},
        },
    }


def _components(schema: dict[str, Any], token_url: str, public_url: str) -> None:
    components = schema.setdefault("components", {})
    components["securitySchemes"] = {
        **SECURITY_SCHEMES,
        "clientCredentials": _client_credentials_scheme(token_url),
    }
    schemas = components.setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    problem = Problem.model_json_schema(
        by_alias=True, ref_template="#/components/schemas/{model}", mode="serialization"
    )
    schemas.update(problem.pop("$defs", {}))
    schemas["Problem"] = problem
    for kind in PROBLEM_TYPES.values():
        schemas[schema_name(kind)] = _type_schema(kind, problem, public_url)
    components["headers"] = {
        "API-Version": {
            "description": "Volledige versie van de API (SemVer).",
            "schema": {"type": "string", "example": API_VERSION},
        },
        "ETag": {
            "description": "Versie van deze representatie; stuur terug in If-None-Match "
            "(opnieuw lezen) of If-Match (wijzigen).",
            "schema": {"type": "string"},
        },
    }
    components["parameters"] = {
        "If-None-Match": {
            "name": "If-None-Match",
            "in": "header",
            "required": False,
            "description": "ETag van een eerder ontvangen representatie; 304 als die nog geldt.",
            "schema": {"type": "string"},
        }
    }


def build_openapi(app: FastAPI, settings: Settings) -> dict[str, Any]:
    schema = get_openapi(
        title=app.title,
        version=API_VERSION,
        openapi_version=app.openapi_version,
        description=DESCRIPTION,
        routes=app.routes,
        tags=TAGS,
        servers=[{"url": f"{settings.public_url.rstrip('/')}/api/v1"}],
        contact={
            "name": "Team Spoorboek, implementatieteam Participatiewet in balans",
            "email": "spoorboek@spoorboek.example",
            "url": f"{settings.public_url.rstrip('/')}/contact",
        },
        license_info={"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
    )
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            _adjust_operation(path, method, operation)
    _components(
        schema, f"{settings.public_url.rstrip('/')}/api/v1/oauth/token", settings.public_url
    )
    return schema


def install_openapi(app: FastAPI, settings: Settings) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app, settings)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
