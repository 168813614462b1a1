"""The committed OpenAPI document is the one the app generates, and it follows the API rules."""

import functools
import json
from pathlib import Path

import httpx
import pytest

from api.core.settings import API_VERSION, Settings
from api.main import create_api

COMMITTED = Path(__file__).parents[1] / "openapi" / "openapi.json"


@functools.cache
def generated() -> dict[str, object]:
    """Generated once for the module's tests (about 1.7 s of CPU each time); they only read it."""
    return create_api(Settings(database_url="sqlite://")).openapi()


@pytest.mark.engine_neutral
def test_committed_contract_has_not_drifted() -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == generated(), "openapi/openapi.json is stale: run `make openapi`"


@pytest.mark.engine_neutral
def test_no_two_schemas_share_a_name() -> None:
    """Two models of one class name in different domains get names made from their module path
    (`api__surveys__schemas__QuestionRead`), which renames the other domain's schema in the
    typed client too: give each a name of its own."""
    schemas = generated()["components"]["schemas"]  # type: ignore[index]
    clashing = sorted(name for name in schemas if "__" in name)
    assert not clashing, f"schemas named after their module: {clashing}"


async def test_contract_is_published_without_authentication(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    body = response.json()
    assert body["info"]["version"] == API_VERSION
    assert body == json.loads(COMMITTED.read_text(encoding="utf-8"))


@pytest.mark.engine_neutral
def test_no_422_and_every_error_is_a_problem() -> None:
    document = generated()
    paths = document["paths"]
    assert isinstance(paths, dict)
    for path, item in paths.items():
        for method, operation in item.items():
            responses = operation["responses"]
            assert "422" not in responses, (method, path)
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    assert list(response["content"]) == ["application/problem+json"], (method, path)
                if status.startswith(("2", "3")):
                    assert "API-Version" in response["headers"], (method, path, status)
            assert operation["operationId"], (method, path)


@pytest.mark.engine_neutral
def test_security_schemes_and_every_operations_requirement() -> None:
    document = generated()
    schemes = document["components"]["securitySchemes"]  # type: ignore[index]
    assert set(schemes) == {"sessieCookie", "vernieuwingCookie", "clientCredentials"}
    flow = schemes["clientCredentials"]["flows"]["clientCredentials"]
    assert flow["tokenUrl"].endswith("/api/v1/oauth/token")
    assert "voortgang:schrijven" in flow["scopes"]
    for path, item in document["paths"].items():  # type: ignore[attr-defined]
        for method, operation in item.items():
            assert "security" in operation, (method, path)
            if operation["security"]:
                assert {"401", "403"} <= set(operation["responses"]), (method, path)
    admin = document["paths"]["/gebruikers"]["get"]  # type: ignore[index]
    assert admin["security"] == [{"sessieCookie": []}]
    assert document["paths"]["/maatregelen"]["get"]["security"] == []  # type: ignore[index]


@pytest.mark.engine_neutral
def test_declared_error_answers_are_problems() -> None:
    paths = generated()["paths"]
    login = paths["/sessies"]["post"]  # type: ignore[index]
    assert {"401", "429"} <= set(login["responses"])
    assert "application/problem+json" in login["responses"]["401"]["content"]
    publish = paths["/producten/{id}/statuswijzigingen"]["post"]  # type: ignore[index]
    assert "409" in publish["responses"]
    assert "429" not in paths["/wachtwoord-herstel/bevestiging"]["post"]["responses"]  # type: ignore[index]


@pytest.mark.engine_neutral
def test_every_change_guarded_by_if_match_documents_412_and_428() -> None:
    guarded = {
        (method, path): operation["responses"]
        for path, item in generated()["paths"].items()  # type: ignore[attr-defined]
        for method, operation in item.items()
        if any(p.get("name") == "If-Match" for p in operation.get("parameters", []))
    }
    assert ("patch", "/vragen/{id}") in guarded
    assert ("put", "/gemeenten/{code}/voortgang/{maatregel}") in guarded
    for operation, responses in guarded.items():
        assert {"412", "428"} <= set(responses), operation
        assert "application/problem+json" in responses["428"]["content"], operation
