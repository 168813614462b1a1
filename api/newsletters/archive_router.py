"""Placeholder: filled in by the work on this part of the nieuwsbrief."""

from api.core.routing import json_router

router = json_router(tags=["Nieuwsbrief"])
