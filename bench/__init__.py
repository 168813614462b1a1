"""Benchmarks for the Spoorboek API: throughput and latency against a bare FastAPI baseline,
a guard that the number of SQL statements per list request does not grow with page size, and
one that a catalogue 304 does not build the page.

Run `python -m bench.run` from the repository root; see bench/README.md."""
