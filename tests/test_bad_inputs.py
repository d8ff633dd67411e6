"""A run over good articles mixed with every bad kind of input: the batch never dies, nothing good is
lost, nothing from outside the input gets in, and the failures say what happened.

Every file is made here (no committed binaries). The kinds one by one are in tests/ingest/test_bad_kinds.py.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from annales.cli import EXIT_ERROR, EXIT_PARTIAL, main
from annales.store import open_store

# Short French dispatches written for these tests (no seed or dev story).
GOOD = {
    "digues.txt": "Le gouvernement néerlandais a annoncé jeudi à La Haye un plan de rénovation des digues, après "
                  "les crues de l'hiver qui ont inondé plusieurs villages du Limbourg.",
    "loyers.txt": "Le Parlement portugais a adopté vendredi à Lisbonne une loi qui encadre les loyers dans les "
                  "grandes villes, après des mois de manifestations de locataires.",
    "jour1/article.txt": "Le Premier ministre grec a reçu lundi à Athènes son homologue bulgare pour évoquer la "
                         "construction d'un gazoduc entre les deux pays.",
    "jour2/article.txt": "Le président chilien a rencontré mardi à Santiago des représentants des mineurs en grève "
                         "pour discuter des salaires dans les mines de cuivre.",
}
MAC = ("L'Élysée a confirmé mercredi que le président se rendra à Dakar, où il rencontrera son homologue "
       "sénégalais pour évoquer la coopération économique.")
UTF16 = ("Le ministre autrichien de l'Intérieur a rencontré jeudi à Vienne son homologue hongrois pour parler "
         "du contrôle des frontières.")
DEEP = ("La Première ministre danoise a signé samedi à Copenhague un accord de défense avec la Norvège, a "
        "annoncé son cabinet.")
SURROGATE = "Le chef de la diplomatie irlandaise s'est rendu dimanche à Bruxelles pour une réunion sur la pêche \ud800."
ODD_NAME = ("Le gouvernement slovaque a présenté mardi à Bratislava un budget de rigueur, qui réduit les "
            "dépenses des ministères.")
LINES = ["Le président kenyan a accueilli lundi à Nairobi une conférence régionale sur la sécheresse.",
         "Le ministre marocain des Affaires étrangères a reçu mercredi à Rabat son homologue espagnol."]
NUL_LINE = ("Le Premier ministre belge a rencontré vendredi à Bruxelles les syndicats des cheminots pour tenter "
            "d'éviter une grève.")
SECRET = "Ce texte est hors du dossier donné : il ne doit jamais entrer dans la base de données."


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def mixed_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Good articles and one of every bad kind; returns the folder and, for each bad input
    (by name, ``name:line`` for a JSON line), a word its failure reason must hold."""
    folder = tmp_path / "entrée"
    outside = _write(tmp_path / "dehors" / "secret.txt", SECRET)
    for name, text in GOOD.items():
        _write(folder / name, text)
    _write(folder / "mac.txt", MAC.encode("mac_roman"))
    _write(folder / "sans_bom.txt", UTF16.encode("utf-16-le"))
    _write(folder / "profond.html", "<html><body>" + "<div>" * 20000 + f"<p>{DEEP}</p>" + "</div>" * 20000
           + "</body></html>")
    _write(folder / "surrogat.json", json.dumps({"title": "Pêche \ud800", "text": SURROGATE}))
    with open(os.fsencode(folder) + b"/bratislava-\xe9t\xe9.txt", "w", encoding="utf-8") as f:
        f.write(ODD_NAME)
    bad = {
        "long.txt": "over the limit of 200,000",  # cleaned text over the limit
        "ligne.txt": "over the limit of 400,000",  # a 5 MB single line
        "énorme.txt": "over the limit of 20 MiB",  # 50 MB
        "champ.jsonl:2": "over the limit of 400,000",  # a 1.6 MB JSONL field
        "nombre.json": "number too long",
        "imbriqué.json": "nested too deeply",
        "liste.json": "holds a list",
        "booléen.json": "holds true or false",
        "nan.json": "holds NaN",
        "nul.jsonl:2": "not JSON",
        "attributs.html": "no article text",
        "lien.txt": "outside the folder given",
        "passwd.txt": "outside the folder given",
        "dossier": "outside the folder given",
        "tube.txt": "not a regular file",
        "fermé": "cannot read this folder",
        "vide.txt": "empty",
        "binaire.txt": "binary",
    }
    paragraph = "Le conseil municipal a débattu longuement du budget des écoles et des transports de la ville. "
    _write(folder / "long.txt", "\n\n".join([paragraph * 4] * 700))
    _write(folder / "ligne.txt", paragraph * (5_000_000 // len(paragraph)))
    with (folder / "énorme.txt").open("wb") as f:
        f.truncate(50 * 2**20)
    _write(folder / "champ.jsonl", "\n".join(json.dumps(x) for x in [
        {"text": LINES[0]}, {"text": "mot " * 400_000}, {"text": LINES[1]}]))
    _write(folder / "nombre.json", '{"text": "Un texte.", "vues": ' + "9" * 5000 + "}")
    _write(folder / "imbriqué.json", '{"text": "Un texte.", "x": ' + "[" * 3000 + "]" * 3000 + "}")
    _write(folder / "liste.json", '{"text": ["a", "b"]}')
    _write(folder / "booléen.json", '{"text": true}')
    _write(folder / "nan.json", '{"text": NaN}')
    _write(folder / "nul.jsonl", json.dumps({"text": NUL_LINE}).encode() + b"\n"
           + b"\x00" * 2000 + b"\n")
    _write(folder / "attributs.html", "<html><body><div " + " ".join(f"a{i}='{i}'" for i in range(100_000))
           + ">Menu</div></body></html>")
    (folder / "lien.txt").symlink_to(outside)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "dossier").symlink_to(outside.parent)
    os.mkfifo(folder / "tube.txt")
    _write(folder / "fermé" / "caché.txt", SECRET)
    _write(folder / "vide.txt", "")
    _write(folder / "binaire.txt", bytes(range(256)) * 40)
    return folder, bad



def _key(failure) -> str:
    name = Path(failure.path).name
    return f"{name}:{failure.line}" if failure.line else name


def test_a_mixed_folder_stores_every_good_article_and_lists_every_bad_input_once(tmp_path, refuse_folder, capsys):
    folder, bad = mixed_folder(tmp_path)
    refuse_folder(folder / "fermé")
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "run", str(folder)]) == EXIT_PARTIAL
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    with open_store(db) as store:
        documents = store.documents()
        failures = store.failures()
    texts = "\n".join(d.text for d in documents)
    for text in [*GOOD.values(), MAC, UTF16, DEEP, ODD_NAME, *LINES, NUL_LINE]:
        assert text in texts, text
    assert "\ufffd" in texts and SURROGATE[:-2] in texts
    assert {d.id for d in documents} >= {"jour1/article.txt", "jour2/article.txt", "bratislava-\\xe9t\\xe9.txt",
                                         "champ.jsonl#1", "champ.jsonl#3", "nul.jsonl#1"}
    # every bad input once, with its reason; nothing else failed
    counts = Counter(_key(f) for f in failures)
    assert counts == Counter(set(bad)), counts
    for failure in failures:
        assert bad[_key(failure)] in failure.reason, failure
        assert str(failure) in captured.err
    # nothing from outside the folder, nor from the folder that could not be read
    assert SECRET not in texts and "root:" not in texts
    assert f"{len(bad)} failed" in captured.out
    # a second run adds nothing and records no failure twice
    assert main(["--db", db, "--quiet", "run", str(folder)]) == EXIT_PARTIAL
    with open_store(db) as store:
        assert len(store.documents()) == len(documents)
        assert Counter(_key(f) for f in store.failures()) == counts


