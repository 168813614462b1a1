"""Idempotency keys, kept in the database so that a retry reaching another worker is still
recognised: the first request with a key runs and its answer is stored; a repeat with the same
key and the same body gets that answer again; the same key with another body is refused."""

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from api.core.errors import ConflictError, InvalidInputError
from api.core.orm import Base, UTCDateTime, utcnow


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    subject: Mapped[str] = mapped_column(String(80), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[int] = mapped_column(Integer, default=0)
    """0 while the first request runs."""
    response: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def fingerprint(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def check_key(key: str) -> str:
    if not 8 <= len(key) <= 100 or not key.isprintable():
        raise InvalidInputError(
            "Ongeldige Idempotency-Key.",
            [
                {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "code": "invalid",
                    "reason": "8 tot 100 tekens.",
                }
            ],
        )
    return key


def claim(session: Session, key: str, subject: str, request_hash: str) -> IdempotencyRecord | None:
    """None when this request is the first with the key (go ahead); the stored record when it
    is a repeat (answer with it). A key reused for another request is a 409."""
    existing = session.get(IdempotencyRecord, (key, subject))
    if existing is None:
        try:
            with session.begin_nested():
                session.add(IdempotencyRecord(key=key, subject=subject, request_hash=request_hash))
            return None
        except IntegrityError:
            # A parallel request took the key; on PostgreSQL this waited for it to commit.
            existing = session.scalars(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.key == key, IdempotencyRecord.subject == subject
                )
            ).one()
    if existing.request_hash != request_hash:
        raise ConflictError("Deze Idempotency-Key is al gebruikt voor een ander verzoek.")
    if existing.status == 0:
        raise ConflictError("Een verzoek met deze Idempotency-Key wordt nog verwerkt.")
    return existing


def store(session: Session, key: str, subject: str, status: int, response: dict[str, Any]) -> None:
    record = session.get_one(IdempotencyRecord, (key, subject))
    record.status = status
    record.response = response
