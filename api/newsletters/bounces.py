"""Bounces, as far as the outbox sees them.

Detected: the receiving SMTP server refused the subscriber's address outright while we
delivered (a 5xx reply to RCPT TO, which smtplib raises as SMTPRecipientsRefused and the outbox
keeps as the message's `last_error`): "no such user", "mailbox disabled". The delivery gets
`bounced_at` and the server's code and reply as `bounce_reason`.

Not detected: a refusal with a 4xx code (temporary; the outbox tries again), any other failure
(our mail server unreachable, refused log-in, refused sender: about our side, not her address),
and every bounce that comes later as a mail, once a server had accepted the message (most
bounces on the internet): no bounce mailbox is read. The subscriber's own status is left as it
is; what to do about an address that bounces is the editors' call."""

import re
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from api.mail.service import MAX_AGE
from api.newsletters import repository_deliveries as deliveries

# str(SMTPRecipientsRefused): its dict of address to (code, reply), e.g.
# {'a@example.org': (550, b'5.1.1 User unknown')}
_REFUSED = re.compile(r"""^\{(['"]).*?\1: \((5\d\d), (.*)\)\}$""", re.DOTALL)

LOOK_BACK = MAX_AGE + timedelta(days=1)
"""The outbox gives mail up after MAX_AGE; mail of editions sent before that has no error
left to learn from."""


def permanent_refusal(last_error: str) -> str | None:
    """The bounce reason (code and reply) when the outbox's error is a permanent refusal of
    the address, else None."""
    match = _REFUSED.match(last_error)
    if match is None:
        return None
    reply = match.group(3).removeprefix("b").strip("'\"")
    return f"{match.group(2)} {reply}".strip()[:500]


def record_bounces(session: Session, now: datetime) -> int:
    """Marks the deliveries whose mail was refused for good; returns how many. The caller
    commits."""
    marked = 0
    for delivery, error in deliveries.undelivered_mail(session, now - LOOK_BACK):
        reason = permanent_refusal(error)
        if reason is None:
            continue
        delivery.bounced_at = now
        delivery.bounce_reason = reason
        marked += 1
    return marked
