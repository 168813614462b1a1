"""Satisfaction's HTTP surface, in the order its paths must be matched (fixed paths before {id})."""

from fastapi import APIRouter

from api.satisfaction.figures_router import router as figures
from api.satisfaction.rating_router import router as ratings
from api.satisfaction.vote_router import router as votes

router = APIRouter()
for part in (figures, ratings, votes):
    router.include_router(part)
