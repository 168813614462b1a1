"""HTTP endpoints for the documents of a product: upload, link, remove, download."""

from typing import Annotated

from fastapi import APIRouter, File, Path, Request, Response, UploadFile, status
from fastapi.responses import StreamingResponse

from api.accounts.principal import CurrentPrincipal
from api.core import uploads
from api.core.db import SessionDep
from api.core.requests import SettingsDep
from api.core.routing import PERSON, errors, json_router
from api.core.storage import storage_for
from api.products import files
from api.products.presenters import file_read
from api.products.router import READ_SECURITY, ProductId
from api.products.schemas import ExternalLink, FileRead

router = json_router(tags=["Producten"], conditional=False)
# Downloads answer in the document's own media type, so they skip the JSON negotiation.
downloads = APIRouter(tags=["Producten"])

FileId = Annotated[int, Path(alias="bestandId", ge=1, le=2_147_483_647)]


@router.post(
    "/producten/{id}/bestanden",
    status_code=status.HTTP_201_CREATED,
    response_model=FileRead,
    operation_id="productBestandToevoegen",
    responses=errors(
        e409="Er is geen conceptversie.",
        e413="Het bestand is te groot.",
        e415="Geen toegestaan documenttype.",
    ),
    summary="Een document toevoegen aan de conceptversie (PDF, DOCX, XLSX, PPTX, ODF; redactie)",
    openapi_extra=PERSON,
)
def upload(
    product_id: ProductId,
    bestand: Annotated[
        UploadFile, File(description="Het document; het type wordt aan de inhoud herkend.")
    ],
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> FileRead:
    data = bestand.file.read(settings.max_upload_bytes + 1)
    file, product = files.upload(
        session,
        settings,
        storage_for(settings),
        principal,
        product_id,
        bestand.filename or "document",
        data,
    )
    return file_read(product.id, file)


@router.post(
    "/producten/{id}/links",
    status_code=status.HTTP_201_CREATED,
    response_model=FileRead,
    operation_id="productLinkToevoegen",
    responses=errors(e409="Er is geen conceptversie."),
    summary="Een externe link toevoegen aan de conceptversie (redactie)",
    openapi_extra=PERSON,
)
def add_link(
    product_id: ProductId, body: ExternalLink, principal: CurrentPrincipal, session: SessionDep
) -> FileRead:
    file, product = files.add_link(session, principal, product_id, body.naam, body.url)
    return file_read(product.id, file)


@router.delete(
    "/producten/{id}/bestanden/{bestandId}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="productBestandVerwijderen",
    responses=errors(e409="Er is geen conceptversie."),
    summary="Een document of link uit de conceptversie halen (redactie)",
    openapi_extra=PERSON,
)
def remove(
    product_id: ProductId, file_id: FileId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    files.remove(session, principal, product_id, file_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@downloads.get(
    "/producten/{id}/bestanden/{bestandId}",
    operation_id="productBestandDownloaden",
    summary="Een document downloaden",
    openapi_extra=READ_SECURITY,
    response_class=StreamingResponse,
    responses=uploads.download_responses("Het document."),
)
def download(
    request: Request,
    product_id: ProductId,
    file_id: FileId,
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    file, public, content = files.download(
        session, storage_for(settings), principal, product_id, file_id
    )
    return uploads.download_response(
        request,
        name=file.name,
        sha256=file.sha256 or "",
        media_type=file.media_type,
        public=public,
        content=content,
    )
