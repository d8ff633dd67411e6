"""annales serve: the JSON API (under /api/v1, OpenAPI at /docs) and the pages over a store.

``create_app(db, allow_edits=False, token=None)`` gives the FastAPI application; the ``annales
serve`` command runs it with uvicorn. Corrections made through it are stored by the store and
applied after every merge (annales.merge.corrections).
"""
from __future__ import annotations

from annales.web.app import MAX_BODY, create_app, new_token

__all__ = ["MAX_BODY", "create_app", "new_token"]
