"""Problem types: every error answer names a registered type by its URI, the type's status and
title match the answer, the types dereference to their description, and the contract documents
per operation and status the types that operation can answer with."""

import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

import api.main  # noqa: F401  (every domain's errors, for the walk over DomainError)
from api.accounts.clients import OAuthError
from api.core.errors import DomainError
from api.core.openapi import schema_name
from api.core.problem import Problem
from api.core.problem_types import (
    MEMBERS,
    OPERATION_PROBLEMS,
    PROBLEM_TYPE_LIST,
    PROBLEM_TYPES,
    STATUS_PROBLEMS,
    named_type,
    resolve,
)
from tests.auth import EDITOR, UTRECHT, login
from tests.conftest import api_of
from tests.products.helpers import create, move, upload

BASE = "https://spoorboek.example/api/v1/probleemtypen/"


def assert_problem(response: httpx.Response, slug: str) -> dict[str, Any]:
    """The answer is a problem of this registered type, with the type's status and title."""
    assert response.headers["content-type"] == "application/problem+json", response.text
    problem: dict[str, Any] = response.json()
    kind = PROBLEM_TYPES[slug]
    assert problem["type"] == BASE + slug, problem
    assert response.status_code == problem["status"] == kind.status
    assert problem["title"] == kind.title
    return problem


@pytest.mark.engine_neutral
def test_slugs_are_unique_dutch_kebab_case() -> None:
    slugs = [kind.slug for kind in PROBLEM_TYPE_LIST]
    assert len(slugs) == len(set(slugs)), "two problem types share a slug"
    for slug in slugs:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", slug), slug


@pytest.mark.engine_neutral
def test_every_member_is_explained_and_in_the_problem_schema() -> None:
    fields = {field.alias or name for name, field in Problem.model_fields.items()}
    for kind in PROBLEM_TYPE_LIST:
        assert set(kind.required) <= set(kind.members), kind.slug
        for member in kind.members:
            assert member in MEMBERS, member
            assert member in fields, member


def _subclasses(cls: type[DomainError]) -> list[type[DomainError]]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


@pytest.mark.engine_neutral
def test_every_domain_error_names_a_registered_type_of_its_status() -> None:
    classes = [DomainError, *_subclasses(DomainError)]
    assert len(classes) > 15
    for cls in classes:
        kind = (
            PROBLEM_TYPES[cls.problem_type]
            if cls.problem_type
            else named_type(cls.status, cls.title)
        )
        assert kind is not None, f"{cls.__name__}: no problem type named {cls.title!r}"
        assert kind.status == cls.status, cls.__name__


@pytest.mark.engine_neutral
@pytest.mark.parametrize(
    ("status", "slug"), [(400, "token-geweigerd"), (401, "koppeling-niet-geauthenticeerd")]
)
def test_the_token_endpoint_errors_name_a_type_per_status(status: int, slug: str) -> None:
    error = OAuthError(status, "invalid_client", "Geweigerd.")
    assert resolve(error.status, error.title, error.problem_type) is PROBLEM_TYPES[slug]


@pytest.mark.engine_neutral
@pytest.mark.parametrize(
    ("status", "title", "slug"),
    [(500, "Interne fout", "interne-fout"), (503, "Dienst niet beschikbaar", "database-bezet")],
)
def test_a_named_type_wins_over_the_title(status: int, title: str, slug: str) -> None:
    kind = resolve(status, title, slug)
    assert kind is not None
    assert (kind.status, kind.title) == (status, title)


@pytest.mark.engine_neutral
def test_a_conflict_that_names_no_type_is_the_general_one() -> None:
    assert resolve(409, "Conflict") is PROBLEM_TYPES["conflict"]


@pytest.mark.parametrize(
    ("method", "path", "headers", "content", "slug"),
    [
        ("GET", "/api/v1/maatregelen/M77", {}, None, "niet-gevonden"),
        ("GET", "/api/v1/bestaat-niet", {}, None, "niet-gevonden"),
        ("DELETE", "/api/v1/maatregelen/M01", {}, None, "methode-niet-toegestaan"),
        ("GET", "/api/v1/maatregelen?paginaGrootte=0", {}, None, "ongeldige-invoer"),
        ("GET", "/api/v1/maatregelen?zoek=%01", {}, None, "ongeldige-invoer"),
        ("GET", "/api/v1/maatregelen", {"Accept": "text/html"}, None, "niet-aanvaardbaar"),
        ("GET", "/api/v1/mijn-account", {}, None, "niet-geauthenticeerd"),
        (
            "POST",
            "/api/v1/sessies",
            {"Content-Type": "text/plain"},
            b"x",
            "mediatype-niet-ondersteund",
        ),
        (
            "POST",
            "/api/v1/sessies",
            {"Content-Type": "application/json"},
            b"{" + b" " * 5_000_000 + b"}",
            "te-groot",
        ),
        (
            "POST",
            "/api/v1/oauth/token",
            {"Content-Type": "application/x-www-form-urlencoded"},
            b"grant_type=client_credentials&client_id=onbekend&client_secret=fout",
            "koppeling-niet-geauthenticeerd",
        ),
        (
            "POST",
            "/api/v1/oauth/token",
            {"Content-Type": "application/x-www-form-urlencoded"},
            b"grant_type=password",
            "token-geweigerd",
        ),
    ],
)
async def test_error_answers_name_their_registered_type(
    client: httpx.AsyncClient,
    method: str,
    path: str,
    headers: dict[str, str],
    content: bytes | None,
    slug: str,
) -> None:
    response = await client.request(method, path, headers=headers, content=content)
    assert_problem(response, slug)


