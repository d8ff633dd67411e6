"""``annales run --published`` and the ``published`` argument of the library, on text that carries no date."""
from __future__ import annotations

import io
import sys

import pytest

from annales.clean.pubdate import given_date
from annales.cli import EXIT_ERROR, main
from annales.errors import InputError
from annales.model import RawDocument
from annales.pipeline import clean_stream

UNDATED = """Le Parlement letton élit un nouveau président

Les députés lettons ont élu mercredi un nouveau chef de l'État au troisième tour de scrutin, après des
semaines de tractations entre les partis de la coalition au pouvoir.
"""

DATED = """Publié le 3 février 2025

Les ministres de l'Intérieur de l'Union européenne se sont réunis à Varsovie pour discuter de la réforme
du pacte sur la migration.
"""


@pytest.mark.parametrize("value, expected", [
    ("2024-03-15", "2024-03-15"),
    ("2024-03", "2024-03"),
    ("2024", "2024"),
    ("15 mars 2024", "2024-03-15"),
    ("2024-03-01/2024-03-15", "2024-03-01/2024-03-15"),
])
def test_given_dates_keep_their_precision(value, expected):
    assert str(given_date(value)) == expected


@pytest.mark.parametrize("value", ["hier", "2024-13-01", "mars"])
def test_an_unreadable_given_date_says_which_forms_are_read(value):
    with pytest.raises(InputError, match="2024-03-15"):
        given_date(value)


def test_a_given_date_wins_over_the_text():
    raws = [RawDocument(id="a.txt", text=UNDATED), RawDocument(id="b.txt", text=DATED)]
    docs = list(clean_stream(raws, given_date("2023-05-31")))
    assert [(str(d.published), d.published_source) for d in docs] == [("2023-05-31", "metadata")] * 2


def test_without_a_given_date_the_text_dates_itself():
    docs = list(clean_stream([RawDocument(id="b.txt", text=DATED)]))
    assert (str(docs[0].published), docs[0].published_source) == ("2025-02-03", "header")


def test_run_published_dates_standard_input(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(UNDATED.encode("utf-8"))))
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "run", "--published", "2023-05-31", "-"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "documents"]) == 0
    assert "2023-05-31" in capsys.readouterr().out


def test_run_with_a_bad_published_date_is_an_error_before_reading(tmp_path, capsys):
    code = main(["--db", str(tmp_path / "a.db"), "run", "--published", "hier", str(tmp_path / "nope")])
    assert code == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("Error: cannot read the publication date 'hier'") and "nope" not in err
