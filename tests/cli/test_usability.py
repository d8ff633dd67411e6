"""A new user's first hour: what the CLI says about languages it does not code, re-analysis after an
upgrade or another model, actor names in French, unknown filter values, a mistyped database path.

The articles are written for these tests (other stories than the seeds)."""
from __future__ import annotations

import json
import sqlite3

import pytest

from annales.cli import EXIT_ERROR, EXIT_USAGE, main

VISITE = """Vladimir Poutine reçu à Ankara

ANKARA, 4 septembre 2024 (AFP) - Le président russe Vladimir Poutine s'est rendu mercredi à Ankara, où il a
rencontré le président turc Recep Tayyip Erdogan pour discuter du gaz et de la mer Noire.
"""

TEHERAN = """Le chef de la sécurité russe à Téhéran

TEHERAN, 5 août 2024 (AFP) - Le secrétaire du Conseil de sécurité russe Sergueï Choïgou s'est rendu lundi à
Téhéran, où il a rencontré le président iranien.
"""

SEOUL = """Pyongyang accuse Séoul

SEOUL, 10 octobre 2024 (AFP) - La Corée du Nord a accusé jeudi la Corée du Sud d'avoir envoyé des drones
au-dessus de Pyongyang, selon l'agence officielle KCNA.
"""

ENGLISH = """Floods in northern Italy

ROME, March 3, 2024 - Heavy rain flooded several towns in northern Italy on Sunday, forcing hundreds of
residents to leave their homes, the civil protection agency said. The prime minister promised emergency
funds to the affected regions and visited the worst-hit town on Monday.
"""


@pytest.fixture()
def folder(tmp_path):
    path = tmp_path / "articles"
    path.mkdir()
    for name, text in {"visite.txt": VISITE, "teheran.txt": TEHERAN, "seoul.txt": SEOUL}.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def db(folder, tmp_path, capsys):
    path = str(tmp_path / "a.db")
    assert main(["--db", path, "--quiet", "run", str(folder)]) == 0
    capsys.readouterr()
    return path


# -- languages annales does not code ---------------------------------------------------------------
def test_english_is_stored_not_analysed_and_said_on_every_run(folder, tmp_path, capsys):
    (folder / "floods.txt").write_text(ENGLISH, encoding="utf-8")
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "run", str(folder)]) == 0  # documented: not a failure, the status stays 0
    err = capsys.readouterr().err
    assert "1 stored document(s) not analysed (en: 1)" in err and "codes only fr" in err
    assert main(["--db", db, "--quiet", "run", str(folder)]) == 0  # a re-run, even quiet, says it again
    assert "not analysed (en: 1)" in capsys.readouterr().err
    assert main(["--db", db, "documents"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("floods.txt"))
    assert "stored, not analysed (en)" in row
    assert main(["--db", db, "failures"]) == 0
    captured = capsys.readouterr()
    assert "not analysed" in captured.err and "floods.txt" in captured.err
    assert main(["--db", db, "events", "--mentions", "--json"]) == 0
    assert "floods.txt" not in capsys.readouterr().out  # nothing was coded from it


# -- analyser version and model; --reanalyse ---------------------------------------------------------
def _analysis_column(db, capsys) -> dict[str, str]:
    assert main(["--db", db, "documents"]) == 0
    lines = capsys.readouterr().out.splitlines()
    start = lines[0].index("analysis")
    return {line.split()[0]: line[start:].strip() for line in lines[2:]}


def test_the_model_is_stored_per_document_and_reanalyse_codes_again_after_a_model_change(folder, tmp_path, capsys):
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "--quiet", "run", "--model", "fr_core_news_sm", str(folder)]) == 0
    capsys.readouterr()
    column = _analysis_column(db, capsys)  # listed against the default model, fr_core_news_md
    assert all(value.startswith("old: 0.1.0 fr_core_news_sm") for value in column.values()), column
    assert main(["--db", db, "run", str(folder)]) == 0  # the text is stored: skipped, but the run says so
    err = capsys.readouterr().err
    assert "3 stored document(s) analysed by another annales version or model" in err and "--reanalyse" in err
    assert main(["--db", db, "run", "--reanalyse"]) == 0  # no PATH needed
    captured = capsys.readouterr()
    assert "3 stored document(s) analysed again (annales 0.1.0, fr_core_news_md" in captured.out
    assert "another annales version" not in captured.err
    column = _analysis_column(db, capsys)
    assert all(value.startswith("0.1.0 fr_core_news_md") for value in column.values()), column
    assert main(["--db", db, "run", "--reanalyse"]) == 0  # nothing is stale any more
    assert "0 stored document(s) analysed again" in capsys.readouterr().out


