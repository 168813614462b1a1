"""Queries of the figures."""
