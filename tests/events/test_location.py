"""Location rules that need no parse: the state a withdrawal leaves, the soil of a state's own acts."""
from __future__ import annotations

import pytest

from annales.events import location
from annales.model import Entity

FRA = Entity("FRA", "France", "country", "FRA")
TCD = Entity("TCD", "Chad", "country", "TCD")
MLI = Entity("MLI", "Mali", "country", "MLI")
RUS = Entity("RUS", "Russia", "country", "RUS")
NOR = Entity("NOR", "Norway", "country", "NOR")
PERSON = Entity("person:someone", "Someone", "person", "TCD")
EMBASSY = Entity("org:fra-embassy", "Embassy of France", "organization", "FRA")
UN = Entity("org:un", "United Nations", "organization", None)


@pytest.mark.parametrize(("actor", "recipient", "expected"), [
    ([FRA], [TCD], "TCD"),  # "la France a remis sa base aux autorités tchadiennes": in Chad
    ([FRA], [TCD, MLI], None),  # two states left: which one is not said
    ([FRA], [PERSON], None),  # a person may be anywhere
    ([FRA], [FRA], None),  # a state's own withdrawal at home says nothing of where
    ([UN], [MLI], None),  # a body without a state: its own side is unknown
    ([FRA], [], None),
])
def test_a_withdrawal_happens_in_the_state_left(actor, recipient, expected):
    assert location._handed_over("RETREAT", "withdraw", actor, recipient) == expected


def test_only_withdrawals_are_placed_in_the_state_left():
    assert location._handed_over("RETREAT", "release", [FRA], [TCD]) is None
    assert location._handed_over("SANCTION", "withdraw", [FRA], [TCD]) is None


def test_an_expulsion_of_diplomats_happens_in_the_expelling_state():
    assert location._domestic("SANCTION", "expel", [RUS], [NOR]) == "RUS"
    assert location._domestic("SANCTION", "expel", [UN], [NOR]) is None  # a body has no soil
    assert location._domestic("SANCTION", "expel", [EMBASSY], [NOR]) is None  # an embassy sits abroad
    assert location._domestic("SANCTION", "withdraw", [RUS], [NOR]) is None  # a recall is no expulsion
