"""Queries of the ratings."""
