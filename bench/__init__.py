"""Benchmarks for the Spoorboek API: throughput and latency against a bare FastAPI baseline,
and a guard that the number of SQL statements per list request does not grow with page size.

Run `python -m bench.run` from the repository root; see bench/README.md."""
