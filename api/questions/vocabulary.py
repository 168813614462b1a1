"""The questions' words that routers need for their parameters and presenters: channels and
states, the inbox filter, and the question a presenter shapes. They are defined beside the
tables and the queries; routers take them from here, so that no router imports either."""

from api.questions.models import Channel as Channel
from api.questions.models import FaqStatus as FaqStatus
from api.questions.models import Question as Question
from api.questions.models import QuestionStatus as QuestionStatus
from api.questions.repository import QuestionFilter as QuestionFilter
