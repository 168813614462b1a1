"""The evaluation of a meeting through the satisfaction machinery: the daily job mails every
attendee who was there once, with a token that records a score only by a PUT, changes it within
the window and not after, and names one meeting's evaluation only; the team's figures show the
touchpoint `bijeenkomsten` behind the minimum group size, as does one meeting's evaluation.

Meetings and registrations are inserted as rows, in years of their own (2031, 2032), so no demo
meeting falls among them."""

import re
import secrets
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.core import clock, data_versions
from api.core.dutch import form
from api.core.settings import Settings
from api.jobs.registry import JOBS
from api.mail.models import OutboxMessage
from api.meetings.models import (
    Attendance,
    Audience,
    Meeting,
    MeetingKind,
    MeetingRating,
    MeetingStatus,
    Registration,
    RegistrationStatus,
    meeting_measures,
    meeting_themes,
)
from api.municipalities.models import Municipality
from api.satisfaction import scoring
from tests.auth import ADMIN, EDITOR, STIMULANSZ, UTRECHT, login, mails
from tests.conftest import make_settings

RATE = "/api/v1/bijeenkomstbeoordeling"
LOOK_UP = "/api/v1/bijeenkomstbeoordeling/opzoeken"
FIGURES = "/api/v1/tevredenheid/cijfers"
LINK = re.compile(r"/bijeenkomst-beoordelen#token=([A-Za-z0-9_-]+)&score=([1-5])")
NOW = datetime(2031, 3, 12, 8, 0, tzinfo=UTC)
"""When the job runs in these tests: the morning after the meetings below."""


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path)


def meeting(
    db: Session,
    *,
    ends: datetime,
    status: MeetingStatus = MeetingStatus.OPEN,
    title: str = "Werksessie loonkostensubsidie",
    measures: tuple[str, ...] = (),
    themes: tuple[str, ...] = (),
    organiser: int | None = None,
) -> Meeting:
    row = Meeting(
        kind=MeetingKind.WORK_SESSION,
        title=title,
        audience=Audience.MUNICIPALITIES,
        starts_at=ends - timedelta(hours=2),
        ends_at=ends,
        status=status,
        uid=f"{secrets.token_hex(8)}@spoorboek.test",
        organiser_id=organiser,
    )
    db.add(row)
    db.flush()
    for code in measures:
        db.execute(meeting_measures.insert().values(meeting_id=row.id, measure_code=code))
    for code in themes:
        db.execute(meeting_themes.insert().values(meeting_id=row.id, theme_code=code))
    return row


def attendee(
    db: Session,
    held: Meeting,
    name: str,
    attendance: Attendance | None = Attendance.PRESENT,
    municipality: str | None = "GM0344",
) -> Registration:
    row = Registration(
        meeting_id=held.id,
        name=name,
        email=f"{name.lower().replace(' ', '.')}@gemeente.example",
        status=RegistrationStatus.REGISTERED,
        attendance=attendance,
        municipality_code=municipality,
    )
    db.add(row)
    db.flush()
    return row


def run_job(db: Session, settings: Settings, now: datetime = NOW) -> str:
    with clock.fixed_clock(now):
        return JOBS["bijeenkomsten-evaluatie"].work(db, settings, now)


def mails_to(settings: Settings, address: str) -> list[EmailMessage]:
    return [m for m in mails(Path(settings.mail_file_dir)) if m["To"] == address]


def stored(db: Session, address: str) -> int:
    """Messages in the outbox for this address, delivered or not."""
    query = select(func.count()).where(OutboxMessage.recipient == address)
    return db.scalar(query.select_from(OutboxMessage)) or 0


def token_of(message: EmailMessage) -> str:
    body = str(message.get_content())
    links: list[tuple[str, str]] = LINK.findall(body)
    assert [int(score) for _, score in links] == [1, 2, 3, 4, 5], body
    tokens = {token for token, _ in links}
    assert len(tokens) == 1
    return tokens.pop()


