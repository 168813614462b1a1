"""Every kind of problem the API answers with, in one place: each has its own `type` URI
(RFC 9457), which dereferences to its description at /api/v1/probleemtypen/{code}.

A problem's type follows from what the error is, not from where it is raised: an error may name
its type; otherwise its status and title name it (a title is fixed per type), and among the
conflicts, the member that only one kind of conflict carries names it (the status transitions
of products and questions raise the same ConflictError, with `mogelijk`).

The operations document their error answers from here too: `OPERATION_PROBLEMS` lists, per
operation and status, the types it can answer with where they differ from `STATUS_PROBLEMS`."""

from dataclasses import dataclass

PROBLEM_TYPES_PATH = "/api/v1/probleemtypen"


@dataclass(frozen=True)
class ProblemType:
    slug: str
    status: int
    title: str
    description: str
    members: tuple[str, ...] = ()
    """Extension members this type may carry, besides type, title, status, detail, instance."""
    required: tuple[str, ...] = ()
    """The members it always carries."""


MEMBERS: dict[str, str] = {
    "invalidParams": "Alle ongeldige parameters tegelijk, elk met naam, plaats (in), code en "
    "reden.",
    "code": "Machineleesbare reden waar de client op kan reageren: tweede_factor_nodig (log in "
    "met ook de code uit de authenticator-app) of tweede_factor_instellen (stel eerst een "
    "tweede factor in).",
    "error": "De foutcode van OAuth 2.0 (RFC 6749), zoals invalid_client of invalid_scope.",
    "rijFouten": "Elke afgekeurde rij met haar regelnummer en fouten.",
    "onbekendeKolommen": "Kopnamen die het bestand heeft maar die niet bestaan.",
    "dubbeleKolommen": "Kopnamen die meer dan eens voorkomen.",
    "huidigeStatus": "De status van nu.",
    "mogelijk": "De statussen waar het vanaf de huidige status wel heen kan.",
    "goedkeuringen": "Het aantal goedkeuringen dat deze versie heeft.",
    "nodig": "Het aantal goedkeuringen dat publiceren vraagt.",
    "samengevoegdMet": "De vraag waarin deze vraag opging; behandel die.",
    "terugzettingen": "Elke gemeente die een fase terug zou gaan, met haar huidige en de "
    "gemelde fase.",
    "laatsteVolgnummer": "Het volgnummer van de laatste wijziging in de feed.",
    "huidigeVersie": "De versie die nu geldt (ook in de ETag-header).",
    "limiet": "Welke leesgrens het bestand overschreed.",
    "maximum": "De waarde van die grens.",
}


