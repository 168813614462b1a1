"""Uploaded documents: recognised by their content (never by their name), size-limited, given a
safe name; and the download response that serves them back with an immutable ETag."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import filetype
from fastapi import Request, Response
from fastapi.responses import StreamingResponse

from api.core.errors import DomainError, PayloadTooLargeError
from api.core.etags import none_match_hits
from api.core.settings import Settings

DOCUMENT_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
    "application/vnd.oasis.opendocument.presentation": "ODP",
}
IMAGE_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG"}


class UnsupportedFileError(DomainError):
    status = 415
    title = "Bestandstype niet toegestaan"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    media_type: str
    size: int


def safe_name(name: str) -> str:
    base = re.split(r"[\\/]", name)[-1].strip()
    cleaned = re.sub(r"[^\w.\- ()]+", "_", base)[:200]
    return cleaned or "document"


def check(settings: Settings, name: str, data: bytes, allowed: dict[str, str]) -> CheckedFile:
    if len(data) > settings.max_upload_bytes:
        raise PayloadTooLargeError(
            f"Een bestand mag hoogstens {settings.max_upload_bytes} bytes zijn."
        )
    if not data:
        raise UnsupportedFileError("Het bestand is leeg.")
    kind = filetype.guess(data)
    media_type = kind.mime if kind else None
    if media_type is None or media_type not in allowed:
        names = ", ".join(sorted(set(allowed.values())))
        raise UnsupportedFileError(
            f"De inhoud is geen toegestaan documenttype ({names}); "
            f"herkend: {media_type or 'onbekend'}. De bestandsnaam telt niet."
        )
    return CheckedFile(safe_name(name), media_type, len(data))


def download_responses(description: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI answers of a download: the file itself, or 304 for a known ETag."""
    return {
        200: {
            "description": description,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        },
        304: {"description": "Niet gewijzigd (de ETag is de SHA-256 van de inhoud)."},
    }


def download_response(
    request: Request,
    *,
    name: str,
    sha256: str,
    media_type: str | None,
    public: bool,
    content: Iterator[bytes],
) -> Response:
    etag = f'"{sha256}"'
    cache = "public, max-age=86400, immutable" if public else "private, no-cache"
    headers = {"ETag": etag, "Cache-Control": cache}
    if none_match_hits(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    quoted = name.replace('"', "")
    headers["Content-Disposition"] = (
        f"attachment; filename=\"{quoted}\"; filename*=UTF-8''{quote(name, safe='')}"
    )
    return StreamingResponse(
        content, media_type=media_type or "application/octet-stream", headers=headers
    )
