"""The names a router may use from this domain's tables: the statuses it filters by and the
row it hands back to a presenter."""

from api.proposals.models import Proposal, ProposalStatus

__all__ = ["Proposal", "ProposalStatus"]
