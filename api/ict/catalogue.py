"""Suppliers, their applications, and which application each municipality uses per domain:
the rules (who may, what is valid), the audit trail and the history; no HTTP, no commit."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from api.audit.service import record
from api.core import clock
from api.core.conditional import check_version
from api.core.errors import ConflictError, NotFoundError
from api.core.pagination import PageParams
from api.core.requests import RequestContext
from api.core.security import Principal
from api.core.validation import InvalidParams
from api.ict import policy, repository

# The routers' door into the domain: the rows they present and the values they filter on.
from api.ict.models import Application as Application
from api.ict.models import ChangeSource, Supplier, Usage, UsageChange
from api.ict.models import Domain as Domain
from api.organisations.models import Organisation

DOMAINS = list(Domain)


def ordered_domains(domains: list[Domain] | list[str]) -> list[str]:
    chosen = {Domain(d) for d in domains}
    return [d.value for d in DOMAINS if d in chosen]


# Suppliers


@dataclass(frozen=True)
class SupplierView:
    organisation: Organisation
    figures_public: bool
    version: int
    applications: int


def find_suppliers(session: Session, principal: Principal) -> list[SupplierView]:
    policy.require_team(principal, "De leveranciers inzien")
    counts: dict[str, int] = {}
    for application in repository.applications(session, None, None):
        counts[application.supplier_code] = counts.get(application.supplier_code, 0) + 1
    return [
        SupplierView(o, bool(s and s.figures_public), s.version if s else 0, counts.get(o.code, 0))
        for o, s in repository.suppliers(session)
    ]


def _supplier(session: Session, code: str) -> tuple[Organisation, Supplier | None]:
    found = repository.supplier(session, code)
    if found is None:
        raise NotFoundError(f"Leverancier {code} bestaat niet.")
    return found


def get_supplier(session: Session, principal: Principal, code: str) -> SupplierView:
    policy.ensure_can_read_supplier(principal, code)
    organisation, row = _supplier(session, code)
    count = len(repository.applications(session, code, None))
    return SupplierView(
        organisation, bool(row and row.figures_public), row.version if row else 0, count
    )


def set_figures_public(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    code: str,
    public: bool,
    if_match: str | None,
) -> SupplierView:
    """Records the supplier's consent (or its withdrawal); an editor enters it."""
    policy.require_team(principal, "De instemming van een leverancier vastleggen")
    _, row = _supplier(session, code)
    check_version(if_match, row.version if row else 0, required=row is not None)
    if row is None:
        row = Supplier(organisation_code=code, figures_public=public, changed_by=principal.subject)
        repository.add(session, row)
    elif row.figures_public != public:
        row.figures_public = public
        row.version += 1
        row.changed_at = clock.now()
        row.changed_by = principal.subject
    record(
        session,
        ctx,
        "ict.leverancier_gewijzigd",
        actor=principal.subject,
        subject=f"organisatie:{code}",
        details={"cijfersOpenbaar": public},
    )
    session.flush()
    return get_supplier(session, principal, code)


# Applications


def find_applications(
    session: Session,
    principal: Principal,
    supplier_code: str | None,
    domain: Domain | None,
    page: PageParams,
) -> tuple[list[Application], int]:
    supplier_code = policy.visible_supplier(principal, supplier_code)
    found = repository.applications(session, supplier_code, domain)
    return found[page.offset : page.offset + page.size], len(found)


def get_application(session: Session, principal: Principal, application_id: int) -> Application:
    application = repository.application(session, application_id)
    if application is None:
        policy.ensure_can_read_catalogue(principal)
        raise NotFoundError(f"Applicatie {application_id} bestaat niet.")
    policy.ensure_can_see_application(principal, application.supplier_code)
    return application


def users_of(session: Session, application_ids: list[int]) -> dict[int, int]:
    """How many municipalities name each application for at least one domain."""
    wanted = set(application_ids)
    municipalities: dict[int, set[str]] = {}
    for municipality, _, application in repository.all_usages(session):
        if application in wanted:
            municipalities.setdefault(application, set()).add(municipality)
    return {a: len(m) for a, m in municipalities.items()}


def supplier_names(session: Session) -> dict[str, str]:
    return repository.supplier_names(session)


def _check_supplier(session: Session, code: str, invalid: InvalidParams) -> None:
    if repository.supplier(session, code) is None:
        invalid.add("leverancier", "unknown_value", f"Leverancier {code} bestaat niet.", "body")


