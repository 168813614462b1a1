"""`python -m bench.prepare COMMAND...`: the operator's commands (`spoorboek migrate`, `seed`,
`demo`) one after the other, as the command line runs them, in this one process.

Each `spoorboek` process imports the app anew, about 3 s of CPU before it does anything; three of
them were a third of a smoke run's setup. After each command a line `bench.prepare done
<command> <seconds>` on stdout says it succeeded and how long it took; the first that fails ends
the process with its exit code."""

import sys
import time

DONE = "bench.prepare done"


def main(commands: list[str]) -> int:
    # Imported here: the settings are read from the environment the bench gives this process.
    from api.cli import app

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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