PROBLEM_TYPE_LIST = (
    ProblemType(
        "ongeldige-invoer",
        400,
        "Ongeldige invoer",
        "Een of meer parameters, velden of headers zijn ongeldig. `invalidParams` noemt ze "
        "allemaal tegelijk; er is niets gewijzigd.",
        ("invalidParams",),
        required=("invalidParams",),
    ),
    ProblemType(
        "ongeldig-verzoek",
        400,
        "Ongeldig verzoek",
        "Het verzoek kan niet gelezen worden, bijvoorbeeld een body die niet te ontleden is.",
    ),
    ProblemType(
        "ongeldige-rijen",
        400,
        "Ongeldige rijen",
        "Rijen van een bulkmelding of bestand zijn afgekeurd; `rijFouten` noemt elke rij met "
        "haar fouten. Er is niets gewijzigd.",
        ("rijFouten",),
    ),
    ProblemType(
        "ongeldige-kolommen",
        400,
        "Ongeldige kolommen",
        "De kopregel van het bestand is niet bruikbaar: onbekende of dubbele kolommen, of een "
        "waarde in een kolom zonder kopnaam. Er is niets gewijzigd.",
        ("onbekendeKolommen", "dubbeleKolommen"),
    ),
    ProblemType(
        "token-geweigerd",
        400,
        "Token geweigerd",
        "Het tokenverzoek van een koppeling is geweigerd; `error` geeft de reden volgens "
        "OAuth 2.0 (RFC 6749).",
        ("error",),
        required=("error",),
    ),
    ProblemType(
        "niet-geauthenticeerd",
        401,
        "Niet geauthenticeerd",
        "Niet ingelogd, of het toegangstoken is ongeldig of verlopen. Bij inloggen met een "
        "tweede factor zegt `code` wat er nog nodig is.",
        ("code",),
    ),
    ProblemType(
        "koppeling-niet-geauthenticeerd",
        401,
        "Token geweigerd",
        "De koppeling is onbekend, het geheim klopt niet of ontbreekt; `error` is "
        "invalid_client (RFC 6749).",
        ("error",),
        required=("error",),
    ),
    ProblemType(
        "geen-toegang",
        403,
        "Geen toegang",
        "Ingelogd, maar zonder recht hierop, of de CSRF-header ontbreekt. `code` "
        "tweede_factor_instellen: uw rol vraagt eerst een tweede factor.",
        ("code",),
    ),
    ProblemType("niet-gevonden", 404, "Niet gevonden", "De bron bestaat niet (of is niet van u)."),
    ProblemType(
        "methode-niet-toegestaan",
        405,
        "Methode niet toegestaan",
        "Dit pad kent deze methode niet; de header Allow noemt de methoden die het wel kent.",
    ),
    ProblemType(
        "niet-aanvaardbaar",
        406,
        "Niet aanvaardbaar",
        "De header Accept noemt geen mediatype dat deze bron kan leveren.",
    ),
    ProblemType(
        "conflict",
        409,
        "Conflict",
        "De bron staat dit nu niet toe, bijvoorbeeld omdat iemand anders haar intussen "
        "wijzigde of omdat de Idempotency-Key al gebruikt is. De uitleg staat in `detail`.",
    ),
    ProblemType(
        "statusovergang-niet-toegestaan",
        409,
        "Statusovergang niet toegestaan",
        "Vanuit de huidige status kan deze overgang niet; `mogelijk` noemt de statussen waar "
        "het wel heen kan.",
        ("huidigeStatus", "mogelijk"),
        required=("huidigeStatus", "mogelijk"),
    ),
    ProblemType(
        "goedkeuringen-ontbreken",
        409,
        "Goedkeuringen ontbreken",
        "Publiceren vraagt meer goedkeuringen door gemeentelijke toetsers dan deze versie heeft.",
        ("goedkeuringen", "nodig"),
        required=("goedkeuringen", "nodig"),
    ),
    ProblemType(
        "vraag-samengevoegd",
        409,
        "Vraag samengevoegd",
        "Deze vraag ging op in een andere vraag; behandel die (`samengevoegdMet`).",
        ("samengevoegdMet",),
        required=("samengevoegdMet",),
    ),
    ProblemType(
        "terugzetting-niet-bevestigd",
        409,
        "Terugzetting niet bevestigd",
        "De melding zou gemeenten een fase terugzetten; noem ze in terugzettenBevestigd als "
        "dat de bedoeling is. Er is niets gewijzigd.",
        ("terugzettingen",),
        required=("terugzettingen",),
    ),
    ProblemType(
        "volgnummer-voorbij-feed",
        410,
        "Cursor voorbij de feed",
        "Het volgnummer in `sinds` heeft de feed nooit uitgegeven (bijvoorbeeld na het "
        "terugzetten van een back-up). Synchroniseer opnieuw vanaf 0 of vanaf "
        "`laatsteVolgnummer`.",
        ("laatsteVolgnummer",),
        required=("laatsteVolgnummer",),
    ),
    ProblemType(
        "link-verlopen",
        410,
        "Link verlopen",
        "De link uit de e-mail is verlopen en werkt niet meer. Vraag een nieuwe aan, "
        "bijvoorbeeld door u opnieuw aan te melden; `detail` zegt hoe.",
    ),
    ProblemType(
        "voorwaarde-niet-vervuld",
        412,
        "Voorwaarde niet vervuld",
        "If-Match noemt niet de huidige versie: iemand anders wijzigde de bron intussen. De "
        "huidige versie staat in `huidigeVersie` en in de ETag-header.",
        ("huidigeVersie",),
    ),
    ProblemType(
        "te-groot",
        413,
        "Verzoek te groot",
        "De body is groter dan de API aanneemt.",
    ),
    ProblemType(
        "bestand-te-groot",
        413,
        "Bestand te groot",
        "Het bestand is te groot, of overschrijdt bij het lezen een grens (`limiet`, `maximum`).",
        ("limiet", "maximum"),
    ),
    ProblemType(
        "mediatype-niet-ondersteund",
        415,
        "Mediatype niet ondersteund",
        "Het mediatype van de body (Content-Type) wordt niet aangenomen; stuur application/json.",
    ),
    ProblemType(
        "bestand-niet-leesbaar",
        415,
        "Bestand niet leesbaar",
        "Het bestand is geen leesbaar CSV- of XLSX-bestand.",
    ),
    ProblemType(
        "bestandstype-niet-toegestaan",
        415,
        "Bestandstype niet toegestaan",
        "De inhoud van het bestand is geen toegestaan document- of afbeeldingstype, of het "
        "bestand is leeg.",
    ),
    ProblemType(
        "voorwaarde-vereist",
        428,
        "Voorwaarde vereist",
        "If-Match ontbreekt of is leeg; stuur de ETag die u las.",
    ),
    ProblemType(
        "te-veel-pogingen",
        429,
        "Te veel pogingen",
        "Te veel (mislukte) pogingen; probeer het na Retry-After seconden opnieuw.",
    ),
    ProblemType(
        "interne-fout",
        500,
        "Interne fout",
        "Er ging iets mis aan de kant van de dienst; vermeld het request-id uit `instance` als "
        "u contact opneemt.",
    ),
    ProblemType(
        "dienst-niet-beschikbaar",
        503,
        "Dienst niet beschikbaar",
        "De dienst kan nu geen verzoeken afhandelen, bijvoorbeeld omdat de database niet "
        "bereikbaar is.",
    ),
    ProblemType(
        "database-bezet",
        503,
        "Dienst niet beschikbaar",
        "De database was te druk om op tijd te antwoorden; er is niets gewijzigd. Probeer het "
        "na Retry-After seconden opnieuw.",
    ),
)
PROBLEM_TYPES = {kind.slug: kind for kind in PROBLEM_TYPE_LIST}

