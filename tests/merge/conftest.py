"""Fixtures over the hand-made reports of cases.py."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def load():
    """cases.py as a module (tests run in importlib mode, so it is loaded by path)."""
    spec = importlib.util.spec_from_file_location("merge_cases", Path(__file__).with_name("cases.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cases = load()


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
