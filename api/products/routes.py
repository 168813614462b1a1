"""The products' HTTP surface, in the order its paths must be matched."""

from fastapi import APIRouter

from api.products.feed_router import atom
from api.products.feed_router import router as feed
from api.products.files_router import downloads
from api.products.files_router import router as files
from api.products.follow_router import router as follow
from api.products.plan_router import router as plan
from api.products.reviews_router import router as reviews
from api.products.router import router as catalogue
from api.products.router import writes

router = APIRouter()
# The feed's fixed path (/producten/wijzigingen) must come before /producten/{id}.
for part in (feed, atom, catalogue, writes, files, downloads, reviews, follow, plan):
    router.include_router(part)
