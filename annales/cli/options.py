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
        click.option("--actor", metavar="NAME",
                     help="Actor or recipient: a name in any usual spelling (Poutine, Choïgou), a state "
                          "(Corée du Nord) or an id; accents and case ignored."),
        click.option("--country", metavar="ISO3", help="Country taking part: ISO code (RUS) or name (Russie)."),
        click.option("--from", "since", metavar="DATE", callback=_date, help="Happened on or after (YYYY[-MM[-DD]])."),
        click.option("--to", "until", metavar="DATE", callback=_date, help="Happened on or before (YYYY[-MM[-DD]])."),
        click.option("--status", type=click.Choice(STATUSES), help="Only this status."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def apply_filters(events, *, type_=None, actor=None, country=None, since=None, until=None, status=None,
                  include_hypothetical=False):
    """The events that pass the filters; an unknown --type or --country is a usage error (exit 2)."""
    from annales.merge import select

    return select(events, actor=actor_forms(actor) if actor else None,
                  country=countries_of(country, events) if country else None,
                  type=_types(type_) if type_ else None, since=since, until=until, status=status,
                  include_hypothetical=include_hypothetical)


def _resolver():
    from annales.actors import Resolver

    return Resolver.load("fr")


def _known(resolver, entity) -> bool:
    """Whether the actor dictionary knows ``entity`` (not a name it has only seen written)."""
    d = resolver.dictionary
    return entity.id in d.people or entity.id in d.countries or any(o.id == entity.id for o in d.orgs.values())


def actor_forms(text: str) -> list[str]:
    """What --actor TEXT matches: the text itself (part of a name, or an id) and the id of the
    actor it names in the actor dictionary, whatever the spelling ("Poutine", "Choïgou",
    "Corée du Nord", "le Kremlin")."""
    forms = [text]
    entity = _resolver().resolve(text)
    if entity is not None and _known(_resolver(), entity) and entity.id not in forms:
        forms.append(entity.id)
    return forms


def _types(value: str) -> list[str]:
    from annales.lang import load_table

    valid = list(load_table("plover", "fr")["types"])
    wanted = [part.strip().upper() for part in value.split(",") if part.strip()]
    unknown = [t for t in wanted if t not in valid]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)} {'is not a PLOVER type' if len(unknown) == 1 else 'are not PLOVER types'}; "
                                 f"use one of {', '.join(valid)}", param_hint="'--type'")
    return wanted


def countries_of(value: str, events) -> list[str]:
    """ISO alpha-3 codes for --country: codes as given, or state names resolved by the dictionary."""
    resolver = _resolver()
    codes = []
    for part in (p.strip() for p in value.split(",")):
        if not part:
            continue
        if part.upper() in resolver.dictionary.countries:
            codes.append(part.upper())
            continue
        entity = resolver.resolve(part)
        if entity is not None and entity.kind == "country" and entity.id in resolver.dictionary.countries:
            codes.append(entity.id)
            continue
        present = sorted({e.country for ev in events for e in ev.actor + ev.recipient if e.country})
        raise click.BadParameter(
            f"{part!r} is not a country: use an ISO 3166 alpha-3 code or a country's name"
            + (f"; the countries in this database are {', '.join(present)}" if present else ""),
            param_hint="'--country'")
    return codes


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