def create_application(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    name: str,
    supplier_code: str,
    domains: list[Domain],
) -> Application:
    policy.require_team(principal, "Een applicatie toevoegen")
    invalid = InvalidParams()
    _check_supplier(session, supplier_code, invalid)
    invalid.raise_if_any()
    name = name.strip()
    if repository.application_by_name(session, supplier_code, name) is not None:
        raise ConflictError(f"Leverancier {supplier_code} heeft al een applicatie {name}.")
    application = Application(
        supplier_code=supplier_code, name=name, domains=ordered_domains(domains)
    )
    repository.add(session, application)
    record(
        session,
        ctx,
        "ict.applicatie_aangemaakt",
        actor=principal.subject,
        subject=f"applicatie:{application.id}",
        details={"leverancier": supplier_code, "naam": name},
    )
    return application


def change_application(
    session: Session,
    principal: Principal,
    ctx: RequestContext,
    application_id: int,
    if_match: str | None,
    name: str | None,
    domains: list[Domain] | None,
) -> Application:
    policy.require_team(principal, "Een applicatie wijzigen")
    application = get_application(session, principal, application_id)
    check_version(if_match, application.version, required=True)
    changed: dict[str, object] = {}
    if name is not None and name.strip() != application.name:
        other = repository.application_by_name(session, application.supplier_code, name.strip())
        if other is not None:
            raise ConflictError(f"Deze leverancier heeft al een applicatie {name.strip()}.")
        application.name = changed["naam"] = name.strip()
    if domains is not None and ordered_domains(domains) != application.domains:
        application.domains = ordered_domains(domains)
        changed["domeinen"] = application.domains
    if changed:
        application.version += 1
        application.changed_at = clock.now()
        record(
            session,
            ctx,
            "ict.applicatie_gewijzigd",
            actor=principal.subject,
            subject=f"applicatie:{application.id}",
            details=changed,
        )
        session.flush()
    return application


# Which application each municipality uses


def _municipality(session: Session, code: str) -> tuple[str, str]:
    municipality = repository.municipality(session, code)
    if municipality is None:
        raise NotFoundError(f"Geen applicaties gevonden voor gemeente {code}.")
    return municipality.code, municipality.name


def municipal_applications(
    session: Session, principal: Principal, code: str
) -> tuple[tuple[str, str], dict[Domain, tuple[Usage, Application]]]:
    policy.ensure_can_read_municipality(principal, code)
    municipality = _municipality(session, code)
    used = {}
    for usage in repository.usages_of(session, code):
        application = repository.application(session, usage.application_id)
        if application is not None:
            used[usage.domain] = (usage, application)
    return municipality, used


def set_usage(
    session: Session,
    principal: Principal,
    code: str,
    domain: Domain,
    application_id: int | None,
    if_match: str | None,
) -> None:
    """Names (or, with None, withdraws) the application a municipality uses for a domain."""
    source = policy.source_of_usage(principal, code)
    _municipality(session, code)
    current = repository.usage(session, code, domain)
    check_version(if_match, current.version if current else 0, required=False)
    if application_id is not None:
        application = repository.application(session, application_id)
        if application is None or domain.value not in application.domains:
            invalid = InvalidParams()
            invalid.add(
                "applicatie",
                "unknown_value",
                f"Applicatie {application_id} bestaat niet of bedient het domein {domain} niet.",
                "body",
            )
            invalid.raise_if_any()
    write_usage(session, principal.subject, source, code, domain, application_id)


def write_usage(
    session: Session,
    actor: str,
    source: ChangeSource,
    code: str,
    domain: Domain,
    application_id: int | None,
) -> bool:
    """The write itself, with its history; False when nothing changed. Rights are checked by
    the caller."""
    current = repository.usage(session, code, domain)
    if (current.application_id if current else None) == application_id:
        return False
    now = clock.now()
    if application_id is None:
        assert current is not None  # noqa: S101 - unchanged was answered above
        session.delete(current)
    elif current is None:
        session.add(Usage(municipality_code=code, domain=domain, application_id=application_id))
    else:
        current.application_id = application_id
        current.version += 1
        current.changed_at = now
    repository.add_usage_change(
        session,
        UsageChange(
            municipality_code=code,
            domain=domain,
            application_id=application_id,
            source=source,
            actor=actor,
            changed_at=now,
        ),
    )
    session.flush()
    return True


def usage_history(
    session: Session, principal: Principal, code: str, page: PageParams
) -> tuple[tuple[str, str], list[UsageChange], int, dict[int, Application]]:
    """A page of the municipality's usage changes, their total, and the applications they name
    (read in one query)."""
    policy.ensure_can_read_municipality(principal, code)
    municipality = _municipality(session, code)
    changes, total = repository.usage_history(session, code, page)
    named = {c.application_id for c in changes if c.application_id is not None}
    return municipality, changes, total, repository.applications_by_id(session, named)
