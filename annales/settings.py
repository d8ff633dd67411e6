"""Settings: defaults, then environment variables, then CLI flags. One frozen object."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any

from annales.errors import SettingsError

DEFAULT_MODEL = "fr_core_news_md"  # fr_core_news_sm is the lighter option
MAX_WORKERS = 64  # ANNALES_WORKERS: 1 to this, like --workers (click.IntRange(1, 64) in cli/run.py)


@dataclass(frozen=True)
class Settings:
    db: str = "annales.db"
    model: str = DEFAULT_MODEL
    workers: int = 1
    quiet: bool = False

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Read ANNALES_DB, ANNALES_MODEL and ANNALES_WORKERS over the defaults."""
        env = os.environ if environ is None else environ
        settings = cls()
        if env.get("ANNALES_DB"):
            settings = replace(settings, db=env["ANNALES_DB"])
        if env.get("ANNALES_MODEL"):
            settings = replace(settings, model=env["ANNALES_MODEL"])
        if env.get("ANNALES_WORKERS"):
            value = env["ANNALES_WORKERS"]
            try:
                workers = int(value)
            except ValueError:
                workers = 0
            if not 1 <= workers <= MAX_WORKERS:
                raise SettingsError(
                    f"ANNALES_WORKERS must be a whole number from 1 to {MAX_WORKERS} (like --workers), "
                    f"not {value!r}; fix or unset it"
                )
            settings = replace(settings, workers=workers)
        return settings

    def override(self, **values: object) -> Settings:
        """Apply CLI flags that were given (None means not given)."""
        given: dict[str, Any] = {k: v for k, v in values.items() if v is not None}  # each flag has its field's type
        return replace(self, **given)
