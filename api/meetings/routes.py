"""This domain's HTTP surface, in the order its paths must be matched (fixed paths before {id})."""

from fastapi import APIRouter

from api.meetings.calendar_router import router as calendar
from api.meetings.rating_router import router as rating
from api.meetings.reach_router import router as reach
from api.meetings.registration_router import lists as registration_lists
from api.meetings.registration_router import router as registration
from api.meetings.router import router as meeting
from api.meetings.session_router import router as during_and_after

router = APIRouter()
# Fixed paths first (/bijeenkomsten/kalender, /bijeenkomsten/bereik, /mijn-bijeenkomsten), then
# the ones under /bijeenkomsten/{id}.
router.include_router(calendar)
router.include_router(reach)
router.include_router(registration)
router.include_router(registration_lists)
router.include_router(rating)
router.include_router(during_and_after)
router.include_router(meeting)
