"""Gap-tolerant counters handed out in commit order.

An autoincrement column can commit out of order (transaction A takes 10, B takes 11 and commits
first), and a reader that saw 11 would miss 10 for ever. Incrementing one counter row with an
UPDATE holds its row lock until commit, so the next writer waits and numbers become visible in
order. That serialises writers of one feed, which is fine at this scale."""

from sqlalchemy import BigInteger, String, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from api.core.orm import Base


class SequenceCounter(Base):
    __tablename__ = "sequence_counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


def next_value(session: Session, name: str) -> int:
    # On the connection, not the session: no autoflush, so a flush listener may take a number.
    result = (
        session.connection()
        .execute(
            update(SequenceCounter)
            .where(SequenceCounter.name == name)
            .values(value=SequenceCounter.value + 1)
            .returning(SequenceCounter.value)
        )
        .scalar()
    )
    if result is not None:
        return int(result)
    try:
        with session.begin_nested():
            session.add(SequenceCounter(name=name, value=0))
    except IntegrityError:  # pragma: no cover - another writer created it first
        pass
    return next_value(session, name)
