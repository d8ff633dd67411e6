"""The ``annales`` command: a thin layer over the library.

Exit status: 0 when everything was read and analysed; 1 on an error that stopped the command;
2 on a usage error; 3 when some inputs failed (each is reported and skipped, the rest is stored).
"""
from __future__ import annotations

import sys

import click

from annales import __version__
from annales.errors import AnnalesError
from annales.settings import Settings

EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL = 1, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="annales")
@click.option("--db", metavar="PATH", help="SQLite database (default: annales.db here, or $ANNALES_DB).")
@click.option("--quiet", "-q", is_flag=True, default=None, help="Print only errors and results.")
@click.pass_context
def cli(ctx: click.Context, db: str | None, quiet: bool | None) -> None:
    """annales: a sourced, deduplicated timeline of political events from news articles.

    \b
    Typical use:
      annales run examples/seeds        read, clean, date, analyse and store articles
      annales timeline                  the merged happenings, by date
      annales export --format html OUT  a self-contained report (also jsonl, csv, markdown)
    """
    ctx.obj = Settings.from_env().override(db=db, quiet=quiet)


def _register() -> None:
    from annales.cli import export, inspect, run, serve, timeline

    for module in (run, inspect, timeline, export, serve):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the CLI and turns AnnalesError into 'Error: ...' and an exit code."""
    try:
        result = cli.main(args=argv, prog_name="annales", standalone_mode=False)
    except AnnalesError as error:
        click.echo(f"Error: {error}", err=True)
        return EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_ERROR
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Exit as done:
        return done.exit_code
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
