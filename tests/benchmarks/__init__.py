"""Benchmarks: not collected by the test run; run with ``python -m tests.benchmarks``."""
