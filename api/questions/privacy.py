"""An asker's rights: a copy of their data, and erasure on request (AVG articles 15 and 17).

Erasure empties the asker's name, address and organisation, the question's text, subject and
answer, what the advisor asked experts and what they answered, the comments she gave with her
ratings of answers (the scores stay), and removes its attachments; what remains (channel,
measures, dates, status) keeps the figures right. FAQ entries are separate, anonymised texts
and stay as they are."""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit import service as audit
from api.core.errors import ForbiddenError
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.mail import service as mail
from api.meetings import registrations as meeting_registrations
from api.products.models import ProductFile
from api.proposals import privacy as proposal_privacy
from api.questions import repository, similarity
from api.questions.models import Question, QuestionAttachment, QuestionEvent, QuestionNote
from api.questions.policy import require_asker_or_team, require_team
from api.questions.workflow import record
from api.satisfaction import ratings
from api.surveys import privacy as survey_privacy

ERASED = "[gewist op verzoek van de vraagsteller]"


def export_for(
    session: Session, principal: Principal, email: str | None
) -> tuple[str, list[Question]]:
    """The team may export anyone's questions; a contact only their own."""
    require_asker_or_team(principal)
    if principal.is_programme_team and email:
        return email, repository.questions_of_asker(session, email)
    if principal.is_programme_team:
        invalid = InvalidParams()
        invalid.add("email", "required", "Wiens gegevens? Geef het e-mailadres op.")
        invalid.raise_if_any()
    user = repository.user(session, principal.user_id or 0)
    own = user.email if user else ""
    if email and email.casefold() != own.casefold():
        raise ForbiddenError("U kunt alleen uw eigen gegevens opvragen.")
    return own, repository.questions_of_asker(session, own)


def _unused_blobs(session: Session, hashes: set[str]) -> set[str]:
    if not hashes:
        return set()
    # Content-addressed: the same file may also belong to another question or to a product.
    attached = select(QuestionAttachment.sha256).where(QuestionAttachment.sha256.in_(hashes))
    in_products = select(ProductFile.sha256).where(ProductFile.sha256.in_(hashes))
    still = set(session.scalars(attached)) | set(session.scalars(in_products))
    return hashes - still


def erase(
    session: Session, ctx: RequestContext, principal: Principal, email: str
) -> tuple[int, int, set[str]]:
    """Returns the number of questions erased, of FAQ entries kept, and blobs now unused."""
    require_team(principal, "Gegevens wissen")
    questions = [q for q in repository.questions_of_asker(session, email) if q.erased_at is None]
    hashes: set[str] = set()
    now = datetime.now(UTC)
    put_to_experts = repository.expert_requests_of(session, [q.id for q in questions])
    for q in questions:
        hashes |= {a.sha256 for a in q.attachments}
        q.attachments.clear()
        q.asker_name = q.asker_email = q.asker_organisation = None
        q.asker_user_id = None
        q.subject = ERASED[:200]
        q.text = ERASED
        if q.answer is not None:
            q.answer = ERASED
        q.erased_at = now
        for note in session.scalars(select(QuestionNote).where(QuestionNote.question_id == q.id)):
            note.text = ERASED
        # The advisor may have quoted the asker to the experts, and they her in their answer.
        for request in put_to_experts.get(q.id, []):
            request.note = ERASED if request.note is not None else None
            request.answer = ERASED if request.answer is not None else None
        # Reasons and file names in the history may name the asker too.
        for event in session.scalars(
            select(QuestionEvent).where(QuestionEvent.question_id == q.id)
        ):
            event.details = {}
        similarity.remove(session, "vraag", q.id)
        record(session, q, "gewist", principal.subject)
    # A score says nothing about her; what she wrote beside it may.
    ratings.forget_asker(session, [q.id for q in questions])
    # Her survey answers stay counted under her municipality, no longer linked to her account,
    # and without what she wrote in her own words.
    survey_privacy.erase_person(session, email)
    # Who sent an improvement proposal goes too; the proposal, about a product, stays.
    proposal_privacy.erase_person(session, email)
    # Her places at meetings stay counted, under her municipality, without her name.
    meeting_registrations.erase_person(session, email)
    mail.forget_recipient(session, email)
    session.flush()
    faq_kept = len({q.faq_id for q in questions if q.faq_id is not None})
    # The audit log names no one: the address is what was erased.
    audit.record(
        session,
        ctx,
        "vragen.persoonsgegevens-gewist",
        actor=principal.subject,
        details={"vragen": [q.id for q in questions]},
    )
    return len(questions), faq_kept, _unused_blobs(session, hashes)
