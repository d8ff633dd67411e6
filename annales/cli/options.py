"""What the commands share: event filters, the existing store they read, the plain table printer."""
from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence

import click

from annales.model import STATUSES, DateValue


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> DateValue | None:
    if value is None:
        return None
    try:
        return DateValue.parse(value)
    except (ValueError, IndexError):
        raise click.BadParameter(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD") from None


def event_filters(func: Callable) -> Callable:
    """--type, --actor, --country, --from, --to, --status."""
    options = [
        click.option("--type", "type_", metavar="TYPE", help="PLOVER type, e.g. CONSULT (comma-separated for several)."),
        click.option("--actor", metavar="NAME", help="Actor or recipient name or id (accents and case ignored)."),
        click.option("--country", metavar="ISO3", help="Country taking part, e.g. RUS."),
        click.option("--from", "since", metavar="DATE", callback=_date, help="Happened on or after (YYYY[-MM[-DD]])."),
        click.option("--to", "until", metavar="DATE", callback=_date, help="Happened on or before (YYYY[-MM[-DD]])."),
        click.option("--status", type=click.Choice(STATUSES), help="Only this status."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def apply_filters(events, *, type_=None, actor=None, country=None, since=None, until=None, status=None,
                  include_hypothetical=False):
    from annales.merge import select

    return select(events, actor=actor, country=country.upper() if country else None,
                  type=type_.upper() if type_ else None, since=since, until=until, status=status,
                  include_hypothetical=include_hypothetical)


def existing_store(settings):
    """The store the commands that only read need: it must exist already."""
    from pathlib import Path

    from annales.errors import StoreError
    from annales.store import open_store

    if not Path(settings.db).exists():
        raise StoreError(f"no database at {settings.db}; run 'annales run PATH' first or pass --db")
    return open_store(settings.db)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table fitted to the terminal: the widest column is cut first."""
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    room = shutil.get_terminal_size((120, 20)).columns - 2 * (len(headers) - 1)
    while sum(widths) > room and max(widths) > 12:
        widest = widths.index(max(widths))
        widths[widest] -= 1

    def fit(text: str, width: int) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(fit(c, w).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)
