"""What a worker does once it has started."""

import gc
from pathlib import Path

import pytest

from api.main import create_app
from tests.conftest import make_settings

pytestmark = pytest.mark.engine_neutral


def _collectable(target: object) -> bool:
    """Whether the cycle collector still looks at `target` (frozen objects are in no generation)."""
    return any(found is target for found in gc.get_objects())


async def test_a_started_worker_takes_its_long_lived_heap_out_of_the_collectors_sight(
    tmp_path: Path,
) -> None:
    app = create_app(make_settings("sqlite://", tmp_path))
    routes = app.state.api.router.routes
    assert _collectable(app)
    assert _collectable(routes)
    async with app.router.lifespan_context(app):
        assert not _collectable(app), "the app is frozen once the worker has started"
        assert not _collectable(routes)
