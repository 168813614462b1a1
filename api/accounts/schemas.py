"""Public shapes of sessions, accounts, machine clients (koppelingen) and contact persons."""

from datetime import datetime

from pydantic import ConfigDict, Field

from api.accounts.models import ClientSecret, MachineClient, User
from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, CodeName, RequestModel
from api.core.security import ClientKind, Role, Scope

EMAIL_PATTERN = r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}$"


class LoginRequest(RequestModel):
    email: str = Field(max_length=254, pattern=EMAIL_PATTERN, examples=["naam@gemeente.nl"])
    wachtwoord: str = Field(min_length=1, max_length=256)
    code: str | None = Field(
        default=None, pattern=r"^\d{6}$", description="Code uit de authenticator-app (TOTP)."
    )


class UserRead(ApiModel):
    id: int
    email: str
    naam: str
    rollen: list[Role]
    gemeenten: list[CodeName]
    organisatie: CodeName | None
    actief: bool
    tweede_factor: bool = Field(description="Of de tweede factor (TOTP) aan staat.")
    wachtwoord_ingesteld: bool = Field(description="Of de uitnodiging is aanvaard.")
    laatst_ingelogd_op: datetime | None
    aangemaakt_op: datetime
    demo: bool

    @classmethod
    def of(cls, user: User) -> "UserRead":
        return cls(
            id=user.id,
            email=user.email,
            naam=user.name,
            rollen=sorted(user.roles),
            gemeenten=[CodeName(code=m.code, naam=m.name) for m in user.municipalities],
            organisatie=(
                CodeName(code=user.organisation.code, naam=user.organisation.name)
                if user.organisation
                else None
            ),
            actief=user.is_active,
            tweede_factor=user.totp_enabled,
            wachtwoord_ingesteld=user.password_hash is not None,
            laatst_ingelogd_op=user.last_login_at,
            aangemaakt_op=user.created_at,
            demo=user.is_demo,
        )


class SessionRead(ApiModel):
    gebruiker: UserRead
    verloopt_op: datetime = Field(description="Wanneer het toegangstoken verloopt.")
    sessie_verloopt_op: datetime = Field(description="Wanneer opnieuw inloggen nodig is.")
    csrf_token: str = Field(description="Stuur mee in de header X-CSRF-Token bij wijzigingen.")
    tweede_factor_instellen: bool = Field(
        description="Uw rol vraagt een tweede factor die nog niet is ingesteld."
    )


class CurrentSessionRead(ApiModel):
    gebruiker: UserRead
    tweede_factor_instellen: bool


class TokenResponse(ApiModel):
    """Antwoord volgens OAuth 2.0 (RFC 6749, par. 5.1); de veldnamen volgen die standaard."""

    model_config = ConfigDict(alias_generator=None)

    access_token: str
    token_type: str = "Bearer"  # noqa: S105 - the OAuth token type, not a secret
    expires_in: int
    scope: str


class UserCreate(RequestModel):
    email: str = Field(max_length=254, pattern=EMAIL_PATTERN)
    naam: str = Field(min_length=1, max_length=200)
    rollen: list[Role] = Field(min_length=1)
    gemeenten: list[str] = Field(default_factory=list, max_length=400)
    organisatie: str | None = Field(default=None, max_length=60)


class UserUpdate(RequestModel):
    naam: str | None = Field(default=None, min_length=1, max_length=200)
    rollen: list[Role] | None = Field(default=None, min_length=1)
    gemeenten: list[str] | None = Field(default=None, max_length=400)
    organisatie: str | None = Field(default=None, max_length=60)
    actief: bool | None = None


class UserPage(ApiModel):
    resultaten: list[UserRead]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class MyAccountUpdate(RequestModel):
    naam: str = Field(min_length=1, max_length=200)


class PasswordChange(RequestModel):
    huidig_wachtwoord: str = Field(min_length=1, max_length=256)
    nieuw_wachtwoord: str = Field(min_length=1, max_length=256)


class SecondFactorStarted(ApiModel):
    geheim: str = Field(description="Het TOTP-geheim (base32), voor handmatig invoeren.")
    otpauth_uri: str = Field(description="Voor een QR-code in de authenticator-app.")


class SecondFactorChange(RequestModel):
    actief: bool
    code: str = Field(pattern=r"^\d{6}$")


class ResetRequest(RequestModel):
    email: str = Field(max_length=254, pattern=EMAIL_PATTERN)


class PasswordWithLink(RequestModel):
    token: str = Field(min_length=10, max_length=200)
    wachtwoord: str = Field(min_length=1, max_length=256)


class ClientSecretRead(ApiModel):
    id: int
    hint: str = Field(description="De laatste vier tekens van het geheim.")
    aangemaakt_op: datetime
    verloopt_op: datetime | None
    ingetrokken_op: datetime | None

    @classmethod
    def of(cls, secret: ClientSecret) -> "ClientSecretRead":
        return cls(
            id=secret.id,
            hint=secret.hint,
            aangemaakt_op=secret.created_at,
            verloopt_op=secret.expires_at,
            ingetrokken_op=secret.revoked_at,
        )


class ClientRead(ApiModel):
    client_id: str
    naam: str
    soort: ClientKind
    scopes: list[Scope]
    gemeenten: list[CodeName]
    organisatie: str | None
    actief: bool
    demo: bool
    aangemaakt_op: datetime
    geheimen: list[ClientSecretRead]

    @classmethod
    def of(cls, client: MachineClient) -> "ClientRead":
        return cls(
            client_id=client.client_id,
            naam=client.name,
            soort=client.kind,
            scopes=[Scope(s) for s in client.scopes],
            gemeenten=[CodeName(code=m.code, naam=m.name) for m in client.municipalities],
            organisatie=client.organisation_code,
            actief=client.is_active,
            demo=client.is_demo,
            aangemaakt_op=client.created_at,
            geheimen=[ClientSecretRead.of(s) for s in client.secrets],
        )


class ClientPage(ApiModel):
    resultaten: list[ClientRead]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class ClientWithSecret(ApiModel):
    koppeling: ClientRead
    client_secret: str = Field(description="Wordt maar één keer getoond; bewaar het veilig.")


class ClientCreate(RequestModel):
    naam: str = Field(min_length=1, max_length=200)
    soort: ClientKind
    scopes: list[Scope] = Field(min_length=1)
    gemeenten: list[str] = Field(default_factory=list, max_length=400)
    organisatie: str | None = Field(default=None, max_length=60)


class ClientUpdate(RequestModel):
    actief: bool


class SecretRotation(RequestModel):
    overlap_uren: int = Field(
        default=0, ge=0, le=72, description="Uren dat het oude geheim nog werkt (0 = meteen weg)."
    )


class ContactRead(ApiModel):
    naam: str
    email: str
    organisatie: str | None


class ContactList(ApiModel):
    resultaten: list[ContactRead]


class PersonRead(ApiModel):
    """A person as the directory shows her: enough to pick the right one, nothing more."""

    id: int
    naam: str
    organisatie: CodeName | None
    gemeenten: list[CodeName]
    rollen: list[Role]

    @classmethod
    def of(cls, user: User) -> "PersonRead":
        full = UserRead.of(user)
        return cls(
            id=full.id,
            naam=full.naam,
            organisatie=full.organisatie,
            gemeenten=full.gemeenten,
            rollen=full.rollen,
        )


class PersonPage(ApiModel):
    resultaten: list[PersonRead]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")
