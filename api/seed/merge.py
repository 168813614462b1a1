"""Idempotent loading of reference data that respects editors.

For every field the loader compares three values: what the seed file says now, what the seed
wrote last time (the baseline), and what the database holds. A field that still holds the
baseline value follows the seed file; a field that differs from the baseline was changed by an
editor and is left alone. A second run with the same files therefore changes nothing."""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.core.orm import Base
from api.seed.models import SeedBaseline

Json = str | int | float | bool | None | list[str]


@dataclass(frozen=True)
class CodeList:
    """A many-to-many field, seeded as a list of codes of `target` rows."""

    target: type[Base]


@dataclass(frozen=True)
class EntitySpec:
    entity: str
    model: type[Base]
    key: str
    fields: Mapping[str, CodeList | None]
    """Attribute names; `None` for a plain column, a CodeList for a relationship."""
    natural_key: Callable[[Any], str] | None = None
    """For rows whose key is not one column: computes it from a stored row."""


@dataclass
class MergeReport:
    entity: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_edits: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def _encode(value: Any, kind: CodeList | None) -> Json:
    if kind is not None:
        return sorted(str(getattr(item, "code", item)) for item in value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [str(item) for item in value]
    return value  # type: ignore[no-any-return]


def _resolve(session: Session, spec: CodeList, codes: Sequence[str]) -> list[Any]:
    rows = []
    for code in codes:
        row = session.get(spec.target, code)
        if row is None:
            raise ValueError(f"unknown {spec.target.__tablename__} code {code!r} in seed data")
        rows.append(row)
    return rows


def _assign(session: Session, obj: Any, name: str, kind: CodeList | None, value: Any) -> None:
    setattr(obj, name, _resolve(session, kind, value) if kind is not None else value)


def merge_rows(
    session: Session,
    spec: EntitySpec,
    rows: Iterable[Mapping[str, Any]],
    *,
    load_options: Sequence[Any] = (),
    on_row: Callable[[], None] = lambda: None,
) -> MergeReport:
    report = MergeReport(spec.entity)
    baselines = {
        b.key: b
        for b in session.scalars(select(SeedBaseline).where(SeedBaseline.entity == spec.entity))
    }
    key_of = spec.natural_key or (lambda obj: str(getattr(obj, spec.key)))
    existing = {
        key_of(obj): obj
        for obj in session.scalars(select(spec.model).options(*load_options)).unique()
    }
    for row in rows:
        key = str(row[spec.key])
        seeded = {name: _encode(row[name], kind) for name, kind in spec.fields.items()}
        obj = existing.get(key)
        baseline = baselines.get(key)
        if obj is None and baseline is not None:
            # The seed made this row and it is gone: an editor removed it (a roadmap step,
            # say). That decision stands; the seed does not bring the row back.
            report.kept_edits.append(f"{key} (verwijderd)")
            if baseline.values != seeded:
                baseline.values = seeded
            on_row()
            continue
        if obj is None:
            obj = spec.model() if spec.natural_key else spec.model(**{spec.key: row[spec.key]})
            for name, kind in spec.fields.items():
                _assign(session, obj, name, kind, row[name])
            session.add(obj)
            session.add(SeedBaseline(entity=spec.entity, key=key, values=seeded))
            report.created += 1
            on_row()
            continue
        # A row without a baseline was not made by the seed: every difference counts as an edit.
        base_values = baseline.values if baseline else {}
        touched = False
        for name, kind in spec.fields.items():
            current = _encode(getattr(obj, name), kind)
            if current == seeded[name]:
                continue
            if baseline is not None and current == base_values.get(name):
                _assign(session, obj, name, kind, row[name])
                touched = True
            else:
                report.kept_edits.append(f"{key}.{name}")
        if touched:
            report.updated += 1
        else:
            report.unchanged += 1
        if base_values != seeded:
            if baseline is None:
                session.add(SeedBaseline(entity=spec.entity, key=key, values=seeded))
            else:
                baseline.values = seeded
        on_row()
    session.flush()
    return report
