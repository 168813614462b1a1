"""What the public sees (never the name of a supplier that did not agree), the catalogue import
(per-row errors, all or nothing, hard limits), and the demo data loaded once."""

from collections.abc import Callable

import httpx
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.core.settings import Settings
from api.ict.importing import MAX_BYTES
from api.ict.models import Application, Readiness, ReadinessChange, Usage, UsageChange
from api.municipalities.models import Municipality
from api.organisations.models import Organisation, OrganisationKind
from api.seed.demo_ict import SLIPPED, SUPPLIERS, load_demo_ict
from tests.auth import UTRECHT
from tests.ict.helpers import person

FIGURES = "/api/v1/ict/cijfers"
IMPORT = "/api/v1/ict/applicaties/import"
HEADER = "gemeentecode;gemeentenaam;pakket;leverancier;domein\n"


async def test_public_figures_name_only_suppliers_that_agreed(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    anonymous, editor = clients(), await person(clients)
    agreed = {code: name for code, name, yes, _ in SUPPLIERS if yes}
    others = {code: name for code, name, yes, _ in SUPPLIERS if not yes}
    first = await anonymous.get(FIGURES)
    assert first.status_code == 200
    assert first.headers["cache-control"].startswith("public")
    body = first.json()
    named = {line["leverancier"]["code"] for line in body["resultaten"] if line["leverancier"]}
    assert named == set(agreed)
    rest = next(line for line in body["resultaten"] if line["leverancier"] is None)
    assert rest["leveranciers"] == len(others)
    for code, name in others.items():
        assert code not in first.text
        assert name not in first.text
        for app in db.scalars(select(Application.name).where(Application.supplier_code == code)):
            assert app not in first.text
    # The lines add up to no more than the total (a municipality may wait on several).
    assert sum(line["cijfers"]["teLaat"] for line in body["resultaten"]) == body["totaal"]["teLaat"]
    unchanged = await anonymous.get(FIGURES, headers={"If-None-Match": first.headers["etag"]})
    assert unchanged.status_code == 304

    # A supplier withdraws its consent: its name leaves the public answer at once.
    code = "demo-tulpdata"
    read = await editor.get(f"/api/v1/ict/leveranciers/{code}")
    withdrawn = await editor.patch(
        f"/api/v1/ict/leveranciers/{code}",
        json={"cijfersOpenbaar": False},
        headers={"If-Match": read.headers["etag"]},
    )
    assert withdrawn.status_code == 200, withdrawn.text
    again = await anonymous.get(FIGURES, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 200
    assert agreed[code] not in again.text
    assert code not in again.text
    assert again.json()["totaal"] == body["totaal"]
    # Every other answer about suppliers needs a sign-in.
    for path in (
        "/api/v1/ict/leveranciers",
        f"/api/v1/ict/leveranciers/{code}/overzicht",
        "/api/v1/ict/applicaties",
        "/api/v1/ict/maatregelen/M15/wachtenden",
        "/api/v1/gemeenten/GM0344/ict",
    ):
        assert (await anonymous.get(path)).status_code == 401, path


async def test_catalogue_import_all_or_nothing(
    clients: Callable[[], httpx.AsyncClient], db: Session
) -> None:
    editor, contact = await person(clients), await person(clients, UTRECHT)
    before = db.scalar(select(Usage.application_id).where(Usage.municipality_code == "GM0344"))
    history = db.scalar(select(func.count(UsageChange.id)))
    wrong = (
        HEADER
        + "GM0344;Utrecht;Nieuw Pakket (demo);Tulpdata (demo);inkomen\n"
        + "GM9999;Nergens;Nieuw Pakket (demo);demo-onbekend;vrije tijd\n"
        + "GM0363;Amsterdam;;demo-tulpdata;werk\n"
        + "GM0344;Utrecht;Ander Pakket (demo);demo-tulpdata;inkomen\n"
    )
    refused = await editor.post(IMPORT, files={"bestand": ("catalogus.csv", wrong.encode())})
    assert refused.status_code == 400, refused.text
    errors = {row["rij"]: row["fouten"] for row in refused.json()["rijFouten"]}
    assert sorted(errors) == [3, 4, 5]
    assert len(errors[3]) == 3, "every problem of a row at once"
    assert db.scalar(select(func.count(UsageChange.id))) == history
    assert (
        db.scalar(select(Application.id).where(Application.name == "Nieuw Pakket (demo)")) is None
    )

    good = (
        "\ufeff"
        + HEADER
        + "GM0344;Utrecht;Nieuw Pakket (demo);Tulpdata (demo);inkomen,schulden\n"
        + "GM0363;Amsterdam;Nieuw Pakket (demo);demo-tulpdata;inkomen\n"
    )
    checked = await editor.post(
        f"{IMPORT}?controleren=true", files={"bestand": ("c.csv", good.encode())}
    )
    assert checked.json()["gecontroleerd"] is True
    assert db.scalar(select(func.count(UsageChange.id))) == history
    done = await editor.post(IMPORT, files={"bestand": ("c.csv", good.encode())})
    assert done.status_code == 200, done.text
    assert done.json()["nieuweApplicaties"] == 1
    assert done.json()["gewijzigd"] + done.json()["ongewijzigd"] == 3
    # The same file again changes nothing: every row is found as it is.
    again = await editor.post(IMPORT, files={"bestand": ("c.csv", good.encode())})
    assert (again.json()["gewijzigd"], again.json()["ongewijzigd"]) == (0, 3), again.text
    db.expire_all()
    new = db.scalar(select(Application).where(Application.name == "Nieuw Pakket (demo)"))
    assert new is not None
    assert new.domains == ["inkomen", "schulden"]
    assert (
        db.scalar(
            select(Usage.application_id).where(
                Usage.municipality_code == "GM0344", Usage.domain == "inkomen"
            )
        )
        == new.id
        != before
    )
    sources = set(
        db.scalars(select(UsageChange.source).where(UsageChange.application_id == new.id))
    )
    assert sources == {"import"}

    too_big = await editor.post(IMPORT, files={"bestand": ("c.csv", b"x" * (MAX_BYTES + 1))})
    assert too_big.status_code == 413
    columns = await editor.post(
        IMPORT, files={"bestand": ("c.csv", b"gemeente;pakket\nGM0344;X\n")}
    )
    assert columns.status_code == 400
    assert (
        await contact.post(IMPORT, files={"bestand": ("c.csv", good.encode())})
    ).status_code == 403


def test_demo_data(db: Session, tmp_path: object) -> None:
    suppliers = set(
        db.scalars(
            select(Organisation.code).where(
                Organisation.kind == OrganisationKind.SOFTWARE_SUPPLIER, Organisation.is_demo
            )
        )
    )
    assert suppliers == {code for code, *_ in SUPPLIERS}
    assert all("(demo)" in name for _, name, *_ in SUPPLIERS)
    municipalities = db.scalar(select(func.count(Municipality.code)))
    covered = db.scalar(select(func.count(func.distinct(Usage.municipality_code))))
    assert covered == municipalities == 342
    slipped = db.scalar(select(Application.id).where(Application.name == SLIPPED[0]))
    moves = db.scalars(
        select(ReadinessChange.release_date).where(
            ReadinessChange.application_id == slipped, ReadinessChange.measure_code == SLIPPED[1]
        )
    ).all()
    assert len(moves) == 2
    assert moves[0] != moves[1]

    counts = [
        db.scalar(select(func.count()).select_from(t)) for t in (Usage, Readiness, ReadinessChange)
    ]
    created, existing = load_demo_ict(db, Settings(), lambda: None)
    assert created == 0
    assert existing > 0
    assert [
        db.scalar(select(func.count()).select_from(t)) for t in (Usage, Readiness, ReadinessChange)
    ] == counts
