"""Filing a question (a municipal contact for themselves, an editor for a caller or mailer) and
its attachments."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from api.core import uploads
from api.core.errors import ConflictError, NotFoundError
from api.core.security import Principal
from api.core.settings import Settings
from api.core.storage import Storage
from api.core.validation import InvalidParams
from api.questions import notifications, repository, service_levels, similarity
from api.questions.models import Channel, Question, QuestionAttachment
from api.questions.policy import ensure_can_read, require_asker_or_team
from api.questions.references import resolve_measures, resolve_theme
from api.questions.workflow import record

MAX_ATTACHMENTS = 10
ATTACHMENT_TYPES = {**uploads.DOCUMENT_TYPES, **uploads.IMAGE_TYPES}


@dataclass(frozen=True)
class Asker:
    name: str
    email: str | None
    organisation: str | None


@dataclass(frozen=True)
class Intake:
    subject: str
    text: str
    channel: Channel | None
    measures: list[str]
    theme: str | None
    municipality: str | None
    asker: Asker | None
    received_at: datetime | None


def _own_asker(
    session: Session,
    principal: Principal,
    invalid: InvalidParams,
    intake: Intake,
    own_channel: Channel,
) -> Asker:
    if intake.asker is not None:
        invalid.add("vragensteller", "not_allowed", "U stelt de vraag zelf; laat dit weg.", "body")
    if intake.received_at is not None:
        invalid.add("ontvangenOp", "not_allowed", "Alleen de redactie legt dit vast.", "body")
    if intake.channel not in (None, own_channel):
        invalid.add("kanaal", "not_allowed", "Een eigen vraag komt via het webformulier.", "body")
    user = repository.user(session, principal.user_id or 0)
    if user is None:  # pragma: no cover - the principal was just loaded from this user
        raise NotFoundError("Uw account bestaat niet meer.")
    organisation = repository.organisation(session, user.organisation_code or "")
    return Asker(user.name, user.email, organisation.name if organisation else None)


def _municipality(
    session: Session, principal: Principal, invalid: InvalidParams, code: str | None
) -> str | None:
    if principal.is_programme_team:
        if code is not None and repository.municipality(session, code) is None:
            invalid.add("gemeente", "unknown_value", f"Gemeente '{code}' bestaat niet.", "body")
            return None
        return code
    if code is None:
        if len(principal.municipalities) == 1:
            return next(iter(principal.municipalities))
        invalid.add("gemeente", "required", "Voor welke gemeente stelt u de vraag?", "body")
        return None
    if not principal.may_act_for(code):
        invalid.add("gemeente", "not_allowed", f"U vraagt niet namens {code}.", "body")
        return None
    return code


def file_question(
    session: Session,
    settings: Settings,
    principal: Principal,
    intake: Intake,
    *,
    own_channel: Channel = Channel.WEB_FORM,
) -> Question:
    """`own_channel` is how a contact's own question came in: the web form, or the booking of
    a consultation hour's slot (the meetings domain), which a contact cannot claim herself."""
    require_asker_or_team(principal)
    invalid = InvalidParams()
    now = datetime.now(UTC)
    if principal.is_programme_team:
        if intake.channel is None:
            invalid.add("kanaal", "required", "Hoe kwam de vraag binnen?", "body")
        if intake.asker is None:
            invalid.add("vragensteller", "required", "Wie stelde de vraag?", "body")
        if intake.received_at is not None and intake.received_at > now:
            invalid.add("ontvangenOp", "in_future", "Dat moment ligt in de toekomst.", "body")
        asker = intake.asker
        asker_user_id = None
    else:
        asker = _own_asker(session, principal, invalid, intake, own_channel)
        asker_user_id = principal.user_id
    measures = resolve_measures(session, invalid, intake.measures)
    theme = resolve_theme(session, invalid, intake.theme)
    municipality = _municipality(session, principal, invalid, intake.municipality)
    invalid.raise_if_any()
    received = intake.received_at or now
    question = Question(
        channel=intake.channel or own_channel,
        subject=intake.subject.strip(),
        text=intake.text.strip(),
        theme_code=theme,
        asker_user_id=asker_user_id,
        asker_name=asker.name.strip() if asker else None,
        asker_email=asker.email if asker else None,
        asker_organisation=asker.organisation if asker else None,
        municipality_code=municipality,
        filed_by=principal.user_id,
        received_at=received,
        due_date=service_levels.answer_due(settings, received),
        measures=measures,
        attachments=[],
        merged=[],
    )
    session.add(question)
    session.flush()
    record(session, question, "ingediend", principal.subject, details={"kanaal": question.channel})
    similarity.index(session, "vraag", question.id, question.subject, question.text)
    notifications.receipt(session, settings, question, question.due_date)
    session.flush()
    return question


def add_attachment(
    session: Session,
    settings: Settings,
    storage: Storage,
    principal: Principal,
    question_id: int,
    name: str,
    data: bytes,
) -> QuestionAttachment:
    question = repository.get_question(session, question_id, for_update=True)
    if question is None:
        raise NotFoundError(f"Vraag {question_id} bestaat niet.")
    ensure_can_read(principal, question)
    if question.erased_at is not None:
        raise ConflictError("De gegevens van deze vraag zijn gewist.")
    if len(question.attachments) >= MAX_ATTACHMENTS:
        raise ConflictError(f"Een vraag heeft hoogstens {MAX_ATTACHMENTS} bijlagen.")
    checked = uploads.check(settings, name, data, ATTACHMENT_TYPES)
    attachment = QuestionAttachment(
        name=checked.name,
        media_type=checked.media_type,
        size=checked.size,
        sha256=storage.put(data),
        uploaded_by=principal.user_id,
    )
    question.attachments.append(attachment)
    record(session, question, "bijlage", principal.subject, details={"naam": checked.name})
    session.flush()
    return attachment


def attachment_content(
    session: Session, storage: Storage, principal: Principal, question_id: int, attachment_id: int
) -> tuple[QuestionAttachment, Iterator[bytes]]:
    question = repository.get_question(session, question_id)
    if question is None:
        raise NotFoundError(f"Vraag {question_id} bestaat niet.")
    ensure_can_read(principal, question)
    for attachment in question.attachments:
        if attachment.id == attachment_id:
            return attachment, storage.read(attachment.sha256)
    raise NotFoundError(f"Bijlage {attachment_id} bestaat niet.")
