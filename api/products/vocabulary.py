"""The catalogue's words that routers need for their parameters: the kinds, states and
audiences of products, and the filter of the list. They are defined beside the tables and the
queries; routers take them from here, so that no router imports either."""

from api.products.models import Audience as Audience
from api.products.models import ProductStatus as ProductStatus
from api.products.models import ProductType as ProductType
from api.products.repository import ProductFilter as ProductFilter