def rating_of(db: Session, registration: Registration) -> MeetingRating | None:
    db.expire_all()
    return db.scalars(
        select(MeetingRating).where(MeetingRating.registration_id == registration.id)
    ).one_or_none()


async def test_the_job_asks_each_attendee_who_was_there_once(
    db: Session, settings: Settings
) -> None:
    ended = meeting(db, ends=NOW - timedelta(hours=16))
    present = [attendee(db, ended, "Anna Aanwezig"), attendee(db, ended, "Bert Bijwezig")]
    others = [
        attendee(db, ended, "Carla Afwezig", Attendance.ABSENT),
        attendee(db, ended, "Dirk Laat", Attendance.CANCELLED_LATE),
        attendee(db, ended, "Eva Onbekend", None),
    ]
    cancelled = meeting(db, ends=NOW - timedelta(hours=16), status=MeetingStatus.CANCELLED)
    coming = meeting(db, ends=NOW + timedelta(days=3))
    long_ago = meeting(db, ends=NOW - timedelta(days=settings.rating_days + 1))
    others += [
        attendee(db, cancelled, "Frank Geannuleerd"),
        attendee(db, coming, "Gert Komend"),
        attendee(db, long_ago, "Hanna Lang Geleden"),
    ]

    outcome = run_job(db, settings)
    assert outcome.startswith("2 aanwezigen"), outcome
    scores_version = data_versions.key(db, data_versions.SATISFACTION)
    again = run_job(db, settings, NOW + timedelta(days=1))
    assert again.startswith("0 aanwezigen"), again
    # Nothing asked, nothing written: the figures kept for this version stay valid.
    assert data_versions.key(db, data_versions.SATISFACTION) == scores_version

    for person in present:
        assert stored(db, person.email) == 1
        [mail] = mails_to(settings, person.email)
        assert mail["Subject"] == "Hoe nuttig was de bijeenkomst 'Werksessie loonkostensubsidie'?"
        body = mail.get_content()
        assert body.count("Hoe nuttig was deze bijeenkomst?") == 1
        assert "https://spoorboek.example/bijeenkomst-beoordelen#token=" in body
        assert f"Beste {person.name}," in body
        token = token_of(mail)
        rating = rating_of(db, person)
        assert rating is not None
        assert rating.meeting_id == ended.id
        assert rating.score is None
        # Only the hash is kept.
        assert rating.token_hash == scoring.hashed(token)
        assert token not in rating.token_hash
        assert rating.changeable_until == NOW + timedelta(days=settings.rating_days)
    for person in others:
        assert stored(db, person.email) == 0
        assert rating_of(db, person) is None
    # The demo's evaluations were asked when the demo was loaded.
    made = select(func.count()).where(MeetingRating.is_demo.is_(False))
    assert db.scalar(made) == 2


async def _asked(db: Session, settings: Settings, *names: str) -> tuple[Meeting, list[str]]:
    held = meeting(db, ends=NOW - timedelta(hours=16))
    people = [attendee(db, held, name) for name in names]
    run_job(db, settings)
    return held, [token_of(mails_to(settings, p.email)[0]) for p in people]


