"""The signals' HTTP surface, in the order its paths must be matched."""

from fastapi import APIRouter

from api.signals.router import public_router
from api.signals.router import router as register

router = APIRouter()
# Fixed paths (/signalen/suggesties ...) must come before /signalen/{id}.
for part in (register, public_router):
    router.include_router(part)
