"""The pages' assets, held in memory: a request names an asset, never a file.

``/static/<name>`` looks ``name`` up in a fixed table (the report's CSS and script, the pages'
own, plotly.js from the installed package); anything else is a 404, so no request path reaches
the file system.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from annales.errors import AnnalesError

HERE = Path(__file__).resolve().parent / "templates"
REPORT = Path(__file__).resolve().parent.parent / "export" / "templates"

TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


@cache
def template(name: str) -> str:
    """One of the app's own templates (a fixed name chosen by the code, not by a request)."""
    try:
        return (HERE / name).read_text(encoding="utf-8")
    except OSError as error:
        raise AnnalesError(f"web template {name} is missing from {HERE}; reinstall annales") from error


@cache
def assets() -> dict[str, tuple[bytes, str]]:
    """name -> (content, media type), read once."""
    from annales.export.html import plotly_js, template_text

    table = {
        "report.css": template_text("report.css"),
        "report.js": template_text("report.js"),
        "plotly.js": plotly_js(),
        "serve.css": template("serve.css"),
        "serve.js": template("serve.js"),
        "errors.js": template_text("errors.js"),  # the report's own error counter
    }
    out = {name: (text.encode("utf-8"), TYPES[Path(name).suffix]) for name, text in table.items()}
    for name in SWAGGER:
        out[name] = (_swagger(name), TYPES[Path(name).suffix])
    return out


SWAGGER = ("swagger-ui-bundle.js", "swagger-ui.css")


def _swagger(name: str) -> bytes:
    """Swagger UI for /docs, from the fastapi-offline package (so the API docs need no CDN)."""
    try:
        import fastapi_offline

        return (Path(fastapi_offline.__file__).resolve().parent / "static" / name).read_bytes()
    except (ImportError, OSError) as error:
        raise AnnalesError(f"Swagger UI ({name}) is missing: pip install fastapi-offline; "
                           "the API itself works without it") from error
