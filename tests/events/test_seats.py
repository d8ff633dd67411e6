"""The seats of international bodies (annales/data/seats.yaml) and the French adjectives naming them."""
from __future__ import annotations

import yaml

from annales.events.seats import SEATS_PATH, SeatsTable, seat_of, seat_of_adjective, seats
from annales.lang import load_table


def test_the_table_matches_its_schema():
    SeatsTable.model_validate(yaml.safe_load(SEATS_PATH.read_text(encoding="utf-8")))


def test_every_seated_body_is_a_known_organization_without_a_state():
    rows = {row["id"]: row for row in load_table("organizations", "fr")["organizations"]}
    for entity_id in seats():
        body = entity_id.removeprefix("org:")
        assert body in rows, f"{body} is not in organizations.yaml"
        assert not rows[body].get("country"), f"{body} is a national body: it acts where its state does"


def test_seats_and_adjectives():
    assert seat_of("org:icj").country == "NLD"
    assert seat_of("org:un-security-council").country == "USA"
    assert seat_of("org:g20") is None  # its summits move from host to host
    assert seat_of_adjective("européen").country == "BEL"
    assert seat_of_adjective("africain") is None
    for body in load_table("seats", "fr")["adjectives"].values():
        assert seat_of(f"org:{body}") is not None
