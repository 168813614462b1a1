"""Documents: content-checked uploads with a size limit, content-addressed storage, downloads."""

import hashlib
from collections.abc import Callable
from pathlib import Path

import boto3
import httpx
import pytest
from moto import mock_aws
from sqlalchemy.orm import Session

from api.core.db import get_session, transactional
from api.core.storage import LocalStorage, S3Storage, storage_for
from api.main import create_app
from tests.auth import EDITOR, login
from tests.conftest import api_of, http_client, make_settings
from tests.products.helpers import PDF, create, docx, move, review_and_publish, upload


@pytest.fixture
async def draft(clients: Callable[[], httpx.AsyncClient]) -> tuple[httpx.AsyncClient, object]:
    editor = clients()
    await login(editor, EDITOR)
    product = await create(editor)
    await move(editor, product["id"], "in-ontwikkeling")
    return editor, product["id"]


async def test_upload_is_checked_by_content_not_name(
    draft: tuple[httpx.AsyncClient, object],
) -> None:
    editor, pid = draft
    pdf = await upload(editor, pid, PDF, "rapport.docx")
    assert pdf.status_code == 201
    assert pdf.json()["mediatype"] == "application/pdf"
    assert pdf.json()["sha256"] == hashlib.sha256(PDF).hexdigest()
    word = await upload(editor, pid, docx(), "notitie.pdf")
    assert word.status_code == 201
    assert word.json()["mediatype"].endswith("wordprocessingml.document")
    script = await upload(editor, pid, b"#!/bin/sh\nrm -rf /\n", "handreiking.pdf")
    assert script.status_code == 415
    assert script.headers["content-type"] == "application/problem+json"
    png = await upload(editor, pid, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "plaatje.pdf")
    assert png.status_code == 415
    empty = await upload(editor, pid, b"", "leeg.pdf")
    assert empty.status_code == 415
    files = (await editor.get(f"/api/v1/producten/{pid}")).json()["conceptversie"]["bestanden"]
    assert [f["naam"] for f in files] == ["rapport.docx", "notitie.pdf"]


async def test_upload_size_limit(database_url: str, db: Session, tmp_path: Path) -> None:
    app = create_app(make_settings(database_url, tmp_path, max_upload_bytes=1000))
    api_of(app).dependency_overrides[get_session] = lambda: (yield from transactional(db))
    async with http_client(app) as editor:
        await login(editor, EDITOR)
        product = await create(editor)
        await move(editor, product["id"], "in-ontwikkeling")
        too_big = await upload(editor, product["id"], PDF + b"0" * 2000)
        assert too_big.status_code == 413
        huge = await upload(editor, product["id"], PDF + b"0" * 200_000)
        assert huge.status_code == 413
        fits = await upload(editor, product["id"], PDF)
        assert fits.status_code == 201


async def test_names_are_made_safe(draft: tuple[httpx.AsyncClient, object]) -> None:
    editor, pid = draft
    response = await upload(editor, pid, PDF, "../../etc/pass wd<script>.pdf")
    assert response.json()["naam"] == "pass wd_script_.pdf"


async def test_links_and_removal(draft: tuple[httpx.AsyncClient, object]) -> None:
    editor, pid = draft
    link = await editor.post(
        f"/api/v1/producten/{pid}/links", json={"naam": "Webinar", "url": "https://voorbeeld.nl/w"}
    )
    assert link.status_code == 201
    assert link.json()["download"] is None
    insecure = await editor.post(
        f"/api/v1/producten/{pid}/links", json={"naam": "x", "url": "http://voorbeeld.nl"}
    )
    assert insecure.status_code == 400
    removed = await editor.delete(f"/api/v1/producten/{pid}/bestanden/{link.json()['id']}")
    assert removed.status_code == 204
    assert (await editor.get(f"/api/v1/producten/{pid}")).json()["conceptversie"]["bestanden"] == []


async def test_download_and_visibility(clients: Callable[[], httpx.AsyncClient]) -> None:
    editor, tester, public = clients(), clients(), clients()
    await login(editor, EDITOR)
    product = await create(editor)
    await move(editor, product["id"], "in-ontwikkeling")
    uploaded = (await upload(editor, product["id"], PDF, "handreiking.pdf")).json()
    url = uploaded["download"]
    assert (await public.get(url)).status_code == 404, "drafts are not public"
    draft_copy = await editor.get(url)
    assert draft_copy.status_code == 200
    assert draft_copy.content == PDF
    assert (await review_and_publish(editor, tester, product["id"])).status_code == 200
    published = (await public.get(f"/api/v1/producten/{product['id']}")).json()[
        "gepubliceerdeVersie"
    ]
    download = await public.get(
        published["bestanden"][0]["download"], headers={"Accept": "application/pdf"}
    )
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/pdf"
    assert "attachment" in download.headers["content-disposition"]
    assert download.headers["etag"] == f'"{hashlib.sha256(PDF).hexdigest()}"'
    assert "immutable" in download.headers["cache-control"]
    again = await public.get(
        published["bestanden"][0]["download"], headers={"If-None-Match": download.headers["etag"]}
    )
    assert again.status_code == 304


def test_local_storage_is_content_addressed(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    first = storage.put(b"inhoud")
    second = storage.put(b"inhoud")
    assert first == second == hashlib.sha256(b"inhoud").hexdigest()
    assert len(list(tmp_path.rglob("*"))) == 3, "one file in two fan-out folders"
    assert b"".join(storage.read(first)) == b"inhoud"
    with pytest.raises(ValueError, match="sha256"):
        storage.exists("../../etc/passwd")


def test_s3_storage() -> None:
    with mock_aws():
        client = boto3.client("s3", region_name="eu-west-1")
        client.create_bucket(
            Bucket="spoorboek", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        storage = S3Storage(client, "spoorboek")
        key = storage.put(PDF)
        assert storage.exists(key)
        assert storage.put(PDF) == key
        assert b"".join(storage.read(key)) == PDF
        assert not storage.exists("0" * 64)
        listed = client.list_objects_v2(Bucket="spoorboek")["Contents"]
        assert [o["Key"] for o in listed] == [f"bestanden/{key}"]


def test_app_can_use_s3(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path, storage_backend="s3", s3_region="eu-west-1")
    with mock_aws():
        boto3.client("s3", region_name="eu-west-1").create_bucket(
            Bucket="spoorboek", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        storage = storage_for(settings)
        assert isinstance(storage, S3Storage)
        assert storage.exists(storage.put(b"%PDF-1.4 x"))
