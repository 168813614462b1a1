"""The SPA's session cookies: HttpOnly access and refresh tokens, and a readable CSRF token."""

from fastapi import Response

from api.accounts.principal import ACCESS_COOKIE, CSRF_COOKIE, REFRESH_COOKIE
from api.accounts.sessions import IssuedSession
from api.core.settings import Settings
from api.core.urls import API_PREFIX

REFRESH_PATH = f"{API_PREFIX}/sessies"


def set_session_cookies(response: Response, settings: Settings, issued: IssuedSession) -> None:
    common = {"secure": settings.cookie_secure, "samesite": "strict"}
    response.set_cookie(
        ACCESS_COOKIE,
        issued.access_token,
        max_age=settings.access_token_minutes * 60,
        path=API_PREFIX,
        httponly=True,
        **common,  # type: ignore[arg-type]
    )
    response.set_cookie(
        REFRESH_COOKIE,
        issued.refresh_token,
        max_age=int((issued.refresh_expires - issued.access_expires).total_seconds())
        + settings.access_token_minutes * 60,
        path=REFRESH_PATH,
        httponly=True,
        **common,  # type: ignore[arg-type]
    )
    # Readable by the SPA on purpose: it echoes the value in X-CSRF-Token (double submit).
    response.set_cookie(
        CSRF_COOKIE,
        issued.csrf_token,
        max_age=settings.session_hours * 3600,
        path="/",
        httponly=False,
        **common,  # type: ignore[arg-type]
    )


def clear_session_cookies(response: Response, settings: Settings) -> None:
    for name, path in (
        (ACCESS_COOKIE, API_PREFIX),
        (REFRESH_COOKIE, REFRESH_PATH),
        (CSRF_COOKIE, "/"),
    ):
        response.delete_cookie(
            name,
            path=path,
            secure=settings.cookie_secure,
            httponly=name != CSRF_COOKIE,
            samesite="strict",
        )
