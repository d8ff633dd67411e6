"""``annales serve``: the JSON API and the pages over the store, with uvicorn."""
from __future__ import annotations

import ipaddress

import click

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--db", "db", metavar="PATH", default=None, help="SQLite database (default: the global --db).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; loopback by default, so only this machine can reach it.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--allow-edits", is_flag=True,
              help="Accept corrections (with the token printed at start-up); without it the database is opened read-only.")
@click.pass_obj
def serve(settings, db: str | None, host: str, port: int, allow_edits: bool) -> int:
    """Browse, search and correct the timeline in a web browser, over a JSON API.

    \b
    Pages:  http://HOST:PORT/           the timeline (filters kept in the URL)
    API:    http://HOST:PORT/api/v1/    happenings, documents, actors, export
    Docs:   http://HOST:PORT/docs       the API's OpenAPI documentation
    Edits need --allow-edits and the token printed at start-up (header X-Annales-Token).
    """
    import uvicorn

    from annales.cli.options import existing_store
    from annales.web import create_app, new_token

    settings = settings.override(db=db)
    existing_store(settings).close()  # the same message as the other commands when there is no database
    token = new_token() if allow_edits else None
    app = create_app(settings.db, allow_edits=allow_edits, token=token)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    if not _is_loopback(host):
        click.echo(f"Warning: listening on {host}: other machines can reach this server.", err=True)
    click.echo(f"annales serve: {settings.db} at {url} (API docs at {url}docs); "
               + ("edits ON" if allow_edits else "read-only"))
    if token:
        click.echo(f"Edit token (send it as the X-Annales-Token header): {token}")
        click.echo(f"Open {url}#token={token} to edit from the browser.")
    click.echo("Press Ctrl+C to stop.")
    uvicorn.run(app, host=host, port=port, log_level="warning" if settings.quiet else "info")
    return 0


COMMANDS = [serve]
