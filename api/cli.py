"""`spoorboek`: the command line for operators: migrate, seed, demo, serve, openapi, and the
scheduled jobs (`spoorboek jobs ...`)."""

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Column, Table

from api.core.db import new_session
from api.core.settings import get_settings

app = typer.Typer(
    help="Spoorboek: beheer van database, referentiedata en server.", no_args_is_help=True
)
console = Console(stderr=True)
jobs_app = typer.Typer(
    help="Geplande taken: herinneringen, dagoverzichten en e-mail opnieuw proberen.",
    no_args_is_help=True,
)
app.add_typer(jobs_app, name="jobs")


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
    """Laad de demonstratiegegevens (vast en herhaalbaar), na `seed`. Niet in productie."""
    from api.seed.demo import load_demo_data
    from api.seed.demo_accounts import DEMO_CLIENTS, DEMO_PASSWORD, DEMO_USERS
    from api.seed.demo_ict import SUPPLIER_CLIENT

    if get_settings().environment == "production":
        console.print("[red]Demonstratiegegevens horen niet in productie.[/red]")
        raise typer.Exit(code=2)
    with new_session() as session, _progress() as progress:
        reports = load_demo_data(session, get_settings(), progress=progress)
        session.commit()
    table = Table("demonstratiegegevens", "nieuw", "bestond al")
    for r in reports:
        table.add_row(r.part, str(r.created), str(r.existing))
    console.print(table)
    # Plain lines, never wrapped or cut off: these are meant to be copied.
    typer.echo(f"\nInloggen (alleen demo), wachtwoord voor iedereen: {DEMO_PASSWORD}")
    for user in DEMO_USERS:
        typer.echo(f"  {', '.join(r.value for r in user.roles):<10} {user.email}  ({user.name})")
    typer.echo("Koppelingen (alleen demo):")
    for client in (*DEMO_CLIENTS, SUPPLIER_CLIENT):
        typer.echo(
            f"  client_id={client.client_id} client_secret={client.secret} "
            f"scopes={' '.join(client.scopes)}  ({client.name})"
        )


def _read_new_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    password: str = typer.prompt("Wachtwoord", hide_input=True, confirmation_prompt=True)
    return password


@app.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(help="E-mailadres van de beheerder.")],
    name: Annotated[str, typer.Option(help="Naam van de beheerder.")],
    password_stdin: Annotated[
        bool, typer.Option(help="Lees het wachtwoord van standaardinvoer (voor scripts).")
    ] = False,
) -> None:
    """Maak een beheerder aan (de eerste, of een extra) met een wachtwoord."""
    from api.accounts.admin_cli import create_admin as create

    password = _read_new_password(password_stdin)
    with new_session() as session:
        problems = create(session, email=email, name=name, password=password)
        if problems:
            for problem in problems:
                console.print(f"[red]{problem}[/red]")
            raise typer.Exit(code=2)
        session.commit()
    console.print(f"[green]Beheerder {email} aangemaakt.[/green]")


@app.command("create-client")
def create_client(
    name: Annotated[str, typer.Option(help="Naam van de koppeling.")],
    kind: Annotated[str, typer.Option(help="partner, script of leverancier.")],
    scope: Annotated[
        list[str], typer.Option(help="Scope, bijvoorbeeld producten:lezen (herhaalbaar).")
    ],
    municipality: Annotated[
        list[str] | None, typer.Option(help="Gemeentecode voor een script (herhaalbaar).")
    ] = None,
    organisation: Annotated[
        str | None, typer.Option(help="Organisatiecode (partner, leverancier).")
    ] = None,
) -> None:
    """Maak een machinekoppeling; client_id en geheim worden één keer getoond."""
    from api.accounts.admin_cli import create_client as create
    from api.core.errors import DomainError

    with new_session() as session:
        try:
            client_id, secret = create(
                session,
                name=name,
                kind=kind,
                scopes=scope,
                municipalities=municipality or [],
                organisation=organisation,
            )
        except DomainError as exc:
            console.print(f"[red]{exc.detail}[/red]")
            for param in exc.extra.get("invalidParams", []):
                console.print(f"[red]- {param['name']}: {param['reason']}[/red]")
            raise typer.Exit(code=2) from exc
        session.commit()
    typer.echo(f"client_id={client_id}")
    typer.echo(f"client_secret={secret}")
    console.print("[yellow]Bewaar het geheim nu: het wordt niet opnieuw getoond.[/yellow]")


