"""TOTP second factor (RFC 6238) with pyotp: enrolment, verification and replay protection."""

import time

import pyotp
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from api.accounts import repository
from api.accounts.models import User

ISSUER = "Spoorboek"


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def accept_code(session: Session, user: User, code: str, now: float | None = None) -> bool:
    """True for a valid code of this or the neighbouring 30-second step, accepted only once:
    the step is claimed in the database, so a replay, even a parallel one, is refused."""
    step = _matching_step(user.totp_secret or "", code, now)
    if step is None or not repository.claim_totp_step(session, user.id, step):
        return False
    set_committed_value(user, "totp_last_step", step)
    return True


def _matching_step(secret: str, code: str, now: float | None) -> int | None:
    code = code.strip().replace(" ", "")
    if not (secret and code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    moment = now if now is not None else time.time()
    current = int(moment // totp.interval)
    for step in (current, current - 1, current + 1):
        if pyotp.utils.strings_equal(totp.generate_otp(step), code):
            return step
    return None
