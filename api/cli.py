"""`spoorboek`: the command line for operators: migrate, seed, demo, serve, openapi."""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from api.core.db import new_session
from api.core.settings import get_settings

app = typer.Typer(
    help="Spoorboek: beheer van database, referentiedata en server.", no_args_is_help=True
)
console = Console(stderr=True)


@contextmanager
def _progress() -> Iterator[Callable[[str, int], Callable[[], None]]]:
    with Progress(
        TextColumn("{task.description:<24}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=False,
    ) as progress:

        def start(name: str, total: int) -> Callable[[], None]:
            task = progress.add_task(name, total=total)
            return lambda: progress.advance(task)

        yield start


@app.command()
def migrate() -> None:
    """Breng het databaseschema naar de nieuwste versie (alembic upgrade head)."""
    from api.core.migrations import upgrade_to_head

    url = get_settings().database_url
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    upgrade_to_head(url)
    console.print("[green]Database is bijgewerkt.[/green]")


@app.command()
def seed(
    data_dir: Annotated[
        Path | None, typer.Option(help="Map met eigen seedbestanden (standaard: meegeleverd).")
    ] = None,
) -> None:
    """Laad de referentiedata. Herhaalbaar; overschrijft nooit wat een redacteur wijzigde."""
    from api.seed.reference import DATA_DIR, load_reference_data

    with new_session() as session, _progress() as progress:
        reports = load_reference_data(session, data_dir=data_dir or DATA_DIR, progress=progress)
        session.commit()
    table = Table("gegevens", "nieuw", "bijgewerkt", "ongewijzigd", "redactiewijziging behouden")
    for r in reports:
        table.add_row(
            r.entity, str(r.created), str(r.updated), str(r.unchanged), str(len(r.kept_edits))
        )
    console.print(table)
    for r in reports:
        for field in r.kept_edits:
            console.print(
                f"[yellow]behouden[/yellow] {r.entity}: {field} (gewijzigd door redactie)"
            )


@app.command()
def demo() -> None:
    """Laad de demonstratiegegevens (vast en herhaalbaar), na `seed`."""
    from api.seed.demo import load_demo_data

    with new_session() as session, _progress() as progress:
        reports = load_demo_data(session, progress=progress)
        session.commit()
    table = Table("demonstratiegegevens", "nieuw", "bestond al")
    for r in reports:
        table.add_row(r.part, str(r.created), str(r.existing))
    console.print(table)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Adres om op te luisteren.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Poort.")] = 8000,
    workers: Annotated[int, typer.Option(help="Aantal werkprocessen.")] = 1,
    reload: Annotated[bool, typer.Option(help="Herstart bij codewijzigingen.")] = False,
) -> None:
    """Start de API en de webapplicatie."""
    import uvicorn

    console.print(f"Spoorboek draait op http://{host}:{port}")
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        proxy_headers=True,
        log_config=None,
    )


@app.command()
def openapi(
    output: Annotated[Path | None, typer.Option(help="Schrijf naar dit bestand.")] = None,
) -> None:
    """Schrijf het OpenAPI-document van de API (zoals gepubliceerd op /api/v1/openapi.json)."""
    from api.main import create_api

    document = json.dumps(create_api(get_settings()).openapi(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        typer.echo(document, nl=False)
    else:
        output.write_text(document, encoding="utf-8")
        console.print(f"OpenAPI-document geschreven naar {output}")
