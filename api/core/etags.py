"""Entity tags (RFC 9110): how this API makes them and how it reads the ones a client sends."""

import hashlib
import re

# An entity tag as RFC 9110 defines it, limited to ASCII: the tags this API hands out are.
_ENTITY_TAG = re.compile(r'(?:W/)?("[\x21\x23-\x7e]{0,200}")')


def entity_tags(header: str) -> set[str]:
    """The tags an If-Match or If-None-Match lists, quoted and without W/ (weak comparison).
    A malformed member is left out: it matches nothing, and never fails the request."""
    members = (_ENTITY_TAG.fullmatch(member.strip()) for member in header.split(","))
    return {found.group(1) for found in members if found is not None}


def none_match_hits(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match names `etag` (or is *): then the answer is 304."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return etag in entity_tags(if_none_match)


def etag_for(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def version_tag(version_key: str, path: str, query: str) -> str:
    """The tag of an answer that depends on a version key and its URL: every worker makes the
    same one, and a client that has it gets 304 without anything being built."""
    return etag_for(f"{version_key}|{path}?{query}".encode())
