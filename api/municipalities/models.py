"""Municipalities and the two groupings the programme reports on: provinces and labour-market
regions."""

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from api.core import data_versions
from api.core.orm import Base
from api.core.text import fold


class Province(Base):
    __tablename__ = "provinces"

    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class LabourMarketRegion(Base):
    __tablename__ = "labour_market_regions"

    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)


class Municipality(Base):
    __tablename__ = "municipalities"

    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    # Lower case without diacritics, so "sudwest" finds "Súdwest-Fryslân" on every database.
    search_name: Mapped[str] = mapped_column(String(120), index=True)
    # Alphabetical order ignores a leading apostrophe, so 's-Gravenhage sorts under S.
    sort_name: Mapped[str] = mapped_column(String(120), index=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code"), index=True)
    labour_market_region_code: Mapped[str] = mapped_column(
        ForeignKey("labour_market_regions.code"), index=True
    )
    population: Mapped[int] = mapped_column(Integer)
    population_date: Mapped[date] = mapped_column(Date)

    province: Mapped[Province] = relationship(lazy="raise")
    labour_market_region: Mapped[LabourMarketRegion] = relationship(lazy="raise")

    @validates("name")
    def _keep_search_name(self, _key: str, name: str) -> str:
        self.search_name = fold(name)
        self.sort_name = self.search_name.lstrip("'")
        return name


data_versions.follow([Province, LabourMarketRegion, Municipality], data_versions.REFERENCE)
