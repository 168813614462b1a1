"""Two demo rounds of the periodic survey: last half-year's, closed, and this half-year's, open
and still coming in. Deterministic (fixed random seed), dates relative to the day the demo is
loaded, open texts invented and free of personal data (one of them names someone, to show
that such a text is kept from the team-wide view).

Most demo municipalities have no demo account: their invitations stand for contacts whose
accounts are not in the demo (no person linked, as after an erasure), so the figures have a
realistic number of respondents. The demo contacts of Utrecht and ISD Bollenstreek are invited
to both rounds and answered only the closed one, so they find the open round under Mijn
peilingen."""

import random
import secrets
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User
from api.accounts.secrets import hash_token
from api.core import clock
from api.municipalities.models import Municipality
from api.seed.demo_accounts import DEMO_USERS
from api.surveys import answering
from api.surveys.models import (
    AnswerKind,
    Invitation,
    RoundQuestion,
    RoundStatus,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRound,
)

ROUNDS = 2
INVITED_SHARE = 0.55
"""Municipalities with a contact who is invited (the others have no contact yet)."""
ANSWERED_SHARE = {RoundStatus.CLOSED: 0.62, RoundStatus.OPEN: 0.38}
OPEN_TEXT_SHARE = 0.35
OPEN_TEXTS = (
    "Meer voorbeelden uit andere gemeenten bij de handreikingen zou helpen.",
    "De webinars zijn nuttig, maar graag ook een opname voor wie niet kon.",
    "Antwoorden op onze vragen komen snel; soms mist de onderbouwing met wetsartikelen.",
    "Een overzicht per fase van wat wanneer af moet zijn, op één pagina.",
    "Modelverordeningen eerder delen, zodat de raad op tijd kan besluiten.",
    "De routekaart helpt ons team om prioriteiten te stellen.",
    "Graag meer aandacht voor de gevolgen voor klantmanagers in de praktijk.",
    "Bijeenkomsten in de regio in plaats van alleen online.",
    "Soms is niet duidelijk welke versie van een product de nieuwste is.",
    "Mevrouw De Boer van het programma heeft ons heel goed geholpen.",
)
# A tilt per province, so the grouped figures differ a little as real ones would.
TILT = (-0.4, -0.2, 0.0, 0.1, 0.3)


def _period(day: date) -> str:
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=UTC)


def _score(rng: random.Random, tilt: float) -> int:
    return max(1, min(5, round(rng.gauss(3.6 + tilt, 0.9))))


def load_demo_surveys(
    session: Session, on_row: Callable[[], None], today: date | None = None
) -> tuple[int, int]:
    if session.scalar(select(SurveyRound.id).where(SurveyRound.is_demo.is_(True)).limit(1)):
        return 0, ROUNDS
    today = today or clock.today()
    rng = random.Random(2026_16)
    asked = list(
        session.scalars(
            select(SurveyQuestion)
            .where(SurveyQuestion.active.is_(True))
            .order_by(SurveyQuestion.position, SurveyQuestion.id)
        )
    )
    if not asked:
        return 0, 0
    municipalities = list(session.scalars(select(Municipality).order_by(Municipality.code)))
    provinces = sorted({m.province_code for m in municipalities})
    tilt = {code: TILT[i % len(TILT)] for i, code in enumerate(provinces)}
    invited = [m for m in municipalities if rng.random() < INVITED_SHARE]
    emails = [u.email for u in DEMO_USERS if u.municipalities]
    people = session.scalars(
        select(User).where(User.email.in_(emails)).options(selectinload(User.municipalities))
    )
    # As a real round does: one invitation each, under the first of her municipalities.
    contacts = {min(m.code for m in u.municipalities): u for u in people if u.municipalities}
    half_year_ago = today - timedelta(days=182)
    plans = (
        (
            half_year_ago - timedelta(days=20),
            half_year_ago + timedelta(days=10),
            RoundStatus.CLOSED,
        ),
        (today - timedelta(days=10), today + timedelta(days=21), RoundStatus.OPEN),
    )
    for opens_on, closes_on, status in plans:
        period = _period(opens_on if status == RoundStatus.CLOSED else today)
        round_ = SurveyRound(
            title=f"Tevredenheidspeiling {period}",
            period=period,
            opens_on=opens_on,
            closes_on=closes_on,
            remind_after_days=7,
            status=status,
            sent_at=_moment(opens_on, rng),
            is_demo=True,
        )
        session.add(round_)
        session.flush()
        for position, question in enumerate(asked, start=1):
            session.add(
                RoundQuestion(round_id=round_.id, question_id=question.id, position=position)
            )
        last_day = min(closes_on, today)
        for municipality in [m for m in municipalities if m in invited or m.code in contacts]:
            person = contacts.get(municipality.code)
            invitation = Invitation(
                round_id=round_.id,
                user_id=person.id if person else None,
                municipality_code=municipality.code,
                # Nobody holds the link of a demo invitation; the demo contacts answer logged in.
                token_hash=hash_token(secrets.token_urlsafe(32)),
                invited_at=round_.sent_at,
            )
            session.add(invitation)
            answers = rng.random() < ANSWERED_SHARE[status]
            if person is not None:
                answers = status == RoundStatus.CLOSED
            if answers:
                days = max(0, (last_day - opens_on).days)
                invitation.answered_at = _moment(opens_on + timedelta(rng.randint(0, days)), rng)
                if rng.random() < 0.4 and days > 7:
                    invitation.reminded_at = _moment(opens_on + timedelta(days=7), rng)
                session.flush()
                _answer(session, rng, invitation, asked, tilt[municipality.province_code])
            on_row()
        session.flush()
    return ROUNDS, 0


def _answer(
    session: Session,
    rng: random.Random,
    invitation: Invitation,
    asked: list[SurveyQuestion],
    tilt: float,
) -> None:
    for question in asked:
        if question.kind == AnswerKind.SCALE:
            session.add(
                SurveyAnswer(
                    invitation_id=invitation.id,
                    question_id=question.id,
                    score=_score(rng, tilt),
                )
            )
        elif rng.random() < OPEN_TEXT_SHARE:
            text = rng.choice(OPEN_TEXTS)
            session.add(
                SurveyAnswer(
                    invitation_id=invitation.id,
                    question_id=question.id,
                    text=text,
                    text_cleared=answering.passes_check(text, [], []),
                )
            )