# -- ids and versions -----------------------------------------------------------------------------

def test_same_file_names_in_two_folders_of_one_run_are_two_documents(tmp_path, capsys):
    day1 = _write(tmp_path / "jour1" / "article.txt", GOOD["jour1/article.txt"]).parent
    day2 = _write(tmp_path / "jour2" / "article.txt", GOOD["jour2/article.txt"]).parent
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "run", str(day1), str(day2)]) == 0
    assert "2 read, 2 added" in capsys.readouterr().out
    with open_store(db) as store:
        assert {d.id: d.text for d in store.documents()} == {
            "article.txt": GOOD["jour1/article.txt"], "article.txt@v2": GOOD["jour2/article.txt"]}


def test_a_changed_text_under_a_stored_id_is_a_new_version_across_runs(tmp_path, capsys):
    day1 = _write(tmp_path / "jour1" / "article.txt", GOOD["jour1/article.txt"]).parent
    day2 = _write(tmp_path / "jour2" / "article.txt", GOOD["jour2/article.txt"]).parent
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "--quiet", "run", str(day1)]) == 0
    assert main(["--db", db, "--quiet", "run", str(day2)]) == 0
    assert main(["--db", db, "--quiet", "run", str(day1), str(day2)]) == 0  # both stored: nothing new
    with open_store(db) as store:
        docs = {d.id: d.text for d in store.documents()}
        events = {e.mentions[0].doc for e in store.mention_events()}
    assert docs == {"article.txt": GOOD["jour1/article.txt"], "article.txt@v2": GOOD["jour2/article.txt"]}
    assert events == {"article.txt", "article.txt@v2"}  # the first version's events stay


