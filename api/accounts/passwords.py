"""Password hashing (argon2id) and the password rules."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 12
MAX_LENGTH = 128

_hasher = PasswordHasher()
# Verifying against this when the account does not exist makes both answers take as long.
_DUMMY_HASH = _hasher.hash("spoorboek-dummy-password-for-timing")

_COMMON = frozenset(
    {
        "welkom123456",
        "wachtwoord123",
        "wachtwoord1234",
        "password1234",
        "123456789012",
        "qwertyuiop12",
        "spoorboek2026",
        "participatiewet",
        "gemeente12345",
    }
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def password_problems(password: str, *, email: str = "", name: str = "") -> list[str]:
    """Every rule the password breaks, in Dutch; empty when it is acceptable."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Gebruik minstens {MIN_LENGTH} tekens.")
    if len(password) > MAX_LENGTH:
        problems.append(f"Gebruik hoogstens {MAX_LENGTH} tekens.")
    lowered = password.casefold()
    if lowered in _COMMON or len(set(password)) < 5:
        problems.append("Dit wachtwoord is te voorspelbaar.")
    local = email.split("@")[0].casefold()
    if len(local) >= 4 and local in lowered:
        problems.append("Het wachtwoord mag uw e-mailadres niet bevatten.")
    if any(len(part) >= 4 and part.casefold() in lowered for part in name.split()):
        problems.append("Het wachtwoord mag uw naam niet bevatten.")
    return problems
