"""The measures' HTTP surface: reading, and the editors' changes."""

from fastapi import APIRouter

from api.measures.editing_router import router as editing
from api.measures.router import router as reading

router = APIRouter()
for part in (reading, editing):
    router.include_router(part)
