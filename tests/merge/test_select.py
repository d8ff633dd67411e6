"""Filtering happenings: actor, country, type, dates, status."""
from __future__ import annotations

import datetime as dt

import pytest

from annales.merge import merge, select


@pytest.fixture
def happenings(all_cases, kit):
    rumour = kit.report(
        "rumeur.txt", "Hakan Fidan pourrait recevoir Wang Yi si les conditions étaient réunies.", "pourrait recevoir",
        "CONSULT", mode="visit", actor=[kit.WANG], recipient=[kit.FIDAN], status="hypothetical",
        date=kit.DateValue.month(2024, 5))
    refused = kit.report(
        "refus.txt", "Le Mali n'a pas rencontré l'Algérie lundi, contrairement à ce qui était annoncé.",
        "n'a pas rencontré", "CONSULT", actor=[kit.MALI, kit.ALGERIA], status="negated", date=kit.day(2024, 2, 5))
    return merge(all_cases + [rumour, refused])


def names(events):
    return sorted({e.name for ev in events for e in ev.actor + ev.recipient})


def test_actor_ignores_case_and_accents(happenings):
    found = select(happenings, actor="dmytro KOULEBA")
    assert len(found) == 1 and found[0].location.name == "Ankara"
    assert select(happenings, actor="Pekin") == []
    assert len(select(happenings, actor="annalena baerbock")) == 2
    assert select(happenings, actor="Estonie")[0].type == "AID"  # the recipient side counts too
    assert select(happenings, actor="estonie") == select(happenings, actor="EST")


def test_country_matches_either_side(happenings):
    assert {e.type for e in select(happenings, country="est")} == {"AID"}
    assert len(select(happenings, country="CHN")) == 2
    assert len(select(happenings, country=["NGA", "TUR"])) == 2


def test_type_and_dates(happenings):
    assert all(e.type == "CONSULT" for e in select(happenings, type="consult"))
    in_2024 = select(happenings, since="2024", until="2024-06")
    assert sorted(str(e.date) for e in in_2024) == ["2024-03-14", "2024-04-16", "2024-06"]
    assert select(happenings, since=dt.date(2024, 11, 25)) == select(happenings, since="2024-11")


def test_hypothetical_and_negated_only_when_asked(happenings):
    shown = {e.status for e in select(happenings)}
    assert shown == {"asserted"}
    assert {e.status for e in select(happenings, include_hypothetical=True)} == {"asserted", "hypothetical", "negated"}
    negated = select(happenings, status="negated")
    assert len(negated) == 1 and names(negated) == ["Algérie", "Mali"]
