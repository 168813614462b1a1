"""The progress HTTP surface: cells, exchange, insight and maps, regions, the forecast and
the what-if preview of a moved date."""

from fastapi import APIRouter

from api.progress.activity_router import router as activity
from api.progress.exchange_router import downloads
from api.progress.exchange_router import router as exchange
from api.progress.forecast_router import router as forecast
from api.progress.help_router import router as help_list
from api.progress.insight_router import maps
from api.progress.insight_router import router as insight
from api.progress.peers_router import router as peers
from api.progress.preview_router import router as preview
from api.progress.region_router import router as regions
from api.progress.router import router as cells

router = APIRouter()
for part in (
    cells,
    help_list,
    exchange,
    downloads,
    insight,
    maps,
    regions,
    forecast,
    preview,
    peers,
    activity,
):
    router.include_router(part)
