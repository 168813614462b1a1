"""Password hashing (argon2id) and the password rules."""

import string
from functools import cache
from importlib.resources import files

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 12
MAX_LENGTH = 128

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verifying against this when the account does not exist makes both answers take as long.
    Made on first use, not at import: every command of the CLI would pay for it otherwise."""
    return _hasher.hash("spoorboek-dummy-password-for-timing")


def use_cheap_hashing_in_tests() -> None:
    """Tests only: argon2id at its lowest cost, so the suite's hundreds of logins do not each
    take half a second. Hashes keep their parameters, so a hash made this way is still checked
    correctly by a normal process, and the other way round. Never called by the application."""
    global _hasher
    _hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    _dummy_hash.cache_clear()


# Characters people put around a word to satisfy composition rules: Welkom2026!!
_DECORATION = string.digits + string.punctuation + string.whitespace
# Letters written as digits or symbols: P@ssw0rd. A 1 is tried as an i and as an l.
_LEET = (str.maketrans("0134578@$!|", "oieastbasil"), str.maketrans("0134578@$!|", "oleastbasll"))

LISTED = "Dit wachtwoord staat op een lijst van veelgebruikte of uitgelekte wachtwoorden."
KNOWN_WORD = (
    "Dit wachtwoord is een bekend woord, hooguit met cijfers of tekens ervoor of erachter; "
    "zulke wachtwoorden worden het eerst geraden."
)
ONLY_DIGITS = "Gebruik niet alleen cijfers en tekens: kies bijvoorbeeld een zin van losse woorden."
PREDICTABLE = "Dit wachtwoord is te voorspelbaar."


def _word_list(name: str) -> frozenset[str]:
    text = files("api.accounts").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip())


@cache
def common_passwords() -> frozenset[str]:
    """Common and leaked passwords (see data/README.md for the source and licence)."""
    return _word_list("common_passwords.txt")


@cache
def dutch_words() -> frozenset[str]:
    return _word_list("dutch_words.txt")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        checked = _hasher.verify(password_hash or _dummy_hash(), password)
        return checked and password_hash is not None
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
    problem = _guessable(lowered)
    if problem:
        problems.append(problem)
    local = email.split("@")[0].casefold()
    if len(local) >= 4 and local in lowered:
        problems.append("Het wachtwoord mag uw e-mailadres niet bevatten.")
    if any(len(part) >= 4 and part.casefold() in lowered for part in name.split()):
        problems.append("Het wachtwoord mag uw naam niet bevatten.")
    return problems


def _guessable(lowered: str) -> str | None:
    """Why a lower-cased password is among the first an attacker tries, as NCSC and NIST
    SP 800-63B ask: on a list of common or leaked ones, or a listed word dressed up."""
    if lowered in common_passwords():
        return LISTED
    core = lowered.strip(_DECORATION)
    if not core:
        return ONLY_DIGITS
    cores = {core} | {core.translate(leet).strip(_DECORATION) for leet in _LEET}
    cores |= {lowered.translate(leet).strip(_DECORATION) for leet in _LEET}
    known = common_passwords() | dutch_words()
    if any(candidate in known for candidate in cores):
        return KNOWN_WORD
    if len(set(lowered)) < 5:
        return PREDICTABLE
    return None