def test_a_database_from_before_the_analysis_version_is_migrated_and_reanalysed(db, tmp_path, capsys):
    from annales.store.sqlite import MIGRATIONS

    old = str(tmp_path / "old.db")  # as an older annales left it: the first migration only, no events
    with sqlite3.connect(old) as raw:
        raw.executescript(dict(MIGRATIONS)["0001_initial"])
        raw.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
        raw.execute("INSERT INTO migrations(name) VALUES ('0001_initial')")
        columns = "id, sha256, title, language, published, published_source, source, url, path, text"
        raw.execute(f"ATTACH DATABASE '{db}' AS new")
        raw.execute(f"INSERT INTO documents ({columns}) SELECT {columns} FROM new.documents")
    db = old
    column = _analysis_column(db, capsys)
    assert set(column.values()) == {"old: unknown"}
    assert main(["--db", db, "run", "--reanalyse"]) == 0
    assert "3 stored document(s) analysed again" in capsys.readouterr().out
    assert main(["--db", db, "events", "--mentions", "--json"]) == 0
    assert capsys.readouterr().out.strip()  # the events are back
    assert set(_analysis_column(db, capsys).values()) == {"0.1.0 fr_core_news_md 3.8.0"}


def test_run_without_a_path_is_a_usage_error(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "a.db"), "run"]) == EXIT_USAGE
    assert "--reanalyse" in capsys.readouterr().err


# -- actors by their French names -------------------------------------------------------------------
@pytest.mark.parametrize(("name", "doc"), [
    ("Poutine", "visite.txt"),  # a surname in its French spelling
    ("poutine", "visite.txt"),
    ("Choïgou", "teheran.txt"),  # French transliteration; the dictionary's name is Sergei Shoigu
    ("Corée du Nord", "seoul.txt"),  # a state by its French name
    ("Pyongyang", "seoul.txt"),  # and by its capital
])
def test_actor_takes_french_names_and_spellings(db, capsys, name, doc):
    assert main(["--db", db, "events", "--json", "--actor", name]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert found and all(m["doc"] == doc for e in found for m in e["mentions"]), (name, found)
    assert main(["--db", db, "timeline", "--actor", name]) == 0
    assert len(capsys.readouterr().out.splitlines()) > 1


def test_export_takes_the_same_filters(db, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["--db", db, "--quiet", "export", "--actor", "Choïgou", "--format", "jsonl", str(out)]) == 0
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert events and {m["doc"] for e in events for m in e["mentions"]} == {"teheran.txt"}


def test_country_takes_a_code_or_a_french_name(db, capsys):
    assert main(["--db", db, "events", "--json", "--country", "TUR"]) == 0
    by_code = capsys.readouterr().out
    assert main(["--db", db, "events", "--json", "--country", "Turquie"]) == 0
    assert by_code and capsys.readouterr().out == by_code


@pytest.mark.parametrize("command", ["events", "timeline", "export"])
def test_unknown_type_or_country_is_a_usage_error_listing_the_valid_ones(db, tmp_path, capsys, command):
    tail = [str(tmp_path / "out")] if command == "export" else []
    assert main(["--db", db, command, "--type", "VISIT", *tail]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "VISIT is not a PLOVER type" in err and "CONSULT" in err and "ASSAULT" in err
    assert main(["--db", db, command, "--country", "XYZ", *tail]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "'XYZ' is not a country" in err and "RUS" in err and "TUR" in err  # the ones in this database
    assert main(["--db", db, command, "--type", "consult", "--country", "rus", *tail]) == 0  # case is free


# -- the library's store ---------------------------------------------------------------------------
def test_open_store_on_a_missing_file_raises_like_the_cli(tmp_path, capsys):
    import annales
    from annales.errors import StoreError

    missing = tmp_path / "typo.db"
    assert main(["--db", str(missing), "documents"]) == EXIT_ERROR
    assert "no database at" in capsys.readouterr().err
    with pytest.raises(StoreError, match="no database at"):
        annales.open_store(missing)
    assert not missing.exists()
    with annales.open_store(missing, create=True) as store:
        assert store.documents() == []
