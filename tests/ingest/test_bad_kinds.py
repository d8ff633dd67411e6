"""Each bad kind of input, one file of that kind made here, read on its own: what the readers do.

Nothing here raises: every input comes out as documents or as failures saying why.
"""
from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from read_results import split

from annales.ingest import MAX_ARTICLE_BYTES, MAX_RAW_CHARS, read, read_bytes
from annales.ingest.html import MAX_ATTRIBUTES, tame
from annales.model import Failure

ARTICLE = ("Le gouvernement néerlandais a annoncé jeudi à La Haye un plan de rénovation des digues, "
           "après les crues de l'hiver qui ont inondé plusieurs villages du Limbourg.")
OTHER = ("Le Parlement portugais a adopté vendredi à Lisbonne une loi qui encadre les loyers dans les "
         "grandes villes, après des mois de manifestations de locataires.")


def only_failure(results) -> Failure:
    docs, failures = split(results)
    assert not docs and len(failures) == 1, (docs, failures)
    return failures[0]


# -- sizes ----------------------------------------------------------------------------------------

def test_a_file_over_the_article_limit_is_refused_without_being_read(tmp_path):
    big = tmp_path / "archive.txt"
    with big.open("wb") as f:  # 50 MB, sparse: the size alone decides
        f.truncate(50 * 2**20)
    started = time.monotonic()
    failure = only_failure(read([big]))
    assert time.monotonic() - started < 1
    assert "50 MiB, over the limit of 20 MiB" in failure.reason and "split it" in failure.reason


def test_an_article_file_of_the_limit_in_memory_is_refused_too():
    failure = only_failure(read_bytes(b"a" * (MAX_ARTICLE_BYTES + 1), "x.txt", "x.txt", "text"))
    assert "over the limit" in failure.reason


