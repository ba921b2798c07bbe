"""The `marsad` Typer application, its consoles and the helpers every command shares."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .. import __version__
from ..errors import MarsadError

app = typer.Typer(
    name="marsad",
    help=(
        "Marsad (مرصد): read Arabic news and extremist discourse and turn it into evidence — "
        "who did what, where and when, and how it is said — every label pointing at its words.\n\n"
        "Start with:  marsad analyze ARTICLE.txt --published 2019-03-21"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
stdout = Console(soft_wrap=False)
stderr = Console(stderr=True, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"marsad {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    pass


def command_group(name: str, help: str) -> typer.Typer:
    """The `marsad NAME` group (`train`, `eval`...), shared by every area that adds commands to it.

    The first module to ask creates and registers it; later ones get the same group.
    """
    for info in app.registered_groups:
        if info.name == name and info.typer_instance is not None:
            return info.typer_instance
    group = typer.Typer(help=help, no_args_is_help=True)
    app.add_typer(group, name=name)
    return group


def progress_bar(enabled: bool = True, transient: bool = True, spinner: bool = True) -> Progress:
    """The commands' progress bar on stderr: step, bar, done/total, time elapsed."""
    columns = [SpinnerColumn()] if spinner else []
    columns += [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    return Progress(*columns, console=stderr, transient=transient, disable=not enabled)


def fail(error: MarsadError) -> typer.Exit:
    """Print a coded error on one line and return the Exit to raise."""
    stderr.print(f"[red]error[/red] {error}", highlight=False)
    return typer.Exit(error.exit_code)