async def test_the_link_records_by_put_changes_within_the_window_and_not_after(
    client: httpx.AsyncClient, db: Session, settings: Settings
) -> None:
    held, [token] = await _asked(db, settings, "Anna Aanwezig")
    with clock.fixed_clock(NOW + timedelta(hours=1)):
        read = await client.post(LOOK_UP, json={"token": token})
        assert read.status_code == 200, read.text
        assert read.json()["bijeenkomst"] == {
            "id": held.id,
            "titel": held.title,
            "begin": "2031-03-11T15:00:00+01:00",
        }
        # Mailed at NOW, changeable for the settings' days, told in Dutch time.
        until = datetime.fromisoformat(read.json()["wijzigbaarTot"])
        assert until.utcoffset() == timedelta(hours=1)
        assert until == NOW + timedelta(days=settings.rating_days)
        assert read.json()["score"] is None
        assert read.json()["wijzigbaar"] is True

        first = await client.put(RATE, json={"token": token, "score": 4})
        assert first.status_code == 200, first.text
        assert first.json()["score"] == 4
        rated_at = rating_of(db, _only(db, held)).rated_at  # type: ignore[union-attr]
        changed = await client.put(
            RATE, json={"token": token, "score": 5, "toelichting": "Veel geleerd."}
        )
        assert changed.status_code == 200, changed.text
        assert changed.json()["score"] == 5
        assert changed.json()["toelichting"] == "Veel geleerd."
        assert (await client.post(LOOK_UP, json={"token": token})).json()["score"] == 5

    rating = rating_of(db, _only(db, held))
    assert rating is not None
    assert rating.rated_at == rated_at
    assert rating.comment_cleared is True
    with clock.fixed_clock(rating.changeable_until + timedelta(seconds=1)):
        late = await client.put(RATE, json={"token": token, "score": 1, "toelichting": "Laat"})
        assert late.status_code == 409, late.text
        assert late.headers["content-type"].startswith("application/problem+json")
        assert "voorbij" in late.json()["detail"]
        assert (await client.post(LOOK_UP, json={"token": token})).json()["wijzigbaar"] is False
    rating = rating_of(db, _only(db, held))
    assert rating is not None
    assert (rating.score, rating.comment) == (5, "Veel geleerd.")


def _only(db: Session, held: Meeting) -> Registration:
    return db.scalars(select(Registration).where(Registration.meeting_id == held.id)).one()


async def test_an_unknown_or_malformed_token_changes_nothing(
    client: httpx.AsyncClient, db: Session, settings: Settings
) -> None:
    held, [token] = await _asked(db, settings, "Anna Aanwezig")
    unknown = "x" * 43
    with clock.fixed_clock(NOW):
        assert (await client.post(LOOK_UP, json={"token": unknown})).status_code == 404
        put = await client.put(RATE, json={"token": unknown, "score": 3})
        assert put.status_code == 404
        assert put.headers["content-type"].startswith("application/problem+json")
        for body in (
            {"token": "kort", "score": 3},
            {"token": token, "score": 6},
            {"token": token, "score": 0},
            {"token": token + "\x00", "score": 3},
            {"token": token, "score": 3, "toelichting": "a\x07b"},
            {"token": token, "score": 3, "toelichting": "x" * 1001},
            {"score": 3},
        ):
            refused = await client.put(RATE, json=body)
            assert refused.status_code == 400, (body, refused.text)
    rating = rating_of(db, _only(db, held))
    assert rating is not None
    assert rating.score is None


async def test_a_token_rates_only_its_own_meeting(
    client: httpx.AsyncClient, db: Session, settings: Settings
) -> None:
    morning = meeting(db, ends=NOW - timedelta(hours=20), title="Ochtendsessie")
    afternoon = meeting(db, ends=NOW - timedelta(hours=16), title="Middagsessie")
    mine = attendee(db, morning, "Anna Aanwezig")
    also_mine = attendee(db, afternoon, "Anna Aanwezig")
    run_job(db, settings)
    first, second = (token_of(m) for m in mails_to(settings, mine.email))
    assert first != second
    with clock.fixed_clock(NOW):
        sneaky = await client.put(
            RATE, json={"token": first, "score": 1, "bijeenkomst": afternoon.id}
        )
        assert sneaky.status_code == 400
        by_param = await client.put(
            RATE, params={"id": afternoon.id}, json={"token": first, "score": 1}
        )
        assert by_param.status_code == 200
        assert by_param.json()["bijeenkomst"]["id"] == morning.id
    assert rating_of(db, mine).score == 1  # type: ignore[union-attr]
    assert rating_of(db, also_mine).score is None  # type: ignore[union-attr]


