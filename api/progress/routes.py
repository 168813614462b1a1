"""The progress HTTP surface: cells, exchange, insight and maps."""

from fastapi import APIRouter

from api.progress.exchange_router import downloads
from api.progress.exchange_router import router as exchange
from api.progress.insight_router import maps
from api.progress.insight_router import router as insight
from api.progress.router import router as cells

router = APIRouter()
for part in (cells, exchange, downloads, insight, maps):
    router.include_router(part)
