"""Checks on what a request carries before it is routed, for every operation of the API at once:
control characters in the path, the query or a header are a 400 naming where they are, and a
method a path does not serve is a 405 whose Allow lists every method the path does serve."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from starlette.requests import Request
from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

from api.core.dutch import plural
from api.core.problem import InvalidParam, problem_response
from api.core.problem_types import title_for
from api.core.text import unsafe_character_reason

# Header values travel as bytes; above 0x7F they are UTF-8, so only C0 and DEL are refused.
_UNSAFE_HEADER_BYTES = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
_PRINTABLE = re.compile(rb"[\x20-\x7e]*")


@dataclass(frozen=True)
class _PathTemplate:
    pattern: re.Pattern[str]
    methods: frozenset[str]
    parameters: int
    literal_length: int


Templates = dict[str, list[_PathTemplate]]
"""Path templates by their first segment, so a request is matched against a handful only."""


def _first_segment(path: str) -> str:
    return path.split("/", 2)[1] if path.startswith("/") else ""


def _templates(api: FastAPI) -> Templates:
    methods: dict[str, set[str]] = {}
    for route in iter_route_contexts(api.routes):
        if route.methods and route.path:
            methods.setdefault(route.path, set()).update(route.methods)
    templates: Templates = {}
    for path, allowed in methods.items():
        pattern, _, convertors = compile_path(path)
        literal = re.sub(r"\{[^}]*\}", "", path)
        template = _PathTemplate(pattern, frozenset(allowed), len(convertors), len(literal))
        first = _first_segment(path)
        templates.setdefault("*" if "{" in first else first, []).append(template)
    return templates


def _allowed_methods(templates: Templates, path: str) -> frozenset[str] | None:
    """The methods of the most specific path template that matches: a fixed path such as
    /producten/wijzigingen wins over /producten/{id}, as the routes are meant to be read."""
    candidates = templates.get(_first_segment(path), []) + templates.get("*", [])
    matching = [t for t in candidates if t.pattern.match(path)]
    if not matching:
        return None
    best = min(matching, key=lambda t: (t.parameters, -t.literal_length))
    return best.methods


def _unsafe_input(scope: Scope, path: str) -> list[InvalidParam]:
    invalid: list[InvalidParam] = []
    reason = unsafe_character_reason(path)
    if reason:
        invalid.append({"name": "pad", "in": "path", "code": "ongeldig_teken", "reason": reason})
    raw_query: bytes = scope.get("query_string", b"")
    # Printable ASCII without escapes decodes to itself: nothing to refuse, nothing to parse.
    plain = _PRINTABLE.fullmatch(raw_query) is not None and b"%" not in raw_query
    query = "" if plain else raw_query.decode("latin-1")
    for name, value in parse_qsl(query, keep_blank_values=True, errors="replace"):
        reason = unsafe_character_reason(name + value)
        if reason:
            invalid.append(
                {"name": name, "in": "query", "code": "ongeldig_teken", "reason": reason}
            )
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    if not _UNSAFE_HEADER_BYTES.search(b" ".join(value for _, value in headers)):
        return invalid
    for raw_name, raw_value in headers:
        found = _UNSAFE_HEADER_BYTES.search(raw_value)
        if found:
            name = "-".join(part.capitalize() for part in raw_name.decode("latin-1").split("-"))
            reason = (
                f"Bevat een niet-toegestaan (stuur)teken: U+{found.group()[0]:04X} "
                f"op positie {found.start() + 1}."
            )
            invalid.append(
                {"name": name, "in": "header", "code": "ongeldig_teken", "reason": reason}
            )
    return invalid


class EdgeInputMiddleware:
    def __init__(self, app: ASGIApp, api: FastAPI) -> None:
        self.app = app
        self.api = api
        self._templates: Templates | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        root = scope.get("root_path", "")
        path: str = scope["path"]
        route_path = path[len(root) :] if root and path.startswith(root) else path
        invalid = _unsafe_input(scope, path)
        if invalid:
            response = problem_response(
                Request(scope),
                400,
                "Ongeldige invoer",
                f"{plural(len(invalid), 'parameter', 'parameters')} ongeldig; zie invalidParams.",
                extra={"invalidParams": invalid},
                problem_type="ongeldige-invoer",
            )
            await response(scope, receive, send)
            return
        if self._templates is None:
            self._templates = _templates(self.api)
        allowed = _allowed_methods(self._templates, route_path)
        if allowed is not None and scope["method"] not in allowed:
            response = problem_response(
                Request(scope),
                405,
                title_for(405),
                f"De methode {scope['method']} is hier niet toegestaan.",
                headers={"Allow": ", ".join(sorted(allowed))},
                problem_type="methode-niet-toegestaan",
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
