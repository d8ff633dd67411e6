"""events.csv follows GDELT's event columns, then annales' own."""
from __future__ import annotations

import csv

import pytest

from annales.export import csv as events_csv

GDELT_FIRST = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name"]
PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


@pytest.fixture
def rows(happenings, documents, tmp_path):
    [path] = events_csv.write(happenings, documents, tmp_path)
    assert path.name == "events.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames
        return header, list(reader)


def test_header_is_gdelt_then_annales(rows):
    header, _ = rows
    assert header[:7] == GDELT_FIRST
    assert len(header) == 61 + 15
    assert header[60] == "SOURCEURL" and header[61] == "annales_id"
    assert {"EventCode", "EventRootCode", "QuadClass", "GoldsteinScale", "ActionGeo_Lat", "NumSources"} <= set(header)


def test_a_visit_row(rows, happenings):
    _, data = rows
    assert len(data) == len(happenings)
    visit = next(r for r in data if r["plover_type"] == "CONSULT")
    assert (visit["SQLDATE"], visit["MonthYear"], visit["Year"]) == ("20240216", "202402", "2024")
    assert (visit["Actor1Name"], visit["Actor1CountryCode"]) == ("Volodymyr Zelensky", "UKR")
    assert (visit["Actor2Name"], visit["Actor2CountryCode"]) == ("Olaf Scholz", "DEU")
    assert (visit["EventCode"], visit["EventBaseCode"], visit["EventRootCode"], visit["QuadClass"]) == ("042", "042", "04", "1")
    assert (visit["ActionGeo_FullName"], visit["ActionGeo_CountryCode"], visit["ActionGeo_Lat"]) == ("Berlin", "DEU", "52.5200")
    assert visit["SOURCEURL"] == "https://example.org/berlin"
    assert visit["GLOBALEVENTID"].isdigit() and visit["annales_id"] == next(
        e.id for e in happenings if e.type == "CONSULT")


def test_a_disputed_strike_row(rows):
    _, data = rows
    strike = next(r for r in data if r["plover_type"] == "ASSAULT")
    assert (strike["EventRootCode"], strike["QuadClass"], strike["GoldsteinScale"]) == ("19", "4", "-9")
    assert (strike["NumMentions"], strike["NumSources"], strike["NumArticles"]) == ("2", "2", "2")
    assert strike["conflicts"] == "number: deux blessés (berlin.txt) / trois blessés (kharkiv.txt)"
    sanction = next(r for r in data if r["plover_type"] == "SANCTION")
    assert (sanction["Actor1Code"], sanction["Actor1Type1Code"], sanction["date_precision"]) == ("IGO", "IGO", "month")
    undated = next(r for r in data if r["status"] == "hypothetical")
    assert undated["SQLDATE"] == "" and undated["date"] == ""


@pytest.mark.parametrize("plover", PLOVER_TYPES)
def test_every_plover_type_has_a_cameo_root(plover):
    code = events_csv.cameo_code(plover, None)
    assert len(code) >= 3 and 1 <= int(code[:2]) <= 20
    assert events_csv.quad_class(code) in {"1", "2", "3", "4"}


def test_cooperation_and_conflict_land_in_the_right_quad_class():
    assert events_csv.quad_class(events_csv.cameo_code("AID", "military")) == "2"
    assert events_csv.quad_class(events_csv.cameo_code("ACCUSE", None)) == "3"
    assert events_csv.cameo_code("ASSAULT", "aerial")[:2] == "19"
    assert events_csv.cameo_code("NOT_A_TYPE", None) == ""
