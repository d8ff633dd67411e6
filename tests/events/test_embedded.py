"""Acts told inside other clauses (issue 10): the borders table, "son voisin", and the past attack named
by its date whose doer the text leaves unknown (the story does not guess it)."""
from __future__ import annotations

import pycountry
import pytest
import yaml

from annales.events.neighbours import BORDERS_PATH, BordersTable, borders


def test_the_borders_table_matches_its_schema_and_covers_every_state():
    BordersTable.model_validate(yaml.safe_load(BORDERS_PATH.read_text(encoding="utf-8")))
    table = borders()
    assert {c.alpha_3 for c in pycountry.countries} <= set(table)
    assert table["IRQ"] >= {"KWT", "SYR", "TUR", "IRN"}
    assert "JPN" not in table["CHN"]  # land borders only
    assert table["XKX"] == {"SRB", "MNE", "ALB", "MKD"}


@pytest.mark.parametrize("rows, error", [
    ({"FRA": ["ESP"], "ESP": []}, "one side only"),
    ({"FRA": ["FRA"]}, "own neighbour"),
    ({"FR": []}, "alpha-3"),
])
def test_the_borders_schema_rejects(rows, error):
    with pytest.raises(ValueError, match=error):
        BordersTable.model_validate({"borders": rows})


def _one(events, type_):
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.actor, e.recipient) for e in events]
    return found[0]


def test_a_dated_attack_with_no_doer_named_keeps_its_doer_unknown_in_a_two_state_story(code_text):
    text = ("Le Mali a accusé la France d'ingérence lundi. La France a rejeté les accusations du Mali. "
            "Le Mali a rappelé son ambassadeur en France. "
            "L'attaque du 3 février contre une caserne française au Mali a fait deux morts.")
    events, _, _ = code_text(text)
    attack = _one(events, "ASSAULT")
    assert [e.country for e in attack.recipient] == ["FRA"]
    assert attack.actor == ()  # not Mali, the other state of the story
    assert str(attack.date) == "2024-02-03"


def test_son_voisin_is_the_neighbour_the_article_names(code_text):
    events, _, _ = code_text("Le Cambodge a protesté mardi. La Thaïlande avait envahi son voisin en 2014.")
    invasion = _one(events, "ASSAULT")
    assert [e.country for e in invasion.actor] == ["THA"]
    assert [e.country for e in invasion.recipient] == ["KHM"]


def test_son_voisin_names_no_one_when_the_article_names_no_neighbour(code_text):
    events, _, _ = code_text("La Thaïlande avait envahi son voisin en 2014.")
    assert _one(events, "ASSAULT").recipient == ()


def test_the_story_gives_an_invasion_no_target_across_no_border(code_text):
    # a story between France and Russia: "l'invasion russe" did not invade France
    text = ("La France a expulsé des diplomates russes. La Russie a dénoncé la décision de la France. "
            "La France a convoqué l'ambassadeur russe. Rien de tel n'était arrivé depuis l'invasion russe.")
    events, _, _ = code_text(text)
    invasion = _one(events, "ASSAULT")
    assert [e.country for e in invasion.actor] == ["RUS"]
    assert invasion.recipient == ()


def test_the_story_still_gives_an_invasion_its_neighbour(code_text):
    text = ("L'Ukraine a accusé la Russie de crimes de guerre. La Russie a rejeté les accusations de l'Ukraine. "
            "L'Ukraine a rappelé son ambassadeur en Russie. L'invasion russe a fait des milliers de morts.")
    events, _, _ = code_text(text)
    invasion = _one(events, "ASSAULT")
    assert [e.country for e in invasion.recipient] == ["UKR"]


def test_an_act_named_as_the_start_of_a_stretch_has_no_date_rather_than_the_reports(code_text):
    events, _, _ = code_text("Depuis l'éclatement de la guerre au Yémen et l'intervention saoudienne, les prix ont doublé.")
    intervention = _one(events, "ASSAULT")
    assert intervention.date is None
    events, _, _ = code_text("Depuis l'attaque du 3 février contre une base française, Paris est en alerte.")
    assert str(_one(events, "ASSAULT").date) == "2024-02-03"
