"""The evaluation of a meeting: how useful the attendees found it, through the satisfaction
machinery (api/satisfaction/scoring.py), as the answers are rated.

The day after a meeting ends, everyone who was there (attendance `aanwezig`) gets one mail with
a link per score: a single-purpose token, stored hashed, that names her own evaluation of this
meeting and nothing else. The page the link opens records the score with a PUT, so a mail
scanner changes nothing. The score may change until `changeable_until` (the mail plus
`SPOORBOEK_RATING_DAYS`). Her comment reaches the team only when the personal-data check finds
nothing in it, and only where enough attendees answered (the minimum group size)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from sqlalchemy.orm import Session

from api.core import clock
from api.core.errors import NotFoundError
from api.core.security import Principal
from api.core.settings import Settings
from api.mail import service as mail
from api.meetings import policy
from api.meetings import repository_ratings as repository
from api.meetings.models import Meeting, MeetingRating, Registration
from api.satisfaction import figures_guard as guard
from api.satisfaction import scoring

RATING_PATH = "/bijeenkomst-beoordelen"
QUESTION = "Hoe nuttig was deze bijeenkomst?"
WHAT = "deze bijeenkomst"


@dataclass(frozen=True)
class RatingView:
    """An attendee's own evaluation, as her link shows it (her comment included)."""

    rating: MeetingRating
    meeting: Meeting
    changeable: bool


@dataclass(frozen=True)
class Evaluation:
    """One meeting's evaluation as the team sees it."""

    meeting: Meeting
    asked: int
    rated: int
    shown: bool
    """Enough attendees answered for the scores and comments to be shown."""
    scores: list[int]
    comments: list[str]
    """The comments that passed the personal-data check (none when not shown)."""
    comments_withheld: int
    """Comments left out because the check found something in them."""


def _unknown_link() -> NotFoundError:
    return NotFoundError(
        "Deze beoordelingslink bestaat niet (meer). Kopieer de hele link uit de e-mail."
    )


def rating_link(settings: Settings, token: str, score: int) -> str:
    """The token travels in the fragment, which browsers never send: it stays out of every
    server's and proxy's log."""
    return f"{settings.public_url.rstrip('/')}{RATING_PATH}#token={token}&score={score}"


def mail_text(settings: Settings, registration: Registration, meeting: Meeting, token: str) -> str:
    link: Callable[[int], str] = partial(rating_link, settings, token)
    return (
        f"Beste {registration.name},\n\n"
        f"U was op {clock.dutch_date(meeting.starts_at):%d-%m-%Y} bij de bijeenkomst "
        f"'{meeting.title}'. "
        "Dank voor uw komst! Wij horen graag wat u eraan had.\n\n"
        f"{scoring.ask(QUESTION, link, settings.rating_days)}\n\n"
        "Het programmateam ziet uw score alleen samen met die van andere deelnemers, en een "
        "toelichting alleen als er geen persoonsgegevens in staan.\n\n"
        "Met vriendelijke groet,\nHet programmateam Participatiewet in balans"
    )


def _subject(meeting: Meeting) -> str:
    prefix = "Hoe nuttig was de bijeenkomst '"
    return f"{prefix}{meeting.title[: 200 - len(prefix) - 2]}'?"


