"""Scheduled work: reminders, daily summaries and retries, run once per period however many
schedulers run."""
