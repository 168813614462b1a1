"""The progress words that routers and other domains need, with their Dutch labels. They are
defined beside the tables; routers take them from here, so that no router imports the tables."""

from api.progress.models import BlockerKind as BlockerKind

BLOCKER_KIND_LABELS: dict[BlockerKind, str] = {
    BlockerKind.LAW: "Wet- en regelgeving",
    BlockerKind.ICT: "ICT en leveranciers",
    BlockerKind.FINANCE: "Financiën",
    BlockerKind.EXECUTION: "Uitvoering en capaciteit",
    BlockerKind.CHAIN_PARTNERS: "Ketenpartners",
    BlockerKind.PRODUCTS: "Implementatieproducten",
}
"""As screens and exports show them (the SPA keeps the same words in src/progress/labels.ts)."""


def blocker_kind_choices() -> str:
    """Every kind as the API takes it, with its label: for descriptions and messages."""
    return ", ".join(f"{kind.value} ({label})" for kind, label in BLOCKER_KIND_LABELS.items())