async def test_conflicts_of_the_product_lifecycle_name_their_types(
    clients: Callable[[], httpx.AsyncClient],
) -> None:
    editor = clients()
    await login(editor, EDITOR)
    product = await create(editor)
    jump = assert_problem(
        await move(editor, product["id"], "gepubliceerd"), "statusovergang-niet-toegestaan"
    )
    assert jump["huidigeStatus"] == "gepland"
    assert (await move(editor, product["id"], "in-ontwikkeling")).status_code == 200
    await upload(editor, product["id"])
    assert (await move(editor, product["id"], "in-toetsing")).status_code == 200
    unapproved = assert_problem(
        await move(editor, product["id"], "gepubliceerd"), "goedkeuringen-ontbreken"
    )
    assert unapproved["nodig"] >= 1


async def test_preconditions_name_their_types(clients: Callable[[], httpx.AsyncClient]) -> None:
    contact, colleague = clients(), clients()
    await login(contact, UTRECHT)
    await login(colleague, EDITOR)
    cell = "/api/v1/gemeenten/GM0344/voortgang/M15"
    etag = (await contact.get(cell)).headers["etag"]
    body = {
        "fase": "voorbereidend",
        "geplandLivegang": "2026-12-15",
        "stappenGereed": [],
        "notitie": None,
        "knelpunten": None,
    }
    assert_problem(await contact.put(cell, json=body), "voorwaarde-vereist")
    assert (await contact.put(cell, json=body, headers={"If-Match": etag})).status_code == 200
    stale = await colleague.put(cell, json=body, headers={"If-Match": etag})
    assert "huidigeVersie" in assert_problem(stale, "voorwaarde-niet-vervuld")


async def test_a_cursor_ahead_of_the_feed_names_its_type(client: httpx.AsyncClient) -> None:
    response = await client.get(f"/api/v1/producten/wijzigingen?sinds={2**62}")
    assert "laatsteVolgnummer" in assert_problem(response, "volgnummer-voorbij-feed")


async def test_the_type_uri_follows_the_public_url(app: FastAPI, client: httpx.AsyncClient) -> None:
    api = api_of(app)
    api.state.settings = api.state.settings.model_copy(
        update={"public_url": "https://voorbeeld.gemeente.example/"}
    )
    response = await client.get("/api/v1/maatregelen/M77")
    assert response.json()["type"] == (
        "https://voorbeeld.gemeente.example/api/v1/probleemtypen/niet-gevonden"
    )


async def test_the_problem_types_are_listed(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/probleemtypen")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    listed = response.json()["resultaten"]
    assert [t["code"] for t in listed] == [kind.slug for kind in PROBLEM_TYPE_LIST]
    for item in listed:
        assert item["type"] == BASE + item["code"]
        assert item["_links"]["self"]["href"] == f"/api/v1/probleemtypen/{item['code']}"
    again = await client.get(
        "/api/v1/probleemtypen", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304


async def test_a_type_uri_dereferences_to_its_description(client: httpx.AsyncClient) -> None:
    problem = (await client.get("/api/v1/maatregelen?paginaGrootte=0")).json()
    path = problem["type"].removeprefix("https://spoorboek.example")
    response = await client.get(path)
    assert response.status_code == 200
    described = response.json()
    assert described["code"] == "ongeldige-invoer"
    assert described["titel"] == problem["title"]
    assert described["status"] == 400
    assert described["beschrijving"]
    assert described["extensies"] == [
        {"naam": "invalidParams", "betekenis": MEMBERS["invalidParams"]}
    ]


async def test_an_unknown_problem_type_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/probleemtypen/bestaat-niet")
    assert_problem(response, "niet-gevonden")


def _responses(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        op["operationId"]: op["responses"]
        for item in document["paths"].values()
        for op in item.values()
    }


def _documented_types(response: dict[str, Any]) -> set[str]:
    schema = response["content"]["application/problem+json"]["schema"]
    refs = schema.get("oneOf", [schema])
    return {ref["$ref"].rsplit("/", 1)[-1] for ref in refs}


async def test_the_contract_documents_the_types_per_operation(
    client: httpx.AsyncClient,
) -> None:
    document = (await client.get("/api/v1/openapi.json")).json()
    responses = _responses(document)
    schemas = document["components"]["schemas"]
    for operation, statuses in OPERATION_PROBLEMS.items():
        assert operation in responses, f"no operation {operation}"
        for status, slugs in statuses.items():
            expected = {schema_name(PROBLEM_TYPES[s]) for s in slugs}
            assert _documented_types(responses[operation][status]) == expected, operation
    transition = _documented_types(responses["productStatusWijzigen"]["409"])
    assert "StatusovergangNietToegestaanProblem" in transition
    stale = schemas[schema_name(PROBLEM_TYPES["voorwaarde-niet-vervuld"])]
    assert _documented_types(responses["voortgangWijzigen"]["412"]) == {
        "VoorwaardeNietVervuldProblem"
    }
    assert set(stale["properties"]) == {
        "type",
        "title",
        "status",
        "detail",
        "instance",
        "huidigeVersie",
    }
    assert stale["properties"]["type"]["enum"] == [BASE + "voorwaarde-niet-vervuld"]
    for slugs in STATUS_PROBLEMS.values():
        for slug in slugs:
            assert schema_name(PROBLEM_TYPES[slug]) in schemas
    assert "Problem" in schemas
