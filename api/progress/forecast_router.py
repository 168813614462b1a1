"""The forecast: the chance that a municipality will not have implemented a measure by its
legal date."""

from api.core.routing import json_router

router = json_router(tags=["Voortgang"], conditional=False)