# The type of an answer whose title names no registered type (an error raised by the framework).
_BY_STATUS = {
    400: "ongeldig-verzoek",
    401: "niet-geauthenticeerd",
    403: "geen-toegang",
    404: "niet-gevonden",
    405: "methode-niet-toegestaan",
    406: "niet-aanvaardbaar",
    409: "conflict",
    412: "voorwaarde-niet-vervuld",
    413: "te-groot",
    415: "mediatype-niet-ondersteund",
    428: "voorwaarde-vereist",
    429: "te-veel-pogingen",
    500: "interne-fout",
    503: "dienst-niet-beschikbaar",
}

# The first type with a (status, title) names it: database-bezet shares its title with
# dienst-niet-beschikbaar and is named by its error class.
_BY_TITLE: dict[tuple[int, str], ProblemType] = {}
for _type in PROBLEM_TYPES.values():
    _BY_TITLE.setdefault((_type.status, _type.title), _type)


def title_for(status: int) -> str:
    """The title of the general type of a status, for errors the framework raises."""
    slug = _BY_STATUS.get(status)
    return PROBLEM_TYPES[slug].title if slug else "Fout"


def named_type(status: int, title: str) -> ProblemType | None:
    """The type a (status, title) names exactly, or None."""
    return _BY_TITLE.get((status, title))


