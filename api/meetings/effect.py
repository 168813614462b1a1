"""Did it help? Of the municipalities late or at risk on a meeting's measures when it began,
those who attended against those who did not: how many have since moved at least one phase
forward on those measures.

The state at the start is the progress history's (the grid as it stood at the end of the day
before, judged on the day itself: what a `peildatum` shows), the state now the kept grid's. The
comparison says who moved, not why: the text says so, and a group under five municipalities is
flagged as too small to conclude anything."""

from datetime import date, timedelta

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import clock
from api.core.errors import ConflictError
from api.core.schemas import CodeName
from api.core.security import Principal
from api.meetings import policy, service
from api.meetings import repository_reach as reach_repository
from api.meetings.models import MeetingStatus
from api.meetings.reach_schemas import Effect, EffectGroup, EffectMunicipality
from api.progress import grid
from api.progress.deadlines import TrafficLight
from api.progress.models import PHASE_ORDER

SMALLEST_GROUP = 5
METHOD = (
    "Vergeleken zijn de gemeenten die bij het begin van de bijeenkomst te laat waren of risico "
    "liepen op minstens één van haar maatregelen (de stand aan het eind van de dag ervoor, "
    "beoordeeld op de dag zelf). Wie iemand aanwezig had, staat bij 'aanwezig', de rest bij "
    "'niet aanwezig'. Vooruit is een gemeente die nu op minstens één van die maatregelen in een "
    "latere fase staat dan toen. Het aandeel is vooruit gedeeld door het aantal. Bij elke "
    "gemeente staat of zij een uitnodiging kreeg. Dit laat zien wie vooruitging, niet "
    "waardoor: gemeenten die komen, zijn vaak ook de gemeenten die al in beweging zijn."
)
CAUTION = (
    f"Een van de groepen telt minder dan {SMALLEST_GROUP} gemeenten: te weinig om er iets uit "
    "te concluderen."
)
_RANK = {phase: i for i, phase in enumerate(PHASE_ORDER)}


def _group(
    codes: list[str], moved: set[str], invited: set[str], names: dict[str, str]
) -> EffectGroup:
    forward = sum(code in moved for code in codes)
    return EffectGroup(
        aantal=len(codes),
        vooruit=forward,
        aandeel=round(forward / len(codes), 4) if codes else None,
        te_klein=len(codes) < SMALLEST_GROUP,
        uitgenodigd=sum(code in invited for code in codes),
        gemeenten=[
            EffectMunicipality(
                gemeente=CodeName(code=c, naam=names[c]),
                vooruit=c in moved,
                uitgenodigd=c in invited,
            )
            for c in codes
        ],
    )


def effect(session: Session, state: State, principal: Principal, meeting_id: int) -> Effect:
    policy.require_team(principal, "Het effect van een bijeenkomst inzien")
    meeting = service.get(session, meeting_id)
    if meeting.status is MeetingStatus.CANCELLED:
        raise ConflictError("Deze bijeenkomst is geannuleerd: er is geen effect te meten.")
    now = clock.now()
    if meeting.starts_at > now:
        raise ConflictError("Deze bijeenkomst is nog niet begonnen.")
    today = clock.today()
    start_day: date = clock.dutch_date(meeting.starts_at)
    then = grid.build(session, start_day, as_of=start_day - timedelta(days=1))
    current = grid.current(session, today, state)
    codes = [m.code for m in meeting.measures]
    behind = [
        place.code
        for place in then.places.values()
        if any(
            then.facts[place.code, code].verdict.light is not TrafficLight.ON_TRACK
            for code in codes
        )
    ]
    moved = {
        place
        for place in behind
        if any(
            _RANK[current.facts[place, code].phase] > _RANK[then.facts[place, code].phase]
            for code in codes
        )
    }
    came = reach_repository.attended(session, meeting.id)
    names = {p.code: p.name for p in current.places.values()}
    invited = reach_repository.invited_municipalities(session, meeting.id)
    attended = _group([c for c in behind if c in came], moved, invited, names)
    stayed_away = _group([c for c in behind if c not in came], moved, invited, names)
    return Effect(
        maatregelen=[CodeName(code=m.code, naam=m.title) for m in meeting.measures],
        peildatum_begin=start_day,
        peildatum=today,
        aanwezig=attended,
        niet_aanwezig=stayed_away,
        methode=METHOD,
        voorbehoud=CAUTION if attended.te_klein or stayed_away.te_klein else None,
    )
