"""Public shapes of the persoonlijk overzicht: a contact's choice, and what her next digest
would hold."""

from datetime import date, datetime

from pydantic import Field

from api.core.schemas import ApiModel, CodeName, OptionalDate, RequestModel
from api.digests.compose import Section
from api.digests.models import DigestFrequency
from api.digests.rendering import period_text
from api.digests.service import Preference, Preview
from api.progress.deadlines import TrafficLight

FREQUENCY = (
    "nooit: geen overzicht (zo staat het tot u kiest); wekelijks: elke maandag; maandelijks: "
    "op de 1e van de maand."
)


class DigestPreferenceRead(ApiModel):
    frequentie: DigestFrequency = Field(description=FREQUENCY)
    volgende_verzending: OptionalDate = Field(
        description="De dag van het volgende overzicht ('s ochtends); leeg bij nooit."
    )

    @classmethod
    def of(cls, found: Preference) -> "DigestPreferenceRead":
        return cls(frequentie=found.frequency, volgende_verzending=found.next_on)


class DigestPreferenceWrite(RequestModel):
    frequentie: DigestFrequency = Field(description=FREQUENCY)


class DigestDateRead(ApiModel):
    maatregel: CodeName
    moet_starten_op: date
    verkeerslicht: TrafficLight
    link: str


class DigestChangeRead(ApiModel):
    maatregel: CodeName
    verkeerslicht: TrafficLight
    was: TrafficLight | None = Field(
        description="Het licht in het vorige overzicht; leeg in het eerste (niets om mee te "
        "vergelijken)."
    )
    moet_starten_op: OptionalDate
    link: str


class DigestNewsRead(ApiModel):
    soort: str = Field(description="product of faq.")
    titel: str
    maatregelen: list[str]
    link: str


class DigestMeetingRead(ApiModel):
    titel: str
    begint_op: datetime
    maatregelen: list[str]
    link: str


class DigestSectionRead(ApiModel):
    """Eén gemeente (bij een samenwerkingsverband: elk lid een eigen deel)."""

    gemeente: CodeName
    startdata: list[DigestDateRead] = Field(
        description="'Moet starten op' van elke open maatregel: verstreken, of in het komende "
        "halfjaar; vroegste eerst."
    )
    veranderd: list[DigestChangeRead] = Field(
        description="Maatregelen die sinds het vorige overzicht te laat raakten of risico liepen."
    )
    achter_op: list[str] = Field(description="Maatregelen waarop de gemeente achterloopt.")
    nieuw: list[DigestNewsRead] = Field(
        description="Nieuwe producten en veelgestelde vragen bij die maatregelen."
    )
    bijeenkomsten: list[DigestMeetingRead] = Field(description="Komende bijeenkomsten daarover.")

    @classmethod
    def of(cls, section: Section) -> "DigestSectionRead":
        return cls(
            gemeente=CodeName(code=section.code, naam=section.name),
            startdata=[
                DigestDateRead(
                    maatregel=CodeName(code=d.measure, naam=d.title),
                    moet_starten_op=d.must_start_by,
                    verkeerslicht=d.light,
                    link=d.link,
                )
                for d in section.dates
            ],
            veranderd=[
                DigestChangeRead(
                    maatregel=CodeName(code=t.measure, naam=t.title),
                    verkeerslicht=t.light,
                    was=t.was,
                    moet_starten_op=t.must_start_by,
                    link=t.link,
                )
                for t in section.turned
            ],
            achter_op=section.behind,
            nieuw=[
                DigestNewsRead(
                    soort=n.kind, titel=n.title, maatregelen=list(n.measures), link=n.link
                )
                for n in section.news
            ],
            bijeenkomsten=[
                DigestMeetingRead(
                    titel=m.title, begint_op=m.starts_at, maatregelen=list(m.measures), link=m.link
                )
                for m in section.meetings
            ],
        )


class DigestAnswerRead(ApiModel):
    soort: str = Field(description="vraag of signaal.")
    titel: str
    tekst: str
    beantwoord_op: datetime
    link: str


class DigestPreviewRead(ApiModel):
    """Wat het volgende overzicht zou bevatten als het nu gemaakt werd."""

    frequentie: DigestFrequency = Field(
        description="Wekelijks als u nog niets koos: zo ziet u wat u zou krijgen."
    )
    periode: str = Field(examples=["week 50 van 2026"])
    onderwerp: str
    sinds: datetime = Field(
        description="Het vorige overzicht, of (voor het eerste) het begin van de vorige periode."
    )
    leeg: bool = Field(description="Niets te melden: zo'n overzicht wordt niet gemaild.")
    gemeenten: list[DigestSectionRead]
    antwoorden: list[DigestAnswerRead] = Field(
        description="Antwoorden op uw vragen en reacties op signalen van uw gemeente(n)."
    )

    tekst: str = Field(description="De e-mail als platte tekst, zoals hij verstuurd zou worden.")

    @classmethod
    def of(cls, preview: Preview) -> "DigestPreviewRead":
        contents = preview.contents
        return cls(
            frequentie=contents.frequency,
            periode=period_text(contents),
            onderwerp=preview.mail.subject,
            sinds=contents.since,
            leeg=contents.is_empty,
            gemeenten=[DigestSectionRead.of(s) for s in contents.sections],
            antwoorden=[
                DigestAnswerRead(
                    soort=a.kind,
                    titel=a.title,
                    tekst=a.text,
                    beantwoord_op=a.answered_at,
                    link=a.link,
                )
                for a in contents.answers
            ],
            tekst=preview.mail.text,
        )
