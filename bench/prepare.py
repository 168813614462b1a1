"""The operator's commands (`spoorboek migrate`, `seed`, `demo`) one after the other, as the
command line runs them, in a child forked from the bench (bench/forked.py) once it has imported
the app: three `spoorboek` processes would each import it anew.

After each command a line `bench.prepare done <command> <seconds>` in the child's output says
it succeeded and how long it took; the first that fails ends the child with its exit code."""

import os
import time

DONE = "bench.prepare done"


def run(commands: tuple[str, ...], env: dict[str, str]) -> int:
    """Run `commands` with the app's settings `env`; the exit code of the first that fails."""
    from api.cli import app
    from api.core.settings import get_settings

    os.environ.update(env)
    # The parent may have read the settings already (a test run forks from a process that ran
    # the command line before): the commands must read these.
    get_settings.cache_clear()
    for command in commands:
        started = time.perf_counter()
        try:
            app([command], prog_name="spoorboek")
        except SystemExit as exit_:
            # The command line always ends this way, 0 (or None) when all went well.
            if exit_.code not in (0, None):
                return exit_.code if isinstance(exit_.code, int) else 1
        print(f"{DONE} {command} {time.perf_counter() - started:.1f}", flush=True)
    return 0
