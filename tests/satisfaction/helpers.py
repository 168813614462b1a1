"""Answering questions and reading the rating links from the answer mail, for the rating tests."""

import re
from email.message import EmailMessage
from pathlib import Path

from tests.auth import mails

LINK = re.compile(r"/antwoord-beoordelen\?token=([A-Za-z0-9_-]+)&score=([1-5])")
RATING = "/api/v1/antwoordbeoordeling"


def answer_mails(outbox: Path, address: str) -> list[EmailMessage]:
    return [m for m in mails(outbox) if m["To"] == address and m["Subject"].startswith("Antwoord")]


def rating_links(message: EmailMessage) -> list[tuple[str, int]]:
    return [(token, int(score)) for token, score in LINK.findall(message.get_content())]


def token_in(message: EmailMessage) -> str:
    """The one token of a mail: its five links differ only in the score."""
    links = rating_links(message)
    assert [score for _, score in links] == [1, 2, 3, 4, 5], message.get_content()
    tokens = {token for token, _ in links}
    assert len(tokens) == 1
    return tokens.pop()


def latest_token(outbox: Path, address: str) -> str:
    return token_in(answer_mails(outbox, address)[-1])
