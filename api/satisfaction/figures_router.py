"""HTTP only: parse, call the service, shape the answer."""

from api.core.routing import json_router

router = json_router(tags=["Tevredenheid"])
