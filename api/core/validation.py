"""Collects every invalid parameter of a request before failing, so a client fixes all at once."""

from collections.abc import Callable, Collection

from api.core.dutch import plural
from api.core.errors import InvalidInputError
from api.core.problem import InvalidParam


class InvalidParams:
    def __init__(self) -> None:
        self._params: list[InvalidParam] = []

    def unknown(self, name: str, value: object, known: Callable[[], Collection[object]]) -> None:
        """Reports `value` unless it is None or among `known()`, which is only called if needed."""
        if value is None:
            return
        values = known()
        if value not in values:
            choices = ", ".join(sorted(str(k) for k in values))
            self._params.append(
                {
                    "name": name,
                    "in": "query",
                    "code": "unknown_value",
                    "reason": f"'{value}' bestaat niet; kies uit {choices}.",
                }
            )

    def add(self, name: str, code: str, reason: str, location: str = "query") -> None:
        self._params.append({"name": name, "in": location, "code": code, "reason": reason})

    def raise_if_any(self) -> None:
        if self._params:
            raise InvalidInputError(
                f"{plural(len(self._params), 'parameter', 'parameters')} ongeldig; "
                "zie invalidParams.",
                self._params,
            )
