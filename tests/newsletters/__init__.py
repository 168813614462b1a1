"""The nieuwsbrief: subscriptions, editions, sending and the archive."""
