"""Every address the nieuwsbrief's mails and pages link to, built in one place. The SPA's pages
take the secret after `#`, so it reaches no server log on the way there; the one-click address
(List-Unsubscribe, RFC 8058) has it in its query, which the access log leaves out."""

from api.core.settings import Settings
from api.core.urls import api_path
from api.mail import templating
from api.newsletters.rendering import MailLinks

CONFIRM_PAGE = "/nieuwsbrief/bevestigen"
MANAGE_PAGE = "/nieuwsbrief/beheren"
ARCHIVE_PAGE = "/nieuwsbrief/archief"
UNSUBSCRIBE_PATH = api_path("nieuwsbrief", "afmelden")


def absolute(settings: Settings, path: str) -> str:
    return f"{settings.public_url.rstrip('/')}{path}"


def _with_secret(path: str, separator: str, token: str | None) -> str:
    return f"{path}{separator}token={token}" if token else path


def confirm_url(settings: Settings, token: str) -> str:
    return absolute(settings, _with_secret(CONFIRM_PAGE, "#", token))


def manage_url(settings: Settings, token: str | None) -> str:
    """The page where whoever holds the mail changes the choices, exports, erases or leaves
    (without a secret: the page that explains how to get one)."""
    return absolute(settings, _with_secret(MANAGE_PAGE, "#", token))


def one_click_url(settings: Settings, token: str | None) -> str:
    """The address a mail program POSTs to (List-Unsubscribe, RFC 8058)."""
    return absolute(settings, _with_secret(UNSUBSCRIBE_PATH, "?", token))


def one_click_headers(settings: Settings, token: str) -> dict[str, str]:
    return templating.one_click_unsubscribe(one_click_url(settings, token))


def archive_url(settings: Settings, edition_id: int) -> str:
    """The edition in the public archive, on the website."""
    return absolute(settings, f"{ARCHIVE_PAGE}/{edition_id}")


def mail_links(settings: Settings, edition_id: int, token: str | None) -> MailLinks:
    """The links of an edition's mail: a subscriber's with her own secret; the preview's and
    the test mail's (no subscriber) without one."""
    return MailLinks(
        manage=manage_url(settings, token),
        unsubscribe=one_click_url(settings, token),
        archive=archive_url(settings, edition_id),
    )
