"""Meta-tests on the French lexicon and its sentence cases: every PLOVER type has verbs and nouns, and at
least 15 sentence cases across tests/events/sentences.yaml and tests/events/sentences/*.yaml; off-topic
sentences are there too."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from annales.events.tables import lexicon
from annales.lang import table_path

_HERE = Path(__file__).parent
FILES = [_HERE / "sentences.yaml", *sorted((_HERE / "sentences").glob("*.yaml"))]
MIN_CASES = 15


def _cases() -> list[dict]:
    return [case for path in FILES for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []]


def _types_of(case: dict) -> set[str]:
    """The PLOVER types a case asserts: those of its `must` and `once` specs."""
    return {spec["type"] for spec in case.get("must", []) + case.get("once", []) if "type" in spec}


def test_every_plover_type_has_enough_sentence_cases():
    counts = Counter(t for case in _cases() for t in _types_of(case))
    short = {t: counts[t] for t in lexicon("fr").plover.types if counts[t] < MIN_CASES}
    assert not short, f"PLOVER types with fewer than {MIN_CASES} sentence cases: {short}"


def test_every_type_file_is_named_after_its_type():
    types = {t.lower() for t in lexicon("fr").plover.types}
    for path in (_HERE / "sentences").glob("*.yaml"):
        if path.stem in types:
            cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            assert cases and all(path.stem.upper() in _types_of(c) or not _types_of(c) for c in cases), path.name


def test_off_topic_cases_code_nothing_by_construction():
    path = _HERE / "sentences" / "off_topic_lexicon.yaml"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(cases) >= 15
    assert all(not c.get("must") and c.get("must_not") for c in cases)


@pytest.mark.parametrize("type_", sorted(lexicon("fr").plover.types))
def test_every_type_has_verbs_and_nouns(type_):
    lex = lexicon("fr")
    verbs = {lemma for lemma, frames in lex.verbs.items() if any(f.type == type_ for f in frames)}
    nouns = {lemma for lemma, frame in lex.nouns.items() if frame.type == type_}
    assert len(verbs) >= 3, (type_, verbs)
    assert nouns, type_


def test_no_lemma_is_listed_twice():
    """A YAML key given twice silently keeps the last one: the frames of the first would be lost."""
    for name in ("event_verbs", "event_nouns"):
        seen: list[str] = []

        class Loader(yaml.SafeLoader):
            pass

        def mapping(loader, node, deep=False):
            keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
            seen.extend(str(k) for k, n in Counter(keys).items() if n > 1)
            return yaml.SafeLoader.construct_mapping(loader, node, deep)

        Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
        yaml.load(table_path(name, "fr").read_text(encoding="utf-8"), Loader)  # noqa: S506 (a SafeLoader)
        assert not seen, (name, seen)
