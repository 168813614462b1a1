"""Signing in as the demo's supplier client and the people that work with ICT readiness."""

from collections.abc import Callable

import httpx

from api.seed.demo_ict import SUPPLIER_CLIENT
from tests.auth import EDITOR, login, machine_token


async def supplier(make: Callable[[], httpx.AsyncClient]) -> httpx.AsyncClient:
    client = make()
    token = await machine_token(client, SUPPLIER_CLIENT.client_id, SUPPLIER_CLIENT.secret)
    client.headers["Authorization"] = f"Bearer {token}"
    return client


async def person(make: Callable[[], httpx.AsyncClient], email: str = EDITOR) -> httpx.AsyncClient:
    client = make()
    await login(client, email)
    return client
