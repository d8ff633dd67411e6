"""Readers on realistic files: text encodings, an HTML page, feeds, JSON, folders, stdin, bad inputs."""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from read_results import split

from annales.clean import clean
from annales.ingest import read, read_bytes
from annales.model import RawDocument

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLES = FIXTURES / "articles"
BAD = FIXTURES / "bad"


def one(path: Path) -> RawDocument:
    docs, failures = split(read([path]))
    assert not failures and len(docs) == 1
    return docs[0]


# -- text -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, phrase", [
    ("tunisie_cp1252.txt", "« Nous ne participerons pas à cette œuvre de démolition de la démocratie »"),
    ("tunisie_cp1252.txt", "12 millions d’euros, soit près de 40 millions de dinars — un montant"),
    ("belgique_latin1.txt", "a annoncé le formateur à l'issue d'une ultime nuit de négociations à Bruxelles"),
    ("ukraine_utf8_bom.txt", "L’Ukraine et la Russie ont procédé jeudi à l’un des plus importants échanges"),
])
def test_text_in_common_encodings_reads_right(name, phrase):
    doc = one(ARTICLES / name)
    assert phrase in doc.text
    assert "\ufeff" not in doc.text and "ŕ" not in doc.text and "Ã" not in doc.text
    assert doc.id == name and doc.format == "text"


# -- HTML -------------------------------------------------------------------------------------

def test_html_page_main_text_and_metadata():
    raw = one(ARTICLES / "sanctions_page.html")
    assert raw.format == "html"
    assert raw.title == "Bruxelles adopte un nouveau paquet de sanctions contre Moscou"
    assert raw.published == "2025-02-24"  # the page's own date, not the "© 2026" of the footer
    assert raw.url == "https://courrier-europeen.example/europe/sanctions-moscou"
    doc = clean(raw)
    assert "seizième paquet de sanctions contre la Russie" in doc.text
    assert "la Hongrie".lower() in doc.text.lower() and "retrait de plusieurs noms" in doc.text
    for junk in ("Accueil", "S'abonner", "Facebook", "Twitter", "Partager", "Laisser un commentaire",
                 "Votre adresse e-mail", "Jean-Pierre", "flotte de pétroliers", "Mentions légales",
                 "Tous droits réservés", "Ouvrez cette photo", "Lire aussi"):
        assert junk not in doc.text, junk
    assert (str(doc.published), doc.published_source) == ("2025-02-24", "metadata")
    assert doc.text.startswith(doc.title + "\n\n") and doc.text.count(doc.title) == 1


def test_truncated_html_page_with_no_article_is_reported():
    docs, failures = split(read([BAD / "truncated.html"]))
    assert not docs and len(failures) == 1
    assert failures[0].stage == "read" and "truncated" in failures[0].reason


def test_truncated_html_page_keeps_the_article_before_the_cut():
    page = (ARTICLES / "sanctions_page.html").read_text(encoding="utf-8")
    cut = page[: page.index('<section id="comments"')]
    raw = next(read_bytes(cut.encode("utf-8"), "coupe.html", "coupe.html", "html"))
    assert isinstance(raw, RawDocument) and "seizième paquet" in raw.text


# -- feeds ------------------------------------------------------------------------------------

def test_rss_entries_are_documents_with_their_dates():
    docs, failures = split(read([ARTICLES / "afrique.rss"]))
    assert not failures
    assert [d.id for d in docs] == ["afrique.rss#1", "afrique.rss#2"]
    first = clean(docs[0])
    assert first.title == "Mali : la junte annonce la dissolution des partis politiques"
    assert (str(first.published), first.published_source) == ("2025-05-14", "metadata")
    assert first.url == "https://observateur-sahel.example/mali/dissolution-partis"
    assert "la dissolution de l'ensemble des partis politiques" in first.text
    assert "<p>" not in first.text and "Facebook" not in first.text
    # the entry's HTML paragraphs stay paragraphs
    assert "\n\nPlusieurs responsables de l'opposition" in first.text


def test_atom_entries_with_html_content():
    docs, failures = split(read([ARTICLES / "proche_orient.atom"]))
    assert not failures and [d.id for d in docs] == ["proche_orient.atom#1", "proche_orient.atom#2"]
    gaza = clean(docs[0])
    assert str(gaza.published) == "2025-01-19"  # published, not the later update
    assert gaza.source == "Proche-Orient Hebdo"
    assert "Des milliers de déplacés ont aussitôt pris la route" in gaza.text


def test_feed_sniffed_from_content_under_another_name(tmp_path):
    feed = tmp_path / "flux"
    feed.write_bytes((ARTICLES / "afrique.rss").read_bytes())
    docs, failures = split(read([feed]))
    assert not failures and [d.format for d in docs] == ["feed", "feed"]


def test_xml_that_is_not_a_feed_is_reported():
    docs, failures = split(read([BAD / "not_a_feed.xml"]))
    assert not docs and "not an RSS or Atom feed" in failures[0].reason


# -- JSON -------------------------------------------------------------------------------------

