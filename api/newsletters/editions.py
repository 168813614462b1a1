"""The editions: an editor drafts one from what happened since the previous one, changes it
(If-Match), previews it, mails it to herself and plans it; the sending job takes
it from there. Sent editions are public: the archive and its Atom feed.

Only the programme team (editors and admins) reaches a draft; the public sees sent editions
only."""

from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy.orm import Session

from api.accounts import people
from api.accounts.principal import require_person
from api.audit.service import record
from api.core import clock, data_versions
from api.core.atom import new_feed
from api.core.conditional import check_version
from api.core.data_versions import Reader
from api.core.errors import ConflictError, NotFoundError
from api.core.pagination import PageParams
from api.core.requests import RequestContext
from api.core.security import Principal, require_programme_team
from api.core.settings import Settings
from api.core.text import without_unsafe_characters
from api.core.validation import InvalidParams
from api.mail import service as mail
from api.newsletters import drafting, links, repository_editions, sending
from api.newsletters.edition_schemas import (
    ArchiveEdition,
    ArchiveSummary,
    EditionDetail,
    EditionSummary,
    EditionUpdate,
    Preview,
    Sending,
)
from api.newsletters.models import Edition as Edition
from api.newsletters.models import EditionStatus
from api.newsletters.rendering import render_mail, render_web, sections_for

ACTION = "De nieuwsbrief samenstellen"
FIRST_PERIOD = timedelta(days=30)
"""What the very first edition covers."""
FURTHEST = timedelta(days=366)
"""A moment further ahead is a typo, not a plan."""
EDITABLE = (EditionStatus.DRAFT, EditionStatus.SCHEDULED)

FEED_PATH = "/nieuwsbrief/archief/feed"
FEED_SIZE = 50
# An empty feed still says when it was updated (Atom requires it): a fixed moment keeps its
# bytes, and so its ETag, the same in every worker.
EMPTY_UPDATED = datetime(2026, 1, 1, tzinfo=UTC)

Form = Literal["web", "mail", "tekst"]


# --- the editors --------------------------------------------------------------------------


def _load(session: Session, principal: Principal, edition_id: int, *, lock: bool) -> Edition:
    require_programme_team(principal, ACTION)
    edition = repository_editions.get(session, edition_id, for_update=lock)
    if edition is None:
        raise NotFoundError(f"Editie {edition_id} bestaat niet.")
    return edition


def _editable(edition: Edition) -> None:
    if edition.status not in EDITABLE:
        raise ConflictError(
            f"Editie {edition.id} wordt verzonden of is verzonden en verandert niet meer."
        )


def _changed(edition: Edition) -> None:
    edition.version += 1
    edition.updated_at = clock.now()


def find(session: Session, principal: Principal, page: PageParams) -> tuple[list[Edition], int]:
    require_programme_team(principal, ACTION)
    return repository_editions.page(session, page)


def get(session: Session, principal: Principal, edition_id: int) -> Edition:
    return _load(session, principal, edition_id, lock=False)


def create(session: Session, principal: Principal, settings: Settings, title: str) -> Edition:
    """A draft filled with what happened since the previous edition was sent."""
    require_programme_team(principal, ACTION)
    now = clock.now()
    since = repository_editions.last_sent_at(session) or now - FIRST_PERIOD
    return repository_editions.add(
        session,
        Edition(
            title=title,
            introduction="",
            sections=drafting.draft_sections(session, links.absolute(settings, ""), since),
            status=EditionStatus.DRAFT,
            covers_from=since,
            created_by=principal.user_id,
            created_at=now,
            updated_at=now,
            version=1,
        ),
    )


def update(
    session: Session,
    principal: Principal,
    edition_id: int,
    if_match: str | None,
    changes: EditionUpdate,
) -> Edition:
    edition = _load(session, principal, edition_id, lock=True)
    check_version(if_match, edition.version, required=True)
    _editable(edition)
    if changes.titel is not None:
        edition.title = changes.titel
    if changes.inleiding is not None:
        edition.introduction = changes.inleiding
    if changes.secties is not None:
        _check_about(session, changes)
        edition.sections = [section.model_dump() for section in changes.secties]
    _changed(edition)
    return edition


