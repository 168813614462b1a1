"""Queries of the votes."""
