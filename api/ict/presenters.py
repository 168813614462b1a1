"""ICT readiness in its public shapes."""

from api.core.schemas import CodeName, Link, SelfLinks
from api.core.urls import api_path
from api.ict import catalogue, readiness, views
from api.ict.consequences import Wait
from api.ict.models import (
    Application,
    Domain,
    Readiness,
    ReadinessChange,
    Usage,
    UsageChange,
)
from api.ict.schemas import (
    ApplicationRead,
    ApplicationRef,
    Counts,
    ReadinessChangeRead,
    ReadinessRead,
    SupplierListItem,
    SupplierRead,
    UsageChangeRead,
    UsageRead,
    WaitRead,
)


def supplier_read(view: catalogue.SupplierView) -> SupplierRead:
    o = view.organisation
    return SupplierRead(
        code=o.code,
        naam=o.name,
        cijfers_openbaar=view.figures_public,
        applicaties=view.applications,
        demo=o.is_demo,
        _links=SelfLinks(self=Link(href=api_path("ict", "leveranciers", o.code))),
    )


def supplier_list_item(
    view: catalogue.SupplierView, open_signals: dict[str, int]
) -> SupplierListItem:
    counted = open_signals.get(view.organisation.code, 0)
    return SupplierListItem(**supplier_read(view).__dict__, open_signalen=counted)


def application_ref(application: Application, suppliers: dict[str, str]) -> ApplicationRef:
    code = application.supplier_code
    return ApplicationRef(
        id=application.id,
        naam=application.name,
        leverancier=CodeName(code=code, naam=suppliers.get(code, code)),
    )


def application_read(
    application: Application, suppliers: dict[str, str], users: dict[int, int]
) -> ApplicationRead:
    code = application.supplier_code
    return ApplicationRead(
        id=application.id,
        naam=application.name,
        leverancier=CodeName(code=code, naam=suppliers.get(code, code)),
        domeinen=[Domain(d) for d in application.domains],
        gemeenten=users.get(application.id, 0),
        demo=application.is_demo,
        _links=SelfLinks(self=Link(href=api_path("ict", "applicaties", application.id))),
    )


def usages_read(
    used: dict[Domain, tuple[Usage, Application]], suppliers: dict[str, str]
) -> list[UsageRead]:
    return [
        UsageRead(
            domein=domain,
            applicatie=application_ref(used[domain][1], suppliers) if domain in used else None,
            gewijzigd_op=used[domain][0].changed_at if domain in used else None,
            versie=used[domain][0].version if domain in used else 0,
        )
        for domain in Domain
    ]


def usage_change_read(
    change: UsageChange, applications: dict[int, Application], suppliers: dict[str, str]
) -> UsageChangeRead:
    application = applications.get(change.application_id) if change.application_id else None
    return UsageChangeRead(
        domein=change.domain,
        applicatie=application_ref(application, suppliers) if application else None,
        bron=change.source,
        door=change.actor,
        op=change.changed_at,
    )


def readiness_read(
    application: Application,
    code: str,
    title: str,
    row: Readiness | None,
    suppliers: dict[str, str],
) -> ReadinessRead:
    return ReadinessRead(
        applicatie=application_ref(application, suppliers),
        maatregel=CodeName(code=code, naam=title),
        status=row.status if row else None,
        release=row.release if row else None,
        datum=row.release_date if row else None,
        bron=row.source if row else None,
        door=row.actor if row else None,
        gewijzigd_op=row.changed_at if row else None,
        versie=row.version if row else 0,
    )


def view_read(view: readiness.ReadinessView, suppliers: dict[str, str]) -> ReadinessRead:
    return readiness_read(
        view.application, view.measure_code, view.measure_title, view.row, suppliers
    )


def change_read(change: ReadinessChange) -> ReadinessChangeRead:
    return ReadinessChangeRead(
        status=change.status,
        release=change.release,
        datum=change.release_date,
        bron=change.source,
        door=change.actor,
        op=change.changed_at,
    )


def wait_read(wait: Wait, now: views.Situation) -> WaitRead:
    report = wait.report
    return WaitRead(
        applicatie=application_ref(now.applications[wait.application], now.suppliers),
        status=report.status if report else None,
        release=report.release if report else None,
        datum=report.release_date if report else None,
        oordeel=wait.verdict,
    )


def counts_read(counts: views.Counts) -> Counts:
    return Counts(
        gemeenten=counts.municipalities,
        inwoners=counts.inhabitants,
        te_laat=counts.late,
        risico=counts.at_risk,
        onbekend=counts.unknown,
    )
