"""The help list's contact moments on the wire."""

from datetime import date, datetime

from pydantic import Field

from api.core.dates import BoundedDate
from api.core.schemas import ApiModel, RequestModel
from api.progress.contact_models import NOTE_LENGTH


class LastContact(ApiModel):
    """Het laatste contactmoment met de gemeente over deze maatregel."""

    datum: date = Field(description="De dag van het contact.")
    notitie: str
    door: str | None = Field(description="Wie het vastlegde; leeg als haar account weg is.")


class ContactMomentCreate(RequestModel):
    datum: BoundedDate = Field(description="De dag van het contact; niet in de toekomst.")
    notitie: str = Field(
        min_length=1,
        max_length=NOTE_LENGTH,
        examples=["Gebeld met de beleidsadviseur; impactanalyse start volgende week."],
    )


class ContactMomentRead(LastContact):
    vastgelegd_op: datetime


class ContactMomentList(ApiModel):
    resultaten: list[ContactMomentRead] = Field(description="De nieuwste eerst.")
