"""Regions: a province's or labour-market region's figures and its municipalities ranked."""

from api.core.routing import json_router

router = json_router(tags=["Voortgang"], conditional=False)
