"""The signals' words that routers need for their parameters: kinds, states, bodies and the
signal a presenter shapes. Defined beside the tables; routers take them from here."""

from api.signals.models import Body as Body
from api.signals.models import Outcome as Outcome
from api.signals.models import Signal as Signal
from api.signals.models import SignalKind as SignalKind
from api.signals.models import SignalStatus as SignalStatus
