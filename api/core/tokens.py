"""Signed access tokens (JWT, RS256). The only module that touches the JWT library, so it can be
replaced in one place. Decoding always names the one accepted algorithm: a token signed with
another algorithm (none, HS256 with the public key as secret, ...) is rejected."""

import re
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import JWTError, jwk, jwt
from jose.backends.base import Key
from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr, ValidationError

ALGORITHM = "RS256"
_KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


class InvalidTokenError(Exception):
    """The token is malformed, forged, expired, or meant for someone else."""


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_pem: str
    public_pem: str
    # Parsed once: given a PEM, the JWT library parses (and checks) the RSA key on every token,
    # which cost most of the time of a login.
    signer: Key = field(init=False, repr=False, compare=False)
    verifier: Key = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "signer", jwk.construct(self.private_pem, ALGORITHM))
        object.__setattr__(self, "verifier", jwk.construct(self.public_pem, ALGORITHM))


def generate_signing_key() -> SigningKey:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return signing_key_from_pem(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode(),
        kid=uuid.uuid4().hex[:16],
    )


def signing_key_from_pem(private_pem: str, kid: str) -> SigningKey:
    private = serialization.load_pem_private_key(private_pem.encode(), password=None)
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return SigningKey(kid=kid, private_pem=private_pem, public_pem=public_pem.decode())


def issue(
    key: SigningKey,
    *,
    subject: str,
    issuer: str,
    audience: str,
    lifetime: timedelta,
    claims: dict[str, Any],
    now: datetime | None = None,
) -> tuple[str, datetime]:
    issued = now or datetime.now(UTC)
    expires = issued + lifetime
    payload = {
        **claims,
        "sub": subject,
        "iss": issuer,
        "aud": audience,
        "iat": int(issued.timestamp()),
        "nbf": int(issued.timestamp()),
        "exp": int(expires.timestamp()),
        "jti": secrets.token_urlsafe(12),
    }
    token = jwt.encode(payload, key.signer, algorithm=ALGORITHM, headers={"kid": key.kid})
    return token, expires


def key_id_of(token: str) -> str:
    """The `kid` header, read before verification to pick the key to verify with."""
    try:
        kid = jwt.get_unverified_header(token).get("kid")
    except JWTError as exc:
        raise InvalidTokenError(str(exc)) from exc
    # The key id is looked up in the database before the signature is checked: keep it to the
    # shape of the ids this module makes.
    if not isinstance(kid, str) or not _KEY_ID.fullmatch(kid):
        raise InvalidTokenError("no valid key id")
    return kid


class _RegisteredClaims(BaseModel):
    """The claims every token must carry, with the types RFC 7519 gives them: the JWT library
    checks their values but lets some wrong types through (a float `exp`) or fails on them with
    a TypeError (a list)."""

    model_config = ConfigDict(strict=True, extra="allow")

    sub: StrictStr
    iss: StrictStr
    aud: StrictStr | list[StrictStr]
    exp: StrictInt
    iat: StrictInt
    nbf: StrictInt | None = None
    jti: StrictStr | None = None


def verify(token: str, key: SigningKey, *, issuer: str, audience: str) -> dict[str, Any]:
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") != ALGORITHM:
            raise InvalidTokenError("unexpected algorithm")
        claims: dict[str, Any] = jwt.decode(
            token,
            key.verifier,
            algorithms=[ALGORITHM],
            audience=audience,
            issuer=issuer,
            options={
                "require_exp": True,
                "require_sub": True,
                "require_iat": True,
                # The library accepts a token without these unless told to require them.
                "require_aud": True,
                "require_iss": True,
            },
        )
        _RegisteredClaims.model_validate(claims)
    except (JWTError, ValidationError) as exc:
        raise InvalidTokenError(str(exc)) from exc
    except (TypeError, ValueError) as exc:  # the library on claims of an unexpected type
        raise InvalidTokenError("malformed claims") from exc
    return claims
