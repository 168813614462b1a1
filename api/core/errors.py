"""Domain errors and the one place that renders every error as RFC 9457 problem+json."""

import logging
import sqlite3
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from psycopg import errors as pg
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.core.dutch import plural
from api.core.logging import loggable_path
from api.core.problem import InvalidParam, problem_response, request_id_of
from api.core.problem_types import title_for

logger = logging.getLogger("spoorboek.errors")


class DomainError(Exception):
    """An error a client can cause and understand; services raise these, never HTTP errors.

    Its problem type (core/problem_types.py) is `problem_type` when set, else the type its
    status and title name."""

    status = 400
    title = "Ongeldig verzoek"
    problem_type: str | None = None

    def __init__(
        self,
        detail: str,
        *,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        keep_changes: bool = False,
        problem_type: str | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        if problem_type is not None:
            self.problem_type = problem_type
        self.extra = extra or {}
        self.headers = headers
        self.keep_changes = keep_changes
        """Commit what the request wrote before failing (a failed login's audit record)."""


class UnauthenticatedError(DomainError):
    status = 401
    title = "Niet geauthenticeerd"

    def __init__(
        self,
        detail: str = "Log in of stuur een geldig toegangstoken mee.",
        *,
        keep_changes: bool = False,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(
            detail,
            headers={"WWW-Authenticate": 'Bearer realm="spoorboek"'},
            keep_changes=keep_changes,
            extra=extra,
        )


class ForbiddenError(DomainError):
    status = 403
    title = "Geen toegang"


class PayloadTooLargeError(DomainError):
    status = 413
    title = "Bestand te groot"


class TooManyRequestsError(DomainError):
    status = 429
    title = "Te veel pogingen"

    def __init__(self, detail: str, retry_after_seconds: int) -> None:
        super().__init__(
            detail, headers={"Retry-After": str(max(1, retry_after_seconds))}, keep_changes=True
        )


class NotFoundError(DomainError):
    status = 404
    title = "Niet gevonden"


class ConflictError(DomainError):
    status = 409
    title = "Conflict"


class ServiceUnavailableError(DomainError):
    status = 503
    title = "Dienst niet beschikbaar"


class DatabaseBusyError(ServiceUnavailableError):
    """The database could not serve this request in time; trying again soon will likely work."""

    problem_type = "database-bezet"

    def __init__(
        self,
        detail: str = "De database is even te druk. Probeer het zo opnieuw.",
        retry_after_seconds: int = 2,
    ) -> None:
        super().__init__(detail, headers={"Retry-After": str(max(1, retry_after_seconds))})


# Waits that ran out, and transactions the database aborted to break a deadlock or keep
# serialisable order: the request changed nothing and the same request may well succeed later.
_TRANSIENT_POSTGRES_ERRORS = (
    pg.LockNotAvailable,
    pg.QueryCanceled,
    pg.DeadlockDetected,
    pg.SerializationFailure,
)


def is_transient_database_error(exc: BaseException) -> bool:
    """A lock or statement timeout, a deadlock or a serialisation failure (PostgreSQL), or a
    locked database (SQLite), or no free connection in the pool: worth a retry, and a 503
    when none is left."""
    if isinstance(exc, PoolTimeoutError):
        return True
    cause = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(cause, _TRANSIENT_POSTGRES_ERRORS):
        return True
    return isinstance(cause, sqlite3.OperationalError) and "locked" in str(cause)


class InvalidInputError(DomainError):
    """Input that passed the schema but breaks a rule; lists every offending parameter."""

    status = 400
    title = "Ongeldige invoer"

    def __init__(self, detail: str, invalid_params: list[InvalidParam]) -> None:
        super().__init__(detail, extra={"invalidParams": invalid_params})


def _location(loc: tuple[int | str, ...]) -> tuple[str, str]:
    source = str(loc[0]) if loc else "body"
    name = ".".join(str(part) for part in loc[1:]) or source
    return source, name


def _validation_reason(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    reasons = {
        "missing": "Verplicht veld ontbreekt.",
        "int_parsing": "Moet een geheel getal zijn.",
        "greater_than_equal": f"Moet groter dan of gelijk aan {ctx.get('ge')} zijn.",
        "less_than_equal": f"Moet kleiner dan of gelijk aan {ctx.get('le')} zijn.",
        "string_pattern_mismatch": f"Voldoet niet aan het patroon {ctx.get('pattern')}.",
        "enum": f"Moet een van deze waarden zijn: {ctx.get('expected')}.",
        "literal_error": f"Moet een van deze waarden zijn: {ctx.get('expected')}.",
        "string_too_long": f"Mag hoogstens {ctx.get('max_length')} tekens lang zijn.",
        "string_too_short": f"Moet minstens {ctx.get('min_length')} tekens lang zijn.",
        "json_invalid": "Geen geldige JSON.",
        "extra_forbidden": "Onbekend veld.",
        "date_from_datetime_parsing": "Moet een datum zijn (JJJJ-MM-DD).",
        "date_parsing": "Moet een datum zijn (JJJJ-MM-DD).",
    }
    return reasons.get(kind, str(error.get("msg", "Ongeldige waarde.")))


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RequestValidationError):  # pragma: no cover
        raise exc
    invalid: list[InvalidParam] = []
    for error in exc.errors():
        source, name = _location(tuple(error.get("loc", ())))
        invalid.append(
            {
                "name": name,
                "in": source,
                "code": error.get("type", ""),
                "reason": _validation_reason(error),
            }
        )
    return problem_response(
        request,
        400,
        "Ongeldige invoer",
        f"{plural(len(invalid), 'parameter', 'parameters')} ongeldig; zie invalidParams.",
        extra={"invalidParams": invalid},
        problem_type="ongeldige-invoer",
    )


async def _on_domain_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, DomainError):  # pragma: no cover
        raise exc
    return problem_response(
        request,
        exc.status,
        exc.title,
        exc.detail,
        extra=exc.extra,
        headers=exc.headers,
        problem_type=exc.problem_type,
    )


async def _on_http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, StarletteHTTPException):  # pragma: no cover
        raise exc
    detail = exc.detail if isinstance(exc.detail, str) else title_for(exc.status_code)
    if exc.status_code == 404 and detail == "Not Found":
        detail = "Deze bron bestaat niet."
    elif exc.status_code == 405 and detail == "Method Not Allowed":
        detail = f"De methode {request.method} is hier niet toegestaan."
    return problem_response(
        request,
        exc.status_code,
        title_for(exc.status_code),
        detail,
        headers=dict(exc.headers) if exc.headers else None,
    )


async def _on_database_error(request: Request, exc: Exception) -> Response:
    if not is_transient_database_error(exc):
        return await _on_unexpected_error(request, exc)
    logger.warning(
        "database busy: %s",
        exc.__class__.__name__,
        extra={"request_id": request_id_of(request), "path": loggable_path(request.url.path)},
    )
    return await _on_domain_error(request, DatabaseBusyError())


async def _on_unexpected_error(request: Request, exc: Exception) -> Response:
    logger.exception(
        "unhandled error",
        exc_info=exc,
        extra={"request_id": request_id_of(request), "path": loggable_path(request.url.path)},
    )
    return problem_response(
        request,
        500,
        "Interne fout",
        "Er ging iets mis aan onze kant. Vermeld het request-id als u contact opneemt.",
        problem_type="interne-fout",
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(DomainError, _on_domain_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(DBAPIError, _on_database_error)
    app.add_exception_handler(sqlite3.OperationalError, _on_database_error)
    app.add_exception_handler(PoolTimeoutError, _on_database_error)
    app.add_exception_handler(Exception, _on_unexpected_error)
