"""What the meetings domain does when a meeting is cancelled or moved (core/events.py): filled
by the registrations' mails."""


def register() -> None:
    """Subscribe this domain's handlers (called once by api/main.py)."""
