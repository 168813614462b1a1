"""The shape of a person's own calendar feed."""

from datetime import datetime

from pydantic import Field

from api.core.schemas import ApiModel


class PersonalCalendar(ApiModel):
    url: str | None = Field(
        description="Het geheime adres om in een agenda-programma op te abonneren. Alleen te "
        "zien in het antwoord dat het aanmaakt (het wordt niet bewaard, alleen een hash); wie "
        "het kwijt is, maakt een nieuw adres en het oude werkt dan niet meer."
    )
    actief: bool = Field(description="Of er een adres is dat werkt.")
    aangemaakt_op: datetime | None = Field(description="Wanneer het werkende adres is gemaakt.")