@app.command("deliver-mail")
def deliver_mail() -> None:
    """Verstuur e-mail uit de outbox die nog niet verstuurd kon worden."""
    from api.mail.service import deliver_pending

    with new_session() as session:
        delivered, failed = deliver_pending(session, get_settings())
        session.commit()
    console.print(f"verstuurd: {delivered}, mislukt: {failed}")
    if failed:
        raise typer.Exit(code=1)


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


def _dutch_time(moment: datetime) -> str:
    from api.core.clock import AMSTERDAM

    return moment.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M")


@jobs_app.command("list")
def jobs_list() -> None:
    """Toon elke taak met haar schema, laatste uitvoering, uitkomst en volgende beurt."""
    from api.core import clock
    from api.jobs.runner import BY_HAND, Runner

    runner = Runner(new_session, get_settings())
    with new_session() as session:
        states = runner.overview(session)
    now = clock.now()
    table = Table("schema", "laatste uitvoering", "uitkomst", "toelichting", "volgende")
    # The names are meant to be copied into `spoorboek jobs run`: never cut short.
    longest = max((len(name) for name in runner.jobs), default=4)
    table.columns.insert(0, Column("taak", no_wrap=True, min_width=longest))
    for state in states:
        last = state.last
        if last is None:
            started, outcome, detail = "nog nooit", "", ""
        else:
            by_hand = " (met de hand)" if last.period.startswith(BY_HAND) else ""
            started = _dutch_time(last.started_at) + by_hand
            outcome, detail = last.outcome, last.detail or ""
        table.add_row(
            state.job.name,
            state.job.schedule.label,
            started,
            outcome,
            detail if len(detail) <= 60 else detail[:59] + "…",
            "nu" if state.due <= now else _dutch_time(state.due),
        )
    console.print(table)


@jobs_app.command("run")
def jobs_run(
    name: Annotated[str, typer.Argument(help="De taak, zoals `spoorboek jobs list` haar noemt.")],
) -> None:
    """Voer een taak nu uit. Telt niet als de geplande uitvoering, die dus gewoon volgt."""
    from api.jobs.registry import JOBS
    from api.jobs.repository import SUCCEEDED
    from api.jobs.runner import Runner

    if name not in JOBS:
        console.print(f"[red]Onbekende taak: {name}. Bekende taken: {', '.join(JOBS)}.[/red]")
        raise typer.Exit(code=2)
    ran = Runner(new_session, get_settings()).run_by_hand(name)
    colour = "green" if ran.outcome == SUCCEEDED else "red"
    console.print(f"[{colour}]{name}: {ran.outcome}[/{colour}] ({ran.detail})")
    if ran.outcome != SUCCEEDED:
        raise typer.Exit(code=1)


@jobs_app.command("scheduler")
def jobs_scheduler(
    poll: Annotated[
        float, typer.Option(help="Hoogstens zoveel seconden tussen twee rondes.", min=1)
    ] = 15,
    once: Annotated[
        bool,
        typer.Option(
            "--once",
            help="Voer uit wat nu aan de beurt is en stop (voor cron of een Kubernetes CronJob).",
        ),
    ] = False,
) -> None:
    """Start de planner: voert elke taak op haar tijd uit, tot SIGTERM of Ctrl-C. Meer planners
    tegelijk, ook op andere machines, is veilig: elke taak loopt één keer per periode."""
    from api.core.logging import configure_logging
    from api.jobs.repository import SUCCEEDED
    from api.jobs.runner import Runner, serve, stop_on_signals

    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    runner = Runner(new_session, settings)
    if once:
        ran = runner.run_due()
        for run in ran:
            console.print(f"{run.job} ({run.period}): {run.outcome} ({run.detail})")
        if not ran:
            console.print("Niets aan de beurt.")
        if any(run.outcome != SUCCEEDED for run in ran):
            raise typer.Exit(code=1)
        return
    console.print(f"Planner gestart ({runner.holder}); stoppen met Ctrl-C.")
    with stop_on_signals() as stop:
        serve(runner, stop, timedelta(seconds=poll))
    console.print("Planner gestopt.")
