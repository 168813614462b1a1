"""A deterministic demo data set for trying Spoorboek: clearly marked, never mistaken for real data.

Each domain adds its own part as later features arrive; every part is seeded from a fixed
random seed, so two runs produce the same data."""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.core.settings import Settings
from api.municipalities.models import Municipality
from api.organisations.models import Organisation, OrganisationKind
from api.seed.demo_accounts import DEMO_CLIENTS, DEMO_USERS, load_demo_clients, load_demo_users
from api.seed.demo_digests import DIGESTS_ROWS, load_demo_digests
from api.seed.demo_feedback import load_demo_feedback
from api.seed.demo_ict import ICT_ROWS, load_demo_ict
from api.seed.demo_meeting_activity import meeting_activity
from api.seed.demo_meetings import DEMO_MEETINGS, load_demo_meetings
from api.seed.demo_newsletters import NEWSLETTERS_ROWS, load_demo_newsletters
from api.seed.demo_notifications import load_demo_notifications
from api.seed.demo_peers import DEMO_PEER_CONTACTS, load_demo_peers
from api.seed.demo_products import load_demo_products
from api.seed.demo_progress import load_demo_progress
from api.seed.demo_questions import QUESTIONS, load_demo_questions
from api.seed.demo_ratings import load_demo_ratings
from api.seed.demo_register import DEMO_SIGNALS
from api.seed.demo_signals import load_demo_signals
from api.seed.demo_surveys import ROUNDS, load_demo_surveys
from api.seed.demo_targets import load_demo_targets

ProgressHook = Callable[[str, int], Callable[[], None]]

# Shared services (samenwerkingsverbanden) that carry out the Participatiewet for several
# municipalities. Marked as demo: membership is illustrative and may lag real arrangements.
SHARED_SERVICES: list[tuple[str, str, list[str]]] = [
    ("demo-isd-bollenstreek", "ISD Bollenstreek (demo)", ["GM0534", "GM0553", "GM0575", "GM1525"]),
    ("demo-isd-brabantse-wal", "ISD Brabantse Wal (demo)", ["GM0748", "GM0873"]),
    (
        "demo-sociale-dienst-drechtsteden",
        "Sociale Dienst Drechtsteden (demo)",
        ["GM0482", "GM0505", "GM0531", "GM0590", "GM0610", "GM0642"],
    ),
]


@dataclass
class DemoReport:
    part: str
    created: int = 0
    existing: int = 0


def _shared_services(session: Session, on_row: Callable[[], None]) -> DemoReport:
    report = DemoReport("samenwerkingsverbanden")
    known = set(session.scalars(select(Municipality.code)))
    existing = {
        o.code: o
        for o in session.scalars(select(Organisation).options(selectinload(Organisation.members)))
    }
    for code, name, members in SHARED_SERVICES:
        if code in existing:
            report.existing += 1
            on_row()
            continue
        member_rows = [session.get_one(Municipality, m) for m in members if m in known]
        session.add(
            Organisation(
                code=code,
                name=name,
                kind=OrganisationKind.SHARED_SERVICE,
                is_demo=True,
                members=member_rows,
            )
        )
        report.created += 1
        on_row()
    session.flush()
    return report


def _counted(
    part: str, loader: Callable[[Session, Callable[[], None]], tuple[int, int]]
) -> Callable[[Session, Callable[[], None]], DemoReport]:
    def load(session: Session, on_row: Callable[[], None]) -> DemoReport:
        created, existing = loader(session, on_row)
        return DemoReport(part, created, existing)

    return load


def load_demo_data(
    session: Session, settings: Settings, *, progress: ProgressHook | None = None
) -> list[DemoReport]:
    def products(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
        return load_demo_products(session, settings, on_row)

    def questions(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
        return load_demo_questions(session, settings, on_row)

    def product_feedback(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
        return load_demo_feedback(session, settings, on_row)

    def newsletters(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
        return load_demo_newsletters(session, settings, on_row)

    def digests(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
        return load_demo_digests(session, settings, on_row)

    def ict(session: Session, on_row: Callable[[], None]) -> tuple[int, int]:
        return load_demo_ict(session, settings, on_row)

    parts: list[tuple[str, int, Callable[[Session, Callable[[], None]], DemoReport]]] = [
        ("samenwerkingsverbanden", len(SHARED_SERVICES), _shared_services),
        ("gebruikers", len(DEMO_USERS), _counted("gebruikers", load_demo_users)),
        ("koppelingen", len(DEMO_CLIENTS), _counted("koppelingen", load_demo_clients)),
        ("bijeenkomsten", len(DEMO_MEETINGS), _counted("bijeenkomsten", load_demo_meetings)),
        ("producten", 23 * 3, _counted("producten", products)),
        ("productfeedback", 700, _counted("productfeedback", product_feedback)),
        ("voortgang", 342 * 23, _counted("voortgang", load_demo_progress)),
        ("vragen", QUESTIONS, _counted("vragen", questions)),
        ("beoordelingen", QUESTIONS, _counted("beoordelingen", load_demo_ratings)),
        ("deelnemers", len(DEMO_MEETINGS), _counted("deelnemers", meeting_activity(settings))),
        ("signalen", len(DEMO_SIGNALS), _counted("signalen", load_demo_signals)),
        ("meldingen", 20, _counted("meldingen", load_demo_notifications)),
        ("peilingen", 342 * ROUNDS, _counted("peilingen", load_demo_surveys)),
        ("nieuwsbrief", NEWSLETTERS_ROWS, _counted("nieuwsbrief", newsletters)),
        ("overzichten", DIGESTS_ROWS, _counted("overzichten", digests)),
        ("ict", ICT_ROWS, _counted("ict", ict)),
        ("doelen", 3, _counted("doelen", load_demo_targets)),
        (
            "collegas",
            len(DEMO_PEER_CONTACTS),
            _counted("collegas", load_demo_peers),
        ),
    ]
    reports = []
    for name, size, loader in parts:
        on_row = progress(name, size) if progress else (lambda: None)
        reports.append(loader(session, on_row))
    return reports
