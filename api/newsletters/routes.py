"""This domain's HTTP surface, in the order its paths must be matched (fixed paths before {id})."""

from fastapi import APIRouter

from api.newsletters.archive_router import router as archive
from api.newsletters.edition_router import router as editions
from api.newsletters.subscription_router import router as subscriptions

router = APIRouter()
router.include_router(subscriptions)
router.include_router(archive)
router.include_router(editions)