async def _rated(db: Session, held: Meeting, scores: list[int], comments: dict[int, str]) -> None:
    """Attendees of `held` who gave these scores (with a comment where given)."""
    for n, score in enumerate(scores):
        person = attendee(db, held, f"Deelnemer {n}")
        rating = MeetingRating(registration_id=person.id, meeting_id=held.id)
        scoring.issue(rating, 14)
        rating.score = score
        db.add(rating)
        if n in comments:
            rating.comment = comments[n]
            rating.comment_cleared = scoring.cleared(comments[n], ["Deelnemer 3"], [])
    db.flush()


async def test_the_evaluation_of_a_meeting_is_withheld_under_the_minimum_group_size(
    clients: object, db: Session
) -> None:
    editor = clients()  # type: ignore[operator]
    await login(editor, EDITOR)
    held = meeting(db, ends=NOW - timedelta(days=2))
    attendee(db, held, "Niet Beoordeeld")
    comments = {0: "Heel praktisch.", 3: "Deelnemer 3 had goede vragen.", 1: "Bel mij: 0302860000"}
    await _rated(db, held, [5, 4, 4, 2], comments)
    unrated = MeetingRating(registration_id=attendee(db, held, "Nog Niet").id, meeting_id=held.id)
    scoring.issue(unrated, 14)
    db.add(unrated)
    db.flush()
    url = f"/api/v1/bijeenkomsten/{held.id}/evaluatie"

    few = await editor.get(url)
    assert few.status_code == 200, few.text
    body = few.json()
    assert body["aantalGevraagd"] == 5
    assert body["bijeenkomst"]["begin"] == "2031-03-10T07:00:00+01:00"
    assert body["aantalBeoordeeld"] == 4
    assert body["teWeinigAntwoorden"] is True
    assert body["gemiddelde"] is None
    assert body["verdeling"] is None
    assert body["toelichtingen"] == []
    assert body["minimaleGroepsgrootte"] == 5

    later = meeting(db, ends=NOW - timedelta(days=1))
    await _rated(db, later, [5, 4, 4, 2, 3], comments)
    body = (await editor.get(f"/api/v1/bijeenkomsten/{later.id}/evaluatie")).json()
    assert body["teWeinigAntwoorden"] is False
    assert body["aantalBeoordeeld"] == 5
    assert body["gemiddelde"] == 3.6
    assert body["verdeling"] == [
        {"score": 1, "aantal": 0},
        {"score": 2, "aantal": 1},
        {"score": 3, "aantal": 1},
        {"score": 4, "aantal": 2},
        {"score": 5, "aantal": 1},
    ]
    # A name of someone there, a telephone number: not shown, only counted.
    assert body["toelichtingen"] == ["Heel praktisch."]
    assert body["toelichtingenAfgeschermd"] == 2


async def test_only_the_team_sees_a_meetings_evaluation(
    clients: object, client: httpx.AsyncClient, db: Session
) -> None:
    held = meeting(db, ends=NOW - timedelta(days=2))
    # Kept through the refused requests, whose rollback ends only their own savepoint.
    db.commit()
    url = f"/api/v1/bijeenkomsten/{held.id}/evaluatie"
    assert (await client.get(url)).status_code == 401
    for who in (UTRECHT, STIMULANSZ):
        other = clients()  # type: ignore[operator]
        await login(other, who)
        refused = await other.get(url)
        assert refused.status_code == 403, refused.text
    admin = clients()  # type: ignore[operator]
    await login(admin, ADMIN)
    assert (await admin.get(url)).status_code == 200
    missing = await admin.get("/api/v1/bijeenkomsten/2147483000/evaluatie")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


# The team's figures ---------------------------------------------------------------------------


