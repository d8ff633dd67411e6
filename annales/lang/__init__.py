"""Language data: YAML tables under ``annales/lang/<lang>/``, one schema per table.

Modules declare the schema of the tables they read with :func:`table_schema`; the tests
validate every table of every language against it. Adding a language means adding a folder.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from annales.errors import LanguageDataError

LANG_DIR = Path(__file__).parent
SCHEMAS: dict[str, Any] = {}


def table_schema(name: str):
    """Class decorator: register a pydantic model as the schema of table ``name``."""

    def register(model: Any) -> Any:
        SCHEMAS[name] = model
        return model

    return register


def languages() -> list[str]:
    """Languages that have a data folder."""
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))


def table_path(name: str, lang: str = "fr") -> Path:
    return LANG_DIR / lang / f"{name}.yaml"


@cache
def load_table(name: str, lang: str = "fr") -> Any:
    """Read ``annales/lang/<lang>/<name>.yaml``; validated against its schema when one is registered."""
    path = table_path(name, lang)
    if not path.exists():
        raise LanguageDataError(
            f"no language table {name!r} for {lang!r} (looked for {path}); "
            f"available languages: {', '.join(languages())}"
        )
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise LanguageDataError(f"{path} is not valid YAML: {error}; fix the file") from error
    schema = SCHEMAS.get(name)
    if schema is not None:
        try:
            schema.model_validate(data)
        except Exception as error:  # pydantic.ValidationError, kept generic to stay import-light
            raise LanguageDataError(f"{path} does not match its schema: {error}") from error
    return data
