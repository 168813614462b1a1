"""The questions' HTTP surface: the team's overviews, questions, the experts' side and the FAQ."""

from fastapi import APIRouter

from api.questions.expert_router import router as experts
from api.questions.faq_router import router as faq
from api.questions.faq_router import writes as faq_writes
from api.questions.insight_router import router as insight
from api.questions.router import downloads
from api.questions.router import router as questions

router = APIRouter()
# Fixed paths (/vragen/werkvoorraad ...) must come before /vragen/{id}.
for part in (insight, questions, downloads, experts, faq, faq_writes):
    router.include_router(part)
