"""Settings: defaults, environment, then flags."""
from __future__ import annotations

import pytest

from annales.errors import AnnalesError
from annales.settings import Settings


def test_environment_over_defaults_and_flags_over_environment():
    settings = Settings.from_env({"ANNALES_DB": "/tmp/x.db", "ANNALES_WORKERS": "2"})
    assert (settings.db, settings.workers) == ("/tmp/x.db", 2)
    assert settings.override(db="y.db", workers=None).db == "y.db"
    assert settings.override(db="y.db", workers=None).workers == 2


def test_bad_worker_count_says_what_to_do():
    with pytest.raises(AnnalesError, match="ANNALES_WORKERS"):
        Settings.from_env({"ANNALES_WORKERS": "many"})