def test_two_texts_piped_in_keep_both(tmp_path):
    db = str(tmp_path / "a.db")
    for text in (GOOD["digues.txt"], GOOD["loyers.txt"]):
        done = subprocess.run([sys.executable, "-m", "annales", "--db", db, "--quiet", "run", "-"],
                              input=text.encode(), capture_output=True, timeout=600)
        assert done.returncode == 0, done.stderr
    with open_store(db) as store:
        assert {d.id: d.text for d in store.documents()} == {"stdin": GOOD["digues.txt"],
                                                            "stdin@v2": GOOD["loyers.txt"]}


# -- the command itself ---------------------------------------------------------------------------

def test_closed_stdin_is_a_failure_not_a_traceback(tmp_path):
    db = tmp_path / "a.db"
    done = subprocess.run(["bash", "-c", f'"{sys.executable}" -m annales --db "{db}" run - <&-'],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == EXIT_PARTIAL, done.stderr
    assert "Traceback" not in done.stderr and "standard input is closed" in done.stderr


def test_an_unreadable_folder_exits_3(tmp_path, refuse_folder, capsys):
    folder = _write(tmp_path / "fermé" / "a.txt", GOOD["digues.txt"]).parent
    refuse_folder(folder)
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "run", str(folder)]) == EXIT_PARTIAL
    captured = capsys.readouterr()
    assert "cannot read this folder (Permission denied)" in captured.err and "0 read" in captured.out
    assert main(["--db", db, "failures"]) == 0
    assert "fermé" in capsys.readouterr().out


def test_read_failures_are_stored_as_they_happen(tmp_path, monkeypatch):
    from annales import pipeline

    folder = tmp_path / "in"
    _write(folder / "a_vide.txt", "")
    _write(folder / "b.txt", GOOD["digues.txt"])

    def crash(documents, model=None, workers=1):
        for _ in documents:
            raise MemoryError("the machine ran out of memory")
        yield from ()

    monkeypatch.setattr(pipeline, "analyse_documents", crash)
    with open_store(tmp_path / "a.db", create=True) as store, pytest.raises(MemoryError):
        pipeline.run([folder], store)
    with open_store(tmp_path / "a.db") as store:
        assert [Path(f.path).name for f in store.failures()] == ["a_vide.txt"]


