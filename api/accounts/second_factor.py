"""TOTP second factor (RFC 6238) with pyotp: enrolment, verification and replay protection."""

import time

import pyotp

from api.accounts.models import User

ISSUER = "Spoorboek"


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def accept_code(user: User, secret: str, code: str, now: float | None = None) -> bool:
    """True for a valid code of this or the neighbouring 30-second step, used only once."""
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return False
    totp = pyotp.TOTP(secret)
    moment = now if now is not None else time.time()
    current = int(moment // totp.interval)
    for step in (current, current - 1, current + 1):
        if pyotp.utils.strings_equal(totp.generate_otp(step), code):
            if user.totp_last_step is not None and step <= user.totp_last_step:
                return False
            user.totp_last_step = step
            return True
    return False
