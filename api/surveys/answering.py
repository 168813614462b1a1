"""Answering the survey: from the mail's link without logging in (the token names one
invitation and nothing else), or logged in under Mijn peilingen. One set of answers per
invitation, which may be changed while the round is open and not after.

Every question of the round is checked at once, so one 400 lists every field to fix: a scale
question needs a whole number from 1 to 5, an open answer is optional, at most
OPEN_ANSWER_LENGTH characters and without control characters."""

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from api.accounts.secrets import hash_token
from api.core import clock
from api.core.errors import ConflictError, NotFoundError
from api.core.security import Principal
from api.core.text import unsafe_character_reason
from api.core.validation import InvalidParams
from api.questions import anonymity
from api.surveys import repository
from api.surveys.models import (
    AnswerKind,
    Invitation,
    RoundStatus,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRound,
)
from api.surveys.policy import require_contact

OPEN_ANSWER_LENGTH = 2000
INVALID_LINK = "Deze link naar de peiling is ongeldig of vervangen door een nieuwere."
# new_token's alphabet and length; anything else names no invitation and is not worth a query.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")


@dataclass(frozen=True)
class Form:
    round_: SurveyRound
    invitation: Invitation
    questions: list[SurveyQuestion]
    answers: dict[int, SurveyAnswer]
    municipality_name: str

    @property
    def changeable(self) -> bool:
        return is_open(self.round_)


def is_open(round_: SurveyRound) -> bool:
    return round_.status == RoundStatus.OPEN and clock.today() <= round_.closes_on


def _by_token(session: Session, token: str) -> Invitation:
    invitation = None
    if _TOKEN.fullmatch(token):
        invitation = repository.invitation_by_hash(session, hash_token(token))
    if invitation is None:
        raise NotFoundError(INVALID_LINK)
    return invitation


def _mine(session: Session, principal: Principal, round_id: int) -> Invitation:
    user_id = require_contact(principal)
    invitation = repository.invitation_of(session, round_id, user_id)
    round_ = repository.round_(session, round_id)
    if invitation is None or round_ is None or round_.status == RoundStatus.DRAFT:
        raise NotFoundError(f"U bent niet uitgenodigd voor peilingronde {round_id}.")
    return invitation


def _form(session: Session, invitation: Invitation) -> Form:
    round_ = repository.round_one(session, invitation.round_id)
    municipality = repository.municipalities(session, [invitation.municipality_code])
    return Form(
        round_,
        invitation,
        repository.round_questions(session, round_.id),
        {a.question_id: a for a in repository.answers_of(session, invitation.id)},
        municipality[invitation.municipality_code].name,
    )


def form_by_token(session: Session, token: str) -> Form:
    return _form(session, _by_token(session, token))


def my_form(session: Session, principal: Principal, round_id: int) -> Form:
    return _form(session, _mine(session, principal, round_id))


def my_rounds(session: Session, principal: Principal) -> list[tuple[SurveyRound, Invitation]]:
    user_id = require_contact(principal)
    return [(r, i) for i, r in repository.invitations_of_user(session, user_id)]


@dataclass(frozen=True)
class Given:
    question: int
    score: int | None
    text: str | None


def _check(questions: list[SurveyQuestion], given: list[Given]) -> dict[int, Given]:
    invalid = InvalidParams()
    by_id = {q.id: q for q in questions}
    accepted: dict[int, Given] = {}
    for index, answer in enumerate(given):
        question = by_id.get(answer.question)
        if question is None:
            invalid.add(
                f"antwoorden.{index}.vraag",
                "unknown_value",
                "Deze vraag hoort niet bij deze peiling.",
                "body",
            )
            continue
        name = f"vraag-{question.id}"
        if question.id in accepted:
            invalid.add(name, "duplicate", "Deze vraag is twee keer beantwoord.", "body")
            continue
        accepted[question.id] = answer
        if question.kind == AnswerKind.SCALE:
            if answer.text is not None:
                invalid.add(name, "not_allowed", "Geef hier een cijfer, geen tekst.", "body")
            if answer.score is not None and not 1 <= answer.score <= 5:
                invalid.add(name, "out_of_range", "Kies een cijfer van 1 tot en met 5.", "body")
            continue
        if answer.score is not None:
            invalid.add(name, "not_allowed", "Geef bij deze vraag tekst, geen cijfer.", "body")
        text = answer.text or ""
        if len(text) > OPEN_ANSWER_LENGTH:
            invalid.add(
                name,
                "string_too_long",
                f"Gebruik hoogstens {OPEN_ANSWER_LENGTH} tekens (nu {len(text)}).",
                "body",
            )
        reason = unsafe_character_reason(text)
        if reason is not None:
            invalid.add(name, "ongeldig_teken", reason, "body")
    for question in questions:
        found = accepted.get(question.id)
        if question.kind == AnswerKind.SCALE and (found is None or found.score is None):
            invalid.add(
                f"vraag-{question.id}", "missing", "Kies een cijfer van 1 tot en met 5.", "body"
            )
    invalid.raise_if_any()
    return accepted


def passes_check(text: str, names: list[str], places: list[str]) -> bool:
    """The FAQ's personal-data check finds nothing: no e-mail address or telephone number, no
    name after a salutation, none of `names` (people) and `places` (municipalities)."""
    return not anonymity.findings(text, names, places)


def _cleared(session: Session, invitation: Invitation, text: str) -> bool:
    """Shown team-wide only when the check finds neither the respondent's own name nor her
    municipality's, nor anything else personal."""
    names = []
    if invitation.user_id is not None:
        person = repository.users(session, [invitation.user_id]).get(invitation.user_id)
        names = [person.name] if person else []
    places = repository.municipalities(session, [invitation.municipality_code])
    return passes_check(text, names, [m.name for m in places.values()])


def _save(session: Session, invitation: Invitation, given: list[Given], now: datetime) -> Form:
    locked = repository.lock_invitation(session, invitation.id) or invitation
    round_ = repository.round_one(session, locked.round_id)
    if not is_open(round_):
        raise ConflictError("Deze peiling is gesloten; de antwoorden kunnen niet meer veranderen.")
    questions = repository.round_questions(session, round_.id)
    accepted = _check(questions, given)
    existing = {a.question_id: a for a in repository.answers_of(session, locked.id)}
    for question in questions:
        answer = accepted.get(question.id)
        text = (answer.text or "").strip() if answer else ""
        row = existing.get(question.id)
        if answer is None or (question.kind == AnswerKind.OPEN and not text):
            if row is not None:
                session.delete(row)
            continue
        if row is None:
            row = SurveyAnswer(invitation_id=locked.id, question_id=question.id)
            session.add(row)
        if question.kind == AnswerKind.SCALE:
            row.score, row.text, row.text_cleared = answer.score, None, False
        else:
            row.score, row.text = None, text
            row.text_cleared = _cleared(session, locked, text)
    locked.answered_at = now
    session.flush()
    return _form(session, locked)


def save_by_token(session: Session, token: str, given: list[Given]) -> Form:
    return _save(session, _by_token(session, token), given, clock.now())


def save_mine(session: Session, principal: Principal, round_id: int, given: list[Given]) -> Form:
    return _save(session, _mine(session, principal, round_id), given, clock.now())
