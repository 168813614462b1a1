"""Mail to askers: receipt, the answer, a changed FAQ entry. Through the outbox, so in
development it lands on the console or in a folder and nothing is sent by accident."""

from datetime import date

from sqlalchemy.orm import Session

from api.core.settings import Settings
from api.mail import service as mail
from api.mail.wording import SIGNATURE
from api.questions import anonymity, repository
from api.questions.models import Question
from api.satisfaction import ratings


def _address(question: Question) -> str | None:
    return None if question.erased_at is not None else question.asker_email


def _greeting(question: Question) -> str:
    return f"Beste {question.asker_name}," if question.asker_name else "Beste vraagsteller,"


def _link(settings: Settings, question: Question) -> str:
    return f"{settings.public_url.rstrip('/')}/mijn-vragen/{question.id}"


def receipt(session: Session, settings: Settings, question: Question, due: date) -> None:
    to = _address(question)
    if to is None:
        return
    mail.send(
        session,
        settings,
        to=to,
        subject=f"Uw vraag is ontvangen: {question.subject}",
        body=(
            f"{_greeting(question)}\n\nWe hebben uw vraag '{question.subject}' ontvangen "
            f"(nummer {question.id}). U krijgt uiterlijk {due:%d-%m-%Y} antwoord."
            f"{SIGNATURE}"
        ),
    )


def _fellow_askers(session: Session, question: Question, askers: list[Question]) -> list[Question]:
    """Everyone else who asked what `question` asked: the main question and its duplicates."""
    group = askers
    if question.merged_into_id is not None and all(a.id != question.merged_into_id for a in askers):
        main = repository.get_question(session, question.merged_into_id)
        group = [main, *main.merged] if main is not None else []
    return [a for a in group if a.id != question.id]


def _answer_body(settings: Settings, question: Question, answer: str, rating: str | None) -> str:
    # Quoting her own question makes the mail complete in itself; someone asked by phone or at
    # a meeting has no account, so a link to the signed-in pages would only lead to a login.
    body = (
        f"{_greeting(question)}\n\nUw vraag '{question.subject}' (nummer {question.id}) is "
        f"beantwoord.\n\nUw vraag:\n{question.text}\n\nOns antwoord:\n{answer}"
    )
    if question.asker_user_id is not None:
        body += (
            f"\n\nU vindt uw vraag en het antwoord ook in Spoorboek: {_link(settings, question)}"
        )
    if rating is not None:
        body += ratings.mail_text(settings, rating)
    return body + SIGNATURE


def answered(
    session: Session,
    settings: Settings,
    askers: list[Question],
    answer: str,
    answered_by: int | None,
) -> int:
    """Sends the answer to everyone who asked (merged duplicates included); returns how many.

    Each mail quotes only its recipient's own question, and the answer leaves out the names
    and addresses of the other askers: it was written to the main question's asker, and a
    merged duplicate's asker must not learn who else asked. Each asker rates the answer for
    herself, through her own question's rating and its links in her mail."""
    sent = 0
    for question in askers:
        rating = ratings.open_for_answer(session, settings, question, answered_by)
        to = _address(question)
        if to is None:
            continue
        others = _fellow_askers(session, question, askers)
        text = anonymity.without_people(
            answer,
            names=[a.asker_name for a in others if a.asker_name],
            emails=[a.asker_email for a in others if a.asker_email],
        )
        mail.send(
            session,
            settings,
            to=to,
            subject=f"Antwoord op uw vraag: {question.subject}",
            body=_answer_body(settings, question, text, rating),
        )
        sent += 1
    return sent


def faq_changed(
    session: Session, settings: Settings, askers: list[Question], faq_id: int, note: str
) -> int:
    sent = 0
    for to in dict.fromkeys(a for a in (_address(q) for q in askers) if a is not None):
        mail.send(
            session,
            settings,
            to=to,
            subject="Een antwoord op uw vraag is bijgewerkt",
            body=(
                "Beste vraagsteller,\n\nHet openbare antwoord dat uit uw vraag is voortgekomen, "
                f"is bijgewerkt: {note}\n\nLees het hier: "
                f"{settings.public_url.rstrip('/')}/faq/{faq_id}{SIGNATURE}"
            ),
        )
        sent += 1
    return sent
