"""Property-based tests over the OpenAPI document: every operation, anonymously and as each demo
role (each role on one engine, see CALLERS_PER_ENGINE), with generated (valid and invalid)
input. No answer may be a 5xx, and every answer must be one the contract describes: a documented
status code and content type, a body of the documented shape. The seed is fixed and the number
of examples bounded, so a run is repeatable."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import anyio
import coverage
import httpx
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, seed, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.seed.demo_accounts import DEMO_PASSWORD
from tests.auth import ADMIN, BOLLENSTREEK, EDITOR, PARTNER, SCRIPT, UTRECHT
from tests.databases import base_url, is_postgres

# The same operations and checks on both engines, with a seed of each engine's own: the
# anonymous caller, who runs on both, sends four different requests per operation and mode, where
# one seed for both sent the same ones twice. Two per run, not three: the operations grow with
# every issue (about 250 now, each for four callers per engine), and a third example cost `make
# test` 60 s of CPU for requests much like the first two.
EXAMPLES_PER_OPERATION = 2
SEED = 20261206 if is_postgres(base_url()) else 20261128
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Operations that would end the caller's own session or credentials halfway through the run;
# they are still exercised anonymously, where they can only be refused.
ENDS_OWN_SESSION = {
    "uitloggen",
    "sessieVernieuwen",
    "mijnWachtwoordWijzigen",
    "tweedeFactorInstellen",
    "mijnAccountWijzigen",
}


@dataclass(frozen=True)
class Caller:
    label: str
    person: str | None = None
    machine: tuple[str, str] | None = None


ANONYMOUS = Caller("anoniem")
# Every operation for every caller, each caller on one engine and the anonymous caller on both:
# what a role may do is decided in Python, the same on either engine, while what the database
# makes of odd input is reached by every operation on both. So each engine has a team member, a
# municipal contact and a machine client. Every caller on both engines cost `make test` about
# 80 s of CPU, more than it can spend within its twelve minutes.
CALLERS_PER_ENGINE = {
    "sqlite": [
        ANONYMOUS,
        Caller("beheerder", person=ADMIN),
        Caller("contactpersoon", person=UTRECHT),
        Caller("partner", machine=(PARTNER.client_id, PARTNER.secret)),
    ],
    "postgresql": [
        ANONYMOUS,
        Caller("redacteur", person=EDITOR),
        Caller("samenwerkingsverband", person=BOLLENSTREEK),
        Caller("script", machine=(SCRIPT.client_id, SCRIPT.secret)),
    ],
}
CALLERS = CALLERS_PER_ENGINE["postgresql" if is_postgres(base_url()) else "sqlite"]


def _credentials(app: FastAPI, caller: Caller) -> dict[str, str]:
    """Headers that make a request come from this caller (cookies and CSRF, or a bearer token)."""
    transport = httpx.ASGITransport(app=app)

    async def sign_in() -> dict[str, str]:
        async with httpx.AsyncClient(transport=transport, base_url="https://t.test") as c:
            if caller.person is not None:
                r = await c.post(
                    "/api/v1/sessies", json={"email": caller.person, "wachtwoord": DEMO_PASSWORD}
                )
                assert r.status_code == 201, r.text
                cookie = "; ".join(f"{k}={v}" for k, v in c.cookies.items())
                return {"Cookie": cookie, "X-CSRF-Token": r.json()["csrfToken"]}
            assert caller.machine is not None
            client_id, secret = caller.machine
            r = await c.post(
                "/api/v1/oauth/token",
                data={
                    "grant_type": "client_credentials",
                    "client_id": client_id,
                    "client_secret": secret,
                },
            )
            assert r.status_code == 200, r.text
            return {"Authorization": f"Bearer {r.json()['access_token']}"}

    return anyio.run(sign_in) if (caller.person or caller.machine) else {}


@pytest.fixture
def untraced() -> Iterator[None]:
    """This run is here for what it checks, not for coverage: tracing more than doubles its time
    (generation happens in Python), and every line it reaches is also reached by a test that
    says what the line should do."""
    measuring = coverage.Coverage.current()
    if measuring is not None:
        measuring.stop()
    yield
    if measuring is not None:
        measuring.start()


@pytest.fixture(scope="module")
def api_schema(shared_app: FastAPI) -> Any:
    """One reading of the contract for every caller: the operations are the same for all."""
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", shared_app)


def _operations(schema: Any, caller: Caller) -> Iterator[Any]:
    for result in schema.get_all_operations():
        operation = result.ok()
        if caller.label != "anoniem" and operation.definition.raw.get("operationId") in (
            ENDS_OWN_SESSION
        ):
            continue
        yield operation


def _can_be_negated(schema: Any, operation: Any) -> bool:
    """Whether invalid input exists for this operation: a body, a parameter with a shape, or
    credentials. An operation whose only input is a free-text header (If-None-Match) has none:
    asking for it costs seconds of generation that end in no request at all."""
    raw = operation.definition.raw
    if "requestBody" in raw or raw.get("security"):
        return True
    components = schema.raw_schema.get("components", {}).get("parameters", {})
    for parameter in raw.get("parameters", []):
        if "$ref" in parameter:
            parameter = components[parameter["$ref"].rsplit("/", 1)[-1]]
        if parameter.get("in") != "header" or parameter.get("schema") != {"type": "string"}:
            return True
    return False


# The generated requests of each operation and mode. They do not depend on the caller (the seed
# is fixed and generation does not look at answers), so every caller sends the same ones and
# drawing them, which costs as much as sending them, happens once per run instead of per caller.
_GENERATED: dict[tuple[str, str, GenerationMode], list[tuple[Any, dict[str, Any]]]] = {}


def _generated(operation: Any, mode: GenerationMode) -> list[tuple[Any, dict[str, Any]]]:
    key = (operation.method, operation.path, mode)
    if key not in _GENERATED:
        cases: list[tuple[Any, dict[str, Any]]] = []

        @seed(SEED)
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def draw(case: Any) -> None:
            cases.append((case, dict(case.headers or {})))

        draw()
        _GENERATED[key] = cases
    return _GENERATED[key]


def _exercise(
    operation: Any, mode: GenerationMode, headers: dict[str, str], failures: list[str]
) -> None:
    for case, generated_headers in _generated(operation, mode):
        case.headers = {**generated_headers, **headers}
        response = case.call()
        try:
            case.validate_response(response, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as exc:  # every operation's failure, not the first
            failures.append(
                f"{operation.method.upper()} {operation.path} -> {response.status_code}: "
                f"{' / '.join(_reasons(exc))}"
            )


def _reasons(exc: BaseException) -> list[str]:
    if isinstance(exc, BaseExceptionGroup):
        return [r for sub in exc.exceptions for r in _reasons(sub)]
    return [str(exc).splitlines()[0][:200]]


@pytest.mark.parametrize("caller", CALLERS, ids=lambda c: c.label)
@pytest.mark.usefixtures("untraced")
def test_no_server_error_and_every_answer_in_the_contract(
    app: FastAPI, api_schema: Any, caller: Caller
) -> None:
    headers = _credentials(app, caller)
    failures: list[str] = []
    count = 0
    for operation in _operations(api_schema, caller):
        count += 1
        modes = [GenerationMode.POSITIVE]
        if _can_be_negated(api_schema, operation):
            modes.append(GenerationMode.NEGATIVE)
        for mode in modes:
            _exercise(operation, mode, headers, failures)
    assert count > 90, "the OpenAPI document lost its operations"
    assert not failures, "\n".join(sorted(set(failures)))
