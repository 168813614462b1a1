"""Placeholder: the queries of this part of the nieuwsbrief."""
