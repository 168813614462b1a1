"""Imports every domain's tables so that `Base.metadata` is complete (for alembic and tests)."""

from api.accounts import models as accounts
from api.audit import models as audit
from api.core import figure_cache, idempotency, sequences
from api.core.orm import Base
from api.digests import models as digests
from api.ict import models as ict
from api.jobs import models as jobs
from api.mail import models as mail
from api.measures import models as measures
from api.meetings import models as meetings
from api.municipalities import models as municipalities
from api.newsletters import models as newsletters
from api.notifications import models as notifications
from api.organisations import models as organisations
from api.products import models as products
from api.progress import contact_models as progress_contacts
from api.progress import models as progress
from api.proposals import models as proposals
from api.questions import models as questions
from api.satisfaction import models as satisfaction
from api.seed import models as seed
from api.signals import models as signals
from api.surveys import models as surveys

__all__ = [
    "Base",
    "accounts",
    "audit",
    "digests",
    "figure_cache",
    "ict",
    "idempotency",
    "jobs",
    "mail",
    "measures",
    "meetings",
    "municipalities",
    "newsletters",
    "notifications",
    "organisations",
    "products",
    "progress",
    "progress_contacts",
    "proposals",
    "questions",
    "satisfaction",
    "seed",
    "sequences",
    "signals",
    "surveys",
]
