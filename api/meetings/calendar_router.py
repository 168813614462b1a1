"""Placeholder until this part of the meetings domain lands."""

from fastapi import APIRouter

router = APIRouter()
