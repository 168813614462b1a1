"""Partner organisations (SZW, Divosa, ...) and shared services working for municipalities."""

import enum

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.core import data_versions
from api.core.orm import Base, enum_column
from api.municipalities.models import Municipality


class OrganisationKind(enum.StrEnum):
    MINISTRY = "ministerie"
    ASSOCIATION = "vereniging"
    KNOWLEDGE_CENTRE = "kennisorganisatie"
    IMPLEMENTING_BODY = "uitvoeringsorganisatie"
    SOFTWARE_SUPPLIER = "leverancier"
    SHARED_SERVICE = "samenwerkingsverband"


organisation_members = Table(
    "organisation_members",
    Base.metadata,
    Column(
        "organisation_code", ForeignKey("organisations.code", ondelete="CASCADE"), primary_key=True
    ),
    Column("municipality_code", ForeignKey("municipalities.code"), primary_key=True),
)


class Organisation(Base):
    __tablename__ = "organisations"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    abbreviation: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[OrganisationKind] = mapped_column(
        enum_column(OrganisationKind, "organisation_kind", 30),
        index=True,
    )
    website: Mapped[str | None] = mapped_column(String(300))
    is_demo: Mapped[bool] = mapped_column(default=False)

    members: Mapped[list[Municipality]] = relationship(
        secondary=organisation_members, lazy="raise", order_by=Municipality.name
    )


data_versions.follow([Organisation, organisation_members], data_versions.REFERENCE)
