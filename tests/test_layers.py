"""The import contracts in .importlinter name modules one by one where import-linter's
wildcards cannot reach; these tests fail when a new router or domain is left out of them."""

import configparser
from pathlib import Path

import pytest

pytestmark = pytest.mark.engine_neutral

ROOT = Path(__file__).resolve().parents[1]
API = ROOT / "api"
NOT_DOMAINS = {"core", "__pycache__"}


def _contracts() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    assert config.read(ROOT / ".importlinter", encoding="utf-8")
    return config


def _lines(value: str) -> set[str]:
    return {line.strip() for line in value.splitlines() if line.strip()}


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def test_every_router_is_held_to_the_router_contract() -> None:
    sources = _lines(_contracts()["importlinter:contract:routers"]["source_modules"])
    routers = {_module(p) for p in API.glob("*/*router*.py")}
    assert routers, "no routers found"
    # "api.*.router" covers every domain's router.py; the others must be named.
    missing = {m for m in routers if not m.endswith(".router") and m not in sources}
    assert not missing, f"add to the routers contract in .importlinter: {sorted(missing)}"
    named = {s for s in sources if "*" not in s}
    assert named <= routers, f"no such router: {sorted(named - routers)}"


def test_every_domain_has_a_repository_contract_naming_every_other_repository() -> None:
    contracts = _contracts()
    domains = {
        p.name for p in API.iterdir() if (p / "__init__.py").exists() and p.name not in NOT_DOMAINS
    }
    repositories = {_module(p) for p in API.glob("*/repository*.py")}
    for domain in sorted(domains):
        section = f"importlinter:contract:repositories-{domain}"
        assert section in contracts, f"no contract {section} in .importlinter"
        forbidden = _lines(contracts[section]["forbidden_modules"])
        others = {r for r in repositories if not r.startswith(f"api.{domain}.")}
        assert forbidden == others, f"{section}: forbid exactly {sorted(others)}"
    core = _lines(contracts["importlinter:contract:core"]["forbidden_modules"])
    assert {f"api.{d}" for d in domains} <= core, "the core contract misses a domain"
