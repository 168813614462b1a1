"""The accounts' words that routers need for their parameters: the filter of the user list.
It is defined beside the queries; routers take it from here, so that no router imports them."""

from api.accounts.repository import UserFilter as UserFilter