def ask_attendees(
    session: Session, settings: Settings, now: datetime, commit: Callable[[], None]
) -> int:
    """Asks everyone who was at a meeting that ended for her evaluation, once: a rating with a
    token and a mail each; returns how many were asked. Meetings that ended longer ago than
    the window are left alone: an evaluation asked weeks later says little, and a first run
    on old data would mail a year of attendees at once. Commits per meeting, so a run that
    stops resumes where it was."""
    asked = 0
    since = now - timedelta(days=settings.rating_days)
    for meeting in repository.ended_between(session, since, now):
        if not repository.unasked_attendees(session, meeting.id):
            continue  # the figures' version stays as it is
        # Writers of scores queue on the figures' counter: a second run waits here and then
        # finds these attendees asked.
        scoring.will_write(session)
        for registration in repository.unasked_attendees(session, meeting.id):
            rating = MeetingRating(
                registration_id=registration.id,
                meeting_id=meeting.id,
                comment_cleared=False,
                is_demo=registration.is_demo,
            )
            token = scoring.issue(rating, settings.rating_days)
            session.add(rating)
            session.flush()
            mail.send(
                session,
                settings,
                to=registration.email,
                subject=_subject(meeting),
                body=mail_text(settings, registration, meeting, token),
            )
            asked += 1
        commit()
    return asked


def _by_token(session: Session, token: str, *, for_update: bool = False) -> MeetingRating:
    if for_update:
        scoring.will_write(session)
    rating = repository.by_token_hash(session, scoring.hashed(token), for_update=for_update)
    if rating is None:
        raise _unknown_link()
    return rating


def _view(session: Session, rating: MeetingRating) -> RatingView:
    meeting = repository.meeting(session, rating.meeting_id)
    if meeting is None:  # the rating goes with its meeting (ON DELETE CASCADE)
        raise _unknown_link()
    return RatingView(rating=rating, meeting=meeting, changeable=scoring.changeable(rating))


def by_token(session: Session, token: str) -> RatingView:
    return _view(session, _by_token(session, token))


def _cleared(session: Session, meeting: Meeting, comment: str) -> bool:
    names, places = repository.names_around(session, meeting)
    return scoring.cleared(comment, names, places)


def rate_by_token(session: Session, token: str, score: int, comment: str | None) -> RatingView:
    """Records or changes the score of the one evaluation the token names."""
    rating = _by_token(session, token, for_update=True)
    view = _view(session, rating)
    check = partial(_cleared, session, view.meeting)
    if scoring.record(rating, score, comment, what=WHAT, check=check):
        session.flush()
    return view


def evaluation(session: Session, principal: Principal, meeting_id: int, minimum: int) -> Evaluation:
    """For the team and the meeting's organiser. The scores and the comments are shown only
    when at least `minimum` attendees answered (the satisfaction figures' guard): of a handful
    the team would know whose they are. Comments carry no score and come in alphabetical
    order, so none can be matched to a score or to the order of the attendance list."""
    meeting = repository.meeting(session, meeting_id)
    if meeting is None:
        raise policy.not_found(meeting_id)
    policy.require_manager(principal, meeting, "De evaluatie van een bijeenkomst bekijken")
    ratings = repository.of_meeting(session, meeting_id)
    rated = [r for r in ratings if r.score is not None]
    members = [(n, None, True) for n in range(len(rated))]
    shown = guard.shown(members, minimum).total if rated else False
    comments = [r for r in rated if r.comment is not None]
    return Evaluation(
        meeting=meeting,
        asked=len(ratings),
        rated=len(rated),
        shown=shown,
        scores=[r.score for r in rated if r.score is not None] if shown else [],
        comments=sorted(r.comment for r in comments if r.comment_cleared and r.comment)
        if shown
        else [],
        comments_withheld=sum(1 for r in comments if not r.comment_cleared) if shown else 0,
    )


def forget_attendee(session: Session, registration_ids: list[int]) -> None:
    """Erasure: her comments go and her links stop working (a new token nobody holds, its
    window closed); her scores stay, counted as any other."""
    if not registration_ids:
        return
    scoring.will_write(session)
    for rating in repository.of_registrations(session, registration_ids):
        rating.comment = None
        rating.comment_cleared = False
        scoring.issue(rating, days=0)


def expire_comments(session: Session, settings: Settings, now: datetime) -> int:
    """Empties the comments older than the retention period; the scores stay."""
    cutoff = now - timedelta(days=settings.satisfaction_comment_retention_days)
    return repository.clear_comments_written_before(session, cutoff)
