"""This domain's HTTP surface, in the order its paths must be matched (fixed paths before {id})."""

from fastapi import APIRouter

router = APIRouter()
