"""Queries of the meetings domain (filled as its parts land)."""
