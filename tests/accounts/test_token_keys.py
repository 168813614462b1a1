"""The signing key is parsed once, not for every token it signs or checks."""

from datetime import timedelta

import pytest

from api.core import tokens

pytestmark = pytest.mark.engine_neutral


def test_issuing_and_verifying_tokens_parses_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    key = tokens.generate_signing_key()
    parsed: list[object] = []
    real_construct = tokens.jwk.construct

    def counting_construct(*args: object, **kwargs: object) -> object:
        parsed.append(args)
        return real_construct(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tokens.jwk, "construct", counting_construct)
    for n in range(3):
        token, _ = tokens.issue(
            key,
            subject=f"u:{n}",
            issuer="spoorboek",
            audience="spoorboek-api",
            lifetime=timedelta(minutes=5),
            claims={},
        )
        claims = tokens.verify(token, key, issuer="spoorboek", audience="spoorboek-api")
        assert claims["sub"] == f"u:{n}"
    assert parsed == []


def test_a_token_signed_with_another_key_is_refused() -> None:
    ours, theirs = tokens.generate_signing_key(), tokens.generate_signing_key()
    token, _ = tokens.issue(
        theirs,
        subject="u:1",
        issuer="spoorboek",
        audience="spoorboek-api",
        lifetime=timedelta(minutes=5),
        claims={},
    )
    with pytest.raises(tokens.InvalidTokenError):
        tokens.verify(token, ours, issuer="spoorboek", audience="spoorboek-api")
