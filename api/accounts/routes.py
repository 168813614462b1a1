"""The accounts' HTTP surface: signing in and one's own account, and the admins' management."""

from fastapi import APIRouter

from api.accounts.admin_router import router as management
from api.accounts.people_router import router as directory
from api.accounts.router import router as own

router = APIRouter()
for part in (own, management, directory):
    router.include_router(part)