def _places(db: Session, count: int, *, not_in: str | None = None) -> list[Municipality]:
    """`count` municipalities of one province (another than `not_in`)."""
    query = select(Municipality.province_code).group_by(Municipality.province_code)
    for province in db.scalars(query.order_by(Municipality.province_code)):
        if province == not_in:
            continue
        found = list(
            db.scalars(
                select(Municipality)
                .where(Municipality.province_code == province)
                .order_by(Municipality.code)
                .limit(count)
            )
        )
        if len(found) == count:
            return found
    raise AssertionError("no province with enough municipalities")


def _evaluated(
    db: Session, day: date, places: list[Municipality], score: int, **kwargs: object
) -> Meeting:
    """A meeting on `day` that one attendee of each municipality rated."""
    ends = datetime(day.year, day.month, day.day, 15, tzinfo=UTC)
    held = meeting(db, ends=ends, **kwargs)  # type: ignore[arg-type]
    for n, place in enumerate(places):
        person = attendee(db, held, f"Deelnemer {place.code} {n}", municipality=place.code)
        rating = MeetingRating(registration_id=person.id, meeting_id=held.id)
        scoring.issue(rating, 14)
        rating.score = score
        db.add(rating)
    # Kept through a refused request, whose rollback ends only its own savepoint.
    db.commit()
    return held


def _events(body: dict[str, object]) -> list[dict[str, object]]:
    section = body["bijeenkomsten"]
    assert isinstance(section, dict), body
    return section["groepen"]  # type: ignore[no-any-return]


async def test_the_figures_show_meetings_behind_the_minimum_group_size(
    clients: object, db: Session
) -> None:
    editor = clients()  # type: ignore[operator]
    await login(editor, EDITOR)
    five = _places(db, 5)
    four = _places(db, 4, not_in=five[0].province_code)
    _evaluated(db, date(2032, 2, 10), five, 4, measures=("M01",), themes=())
    _evaluated(db, date(2032, 5, 10), four, 2, measures=("M01",))
    # Five attendees of one municipality are one respondent: they single it out all the same.
    _evaluated(db, date(2032, 8, 10), [four[0]] * 5, 1)

    q1 = {"van": "2032-01-01", "tot": "2032-03-31", "contactpunt": "bijeenkomsten"}
    shown = await editor.get(FIGURES, params=q1)
    assert shown.status_code == 200, shown.text
    assert shown.json()["antwoorden"] is None
    [group] = _events(shown.json())
    assert group["groep"] == {"code": "NL", "naam": "Nederland"}
    total = group["totaal"]
    assert total["teWeinigAntwoorden"] is False  # type: ignore[index]
    assert (total["aantalGevraagd"], total["gemiddelde"]) == (5, 4.0)  # type: ignore[index]
    assert shown.json()["bijeenkomsten"]["herkomst"]["bron"].startswith("Spoorboek: de score")

    by_province = await editor.get(FIGURES, params={**q1, "groep": "provincie"})
    [province] = _events(by_province.json())
    assert province["groep"]["code"] == five[0].province_code  # type: ignore[index]
    assert province["totaal"]["gemiddelde"] == 4.0  # type: ignore[index]
    by_measure = await editor.get(FIGURES, params={**q1, "groep": "maatregel"})
    assert [g["groep"]["code"] for g in _events(by_measure.json())] == ["M01"]  # type: ignore[index]

    for months in (("2032-04-01", "2032-06-30"), ("2032-07-01", "2032-09-30")):
        q = {"van": months[0], "tot": months[1], "contactpunt": "bijeenkomsten"}
        withheld = await editor.get(FIGURES, params=q)
        [group] = _events(withheld.json())
        total = group["totaal"]
        assert total["teWeinigAntwoorden"] is True, months  # type: ignore[index]
        assert total["gemiddelde"] is None  # type: ignore[index]
        assert total["aantalGevraagd"] is None  # type: ignore[index]

    half = {"van": "2032-01-01", "tot": "2032-06-30", "contactpunt": "bijeenkomsten"}
    csv = await editor.get(FIGURES, params={**half, "formaat": "csv"})
    assert csv.status_code == 200, csv.text
    lines = csv.text.splitlines()
    q1_mean = next(line for line in lines if ";2032-Q1;" in line and ";gemiddelde;" in line)
    q2_mean = next(line for line in lines if ";2032-Q2;" in line and ";gemiddelde;" in line)
    assert q1_mean.startswith("bijeenkomsten;NL;")
    assert q1_mean.endswith(";4.0;")
    assert q2_mean.endswith(";;te weinig antwoorden")


