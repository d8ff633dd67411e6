"""The event tables validate against their schemas and hold together."""
from __future__ import annotations

import pytest
import yaml

from annales.errors import LanguageDataError
from annales.events.tables import NounTable, PloverTable, StatusTable, VerbTable, lexicon
from annales.lang import table_path


@pytest.mark.parametrize("name,schema", [("event_verbs", VerbTable), ("event_nouns", NounTable),
                                         ("status", StatusTable), ("plover", PloverTable)])
def test_table_matches_its_schema(name, schema):
    data = yaml.safe_load(table_path(name, "fr").read_text(encoding="utf-8"))
    schema.model_validate(data)


def test_every_plover_type_is_codable_by_a_verb_and_has_a_score():
    lex = lexicon("fr")
    coded = {f.type for frames in lex.verbs.values() for f in frames} | {f.type for f in lex.nouns.values()}
    assert coded == set(lex.plover.types), set(lex.plover.types) - coded
    assert lex.score("CONSULT", "visit") == 4.0
    assert lex.score("CONSULT", None) == 2.5
    assert lex.score("ASSAULT", "aerial") == -9.0


def test_unknown_class_in_a_frame_is_refused():
    data = yaml.safe_load(table_path("event_verbs", "fr").read_text(encoding="utf-8"))
    data["verbs"]["rencontrer"] = [{"type": "CONSULT", "objects": ["@nonexistent"]}]
    with pytest.raises(ValueError, match="unknown class"):
        VerbTable.model_validate(data)


def test_unknown_field_in_a_frame_is_refused():
    data = yaml.safe_load(table_path("event_verbs", "fr").read_text(encoding="utf-8"))
    data["verbs"]["rencontrer"] = [{"type": "CONSULT", "recipent": "obj"}]
    with pytest.raises(ValueError):
        VerbTable.model_validate(data)


def test_unknown_plover_type_names_the_table(monkeypatch):
    import annales.events.tables as module

    real = module.load_table

    def fake(name, lang="fr"):
        data = real(name, lang)
        if name == "event_nouns":
            data = dict(data, nouns=dict(data["nouns"], bataille={"type": "FIGHT"}))
        return data

    monkeypatch.setattr(module, "load_table", fake)
    module.lexicon.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match="event_nouns.*FIGHT"):
            module.lexicon("fr")
    finally:
        monkeypatch.undo()
        module.lexicon.cache_clear()
