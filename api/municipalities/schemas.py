"""Public shapes of municipalities (gemeenten), provinces and labour-market regions."""

from datetime import date

from pydantic import Field

from api.core.pagination import PageInfo, PageLinks
from api.core.schemas import ApiModel, CodeName, SelfLinks


class MunicipalityRead(ApiModel):
    """Gemeente, met de CBS-gemeentecode."""

    code: str = Field(description="CBS-gemeentecode.", examples=["GM0363"])
    naam: str = Field(examples=["Amsterdam"])
    provincie: CodeName
    arbeidsmarktregio: CodeName
    inwoners: int = Field(description="Aantal inwoners op de peildatum.")
    peildatum_inwoners: date = Field(description="Peildatum van het aantal inwoners.")
    links: SelfLinks = Field(alias="_links")


class MunicipalityPage(ApiModel):
    resultaten: list[MunicipalityRead]
    paginering: PageInfo
    links: PageLinks = Field(alias="_links")


class RegionRead(ApiModel):
    """Provincie of arbeidsmarktregio, met het aantal gemeenten en inwoners erin."""

    code: str = Field(examples=["PV27"])
    naam: str
    aantal_gemeenten: int
    inwoners: int
    links: SelfLinks = Field(alias="_links")


class RegionList(ApiModel):
    resultaten: list[RegionRead]
