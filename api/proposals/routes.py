"""This domain's HTTP surface, in the order its paths must be matched (fixed paths before {id})."""

from fastapi import APIRouter

from api.proposals.router import router as proposals

router = APIRouter()
router.include_router(proposals)