def _check_about(session: Session, changes: EditionUpdate) -> None:
    """Every measure, theme and wave a section or item names exists: a typo would silently
    keep a part from the subscribers who chose it."""
    names = drafting.known(session)
    invalid = InvalidParams()
    for number, section in enumerate(changes.secties or []):
        for where, part in [(f"secties[{number}]", section)] + [
            (f"secties[{number}].items[{i}]", item) for i, item in enumerate(section.items)
        ]:
            unknown = [
                *(c for c in part.maatregelen if c not in names.measures),
                *(c for c in part.themas if c not in names.themes),
                *(str(w) for w in part.golven if w not in names.waves),
            ]
            if unknown:
                invalid.add(where, "unknown_value", f"Bestaat niet: {', '.join(unknown)}.", "body")
    invalid.raise_if_any()


def _audit(
    session: Session, ctx: RequestContext | None, principal: Principal, event: str, edition: Edition
) -> None:
    """Who planned a mail to every subscriber, or took it back, stays on record."""
    record(
        session,
        ctx,
        f"nieuwsbrief.editie.{event}",
        actor=principal.subject,
        subject=f"nieuwsbrief-editie:{edition.id}",
        details={
            "verzendenOp": edition.scheduled_for.isoformat() if edition.scheduled_for else None
        },
    )


def schedule(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    edition_id: int,
    if_match: str | None,
    at: datetime,
) -> Edition:
    edition = _load(session, principal, edition_id, lock=True)
    check_version(if_match, edition.version, required=False)
    _editable(edition)
    now = clock.now()
    invalid = InvalidParams()
    if at.tzinfo is None:
        invalid.add("verzendenOp", "no_timezone", "Geef een tijdzone mee.", "body")
    elif at < now - timedelta(minutes=1):
        invalid.add("verzendenOp", "in_past", "Mag niet in het verleden liggen.", "body")
    elif at > now + FURTHEST:
        invalid.add("verzendenOp", "too_far", "Ligt meer dan een jaar vooruit.", "body")
    invalid.raise_if_any()
    edition.status = EditionStatus.SCHEDULED
    edition.scheduled_for = at.astimezone(UTC)
    _changed(edition)
    _audit(session, ctx, principal, "ingepland", edition)
    return edition


def withdraw(
    session: Session,
    ctx: RequestContext | None,
    principal: Principal,
    edition_id: int,
    if_match: str | None,
) -> Edition:
    """Back to a draft; once the job has started sending, that can no longer be stopped."""
    edition = _load(session, principal, edition_id, lock=True)
    check_version(if_match, edition.version, required=False)
    if edition.status is not EditionStatus.SCHEDULED:
        raise ConflictError(f"Editie {edition.id} is niet ingepland.")
    edition.status = EditionStatus.DRAFT
    edition.scheduled_for = None
    _changed(edition)
    _audit(session, ctx, principal, "ingetrokken", edition)
    return edition


def preview(
    session: Session, principal: Principal, settings: Settings, edition_id: int, form: Form
) -> Preview:
    edition = get(session, principal, edition_id)
    sections = sections_for(edition, None)
    if form == "web":
        html = render_web(edition, sections)
        return Preview(vorm=form, onderwerp=edition.title, html=html, tekst=None)
    rendered = render_mail(edition, sections, links.mail_links(settings, edition.id, None))
    if form == "mail":
        return Preview(vorm=form, onderwerp=rendered.subject, html=rendered.html, tekst=None)
    return Preview(vorm=form, onderwerp=rendered.subject, html=None, tekst=rendered.text)