@pytest.mark.parametrize("value", ["0", "65", "deux"])
def test_annales_workers_obeys_the_bound_of_the_flag(tmp_path, monkeypatch, capsys, value):
    monkeypatch.setenv("ANNALES_WORKERS", value)
    assert main(["--db", str(tmp_path / "a.db"), "run", str(tmp_path)]) == EXIT_ERROR
    assert "ANNALES_WORKERS must be a whole number from 1 to 64" in capsys.readouterr().err


# -- a damaged database ---------------------------------------------------------------------------

def damaged_database(tmp_path: Path) -> str:
    """A store with documents whose table's first page is overwritten, as a disk fault would."""
    from annales.model import Document

    db = tmp_path / "abîmée.db"
    with open_store(db, create=True) as store:
        store.add_batch([(Document(id=f"d{i}.txt", text=f"Dépêche numéro {i}. " * 300), []) for i in range(50)])
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'documents'").fetchone()[0]
    connection.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\x07" * page_size)
    return str(db)


@pytest.mark.parametrize("command", [["export", "OUT"], ["run", "IN"], ["documents"]])
def test_a_damaged_database_is_an_error_that_says_so(tmp_path, capsys, command):
    db = damaged_database(tmp_path)
    _write(tmp_path / "in" / "a.txt", GOOD["loyers.txt"])
    args = [{"OUT": str(tmp_path / "out"), "IN": str(tmp_path / "in")}.get(a, a) for a in command]
    assert main(["--db", db, *args]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {db}: the database is damaged (") and "restore it from a backup" in err


# -- two runs at once -----------------------------------------------------------------------------

def _store_one(db: str, doc_id: str, barrier, results) -> None:
    from annales.model import Document

    with open_store(db) as store:
        document = Document(id=doc_id, text=GOOD["loyers.txt"])
        barrier.wait()  # both have checked nothing yet; both write now
        results.put(store.add_batch([(document, [])]))


def test_two_runs_storing_one_text_under_two_ids_store_it_once(tmp_path):
    import multiprocessing

    context = multiprocessing.get_context("fork")
    for attempt in range(10):
        db = str(tmp_path / f"{attempt}.db")
        open_store(db, create=True).close()
        barrier, results = context.Barrier(2), context.Queue()
        runs = [context.Process(target=_store_one, args=(db, name, barrier, results)) for name in ("a.txt", "b.txt")]
        for run in runs:
            run.start()
        for run in runs:
            run.join(60)
            assert run.exitcode == 0
        assert sorted([results.get(timeout=5), results.get(timeout=5)]) == [0, 1]
        with open_store(db) as store:
            assert len(store.documents()) == 1


def test_a_text_the_parser_refuses_fails_alone_not_its_batch(monkeypatch):
    from annales.model import Document
    from annales.pipeline import _analyzer

    analyzer = _analyzer(None)
    monkeypatch.setattr(analyzer.nlp, "max_length", 300)  # spaCy's own refusal (E088), on a small scale
    short = Document(id="court.txt", text=GOOD["digues.txt"])
    long = Document(id="long.txt", text=(GOOD["loyers.txt"] + " ") * 3)
    first, second = analyzer.analyse_batch([long, short])
    assert first.stage == "analyse" and "parser refused the text (ValueError" in first.reason
    assert second.document.id == "court.txt"


def test_a_cleaned_text_over_the_limit_is_refused_before_parsing(monkeypatch):
    from annales import ingest
    from annales.model import RawDocument
    from annales.pipeline import clean_stream

    monkeypatch.setattr(ingest, "MAX_TEXT_CHARS", 100)
    (failure,) = clean_stream([RawDocument(id="a.txt", text=GOOD["loyers.txt"])])
    assert failure.stage == "clean" and f"is {len(GOOD['loyers.txt'])} characters, over the limit of 100" in failure.reason
