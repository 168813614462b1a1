"""Random tokens and secrets, stored only as SHA-256 hashes (they are long and random, so a
slow password hash adds nothing)."""

import hashlib
import hmac
import re
import secrets

# What a client id can look like (new_token's URL-safe alphabet, at most the column's 40
# characters); anything else names no client and is not worth a query (a NUL byte even makes
# PostgreSQL fail).
CLIENT_ID = re.compile(r"[A-Za-z0-9_.-]{1,40}")


def new_token(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