def resolve(status: int, title: str, slug: str | None = None) -> ProblemType | None:
    """The type of a problem: the one it names, else the one its status and title name, else
    the general type of its status (None for a status without one)."""
    if slug is not None:
        return PROBLEM_TYPES[slug]
    named = named_type(status, title)
    if named is not None:
        return named
    general = _BY_STATUS.get(status)
    return PROBLEM_TYPES[general] if general else None


def type_uri(public_url: str, kind: ProblemType) -> str:
    return f"{public_url.rstrip('/')}{PROBLEM_TYPES_PATH}/{kind.slug}"


# What every operation that documents a status can answer with there (see core/openapi.py).
STATUS_PROBLEMS: dict[str, tuple[str, ...]] = {
    "400": ("ongeldige-invoer", "ongeldig-verzoek"),
    "401": ("niet-geauthenticeerd",),
    "403": ("geen-toegang",),
    "404": ("niet-gevonden",),
    "406": ("niet-aanvaardbaar",),
    "409": ("conflict",),
    "412": ("voorwaarde-niet-vervuld",),
    "413": ("te-groot",),
    "415": ("mediatype-niet-ondersteund",),
    "428": ("voorwaarde-vereist",),
    "429": ("te-veel-pogingen",),
    "500": ("interne-fout",),
    "503": ("database-bezet",),
}

_FILE_UPLOAD: dict[str, tuple[str, ...]] = {
    "413": ("te-groot", "bestand-te-groot"),
    "415": ("mediatype-niet-ondersteund", "bestandstype-niet-toegestaan"),
}
_ROWS: tuple[str, ...] = ("ongeldige-invoer", "ongeldig-verzoek", "ongeldige-rijen")

# Per operation and status, every type it can answer with, where that differs from
# STATUS_PROBLEMS; a status listed here is documented even when the route does not declare it.
OPERATION_PROBLEMS: dict[str, dict[str, tuple[str, ...]]] = {
    "tokenAanvragen": {
        "400": ("ongeldige-invoer", "ongeldig-verzoek", "token-geweigerd"),
        "401": ("koppeling-niet-geauthenticeerd",),
    },
    "productWijzigingenOpvragen": {"410": ("volgnummer-voorbij-feed",)},
    "nieuwsbriefAanmeldingBevestigen": {"410": ("link-verlopen",)},
    "productStatusWijzigen": {
        "409": ("statusovergang-niet-toegestaan", "goedkeuringen-ontbreken", "conflict")
    },
    "productBestandToevoegen": _FILE_UPLOAD,
    "vraagBijlageToevoegen": _FILE_UPLOAD,
    "vraagBeoordelen": {"409": ("vraag-samengevoegd", "conflict")},
    "vraagStatusWijzigen": {
        "409": ("statusovergang-niet-toegestaan", "vraag-samengevoegd", "conflict")
    },
    "vraagSamenvoegen": {"409": ("vraag-samengevoegd", "conflict")},
    "voortgangBulkDoorgeven": {"400": _ROWS},
    "voortgangSamenwerkingsverbandDoorgeven": {
        "400": _ROWS,
        "409": ("terugzetting-niet-bevestigd", "conflict"),
    },
    "voortgangBestandUploaden": {
        "400": (*_ROWS, "ongeldige-kolommen"),
        "413": ("te-groot", "bestand-te-groot"),
        "415": ("mediatype-niet-ondersteund", "bestand-niet-leesbaar"),
    },
    "ictCatalogusImporteren": {
        "400": (*_ROWS, "ongeldige-kolommen"),
        "413": ("te-groot", "bestand-te-groot"),
        "415": ("mediatype-niet-ondersteund", "bestand-niet-leesbaar"),
    },
    "gereedOpvragen": {"503": ("database-bezet", "dienst-niet-beschikbaar")},
}


def operation_problems(operation_id: str, status: str) -> tuple[str, ...]:
    specific = OPERATION_PROBLEMS.get(operation_id, {})
    return specific.get(status) or STATUS_PROBLEMS.get(status, ())
