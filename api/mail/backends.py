"""Where mail goes: the console or a folder in development, an SMTP server in production."""

import logging
import smtplib
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from api.core.settings import Settings

logger = logging.getLogger("spoorboek.mail")


class MailBackend(Protocol):
    def send(self, message: EmailMessage) -> None: ...


class ConsoleBackend:
    def send(self, message: EmailMessage) -> None:
        logger.info(
            "mail (console)",
            extra={
                "to": message["To"],
                "subject": message["Subject"],
                # The plain-text part: what a person reads, and all a mail without HTML has.
                "body": (message.get_body(("plain",)) or message).get_content(),
                "attachments": [part.get_filename() for part in message.iter_attachments()],
            },
        )


class FileBackend:
    """Writes each message as an .eml file that any mail program can open."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{message['Message-ID'].strip('<>').split('@')[0]}.eml"
        (self.folder / name).write_bytes(bytes(message))


class SmtpBackend:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def send(self, message: EmailMessage) -> None:
        s = self.settings
        with smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=20) as smtp:
            if s.smtp_starttls:
                smtp.starttls()
            if s.smtp_username and s.smtp_password:
                smtp.login(s.smtp_username, s.smtp_password.get_secret_value())
            smtp.send_message(message)


def backend_for(settings: Settings) -> MailBackend:
    if settings.mail_backend == "file":
        return FileBackend(Path(settings.mail_file_dir))
    if settings.mail_backend == "smtp":
        return SmtpBackend(settings)
    return ConsoleBackend()
