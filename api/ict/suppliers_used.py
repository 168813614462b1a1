"""Which supplier each municipality depends on, for other domains (the peers of a municipality
in progress, docs/peers.md): read through this service, never through this domain's tables."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.ict import repository
from api.ict.models import Domain

RELEVANT_DOMAIN = Domain.INCOME
"""The Participatiewet's measures are carried out in the application for income support."""


@dataclass(frozen=True)
class SupplierFacts:
    suppliers: dict[str, str]
    """Per municipality, the supplier (organisation code) of its application for income
    support; a municipality that named none is missing."""
    needing_software: frozenset[str]
    """The measures that need changes in municipal software."""


def supplier_facts(session: Session) -> SupplierFacts:
    applications = {a.id: a.supplier_code for a in repository.all_applications(session)}
    suppliers = {
        municipality: applications[application]
        for municipality, domain, application in repository.all_usages(session)
        if domain is RELEVANT_DOMAIN and application in applications
    }
    return SupplierFacts(suppliers, frozenset(repository.needing_software(session)))
