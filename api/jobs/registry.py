"""The scheduled jobs: name, what it does, when, and the work itself.

A job's work is `(session, settings, now) -> str`: it commits what it did (in steps, if it
sends mail, so a crash resumes where it stopped) and returns a short outcome in Dutch for
`spoorboek jobs list`. Any job may run twice for the same period (a run by hand, a holder
that died and was taken over), so the work itself must never do anything twice: the sending
functions lock and mark what they sent, the reminders remember which they gave."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from api.core.clock import dutch_date
from api.core.dutch import plural
from api.core.settings import Settings
from api.digests import sending as digest_sending
from api.jobs import repository
from api.jobs.schedules import Schedule, daily, every
from api.mail.service import deliver_pending
from api.meetings import ratings as meeting_ratings
from api.meetings import registrations as meeting_registrations
from api.newsletters import bounces as newsletter_bounces
from api.newsletters import sending as newsletter_sending
from api.newsletters import subscriptions as newsletter_subscriptions
from api.notifications import reminders
from api.notifications.sending import send_due, send_summaries
from api.satisfaction import ratings
from api.surveys import privacy as survey_privacy
from api.surveys import rounds as survey_rounds

JobFunction = Callable[[Session, Settings, datetime], str]

KEEP_RUNS = timedelta(days=30)


@dataclass(frozen=True)
class Job:
    name: str
    """Dutch, kebab-case: what `spoorboek jobs run NAME` takes."""
    description: str
    schedule: Schedule
    work: JobFunction
    lease: timedelta = timedelta(minutes=10)
    """How long a run may take before another scheduler takes it for dead and runs it again:
    well above the longest run."""
    retry_after: timedelta = timedelta(minutes=15)
    """How long after a failure the scheduler tries the same period again (a daily job
    within its day; a minute job's next period comes first)."""


def _send_due(session: Session, settings: Settings, now: datetime) -> str:
    return f"{plural(send_due(session, settings, session.commit), 'melding', 'meldingen')} gemaild"


def _send_summaries(session: Session, settings: Settings, now: datetime) -> str:
    sent = send_summaries(session, settings, session.commit)
    return f"{plural(sent, 'dagoverzicht', 'dagoverzichten')} verstuurd"


def _deliver_pending(session: Session, settings: Settings, now: datetime) -> str:
    delivered, failed = deliver_pending(session, settings)
    session.commit()
    return f"verstuurd: {delivered}, mislukt: {failed}"


def _reminders(remind: Callable[[Session, Settings, date], str]) -> JobFunction:
    """A reminder of api/notifications/reminders.py, for today in the Netherlands; it leaves
    the commit to the job."""

    def work(session: Session, settings: Settings, now: datetime) -> str:
        outcome = remind(session, settings, dutch_date(now))
        session.commit()
        return outcome

    return work


def _expire_rating_comments(session: Session, settings: Settings, now: datetime) -> str:
    emptied = ratings.expire_comments(session, settings, now)
    session.commit()
    return f"{plural(emptied, 'toelichting', 'toelichtingen')} bij beoordelingen geleegd"


def _meeting_reminders(session: Session, settings: Settings, now: datetime) -> str:
    sent = meeting_registrations.remind(session, settings, now)
    session.commit()
    return f"{plural(sent, 'herinnering', 'herinneringen')} voor bijeenkomsten verstuurd"


def _meeting_evaluation(session: Session, settings: Settings, now: datetime) -> str:
    asked = meeting_ratings.ask_attendees(session, settings, now, session.commit)
    emptied = meeting_ratings.expire_comments(session, settings, now)
    session.commit()
    return (
        f"{plural(asked, 'aanwezige', 'aanwezigen')} om een beoordeling gevraagd, "
        f"{plural(emptied, 'toelichting', 'toelichtingen')} geleegd"
    )


def _send_newsletters(session: Session, settings: Settings, now: datetime) -> str:
    outcome = newsletter_sending.send_due(session, settings, now)
    # After the sending: the outbox tried this run's mail when its batch was committed.
    bounced = newsletter_bounces.record_bounces(session, now)
    session.commit()
    return f"{outcome}, {bounced} onbestelbaar"


def _send_digests(session: Session, settings: Settings, now: datetime) -> str:
    return digest_sending.send_due(session, settings, now)


def _forget_stale_signups(session: Session, settings: Settings, now: datetime) -> str:
    unconfirmed, counts = newsletter_subscriptions.forget_stale(session, now)
    session.commit()
    return (
        f"{plural(unconfirmed, 'onbevestigde aanmelding', 'onbevestigde aanmeldingen')} en "
        f"{plural(counts, 'oude telling', 'oude tellingen')} vergeten"
    )


def _prune_runs(session: Session, settings: Settings, now: datetime) -> str:
    removed = repository.delete_finished_before(session, now - KEEP_RUNS)
    session.commit()
    return f"{plural(removed, 'oude uitvoering', 'oude uitvoeringen')} verwijderd"


def _survey_rounds(session: Session, settings: Settings, now: datetime) -> str:
    closed, reminded = survey_rounds.close_and_remind(session, settings, dutch_date(now))
    session.commit()
    return (
        f"{plural(closed, 'peilingronde', 'peilingrondes')} gesloten, "
        f"{plural(reminded, 'herinnering', 'herinneringen')} verstuurd"
    )


def _survey_retention(session: Session, settings: Settings, now: datetime) -> str:
    cleared = survey_privacy.clear_old_texts(session, settings, now)
    session.commit()
    return (
        f"{plural(cleared, 'open peilingantwoord', 'open peilingantwoorden')} gewist "
        "na de bewaartermijn"
    )


JOBS: dict[str, Job] = {
    job.name: job
    for job in (
        Job(
            "meldingen-mailen",
            "Mailt elke melding waarvoor iemand direct een e-mail wil.",
            every(1),
            _send_due,
        ),
        Job(
            "dagoverzicht",
            "Mailt iedereen met meldingen voor het dagoverzicht één overzicht.",
            daily("07:00"),
            _send_summaries,
            lease=timedelta(hours=1),
        ),
        Job(
            "mail-opnieuw",
            "Probeert e-mail uit de outbox die niet verstuurd kon worden opnieuw.",
            every(5),
            _deliver_pending,
        ),
        Job(
            "herinneringen-vragen",
            "Herinnert adviseurs (en daarna de teamleider) aan vragen die bijna of te laat zijn.",
            daily("06:30"),
            _reminders(reminders.question_deadlines),
            lease=timedelta(minutes=30),
        ),
        Job(
            "herinneringen-producten",
            "Herinnert eigenaren aan producten die volgens het leveringsplan bijna of te laat "
            "zijn.",
            daily("06:30"),
            _reminders(reminders.product_deadlines),
            lease=timedelta(minutes=30),
        ),
        Job(
            "herinneringen-gemeenten",
            "Herinnert contactpersonen aan startdata en achterstanden van hun gemeente.",
            daily("06:30"),
            _reminders(reminders.municipality_deadlines),
            lease=timedelta(minutes=30),
        ),
        Job(
            "beoordelingen-toelichtingen-opruimen",
            "Leegt de toelichtingen bij beoordelingen van antwoorden die ouder zijn dan de "
            "bewaartermijn; de scores blijven.",
            daily("03:30"),
            _expire_rating_comments,
        ),
        Job(
            "peiling-rondes",
            "Sluit peilingrondes na hun sluitingsdatum en herinnert wie nog niet antwoordde "
            "één keer.",
            daily("06:45"),
            _survey_rounds,
            lease=timedelta(minutes=30),
        ),
        Job(
            "peiling-bewaartermijn",
            "Wist open antwoorden van de peiling die ouder zijn dan de bewaartermijn.",
            daily("03:30"),
            _survey_retention,
        ),
        Job(
            "bijeenkomsten-herinneringen",
            "Herinnert wie een plaats heeft de dag voor de bijeenkomst, met het .ics-bestand, "
            "één keer.",
            daily("06:45"),
            _meeting_reminders,
            lease=timedelta(minutes=30),
        ),
        Job(
            "bijeenkomsten-evaluatie",
            "Vraagt wie bij een afgelopen bijeenkomst aanwezig was één keer per e-mail hoe "
            "nuttig die was, en leegt toelichtingen ouder dan de bewaartermijn.",
            daily("06:50"),
            _meeting_evaluation,
            lease=timedelta(minutes=30),
        ),
        Job(
            "nieuwsbrief-verzenden",
            "Verstuurt geplande edities van de nieuwsbrief, elke minuut aan de volgende groep "
            "abonnees, en legt vast welke e-mail de mailserver weigerde.",
            every(1),
            _send_newsletters,
            # A batch is committed before its mail is delivered, one connection to the mail
            # server per message: a large batch on a slow server takes minutes.
            lease=timedelta(minutes=30),
        ),
        Job(
            "persoonlijk-overzicht-verzenden",
            "Mailt contactpersonen hun persoonlijk overzicht: op maandag wie het wekelijks "
            "wil, op de 1e wie het maandelijks wil (een gemiste dag haalt de volgende in), "
            "ieder één keer per periode.",
            daily("07:00"),
            _send_digests,
            # One contact at a time, each composed from her municipalities' progress.
            lease=timedelta(hours=1),
        ),
        Job(
            "nieuwsbrief-opruimen",
            "Vergeet aanmeldingen voor de nieuwsbrief waarvan de bevestigingslink ongebruikt "
            "verliep, en tellingen van aanmeldingen waarvan de periode voorbij is.",
            daily("03:20"),
            _forget_stale_signups,
        ),
        Job(
            "uitvoeringen-opruimen",
            "Verwijdert afgeronde uitvoeringen van taken die ouder zijn dan 30 dagen.",
            daily("03:15"),
            _prune_runs,
        ),
    )
}