def test_mail(session: Session, principal: Principal, settings: Settings, edition_id: int) -> str:
    """The edition as every subscriber of everything gets it, to the editor herself only."""
    edition = get(session, principal, edition_id)
    user_id = require_person(principal)
    found = people.active_people(session, [user_id])
    if not found:
        raise NotFoundError("Uw account is niet (meer) actief.")
    address = found[0].email
    rendered = render_mail(
        edition, sections_for(edition, None), links.mail_links(settings, edition.id, None)
    )
    mail.send(
        session,
        settings,
        to=address,
        subject=f"[Test] {rendered.subject}",
        body=rendered.text,
        html=rendered.html,
        headers=rendered.headers,
    )
    return address


def _sending(session: Session, edition: Edition) -> Sending | None:
    if edition.status in EDITABLE:
        return None
    counts = sending.delivery_counts(session, edition.id)
    return Sending(
        ontvangers=counts.recipients,
        verzonden=counts.sent,
        zonder_mail=counts.nothing_for,
        nog_te_verzenden=counts.waiting,
        onbestelbaar=counts.bounced,
    )


def detail(session: Session, edition: Edition) -> EditionDetail:
    return EditionDetail.model_validate(
        {
            **summary(edition).model_dump(),
            "inleiding": edition.introduction or "",
            "secties": edition.sections or [],
            "versie": edition.version,
            "aangemaakt_op": edition.created_at,
            "verzending": _sending(session, edition),
        }
    )


def summary(edition: Edition) -> EditionSummary:
    return EditionSummary(
        id=edition.id,
        titel=edition.title,
        status=edition.status.value,
        periode_vanaf=edition.covers_from,
        verzenden_op=edition.scheduled_for,
        verzonden_op=edition.sent_at,
        gewijzigd_op=edition.updated_at,
    )


# --- the public archive -------------------------------------------------------------------


def archive_key(reader: Reader) -> str:
    """What the archive and its feed depend on: the editions (a write to any of them raises
    the counter, a sent edition among them)."""
    return data_versions.key(reader, data_versions.NEWSLETTERS)


def _sent_at(edition: Edition) -> datetime:
    return edition.sent_at or edition.updated_at


def archive_summary(settings: Settings, edition: Edition) -> ArchiveSummary:
    return ArchiveSummary(
        id=edition.id,
        titel=edition.title,
        verzonden_op=_sent_at(edition),
        link=links.archive_url(settings, edition.id),
    )


def archive_page(session: Session, page: PageParams) -> tuple[list[Edition], int]:
    return repository_editions.sent_page(session, page)


def archived(session: Session, edition_id: int) -> Edition:
    """A sent edition; any other is not in the archive (404), whether it exists or not."""
    edition = repository_editions.sent(session, edition_id)
    if edition is None:
        raise NotFoundError(f"Editie {edition_id} staat niet in het archief.")
    return edition


def archive_edition(settings: Settings, edition: Edition) -> ArchiveEdition:
    return ArchiveEdition(
        **archive_summary(settings, edition).model_dump(),
        periode_vanaf=edition.covers_from,
        html=render_web(edition, sections_for(edition, None)),
    )


def archive_feed(session: Session, settings: Settings) -> bytes:
    base = links.absolute(settings, "")
    editions = repository_editions.newest_sent(session, FEED_SIZE)
    feed = new_feed(
        base,
        FEED_PATH,
        title="Spoorboek: de nieuwsbrief",
        subtitle="De verzonden edities van de nieuwsbrief over de implementatie van "
        "Participatiewet in balans, spoor 1",
        page=links.ARCHIVE_PAGE,
        updated=max((_sent_at(e) for e in editions), default=EMPTY_UPDATED),
    )
    for edition in editions:
        entry = feed.add_entry(order="append")
        entry.id(f"{base}/api/v1/nieuwsbrief/archief/{edition.id}")
        entry.title(without_unsafe_characters(edition.title))
        entry.link(href=links.archive_url(settings, edition.id))
        entry.published(_sent_at(edition))
        entry.updated(_sent_at(edition))
        html = render_web(edition, sections_for(edition, None))
        entry.content(without_unsafe_characters(html), type="html")
    return feed.atom_str(pretty=True)  # type: ignore[no-any-return]
