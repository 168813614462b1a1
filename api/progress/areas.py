"""Where each municipality lies, for grouping on the map."""

from sqlalchemy.orm import Session

from api.progress import repository


def of_municipalities(session: Session) -> dict[str, tuple[str, str]]:
    """Each municipality's province and labour-market region, by municipality code."""
    return {
        m.code: (m.province_code, m.labour_market_region_code)
        for m in repository.municipalities(session)
    }
