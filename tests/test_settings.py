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


@pytest.mark.parametrize("value", ["0", "-3", "65", "1000", "2.5", "many"])
def test_worker_count_from_the_environment_obeys_the_bound_of_the_flag(value):
    with pytest.raises(AnnalesError, match="ANNALES_WORKERS must be a whole number from 1 to 64"):
        Settings.from_env({"ANNALES_WORKERS": value})
    assert Settings.from_env({"ANNALES_WORKERS": "64"}).workers == 64
    assert Settings.from_env({"ANNALES_WORKERS": "1"}).workers == 1
