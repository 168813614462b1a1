"""Mail for notifications: one per notification, or one daily summary per person. Jinja2
renders a plain-text and an HTML part (CSS inlined, as mail clients drop style sheets); every
mail carries a one-click unsubscribe for its kind (RFC 8058) and no tracking of any kind."""

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from api.core.settings import Settings
from api.mail import templating


@dataclass(frozen=True)
class Line:
    """A notification as a mail shows it."""

    title: str
    text: str
    url: str


@dataclass(frozen=True)
class Group:
    label: str
    notifications: list[Line]


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    headers: dict[str, str]


def _environment() -> Environment:
    return templating.environment("api.notifications")


def absolute(settings: Settings, path: str) -> str:
    return f"{settings.public_url.rstrip('/')}{path}"


def _render(template: str, settings: Settings, token: str, label: str, **values: Any) -> Rendered:
    environment = _environment()
    context = {
        **values,
        "unsubscribe_label": label,
        "unsubscribe_page": absolute(settings, f"/meldingen/afmelden?token={token}"),
        "preferences_url": absolute(settings, "/mijn-meldingen"),
    }
    html = environment.get_template(f"{template}.html").render(context)
    return Rendered(
        subject=values["subject"],
        text=environment.get_template(f"{template}.txt").render(context),
        html=templating.inline_css(html),
        headers=unsubscribe_headers(settings, token),
    )


def unsubscribe_headers(settings: Settings, token: str) -> dict[str, str]:
    """RFC 8058: a mail client's one-click unsubscribe POSTs to this URL, without a login."""
    return templating.one_click_unsubscribe(
        absolute(settings, f"/api/v1/meldingen/afmelden?token={token}")
    )


def greeting(name: str) -> str:
    return f"Beste {name},"


def one(settings: Settings, *, name: str, line: Line, token: str, kind_label: str) -> Rendered:
    return _render(
        "notification",
        settings,
        token,
        f"Geen e-mail meer over: {kind_label.lower()}",
        subject=line.title,
        greeting=greeting(name),
        notification=line,
    )


def summary(settings: Settings, *, name: str, groups: list[Group], token: str) -> Rendered:
    count = sum(len(group.notifications) for group in groups)
    subject = f"Uw dagoverzicht van Spoorboek: {count} melding{'en' if count != 1 else ''}"
    return _render(
        "summary",
        settings,
        token,
        "Geen dagoverzicht meer per e-mail",
        subject=subject,
        greeting=greeting(name),
        groups=groups,
    )
