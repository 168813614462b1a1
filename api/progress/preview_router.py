"""What if a date moves: what would change, computed before anything is saved."""

from api.core.routing import json_router

router = json_router(tags=["Voortgang"], conditional=False)
