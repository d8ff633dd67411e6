"""Fixtures over the hand-made reports of merge_cases.py."""
from __future__ import annotations

import merge_cases as cases  # on the path through pyproject's pytest pythonpath
import pytest


@pytest.fixture
def ankara_visit():
    return cases.ankara_visit()


@pytest.fixture
def pekin_meetings():
    return cases.pekin_meetings()


@pytest.fixture
def abuja_visit():
    return cases.abuja_visit()


@pytest.fixture
def estonia_troops():
    return cases.estonia_troops()


@pytest.fixture
def kit():
    return cases


@pytest.fixture
def all_cases(ankara_visit, pekin_meetings, abuja_visit, estonia_troops):
    return ankara_visit + pekin_meetings + abuja_visit + estonia_troops
