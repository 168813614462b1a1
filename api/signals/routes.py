"""The signals' HTTP surface, in the order its paths must be matched."""

from fastapi import APIRouter

from api.signals.export_router import router as exports
from api.signals.insight_router import router as insight
from api.signals.report_router import router as reports
from api.signals.router import public_router
from api.signals.router import router as register

router = APIRouter()
# Fixed paths (/signalen/rapportage, /signalen/suggesties, /openbare-signalen/export ...) must
# come before /signalen/{id} and /openbare-signalen/{id}.
for part in (reports, exports, insight, register, public_router):
    router.include_router(part)
