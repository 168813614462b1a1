#!/usr/bin/env python3
"""Voortgang doorgeven aan Spoorboek vanuit een CSV-bestand: een voorbeeld om aan te passen.

Gebruik:

    SPOORBOEK_URL=https://spoorboek.example \\
    SPOORBOEK_CLIENT_ID=sbc_... SPOORBOEK_CLIENT_SECRET=sbs_... \\
    python voortgang_doorgeven.py voortgang.csv [--controleren]

Het CSV-bestand heeft de kolommen van de export (Spoorboek → Voortgang → Exporteren):
gemeente;maatregel;fase;geplandLivegang;stappenGereed;knelpunten;notitie
met stappenGereed als "stap=JJJJ-MM-DD;stap=JJJJ-MM-DD".

Het script
1. vraagt met de client credentials van uw koppeling een toegangstoken aan;
2. stuurt het bestand; met --controleren wordt alleen gecontroleerd, niets opgeslagen;
3. drukt per rij af wat er mis is, of hoeveel standen zijn gewijzigd.
Het is alles of niets: bij één foute rij wordt niets opgeslagen. Hetzelfde bestand twee keer
sturen is veilig: ongewijzigde standen leveren geen nieuwe geschiedenis op.

Benodigd: Python 3.11+ en httpx (pip install httpx)."""

import argparse
import os
import sys
from pathlib import Path

import httpx


def token(client: httpx.Client, client_id: str, secret: str) -> str:
    response = client.post(
        "/api/v1/oauth/token",
        data={"grant_type": "client_credentials", "scope": "voortgang:schrijven"},
        auth=(client_id, secret),
    )
    if response.status_code != 200:
        sys.exit(f"Inloggen mislukt ({response.status_code}): {response.json().get('detail')}")
    return str(response.json()["access_token"])


def send(client: httpx.Client, path: Path, check_only: bool) -> int:
    response = client.post(
        "/api/v1/voortgang/bestanden",
        params={"controleren": "true"} if check_only else None,
        files={"bestand": (path.name, path.read_bytes(), "text/csv")},
    )
    body = response.json()
    if response.status_code == 200:
        if body["gecontroleerd"]:
            print(f"Gecontroleerd: {body['rijen']} rijen, geen fouten. Niets opgeslagen.")
        else:
            print(
                f"Opgeslagen: {body['rijen']} rijen, {body['gewijzigd']} gewijzigd, "
                f"{body['ongewijzigd']} ongewijzigd."
            )
        return 0
    print(f"{body.get('title')}: {body.get('detail')}", file=sys.stderr)
    for row in body.get("rijFouten", []):
        for problem in row["fouten"]:
            print(
                f"  rij {row['rij']} ({row['gemeente']} {row['maatregel']}): {problem}",
                file=sys.stderr,
            )
    for param in body.get("invalidParams", []):
        print(f"  {param['name']}: {param['reason']}", file=sys.stderr)
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bestand", type=Path, help="CSV-bestand met de standen")
    parser.add_argument("--controleren", action="store_true", help="alleen controleren")
    args = parser.parse_args()
    base = os.environ.get("SPOORBOEK_URL", "http://127.0.0.1:8000")
    client_id = os.environ["SPOORBOEK_CLIENT_ID"]
    secret = os.environ["SPOORBOEK_CLIENT_SECRET"]
    with httpx.Client(base_url=base, timeout=60) as client:
        client.headers["Authorization"] = f"Bearer {token(client, client_id, secret)}"
        return send(client, args.bestand, args.controleren)


if __name__ == "__main__":
    sys.exit(main())