def test_jsonl_field_names_and_a_bad_line():
    docs, failures = split(read([BAD / "depeches.jsonl"]))
    assert [d.id for d in docs] == ["depeches.jsonl#1", "depeches.jsonl#2", "depeches.jsonl#4"]
    moldavie, georgie, roumanie = docs
    assert moldavie.source == "AFP" and moldavie.published == "2024-10-21"
    assert georgie.title.startswith("Géorgie") and georgie.url.endswith("georgie-manifestation")
    assert str(clean(georgie).published) == "2024-12-01"  # epoch seconds in published_at
    assert roumanie.source == "Radio Bucarest Info" and "<p>" not in roumanie.text
    assert [(f.line, f.stage) for f in failures] == [(3, "read"), (5, "read")]
    assert "not JSON" in failures[0].reason and "no article text" in failures[1].reason
    assert str(failures[0]).startswith(str(BAD / "depeches.jsonl") + ":3:")


def test_json_list_of_articles():
    docs, failures = split(read([ARTICLES / "elections.json"]))
    assert not failures and [d.id for d in docs] == ["elections.json#1", "elections.json#2"]
    senegal, ghana = (clean(d) for d in docs)
    assert (str(senegal.published), senegal.source) == ("2024-11-21", "APS")
    assert str(ghana.published) == "2024-12-09" and "John Mahama" in ghana.text


# -- folders, stdin, bad inputs ---------------------------------------------------------------

def test_folder_ids_are_relative_paths_and_hidden_files_are_skipped(tmp_path):
    (tmp_path / "afrique").mkdir()
    (tmp_path / "afrique" / "kenya.txt").write_bytes((BAD / "kenya.txt").read_bytes())
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.txt").write_text("Un ancien brouillon de dépêche à ne pas lire du tout.")
    (tmp_path / ".note.txt").write_text("Une note cachée à ne pas lire, même si elle est longue.")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    docs, failures = split(read([tmp_path]))
    assert [d.id for d in docs] == ["afrique/kenya.txt"] and not failures


def test_the_batch_goes_on_past_every_bad_input():
    docs, failures = split(read([BAD]))
    reasons = {Path(f.path).name + (f":{f.line}" if f.line else ""): f.reason for f in failures}
    assert set(reasons) == {"blank.txt", "empty.txt", "scan.txt", "truncated.html", "not_a_feed.xml",
                            "depeches.jsonl:3", "depeches.jsonl:5"}
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "binary" in reasons["scan.txt"]
    assert {d.id for d in docs} == {"depeches.jsonl#1", "depeches.jsonl#2", "depeches.jsonl#4",
                                    "kenya.txt", "only_boilerplate.txt"}
    assert ".brouillon.txt" not in {d.id for d in docs}
    assert all(f.stage == "read" for f in failures)


def test_single_file_id_is_its_name_and_missing_paths_are_reported():
    docs, failures = split(read([BAD / "kenya.txt", FIXTURES / "absent.txt"]))
    assert [d.id for d in docs] == ["kenya.txt"]
    assert "no such file" in failures[0].reason


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    locked = tmp_path / "verrou.txt"
    locked.write_text("Le texte est là mais le disque refuse de le lire.")
    refuse_open(monkeypatch, locked)
    docs, failures = split(read([tmp_path]))
    assert not docs and "Permission denied" in failures[0].reason and "readable" in failures[0].reason


def refuse_open(monkeypatch, path: Path) -> None:
    """Make ``path`` unreadable. Root reads whatever the permission bits say (tests run as root in
    CI), so there the refusal the kernel would give anyone else is given by os.open itself."""
    if os.geteuid() != 0:
        path.chmod(0)
        return
    original = os.open

    def refuse(name, flags, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return original(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)


def test_stdin(monkeypatch):
    text = (BAD / "kenya.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    doc = one_of(read(["-"]))
    assert doc.id == "stdin" and "projet de loi de finances" in doc.text


def test_stdin_jsonl_ids(monkeypatch):
    data = (ARTICLES / "depeches.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    docs, failures = split(read(["-"]))
    assert [d.id for d in docs] == ["stdin#1", "stdin#2", "stdin#3"] and not failures


def one_of(results) -> RawDocument:
    docs, failures = split(results)
    assert not failures and len(docs) == 1
    return docs[0]


def test_dateline_and_agency_of_a_plain_text_dispatch():
    doc = clean(one(BAD / "kenya.txt"))
    assert doc.source == "AFP" and doc.published_source == "dateline"
    assert doc.title == "Kenya : le gouvernement retire le projet de loi de finances contesté"


def test_windows_line_ends_tabs_and_utf16_read_as_paragraphs():
    text = ("Chili : le président promulgue la réforme des retraites\r\n\r\n"
            "Le président chilien a promulgué\tmercredi la réforme des retraites adoptée la semaine dernière "
            "par le Congrès, après plus de quinze ans de débats.\r\n")
    for encoding, bom in (("utf-16-le", b"\xff\xfe"), ("utf-8", b"")):
        raw = next(read_bytes(bom + text.encode(encoding), "chili.txt", "chili.txt", "text"))
        doc = clean(raw)
        assert doc.title == "Chili : le président promulgue la réforme des retraites"
        assert "\r" not in doc.text and "\t" not in doc.text
        assert doc.text.split("\n\n")[1].startswith("Le président chilien a promulgué mercredi la réforme")
