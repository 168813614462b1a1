"""Every query of the progress domain."""

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from api.accounts.models import User, UserRole, user_municipalities
from api.core.security import Role
from api.measures.models import Measure, Wave
from api.municipalities.models import LabourMarketRegion, Municipality, Province
from api.progress.models import ProgressSnapshot, ProgressStatus, RoadmapStep


def measures(session: Session) -> list[Measure]:
    query = select(Measure).options(selectinload(Measure.wave), selectinload(Measure.theme))
    return list(session.scalars(query.order_by(Measure.code)))


def municipalities(session: Session) -> list[Municipality]:
    return list(session.scalars(select(Municipality).order_by(Municipality.code)))


def roadmaps(session: Session) -> dict[str, list[RoadmapStep]]:
    steps: dict[str, list[RoadmapStep]] = {}
    for step in session.scalars(
        select(RoadmapStep).order_by(RoadmapStep.measure_code, RoadmapStep.position)
    ):
        steps.setdefault(step.measure_code, []).append(step)
    return steps


def roadmap(session: Session, measure_code: str) -> list[RoadmapStep]:
    query = select(RoadmapStep).where(RoadmapStep.measure_code == measure_code)
    return list(session.scalars(query.order_by(RoadmapStep.position)))


def statuses_of(session: Session, municipality_code: str) -> dict[str, ProgressStatus]:
    query = select(ProgressStatus).where(ProgressStatus.municipality_code == municipality_code)
    return {s.measure_code: s for s in session.scalars(query)}


def status(session: Session, municipality_code: str, measure_code: str) -> ProgressStatus | None:
    return session.get(ProgressStatus, (municipality_code, measure_code))


def all_statuses(session: Session) -> dict[tuple[str, str], ProgressStatus]:
    return {
        (s.municipality_code, s.measure_code): s for s in session.scalars(select(ProgressStatus))
    }


def compare_and_set(
    session: Session,
    municipality_code: str,
    measure_code: str,
    expected: int,
    values: dict[str, Any],
) -> bool:
    """Writes only if the stored version is still `expected`: a stale writer changes nothing."""
    result = session.execute(
        update(ProgressStatus)
        .where(
            ProgressStatus.municipality_code == municipality_code,
            ProgressStatus.measure_code == measure_code,
            ProgressStatus.version == expected,
        )
        .values(**values, version=expected + 1)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined, no-any-return]


def history(session: Session, municipality_code: str, measure_code: str) -> list[ProgressSnapshot]:
    query = select(ProgressSnapshot).where(
        ProgressSnapshot.municipality_code == municipality_code,
        ProgressSnapshot.measure_code == measure_code,
    )
    return list(session.scalars(query.order_by(ProgressSnapshot.version)))


def snapshots_until(
    session: Session, moment: datetime, municipality_code: str | None = None
) -> dict[tuple[str, str], ProgressSnapshot]:
    """The last snapshot of every cell recorded before `moment`: the state as it was then."""
    query = select(ProgressSnapshot).where(ProgressSnapshot.recorded_at < moment)
    if municipality_code is not None:
        query = query.where(ProgressSnapshot.municipality_code == municipality_code)
    latest: dict[tuple[str, str], ProgressSnapshot] = {}
    for snap in session.scalars(query.order_by(ProgressSnapshot.version)):
        latest[(snap.municipality_code, snap.measure_code)] = snap
    return latest


def contacts_by_municipality(session: Session, codes: list[str]) -> dict[str, list[User]]:
    query = (
        select(user_municipalities.c.municipality_code, User)
        .join(User, User.id == user_municipalities.c.user_id)
        .join(UserRole, UserRole.user_id == User.id)
        .where(
            user_municipalities.c.municipality_code.in_(codes),
            UserRole.role == Role.MUNICIPAL_CONTACT,
            User.is_active.is_(True),
        )
        .order_by(User.name)
    )
    found: dict[str, list[User]] = {}
    for code, user in session.execute(query):
        found.setdefault(code, []).append(user)
    return found


def group_names(session: Session, grouping: str) -> dict[str, str]:
    """Names of provinces or labour-market regions by code, for labelling aggregates."""
    if grouping == "provincie":
        rows = session.execute(select(Province.code, Province.name))
    elif grouping == "arbeidsmarktregio":
        rows = session.execute(select(LabourMarketRegion.code, LabourMarketRegion.name))
    else:
        return {}
    return {code: name for code, name in rows}


def progress_version(session: Session) -> str:
    """What every figure depends on, in one cheap query: states, roadmaps, measures, waves."""
    row = session.execute(
        select(
            select(func.max(ProgressStatus.updated_at)).scalar_subquery(),
            select(func.count()).select_from(ProgressStatus).scalar_subquery(),
            select(func.max(RoadmapStep.id)).scalar_subquery(),
            select(func.count()).select_from(RoadmapStep).scalar_subquery(),
            select(func.max(Measure.updated_at)).scalar_subquery(),
            select(func.max(Wave.updated_at)).scalar_subquery(),
        )
    ).one()
    return "|".join(str(value) for value in row)
