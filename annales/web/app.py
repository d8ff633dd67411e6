"""The FastAPI application behind ``annales serve``.

``create_app(db)`` opens the store read-only (the database file cannot be changed through it);
``create_app(db, allow_edits=True, token=...)`` opens it for writing and accepts corrections from
requests that carry the token in the ``X-Annales-Token`` header. Request bodies are bounded
(``MAX_BODY`` bytes); validation errors become a 4xx with one readable message.
"""
from __future__ import annotations

import getpass
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from annales import __version__
from annales.errors import StoreError
from annales.store import open_store
from annales.web.catalog import Catalog

MAX_BODY = 16 * 1024  # bytes: a correction is a few hundred


@dataclass(frozen=True)
class ServeConfig:
    db: Path
    allow_edits: bool = False
    token: str = ""
    user: str = "annales"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes (413), announced or streamed."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        too_big = JSONResponse({"detail": f"request body too large: at most {self.limit} bytes"}, status_code=413)
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = self.limit + 1
            if size > self.limit:
                await too_big(scope, receive, send)
                return
        if declared is not None or scope.get("method") in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        # No length announced (a chunked upload): read it here, at most limit + 1 bytes, then replay it.
        body, more = b"", True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, receive, send)
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.limit:
                await too_big(scope, receive, send)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)




def _message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = [str(p) for p in item.get("loc", ()) if p not in ("query", "body", "path")]
        name = ".".join(where) or "request"
        parts.append(f"{name}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(db: str | Path, *, allow_edits: bool = False, token: str | None = None,
               user: str | None = None) -> FastAPI:
    """The app over the store at ``db`` (which must exist; read-only unless ``allow_edits``)."""
    path = Path(db)
    if not path.exists():
        raise StoreError(f"no database at {path}; run 'annales run PATH' first or pass --db")
    if allow_edits and not token:
        raise StoreError("edits need a token; annales serve makes one at start-up")
    store = open_store(path, read_only=not allow_edits)
    try:
        who = user or getpass.getuser()
    except Exception:  # no user name in this environment
        who = "annales"
    config = ServeConfig(path, allow_edits, token or "", who)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.catalog.close()

    app = FastAPI(title="annales", lifespan=lifespan, version=__version__,
                  description="A sourced, deduplicated timeline of political events, over HTTP. "
                              "Happenings and documents follow the export contract (docs/export.md).",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.catalog = Catalog(store)
    app.state.config = config

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _message(error)}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)
        from annales.web.pages import error_page

        return error_page(request, error.status_code, str(error.detail))

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        from annales.web.static import assets

        found = assets().get(name)
        if found is None:
            raise HTTPException(404, f"no asset {name!r}")
        content, media = found
        return Response(content, media_type=media, headers={"Cache-Control": "max-age=3600"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(openapi_url="/openapi.json", title="annales API",
                                   swagger_js_url="/static/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger-ui.css", swagger_favicon_url="data:,")

    @app.get("/healthz", include_in_schema=False)
    def health() -> PlainTextResponse:
        return PlainTextResponse("ok")

    from annales.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_middleware(BodyLimit)  # type: ignore[arg-type]
    return app
