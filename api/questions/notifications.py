"""Mail to askers: receipt, the answer, a changed FAQ entry. Through the outbox, so in
development it lands on the console or in a folder and nothing is sent by accident."""

from datetime import date

from sqlalchemy.orm import Session

from api.core.settings import Settings
from api.mail import service as mail
from api.questions.models import Question

SIGNATURE = "\n\nMet vriendelijke groet,\nHet implementatieteam Participatiewet in balans"


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


def answered(session: Session, settings: Settings, askers: list[Question], answer: str) -> int:
    """Sends the answer to everyone who asked (merged duplicates included); returns how many."""
    sent = 0
    for question in askers:
        to = _address(question)
        if to is None:
            continue
        mail.send(
            session,
            settings,
            to=to,
            subject=f"Antwoord op uw vraag: {question.subject}",
            body=(
                f"{_greeting(question)}\n\nUw vraag '{question.subject}' (nummer {question.id}) "
                f"is beantwoord:\n\n{answer}\n\nU vindt het antwoord ook in Spoorboek: "
                f"{_link(settings, question)}{SIGNATURE}"
            ),
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
