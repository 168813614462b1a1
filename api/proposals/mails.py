"""Mail to a visitor who left only an address with her proposal: a plain message through the
outbox at each step (an account gets the normal notification instead)."""

from sqlalchemy.orm import Session

from api.core.settings import Settings
from api.mail import service as mail
from api.proposals import wording
from api.proposals.models import Proposal


def tell_visitor(
    session: Session, settings: Settings, proposal: Proposal, title: str, version: int | None
) -> None:
    if proposal.proposer_user_id is not None or not proposal.proposer_email:
        return
    told = wording.step(proposal.status.value, title, version, proposal.reason)
    link = f"{settings.public_url.rstrip('/')}/producten/{proposal.product_id}"
    mail.send(
        session,
        settings,
        to=proposal.proposer_email,
        subject=told.title[:200],
        body=(
            f"Beste {proposal.proposer_name or 'indiener'},\n\n{told.text}\n\nHet product: "
            f"{link}\n\nU krijgt dit bericht omdat u bij uw verbetervoorstel uw e-mailadres "
            "achterliet. Wij bewaren het alleen om u over dit voorstel te berichten.\n"
        ),
    )