def test_a_single_line_of_five_megabytes_is_refused_before_cleaning(tmp_path):
    line = tmp_path / "ligne.txt"
    line.write_text((ARTICLE + " ") * (5_000_000 // len(ARTICLE)), encoding="utf-8")
    failure = only_failure(read([line]))
    assert f"over the limit of {MAX_RAW_CHARS:,}" in failure.reason and failure.stage == "read"


def test_a_long_jsonl_field_fails_alone(tmp_path):
    path = tmp_path / "flux.jsonl"
    lines = [{"text": ARTICLE}, {"text": "x " * 800_000}, {"text": OTHER}]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    docs, failures = split(read([path]))
    assert [d.id for d in docs] == ["flux.jsonl#1", "flux.jsonl#3"]
    assert len(failures) == 1 and failures[0].line == 2 and "1,600,000 characters" in failures[0].reason


# -- JSON -----------------------------------------------------------------------------------------

def test_a_json_integer_over_the_digit_limit(tmp_path):
    path = tmp_path / "compte.json"
    path.write_text('{"text": "' + ARTICLE + '", "views": ' + "9" * 5000 + "}", encoding="utf-8")
    failure = only_failure(read([path]))
    assert "number too long" in failure.reason and "set_int_max_str_digits" not in failure.reason


def test_a_json_integer_over_the_digit_limit_on_one_line_of_many(tmp_path):
    path = tmp_path / "flux.jsonl"
    path.write_text(json.dumps({"text": ARTICLE}) + '\n{"text": "b", "n": ' + "7" * 5000 + "}\n"
                    + json.dumps({"text": OTHER}), encoding="utf-8")
    docs, failures = split(read([path]))
    assert len(docs) == 2 and [(f.line, "number too long" in f.reason) for f in failures] == [(2, True)]


@pytest.mark.parametrize("name", ["profond.json", "profond.jsonl"])
def test_json_nested_thousands_of_levels(tmp_path, name):
    path = tmp_path / name
    path.write_text('{"text": "' + ARTICLE + '", "tags": ' + "[" * 5000 + "]" * 5000 + "}", encoding="utf-8")
    failure = only_failure(read([path]))
    assert "nested too deeply" in failure.reason


@pytest.mark.parametrize("value, said", [
    ('["a", "b"]', "a list"), ("true", "true or false"), ("NaN", "NaN"), ("12", "a number"), ('{"a": 1}', "an object"),
])
def test_a_text_field_that_is_not_a_string_is_a_failure(tmp_path, value, said):
    path = tmp_path / "champ.json"
    path.write_text('{"title": "Un titre", "text": ' + value + "}", encoding="utf-8")
    failure = only_failure(read([path]))
    assert f"'text' holds {said}, not the article text" in failure.reason


def test_metadata_that_is_not_text_is_passed_over(tmp_path):
    path = tmp_path / "meta.json"
    path.write_text('{"text": "' + ARTICLE + '", "title": ["a"], "date": NaN, "source": true, '
                    '"published": 1718000000}', encoding="utf-8")
    (doc,) = split(read([path]))[0]
    assert (doc.title, doc.published, doc.source) == (None, "1718000000", None)


def test_lone_surrogates_in_a_json_text_and_title_become_replacement_characters(tmp_path):
    path = tmp_path / "surrogat.json"
    path.write_text('{"title": "Crise \\ud800 politique", "text": "' + ARTICLE + ' \\udfff fin."}', encoding="utf-8")
    (doc,) = split(read([path]))[0]
    assert doc.title == "Crise \ufffd politique" and doc.text.endswith("\ufffd fin.")
    doc.text.encode("utf-8")  # storable and hashable
    # a surrogate pair written as two escapes is one character, kept
    path.write_text('{"text": "' + ARTICLE + ' \\ud83d\\ude00"}', encoding="utf-8")
    (doc,) = split(read([path]))[0]
    assert doc.text.endswith("\U0001f600")


def test_a_jsonl_line_of_nul_bytes_fails_alone(tmp_path):
    path = tmp_path / "flux.jsonl"
    path.write_bytes(json.dumps({"text": ARTICLE}).encode() + b"\n" + b"\x00" * 3000 + b"\n"
                     + json.dumps({"text": OTHER}).encode() + b"\n")
    docs, failures = split(read([path]))
    assert [d.id for d in docs] == ["flux.jsonl#1", "flux.jsonl#3"]
    assert [(f.line, "not JSON" in f.reason) for f in failures] == [(2, True)]


def test_a_binary_file_named_jsonl_is_one_failure(tmp_path):
    path = tmp_path / "image.jsonl"
    path.write_bytes(bytes(range(256)) * 50)
    failure = only_failure(read([path]))
    assert "binary" in failure.reason


# -- encodings and file names ---------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(tmp_path, encoding):
    path = tmp_path / "sans_bom.txt"
    path.write_bytes(f"{ARTICLE}\n\n{OTHER}\n".encode(encoding))
    (doc,) = split(read([path]))[0]
    assert doc.text == f"{ARTICLE}\n\n{OTHER}\n"


def test_mac_roman(tmp_path):
    text = ("L'Élysée a confirmé mercredi que le président se rendra à Dakar, où il rencontrera son "
            "homologue sénégalais pour évoquer la coopération économique et la sécurité régionale.")
    path = tmp_path / "mac.txt"
    path.write_bytes(text.encode("mac_roman"))
    (doc,) = split(read([path]))[0]
    assert doc.text == text


def test_cp1252_is_still_read_as_cp1252(tmp_path):
    text = "Le député a dénoncé « une dérive » – selon lui – du projet d’œuvre commune à Genève."
    path = tmp_path / "win.txt"
    path.write_bytes(text.encode("cp1252"))
    (doc,) = split(read([path]))[0]
    assert doc.text == text


def test_a_file_name_that_is_not_utf8_is_read_under_a_printable_id(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/d\xe9p\xeache.txt", "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    (doc,) = split(read([tmp_path]))[0]
    assert doc.id == "d\\xe9p\\xeache.txt" and doc.path.endswith("d\\xe9p\\xeache.txt")
    (doc.id + doc.path).encode("utf-8")


# -- HTML -----------------------------------------------------------------------------------------

def _page(body: str) -> str:
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>"


def test_deeply_nested_html_keeps_its_article(tmp_path):
    path = tmp_path / "profond.html"
    path.write_text(_page("<div>" * 30000 + f"<p>{ARTICLE}</p><p>{OTHER}</p>" + "</div>" * 30000), encoding="utf-8")
    (doc,) = split(read([path]))[0]
    assert ARTICLE in doc.text and OTHER in doc.text


def test_a_tag_with_a_hundred_thousand_attributes_is_bounded(tmp_path):
    attributes = " ".join(f'data-a{i}="{i}"' for i in range(100_000))
    path = tmp_path / "attributs.html"
    path.write_text(_page(f"<div {attributes}><p>{ARTICLE}</p><p>{OTHER}</p></div>"), encoding="utf-8")
    started = time.monotonic()
    (doc,) = split(read([path]))[0]
    assert time.monotonic() - started < 10  # 300 s before the bound, on the machine this was written on
    assert ARTICLE in doc.text
    # the same tag with no article around it is rejected, as quickly
    path.write_text(_page(f"<div {attributes}>Menu</div>"), encoding="utf-8")
    started = time.monotonic()
    assert "no article text" in only_failure(read([path])).reason
    assert time.monotonic() - started < 10


def test_tame_leaves_ordinary_markup_alone_and_costs_linear_time():
    page = _page("<div class='a' id=\"b\"><p>Un <b>texte</b><br/>simple.</p></div>" * 50)
    assert tame(page) is page
    many = "<span " + " ".join(f"a{i}=1" for i in range(MAX_ATTRIBUTES + 1)) + ">x</span>"
    assert tame(many) == "<span>x</span>"
    flags = "<input " + " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES + 1)) + "/>"  # attributes without values
    assert tame(flags) == "<input/>"
    long_value = '<meta content="' + "mot " * 5000 + '" name="description">'  # one long value is two attributes
    assert tame(long_value) is long_value
    assert tame("<div>" * 300 + "x" + "</div>" * 300) == "<div>" * 200 + "x" + "</div>" * 200
    for size in (50_000, 500_000):  # text full of "<p" with no ">" (a JSON field) stays linear
        started = time.monotonic()
        tame("<p " * size)
        assert time.monotonic() - started < 2


# -- what a folder holds --------------------------------------------------------------------------

def test_links_that_leave_the_folder_are_not_followed(tmp_path):
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "secret.txt").write_text("Le mot de passe de la messagerie est écrit ici en clair, hélas.")
    folder = tmp_path / "articles"
    (folder / "sous").mkdir(parents=True)
    (folder / "sous" / "vrai.txt").write_text(ARTICLE)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "dossier").symlink_to(outside)
    (folder / "copie.txt").symlink_to(folder / "sous" / "vrai.txt")  # inside the folder: read
    docs, failures = split(read([folder]))
    assert sorted(d.id for d in docs) == ["copie.txt", "sous/vrai.txt"]
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert set(reasons) == {"passwd.txt", "secret.txt", "dossier"}
    assert "link to the file /etc/passwd, outside the folder given; not followed" in reasons["passwd.txt"]
    assert "link to the folder" in reasons["dossier"]


def test_a_named_pipe_in_a_folder_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "tube.txt")
    (tmp_path / "vrai.txt").write_text(ARTICLE)
    started = time.monotonic()
    docs, failures = split(read([tmp_path]))
    assert time.monotonic() - started < 2
    assert [d.id for d in docs] == ["vrai.txt"]
    assert len(failures) == 1 and "not a regular file (a named pipe)" in failures[0].reason


