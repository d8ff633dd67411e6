"""Real French news sentences: the events each must yield, and those it must not."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

# sentences.yaml, plus one file per topic in sentences/ (one PLOVER type or mechanism a file).
_HERE = Path(__file__).parent
CASES = [case for path in [_HERE / "sentences.yaml", *sorted((_HERE / "sentences").glob("*.yaml"))]
         for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []]


def test_there_are_enough_cases_and_every_status_is_covered():
    assert len(CASES) >= 120
    statuses = {spec.get("status") for case in CASES for spec in case.get("must", [])}
    assert {"asserted", "alleged", "denied", "planned", "hypothetical", "negated"} <= statuses
    assert any("claimed_by" in spec for case in CASES for spec in case.get("must", []))
    assert any("denied_by" in spec for case in CASES for spec in case.get("must", []))


def _show(events) -> str:
    return "\n".join(
        f"  {e.type} {e.mode} {[a.country for a in e.actor]}→{[r.country for r in e.recipient]} {e.status} "
        f"claimed={[c.country for c in e.claimed_by]} denied={[d.country for d in e.denied_by]} {e.date} "
        f"loc={e.location.country if e.location else None} [{e.mentions[0].trigger}]"
        for e in events) or "  (no event)"


def _param(case):
    """A case may carry `xfail: reason` when it needs a mechanism the coder does not have yet."""
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
    return pytest.param(case, marks=marks, id=case["text"][:60])


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_sentence(case, code_text, match):
    events, _, _ = code_text(case["text"], case.get("published", "2024-03-15"))
    for spec in case.get("must", []):
        assert any(match(e, spec) for e in events), f"missing {spec}\ngot:\n{_show(events)}"
    for spec in case.get("must_not", []):
        assert not any(match(e, spec) for e in events), f"unexpected {spec}\ngot:\n{_show(events)}"
    for spec in case.get("once", []):
        assert sum(match(e, spec) for e in events) == 1, f"not exactly once: {spec}\ngot:\n{_show(events)}"
