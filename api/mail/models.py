"""The outbox: every message is stored before it is delivered, so none is lost silently."""

from datetime import datetime

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.core.orm import Base, UTCDateTime, utcnow


class OutboxMessage(Base):
    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    """An HTML alternative to the plain text, for mail that has one."""
    headers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict, server_default="{}")
    """Extra headers, e.g. List-Unsubscribe (RFC 8058)."""
    attachments: Mapped[list[dict[str, str]]] = mapped_column(
        JSON, default=list, server_default="[]"
    )
    """Files sent with it, each `{"filename", "content_type", "content"}` (text, e.g. an .ics)."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
