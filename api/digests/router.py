"""HTTP endpoints of this domain."""

from api.core.routing import json_router

router = json_router(tags=["Nieuwsbrief"], conditional=False)
