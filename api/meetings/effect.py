"""Did it help? Of the municipalities late or at risk on a meeting's measures when it began,
those who attended against those who did not: how many have since moved at least one phase
forward on those measures.

The state at the start is the progress history's (the grid as it stood at the end of the day
before, judged on the day itself: what a `peildatum` shows), the state now the kept grid's. The
comparison says who moved, not why: the text says so, and a group under five municipalities is
flagged as too small to conclude anything."""

import json
from datetime import date, timedelta

from sqlalchemy.orm import Session
from starlette.datastructures import State

from api.core import clock, data_versions
from api.core.errors import ConflictError
from api.core.figure_cache import cached
from api.core.schemas import CodeName
from api.core.security import Principal
from api.meetings import policy, service
from api.meetings import repository_reach as reach_repository
from api.meetings.models import MeetingStatus
from api.meetings.reach_schemas import Effect, EffectGroup, EffectMunicipality
from api.progress import grid
from api.progress.deadlines import TrafficLight
from api.progress.models import PHASE_ORDER, Phase

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
ON_TRACK = TrafficLight.ON_TRACK
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


def _behind_at_start(
    session: Session, start_day: date, codes: list[str], today: date
) -> dict[str, dict[str, str]]:
    """The municipalities late or at risk on one of `codes` at the start of `start_day`, each
    with her phase per measure then. A past day's history no longer changes, so it is worked
    out once per version of the reference data (as the progress figures of a past day are)."""

    def compute() -> str:
        then = grid.build(session, start_day, as_of=start_day - timedelta(days=1))
        return json.dumps(
            {
                place: {code: then.facts[place, code].phase.value for code in codes}
                for place in then.places
                if any(then.facts[place, code].verdict.light is not ON_TRACK for code in codes)
            }
        )

    if start_day >= today:
        return json.loads(compute())  # type: ignore[no-any-return]
    key = f"bijeenkomst-begin:{start_day}:{'+'.join(codes)}"
    version = data_versions.key(session, data_versions.REFERENCE)
    return json.loads(cached(session, key, version, compute))  # type: ignore[no-any-return]


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
    codes = [m.code for m in meeting.measures]
    then = _behind_at_start(session, start_day, codes, today)
    current = grid.current(session, today, state)
    behind = sorted(then)
    moved = {
        place
        for place in behind
        if any(
            _RANK[current.facts[place, code].phase] > _RANK[Phase(then[place][code])]
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
