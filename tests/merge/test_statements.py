"""Praise said as a statement ("X est un partenaire fiable") joins no report of another type (merge.yaml
statements): beside a promise or an agreement told in the same article, it stays a SUPPORT of its own."""

from __future__ import annotations

import merge_cases as cases  # tests/merge is on pytest's pythonpath (pyproject.toml)

from annales.merge import merge
from annales.model import Entity

report, day = cases.report, cases.day

NORWAY = Entity("NOR", "Norvège", "country", "NOR")
CHILE = Entity("CHL", "Chili", "country", "CHL")
TUESDAY = day(2025, 3, 11)


def test_praise_said_beside_a_promise_stays_apart():
    promise = report("no1.txt", "La Norvège promet au Chili un soutien financier pour ses parcs éoliens.", "promet",
                     "AGREE", actor=[NORWAY], recipient=[CHILE], date=TUESDAY, start=0)
    praise = report("no1.txt", "« Le Chili est un partenaire fiable », a déclaré mardi le Premier ministre norvégien.",
                    "partenaire", "SUPPORT", actor=[NORWAY], recipient=[CHILE], date=TUESDAY, start=150)
    merged = merge([promise, praise])
    assert sorted(e.type for e in merged) == ["AGREE", "SUPPORT"]


def test_a_signature_and_the_agreement_still_merge():
    agreed = report("no2.txt", "La Norvège et le Chili se sont mis d'accord sur un traité.", "mis d'accord", "AGREE",
                    actor=[NORWAY, CHILE], date=TUESDAY, start=0)
    signed = report("no2.txt", "La Norvège et le Chili ont signé mardi le traité.", "signé", "SUPPORT",
                    actor=[NORWAY, CHILE], date=TUESDAY, start=120)
    assert len(merge([agreed, signed])) == 1
