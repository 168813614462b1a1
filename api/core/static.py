"""The built SPA on the wire.

Vite names every file under assets/ after a hash of its content, so a file at a given URL never
changes: browsers may keep it for a year without asking again. The build also writes a brotli
(.br) and a gzip (.gz) copy beside each one (frontend/vite.config.ts); they are sent as they are,
so the strongest compression costs nothing per request. index.html names the current assets, so
it is revalidated on every visit (cheap: an ETag and a 304)."""

import mimetypes
import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES
from starlette.staticfiles import NotModifiedResponse
from starlette.types import Scope

from api.core.errors import NotFoundError
from api.core.etags import none_match_hits

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

# What the on-the-fly gzip leaves alone besides Starlette's list (images, fonts, archives,
# event streams): the documents people upload are compressed already, so gzipping them again
# costs time and saves nothing.
ALREADY_COMPRESSED = (
    *DEFAULT_EXCLUDED_CONTENT_TYPES,
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
)

# Best first; the suffix the build gives the copy in that coding.
_CODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_codings(accept_encoding: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (RFC 9110 12.5.3); `q=0` refuses one,
    `*` stands for every coding not named."""
    allowed: set[str] = set()
    refused: set[str] = set()
    wildcard = False
    for item in accept_encoding.split(","):
        name, _, params = item.partition(";")
        name = name.strip().lower()
        if not name:
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name == "*":
            wildcard = quality > 0
        elif quality > 0:
            allowed.add(name)
        else:
            refused.add(name)
    if wildcard:
        allowed |= {coding for coding, _ in _CODINGS} - refused
    return allowed


class PrecompressedAssets(StaticFiles):
    """Hashed assets: the best precompressed copy the client accepts, cached for a year."""

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        request_headers = Headers(scope=scope)
        guessed, own_coding = mimetypes.guess_type(str(full_path))
        # A copy asked for by its own name (x.js.br) is bytes, not a script the browser should run.
        media_type = (
            "application/octet-stream" if own_coding else guessed or "application/octet-stream"
        )
        path, stat, coding = self._best_copy(
            str(full_path),
            stat_result,
            accepted_codings(request_headers.get("accept-encoding", "")),
        )
        headers = {"Cache-Control": IMMUTABLE, "Vary": "Accept-Encoding"}
        if coding:
            headers["Content-Encoding"] = coding
        # FileResponse's ETag comes from the sent file's size and time: one per coding.
        response = FileResponse(
            path, status_code=status_code, headers=headers, media_type=media_type, stat_result=stat
        )
        if self.is_not_modified(response.headers, request_headers):
            return NotModifiedResponse(response.headers)
        return response

    @staticmethod
    def _best_copy(
        full_path: str, stat_result: os.stat_result, accepted: set[str]
    ) -> tuple[str, os.stat_result, str | None]:
        for coding, suffix in _CODINGS:
            if coding in accepted:
                try:
                    return full_path + suffix, os.stat(full_path + suffix), coding
                except OSError:
                    continue
        return full_path, stat_result, None


def _revalidated_file(request: Request, path: Path) -> Response:
    response = FileResponse(path, headers={"Cache-Control": REVALIDATE}, stat_result=path.stat())
    if none_match_hits(request.headers.get("if-none-match"), response.headers["etag"]):
        return NotModifiedResponse(response.headers)
    return response


def mount_spa(app: FastAPI, dist: Path) -> None:
    """The SPA at /: its assets, its other files, and index.html for every route it knows."""
    index = dist / "index.html"
    if (dist / "assets").is_dir():
        app.mount("/assets", PrecompressedAssets(directory=dist / "assets"), name="assets")

    @app.get("/{path:path}", include_in_schema=False)
    def spa(path: str, request: Request) -> Response:
        if path.startswith("api/"):
            raise NotFoundError("Deze bron bestaat niet.")
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(dist.resolve()):
            return _revalidated_file(request, candidate)
        if index.is_file():
            return _revalidated_file(request, index)
        return HTMLResponse(
            "<!doctype html><html lang='nl'><title>Spoorboek</title>"
            "<p>De webapplicatie is nog niet gebouwd: voer <code>make run</code> uit.</p></html>",
            status_code=503,
        )
