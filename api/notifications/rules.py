"""The one place where what happened becomes notifications, and for whom. Domains publish
their hand-overs as events (api/core/events.py) in the transaction that makes them; each
handler here picks the people who must act and nobody else. Scheduled reminders are in
api/notifications/reminders.py."""

from typing import Any

from sqlalchemy.orm import Session

from api.accounts import people
from api.core import events
from api.core.security import Role
from api.ict.consequences import IctVerdict
from api.notifications import ict_slips
from api.notifications.kinds import Kind
from api.notifications.service import Message, notify
from api.proposals import wording

VERDICT_WORDS = {"goedgekeurd": "goedgekeurd", "aanpassingen-nodig": "aanpassingen nodig"}


def review_invitation(
    product: int, title: str, version: int, occasion: str | None = None
) -> Message:
    return Message(
        title=f"Toetsen: {title}",
        text=(
            f"U bent uitgenodigd om conceptversie {version} van '{title}' te toetsen. Uw oordeel "
            "helpt het product bruikbaar te maken voor gemeenten."
        ),
        link=f"/producten/{product}",
        occasion=occasion,
    )


def review_invited(session: Session, event: dict[str, Any]) -> None:
    notify(
        session,
        Kind.REVIEW_INVITED,
        people.active_people(session, [event["reviewer"]]),
        review_invitation(event["product"], event["title"], event["version"]),
        actor_id=event["actor"],
    )


def verdict_given(session: Session, event: dict[str, Any]) -> None:
    verdict = VERDICT_WORDS.get(event["verdict"], event["verdict"])
    notify(
        session,
        Kind.VERDICT_GIVEN,
        people.active_people(session, [event["owner"], event["invited_by"]]),
        Message(
            title=f"Oordeel over {event['title']}: {verdict}",
            text=(
                f"{event['reviewer_name']} heeft versie {event['version']} van "
                f"'{event['title']}' getoetst: {verdict}."
            ),
            link=f"/producten/{event['product']}",
        ),
        actor_id=event["actor"],
    )


def product_published(session: Session, event: dict[str, Any]) -> None:
    title, version, link = event["title"], event["version"], f"/producten/{event['product']}"
    notify(
        session,
        Kind.REVIEWED_PRODUCT_PUBLISHED,
        people.active_people(session, event["reviewers"]),
        Message(
            title=f"Gepubliceerd: {title}",
            text=(
                f"Versie {version} van '{title}', die u toetste, is gepubliceerd en staat nu "
                "voor alle gemeenten klaar."
            ),
            link=link,
        ),
        actor_id=event["actor"],
    )
    # A tester who also follows it has just been told.
    followers = [f for f in event["followers"] if f not in set(event["reviewers"])]
    notify(
        session,
        Kind.FOLLOWED_PRODUCT_PUBLISHED,
        people.active_people(session, followers),
        Message(
            title=f"Nieuwe versie: {title}",
            text=f"Versie {version} van '{title}', dat u volgt, is gepubliceerd.",
            link=link,
        ),
        actor_id=event["actor"],
    )


def question_assigned(session: Session, event: dict[str, Any]) -> None:
    notify(
        session,
        Kind.QUESTION_ASSIGNED,
        people.active_people(session, [event["assignee"]]),
        Message(
            title=f"Vraag {event['question']} is aan u toegewezen",
            text=f"U behandelt nu de vraag '{event['subject']}'.",
            link=f"/vragen/{event['question']}",
        ),
        actor_id=event["actor"],
    )


def question_escalated(session: Session, event: dict[str, Any]) -> None:
    experts = people.active_with_role(session, Role.EXPERT, organisation=event["organisation"])
    notify(
        session,
        Kind.QUESTION_ESCALATED,
        experts,
        Message(
            title=f"Vraag voorgelegd: {event['subject']}",
            text=(
                "Het implementatieteam legt uw organisatie een vraag voor. Graag uw antwoord "
                f"uiterlijk {event['due']:%d-%m-%Y}."
            ),
            link=f"/expertvragen/{event['request']}",
        ),
        actor_id=event["actor"],
    )


def expert_answered(session: Session, event: dict[str, Any]) -> None:
    notify(
        session,
        Kind.EXPERT_ANSWERED,
        people.active_people(session, event["advisors"]),
        Message(
            title=f"Antwoord van {event['organisation_name']} op vraag {event['question']}",
            text=(
                f"Een expert van {event['organisation_name']} heeft de vraag "
                f"'{event['subject']}' beantwoord. Verwerk het in uw antwoord aan de "
                "vraagsteller."
            ),
            link=f"/vragen/{event['question']}",
        ),
        actor_id=event["actor"],
    )


def signal_reported(session: Session, event: dict[str, Any]) -> None:
    # The editors keep the register; admins are not asked to triage it.
    notify(
        session,
        Kind.SIGNAL_REPORTED,
        people.active_with_role(session, Role.EDITOR),
        Message(
            title=f"Nieuw signaal: {event['title']}",
            text=f"{event['reporter_name'] or 'Iemand'} meldde een signaal voor het register.",
            link=f"/signalen/{event['signal']}",
        ),
        actor_id=event["actor"],
    )


def _signal_response(signal: int, title: str) -> Message:
    # One occasion for the response: whoever heard of it when it came in (a backer) is not
    # told again when the municipalities behind the evidence are.
    return Message(
        title=f"Reactie op het signaal: {title}",
        text=(
            f"Het signaal '{title}' heeft een reactie gekregen van wie het kan veranderen. "
            "Lees wat er verandert."
        ),
        link=f"/signalen/{signal}",
        occasion=f"signaal-{signal}-reactie",
    )


