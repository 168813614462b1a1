"""The bulk endpoint taken once per Idempotency-Key: the key is claimed in the request's own
transaction, so the stored answer is committed with the rows or not at all, and a repeat of
the same request gets that answer instead of a second import."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from api.core import idempotency
from api.core.security import Principal
from api.progress import bulk, policy
from api.progress.rows import ParsedRow


@dataclass(frozen=True)
class Outcome:
    status: int
    answer: dict[str, Any]
    replayed: bool


def import_rows_once(
    session: Session,
    principal: Principal,
    rows: Sequence[ParsedRow],
    key: str | None,
    request: Callable[[], bytes],
    answer: Callable[[bulk.Report], dict[str, Any]],
) -> Outcome:
    """Imports the rows, or replays the answer stored for `key`. `request` gives the request in
    a canonical form (only asked for when there is a key: it costs a pass over the body);
    `answer` shapes the report as it is sent and stored."""
    policy.ensure_may_write_some(principal)
    if key is not None:
        previous = idempotency.claim(
            session,
            idempotency.check_key(key),
            principal.subject,
            idempotency.fingerprint(request()),
        )
        if previous is not None:
            return Outcome(previous.status, previous.response, replayed=True)
    sent = answer(bulk.import_rows(session, principal, rows))
    if key is not None:
        idempotency.store(session, key, principal.subject, 200, sent)
    return Outcome(200, sent, replayed=False)
