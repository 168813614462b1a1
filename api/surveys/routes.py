"""This domain's HTTP surface, in the order its paths must be matched (fixed paths before {id})."""

from fastapi import APIRouter

from api.surveys.router import router as survey

router = APIRouter()
router.include_router(survey)