def signal_responded(session: Session, event: dict[str, Any]) -> None:
    notify(
        session,
        Kind.SIGNAL_RESPONSE,
        people.active_people(session, event["backers"]),
        _signal_response(event["signal"], event["title"]),
        actor_id=event["actor"],
    )


def signal_fed_back(session: Session, event: dict[str, Any]) -> None:
    contacts = people.contacts_by_municipality(session)
    told = {p.id: p for code in event["municipalities"] for p in contacts.get(code, [])}
    notify(
        session,
        Kind.SIGNAL_RESPONSE,
        list(told.values()),
        _signal_response(event["signal"], event["title"]),
        actor_id=event["actor"],
    )


def proposal_received(session: Session, event: dict[str, Any]) -> None:
    # The product's owner decides; a product without one is the editors' to pick up.
    owners = [event["owner"]] if event["owner"] is not None else []
    told = wording.received(event["title"], event["version"])
    notify(
        session,
        Kind.PROPOSAL_RECEIVED,
        people.active_people(session, owners)
        if owners
        else people.active_with_role(session, Role.EDITOR),
        Message(title=told.title, text=told.text, link=f"/verbetervoorstellen/{event['proposal']}"),
        actor_id=event["actor"],
    )


def proposal_decided(session: Session, event: dict[str, Any]) -> None:
    # A visitor without an account is mailed by the proposals domain itself.
    if event["proposer"] is None:
        return
    told = wording.step(event["status"], event["title"], event["version"], event["reason"])
    notify(
        session,
        Kind.PROPOSAL_STEP,
        people.active_people(session, [event["proposer"]]),
        Message(
            title=told.title,
            text=told.text,
            link=f"/verbetervoorstellen/{event['proposal']}",
            occasion=f"verbetervoorstel-{event['proposal']}-{event['status']}",
        ),
        actor_id=event["actor"],
    )


def _day(day: object) -> str:
    return f"{day:%d-%m-%Y}" if day is not None else "onbekend"


def _municipalities(count: int) -> str:
    return f"{count} gemeente" if count == 1 else f"{count} gemeenten"


def ict_readiness_reported(session: Session, event: dict[str, Any]) -> None:
    """A supplier's date slipped: the contacts of every municipality whose ICT verdict for the
    measure got worse (one notification each, for all her municipalities), and the editors (one
    summary, to the help list)."""
    if not ict_slips.could_worsen(event):
        return
    slip = ict_slips.slip(session, event)
    if not slip.worsened:
        return
    what = f"{slip.measure} {slip.measure_title}"
    release = (
        f"{slip.supplier_name} levert {slip.application_name} voor {what} nu op "
        f"{_day(slip.new_date)}"
    )
    occasion = f"ict:{slip.application}:{slip.measure}:{slip.new_date}"
    contacts = people.contacts_by_municipality(session)
    theirs: dict[int, list[ict_slips.Worsened]] = {}
    by_id = {}
    for worse in slip.worsened:
        for person in contacts.get(worse.municipality, []):
            theirs.setdefault(person.id, []).append(worse)
            by_id[person.id] = person
    # One notification per contact, however many of her municipalities it concerns.
    for person_id, places in theirs.items():
        late = any(w.after is IctVerdict.LATE for w in places)
        names = ", ".join(w.name for w in places)
        consequence = (
            "na de ingangsdatum: daardoor is " + names + " door ICT te laat met deze maatregel"
            if late
            else "na de datum waarop "
            + names
            + " moet beginnen: daardoor is de maatregel door ICT in gevaar"
        )
        notify(
            session,
            Kind.ICT_DELAY,
            [by_id[person_id]],
            Message(
                title=f"{'Te laat' if late else 'Risico'} door ICT: {what}",
                text=f"{release}, {consequence}.",
                link=f"/voortgang/gemeenten/{places[0].municipality}",
                occasion=occasion,
            ),
            actor_id=event["actor"],
        )
    too_late = sum(w.after is IctVerdict.LATE for w in slip.worsened)
    at_risk = len(slip.worsened) - too_late
    counted = " en ".join(
        part
        for part in (
            f"{_municipalities(too_late)} te laat" if too_late else "",
            f"{_municipalities(at_risk)} in gevaar" if at_risk else "",
        )
        if part
    )
    notify(
        session,
        Kind.ICT_DELAY,
        people.active_with_role(session, Role.EDITOR),
        Message(
            title=f"Door ICT: {_municipalities(len(slip.worsened))} in de knel bij {slip.measure}",
            text=f"{release}. Gevolg: {counted} door ICT (zie Hulp nodig).",
            link="/voortgang/hulp-nodig",
            occasion=f"{occasion}:team",
        ),
        actor_id=event["actor"],
    )


HANDLERS = {
    events.REVIEW_INVITED: review_invited,
    events.VERDICT_GIVEN: verdict_given,
    events.PRODUCT_PUBLISHED: product_published,
    events.QUESTION_ASSIGNED: question_assigned,
    events.QUESTION_ESCALATED: question_escalated,
    events.EXPERT_ANSWERED: expert_answered,
    events.SIGNAL_REPORTED: signal_reported,
    events.SIGNAL_RESPONDED: signal_responded,
    events.SIGNAL_FED_BACK: signal_fed_back,
    events.PROPOSAL_RECEIVED: proposal_received,
    events.PROPOSAL_DECIDED: proposal_decided,
    events.ICT_READINESS_REPORTED: ict_readiness_reported,
}


def register() -> None:
    for name, handler in HANDLERS.items():
        events.subscribe(name, handler)
