"""The addresses a digest mail links to: her choice in "mijn account", and the one-click
unsubscribe (RFC 8058) with the mail's own secret in its query, which the access log leaves out.
Built as the nieuwsbrief's are (api/newsletters/links.py)."""

from api.core.settings import Settings
from api.core.urls import api_path
from api.newsletters.links import absolute

MANAGE_PAGE = "/mijn-account#persoonlijk-overzicht"
UNSUBSCRIBE_PATH = api_path("persoonlijk-overzicht", "afmelden")


def unsubscribe_url(settings: Settings, token: str | None) -> str:
    """The address a mail program POSTs to (List-Unsubscribe); without a secret in a preview."""
    return absolute(settings, f"{UNSUBSCRIBE_PATH}?token={token}" if token else UNSUBSCRIBE_PATH)


def manage_url(settings: Settings) -> str:
    return absolute(settings, MANAGE_PAGE)
