"""The agenda's words that routers need for their parameters: kinds, audiences, statuses.
Defined beside the tables; routers take them from here."""

from api.meetings.models import Attendance as Attendance
from api.meetings.models import Audience as Audience
from api.meetings.models import HostRole as HostRole
from api.meetings.models import Meeting as Meeting
from api.meetings.models import MeetingKind as MeetingKind
from api.meetings.models import MeetingStatus as MeetingStatus
from api.meetings.models import RegistrationStatus as RegistrationStatus
