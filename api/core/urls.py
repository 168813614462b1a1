"""Where the API lives, for building links in responses."""

API_PREFIX = "/api/v1"


def api_path(*segments: object) -> str:
    return "/".join([API_PREFIX, *(str(segment) for segment in segments)])