def test_a_named_pipe_given_by_name_is_read_as_a_stream(tmp_path):
    pipe = tmp_path / "tube"
    os.mkfifo(pipe)
    got: list = []

    def write() -> None:
        with open(pipe, "w", encoding="utf-8") as f:
            f.write(ARTICLE)

    # Both ends run in daemon threads joined with a timeout: a reader that waits for a writer
    # already gone must fail this test, not hang the suite.
    writer = threading.Thread(target=write, daemon=True)
    reader = threading.Thread(target=lambda: got.append(split(read([pipe]))), daemon=True)
    reader.start()
    writer.start()
    reader.join(timeout=20)
    writer.join(timeout=1)
    assert not reader.is_alive(), "reading the named pipe blocked"
    (doc,) = got[0][0]
    assert doc.text == ARTICLE


def test_a_device_is_refused():
    failure = only_failure(read(["/dev/zero"]))
    assert "not a regular file (a device)" in failure.reason


def test_an_unreadable_subfolder_is_reported(tmp_path, refuse_folder):
    (tmp_path / "fermé").mkdir()
    (tmp_path / "fermé" / "a.txt").write_text(OTHER)
    (tmp_path / "ouvert.txt").write_text(ARTICLE)
    refuse_folder(tmp_path / "fermé")
    docs, failures = split(read([tmp_path]))
    assert [d.id for d in docs] == ["ouvert.txt"]
    assert len(failures) == 1 and failures[0].path.endswith("fermé")
    assert "cannot read this folder (Permission denied)" in failures[0].reason



def test_closed_stdin_is_a_failure(monkeypatch):
    import sys

    monkeypatch.setattr(sys, "stdin", None)
    failure = only_failure(read(["-"]))
    assert failure.path == "stdin" and "standard input is closed" in failure.reason
