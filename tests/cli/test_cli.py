"""The annales command end to end, on small real-style articles in a temporary folder."""
from __future__ import annotations

import json

import pytest

from annales.cli import EXIT_ERROR, EXIT_PARTIAL, EXIT_USAGE, main

ARTICLE_1 = """Le Premier ministre polonais reçu à Kiev

KIEV, 12 mars 2024 (AFP) - Le Premier ministre polonais Donald Tusk s'est rendu mardi à Kiev, où il a
rencontré le président ukrainien Volodymyr Zelensky pour discuter de l'aide militaire et du transit des
céréales.

Les deux dirigeants ont signé un accord sur la production conjointe de munitions, a indiqué la présidence
ukrainienne.
"""

ARTICLE_2 = """Berlin promet de nouveaux chars à l'Ukraine

Publié le 5 février 2024

Le chancelier allemand Olaf Scholz a promis lundi de livrer de nouveaux chars à l'Ukraine d'ici l'été,
lors d'une conférence de presse à Berlin.
"""


@pytest.fixture()
def articles(tmp_path):
    folder = tmp_path / "articles"
    (folder / "europe").mkdir(parents=True)
    (folder / "tusk.txt").write_text(ARTICLE_1, encoding="utf-8")
    (folder / "europe" / "scholz.txt").write_text(ARTICLE_2, encoding="cp1252")
    return folder


def test_run_then_list_then_rerun_adds_nothing(articles, tmp_path, capsys):
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "run", str(articles)]) == 0
    out = capsys.readouterr().out
    assert "2 read, 2 added" in out
    assert main(["--db", db, "documents"]) == 0
    table = capsys.readouterr().out
    assert "tusk.txt" in table and "europe/scholz.txt" in table
    assert "2024-03-12" in table and "2024-02-05" in table
    assert main(["--db", db, "run", str(articles)]) == 0
    assert "0 added, 2 already stored" in capsys.readouterr().out


def test_a_bad_file_is_reported_skipped_and_the_status_says_so(articles, tmp_path, capsys):
    (articles / "photo.txt").write_bytes(bytes(range(256)) * 20)
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "run", str(articles)]) == EXIT_PARTIAL
    captured = capsys.readouterr()
    assert "photo.txt" in captured.err and "skipped" in captured.err
    assert "2 added" in captured.out
    assert main(["--db", db, "failures"]) == 0
    assert "photo.txt" in capsys.readouterr().out


def test_export_jsonl_follows_the_contract(articles, tmp_path, capsys):
    db = str(tmp_path / "a.db")
    main(["--db", db, "--quiet", "run", str(articles)])
    out = tmp_path / "out"
    assert main(["--db", db, "export", "--format", "jsonl", str(out)]) == 0
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {d["doc"] for d in docs} == {"tusk.txt", "europe/scholz.txt"}
    for d in docs:
        assert set(d) >= {"doc", "title", "language", "published", "published_source", "source", "url", "sha256"}
        assert d["language"] == "fr"
    for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        assert event["mentions"] and event["type"]
        for mention in event["mentions"]:
            assert {"doc", "sentence", "start", "end", "trigger", "published"} <= set(mention)


def test_stdin_is_read_with_dash(tmp_path, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE_1.encode("utf-8"))))
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "run", "-"]) == 0
    assert "1 read, 1 added" in capsys.readouterr().out


def test_listing_without_a_database_says_what_to_do(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "none.db"), "documents"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("Error: no database at") and "annales run" in err


def test_missing_input_is_an_error_that_names_it(tmp_path, capsys):
    code = main(["--db", str(tmp_path / "a.db"), "run", str(tmp_path / "nope")])
    assert code in (EXIT_ERROR, EXIT_PARTIAL)
    assert "nope" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "a.db"), "export", "--format", "pdf", "out"]) == EXIT_USAGE
    assert main(["--db", str(tmp_path / "a.db"), "timeline", "--from", "last week"]) == EXIT_USAGE
    assert "YYYY" in capsys.readouterr().err


def test_export_leaves_hypothetical_events_off_unless_asked(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "visite.txt").write_text(
        "Une visite du président iranien à Moscou ?\n\n"
        "MOSCOU, 4 juin 2024 (AFP) - Le Kremlin a été interrogé mardi sur la possibilité d'une visite prochaine "
        "du président iranien en Russie. Le porte-parole a répondu que cela n'était pas prévu pour l'instant.\n",
        encoding="utf-8")
    db = str(tmp_path / "a.db")
    main(["--db", db, "--quiet", "run", str(folder)])
    main(["--db", db, "--quiet", "export", "--format", "jsonl", str(tmp_path / "default")])
    main(["--db", db, "--quiet", "export", "--include-hypothetical", "--format", "jsonl", str(tmp_path / "all")])

    def statuses(name):
        lines = (tmp_path / name / "events.jsonl").read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["status"] for line in lines]

    assert not {"hypothetical", "negated"} & set(statuses("default"))
    assert {"hypothetical", "negated"} & set(statuses("all"))


def test_two_workers_store_what_one_worker_stores(articles, tmp_path, capsys):
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    assert main(["--db", one, "--quiet", "run", str(articles)]) == 0
    assert main(["--db", two, "--quiet", "run", "--workers", "2", str(articles)]) == 0
    capsys.readouterr()
    for db in (one, two):
        main(["--db", db, "events", "--mentions", "--json"])
    out = capsys.readouterr().out.splitlines()
    half = len(out) // 2
    assert half > 0 and sorted(out[:half]) == sorted(out[half:])