async def test_the_figures_group_meetings_by_organiser_for_admins_only(
    clients: object, db: Session
) -> None:
    editor, admin = clients(), clients()  # type: ignore[operator]
    await login(editor, EDITOR)
    me = int((await login(admin, ADMIN))["gebruiker"]["id"])  # type: ignore[index]
    _evaluated(db, date(2032, 2, 10), _places(db, 5), 5, organiser=me)
    q = {"van": "2032-01-01", "tot": "2032-03-31", "contactpunt": "bijeenkomsten"}
    q["groep"] = "adviseur"
    assert (await editor.get(FIGURES, params=q)).status_code == 403
    [group] = _events((await admin.get(FIGURES, params=q)).json())
    assert group["groep"]["naam"] == "Bea Beheer (demo)"  # type: ignore[index]
    assert group["totaal"]["gemiddelde"] == 5.0  # type: ignore[index]


async def test_a_comment_naming_someone_of_the_meeting_stays_with_its_writer(
    client: httpx.AsyncClient, db: Session, settings: Settings
) -> None:
    held, [token, _] = await _asked(db, settings, "Anna Aanwezig", "Bert Bijwezig")
    naming = "Bert Bijwezig legde het goed uit."
    with clock.fixed_clock(NOW):
        named = await client.put(RATE, json={"token": token, "score": 5, "toelichting": naming})
        assert named.status_code == 200, named.text
        # Its writer sees it: it is hers.
        assert named.json()["toelichting"] == naming
    first = rating_of(db, _only_named(db, held, "Anna Aanwezig"))
    assert first is not None
    assert first.comment == naming
    assert first.comment_cleared is False
    with clock.fixed_clock(NOW):
        plain = await client.put(RATE, json={"token": token, "score": 5, "toelichting": "Nuttig."})
        assert plain.status_code == 200
    first = rating_of(db, _only_named(db, held, "Anna Aanwezig"))
    assert first is not None
    assert first.comment_cleared is True


def _only_named(db: Session, held: Meeting, name: str) -> Registration:
    query = select(Registration).where(Registration.meeting_id == held.id)
    return db.scalars(query.where(Registration.name == name)).one()


async def test_the_job_empties_comments_past_the_retention_period_and_keeps_the_scores(
    db: Session, settings: Settings
) -> None:
    held = meeting(db, ends=NOW - timedelta(days=800))
    await _rated(db, held, [4, 2], {0: "Oud maar nuttig.", 1: "Recent."})
    old, recent = db.scalars(
        select(MeetingRating).where(MeetingRating.meeting_id == held.id).order_by(MeetingRating.id)
    )
    old.changed_at = NOW - timedelta(days=settings.satisfaction_comment_retention_days + 1)
    recent.changed_at = NOW - timedelta(days=settings.satisfaction_comment_retention_days - 1)
    db.flush()
    outcome = run_job(db, settings)
    # The demo's old comments are emptied with this one: a count, in Dutch.
    emptied = re.fullmatch(r".*, (\d+) (toelichtingen?) geleegd", outcome)
    assert emptied is not None, outcome
    assert int(emptied[1]) >= 1
    assert emptied[2] == form(int(emptied[1]), "toelichting", "toelichtingen"), outcome
    db.expire_all()
    assert (old.score, old.comment, old.comment_cleared) == (4, None, False)
    assert (recent.score, recent.comment) == (2, "Recent.")
