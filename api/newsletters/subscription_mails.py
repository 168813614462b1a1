"""The two mails of signing up: the confirmation link (the only mail an unconfirmed address
ever gets) and, to an address that is already subscribed, a note with the link to manage it.
Plain text, through the outbox, in the transaction of the sign-up: a refused or rolled-back
sign-up mails nothing. The links in the mails are the SPA's pages; the secret travels after
`#`, so it reaches no server log on the way to the page."""

from sqlalchemy.orm import Session

from api.core.settings import Settings
from api.mail import service as mail
from api.mail.wording import SIGNATURE
from api.newsletters.links import confirm_url, manage_url, one_click_headers

CONFIRM_SUBJECT = "Bevestig uw aanmelding voor de nieuwsbrief"
ALREADY_SUBJECT = "U bent al geabonneerd op de nieuwsbrief"
SUBJECTS = (CONFIRM_SUBJECT, ALREADY_SUBJECT)
"""How an export tells these mails from the address's other mail in the outbox."""

NO_TRACKING = (
    "Spoorboek gebruikt geen trackingpixels en geen linktracking: wij zien niet of u onze "
    "e-mail opent of waarop u klikt."
)


def send_confirmation(
    session: Session, settings: Settings, email: str, token: str, hours: int
) -> None:
    body = (
        "Goedendag,\n\n"
        "Iemand, hopelijk u, heeft dit e-mailadres aangemeld voor de nieuwsbrief van "
        "Spoorboek. Bevestig de aanmelding met deze link:\n\n"
        f"{confirm_url(settings, token)}\n\n"
        f"De link werkt {hours} uur. Pas na uw bevestiging sturen wij u de nieuwsbrief.\n\n"
        "Heeft u zich niet aangemeld? Dan hoeft u niets te doen: zonder bevestiging krijgt u "
        f"niets meer van ons.\n\n{NO_TRACKING}{SIGNATURE}"
    )
    mail.send(
        session,
        settings,
        to=email,
        subject=CONFIRM_SUBJECT,
        body=body,
    )


def send_already_subscribed(session: Session, settings: Settings, email: str, token: str) -> None:
    body = (
        "Goedendag,\n\n"
        "Iemand, hopelijk u, heeft dit e-mailadres opnieuw aangemeld voor de nieuwsbrief van "
        "Spoorboek. U bent al geabonneerd; er is niets veranderd.\n\n"
        "Wilt u uw keuzes wijzigen, uw gegevens inzien of u afmelden? Dat kan met deze link:"
        f"\n\n{manage_url(settings, token)}\n\n{NO_TRACKING}{SIGNATURE}"
    )
    mail.send(
        session,
        settings,
        to=email,
        subject=ALREADY_SUBJECT,
        body=body,
        headers=one_click_headers(settings, token),
    )
