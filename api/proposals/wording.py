"""What a proposer is told at each step, in one wording for the notification of an account and
the mail to an address left with the proposal."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Told:
    title: str
    text: str


def step(status: str, title: str, version: int | None, reason: str | None) -> Told:
    if status == "overgenomen":
        return Told(
            f"Uw verbetervoorstel is overgenomen: {title}",
            f"Uw verbetervoorstel voor '{title}' is overgenomen en komt in versie {version}.",
        )
    if status == "afgewezen":
        return Told(
            f"Uw verbetervoorstel is niet overgenomen: {title}",
            f"Uw verbetervoorstel voor '{title}' is niet overgenomen. De reden: {reason}",
        )
    return Told(
        f"Uw verbetervoorstel is verwerkt: {title}",
        f"Versie {version} van '{title}' is gepubliceerd, met uw verbetervoorstel erin.",
    )


def received(title: str, version: int) -> Told:
    return Told(
        f"Nieuw verbetervoorstel: {title}",
        f"Er is een verbetervoorstel binnengekomen voor versie {version} van '{title}'. Neem het "
        "over in een volgende versie of wijs het af met een reden.",
    )
