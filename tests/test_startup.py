"""What a worker does once it has started."""

import gc
from pathlib import Path

import pytest

from api.main import create_app
from tests.conftest import make_settings

pytestmark = pytest.mark.engine_neutral


async def test_a_started_worker_takes_its_long_lived_heap_out_of_the_collectors_sight(
    tmp_path: Path,
) -> None:
    app = create_app(make_settings("sqlite://", tmp_path))
    before = gc.get_freeze_count()
    async with app.router.lifespan_context(app):
        # The app's routes, schemas and models alone are tens of thousands of objects.
        assert gc.get_freeze_count() - before > 10_000
