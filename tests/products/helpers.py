"""Building products through the API for tests, with small real documents."""

import io
import zipfile

import httpx

from tests.auth import UTRECHT, login

# A minimal but real PDF header is enough for content detection; the rest is filler.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx() -> bytes:
    """A minimal Office Open XML word document: what content detection sees in a .docx."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


async def create(editor: httpx.AsyncClient, **overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "soort": "handreiking",
        "titel": "Handreiking testproduct",
        "samenvatting": "Hoe gemeenten de maatregel toepassen.",
        "maatregelen": ["M01"],
        "doelgroepen": ["beleidsmedewerker"],
        "uitgevers": ["vng"],
    }
    body.update(overrides)
    response = await editor.post("/api/v1/producten", json=body)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def move(
    editor: httpx.AsyncClient, product_id: object, target: str, **extra: object
) -> httpx.Response:
    return await editor.post(
        f"/api/v1/producten/{product_id}/statuswijzigingen", json={"naar": target, **extra}
    )


async def upload(
    editor: httpx.AsyncClient, product_id: object, data: bytes = PDF, name: str = "document.pdf"
) -> httpx.Response:
    return await editor.post(
        f"/api/v1/producten/{product_id}/bestanden", files={"bestand": (name, data)}
    )


async def reviewer_id(tester: httpx.AsyncClient) -> int:
    session = await login(tester, UTRECHT)
    return int(session["gebruiker"]["id"])  # type: ignore[index]


async def publish(
    editor: httpx.AsyncClient, tester: httpx.AsyncClient, product_id: object
) -> httpx.Response:
    """Through the whole lifecycle: develop, upload, review, approve, publish."""
    assert (await move(editor, product_id, "in-ontwikkeling")).status_code == 200
    assert (await upload(editor, product_id)).status_code == 201
    return await review_and_publish(editor, tester, product_id)


async def review_and_publish(
    editor: httpx.AsyncClient, tester: httpx.AsyncClient, product_id: object
) -> httpx.Response:
    """From a draft with a document: to review, approved by a tester, published."""
    assert (await move(editor, product_id, "in-toetsing")).status_code == 200
    reviewer = await reviewer_id(tester)
    invited = await editor.post(
        f"/api/v1/producten/{product_id}/toetsingen", json={"toetserId": reviewer}
    )
    assert invited.status_code == 201, invited.text
    verdict = await tester.put(
        f"/api/v1/producten/{product_id}/toetsingen/{invited.json()['id']}",
        json={"oordeel": "goedgekeurd"},
    )
    assert verdict.status_code == 200, verdict.text
    return await move(editor, product_id, "gepubliceerd")
