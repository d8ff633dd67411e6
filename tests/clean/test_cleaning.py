"""Cleaning: boilerplate out, article text in, headline once, language, source; on the real seeds too."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from annales.clean import clean, clean_text, detect_language, detect_source
from annales.clean.boilerplate import BoilerplateTable, boilerplate
from annales.errors import InputError
from annales.lang import languages, load_table, table_path
from annales.model import RawDocument

# The kinds of junk the issue lists, as they appear on scraped pages.
BOILERPLATE = [
    "Facebook", "Twitter", "LinkedIn", "Pinterest", "Leave a Comment", "Laisser un commentaire",
    "Votre adresse e-mail ne sera pas publiée", "Akismet", "Ouvrez cette photo dans la galerie",
    "A lire :", "À lire :", "Lire aussi :", "édité avec l'aide de l'Intelligence Artificielle",
]

PAGE = """Grèce : le Parlement adopte une réforme controversée du droit du travail

Grèce : le Parlement adopte une réforme controversée du droit du travail

Facebook
Twitter
LinkedIn
Pinterest

Le Parlement grec a adopté jeudi soir une réforme du droit du travail qui autorise les journées de treize heures dans le secteur privé, malgré une grève générale qui a paralysé les transports.

Ouvrez cette photo dans la galerie :

Des manifestants devant le Parlement à Athènes, le 16 octobre.Nikos Papadopoulos/Reuters

À lire aussi : Grèce, la dette repasse sous la barre des 150 % du PIB

« Cette loi nous ramène un siècle en arrière », a dénoncé le secrétaire général de la principale confédération syndicale du pays.

#Grèce #travail #grève
12
345

Laisser un commentaire

Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *

This site uses Akismet to reduce spam. Learn how your comment data is processed.
"""


def cleaned(text: str, **raw) -> str:
    return clean(RawDocument(id="page.txt", text=text, **raw), today=dt.date(2026, 1, 15)).text


def test_boilerplate_tables_validate_against_their_schema():
    found = [lang for lang in languages() if table_path("boilerplate", lang).exists()]
    assert {"fr", "en"} <= set(found)
    for lang in found:
        BoilerplateTable.model_validate(load_table("boilerplate", lang))


def test_every_kind_of_junk_goes_and_the_article_stays():
    text = cleaned(PAGE)
    for junk in BOILERPLATE:
        assert junk.lower() not in text.lower(), junk
    assert "#" not in text
    assert not re.search(r"^\s*\d+\s*$", text, re.MULTILINE), "lone counters are gone"
    assert "Le Parlement grec a adopté jeudi soir une réforme du droit du travail" in text
    assert "« Cette loi nous ramène un siècle en arrière », a dénoncé" in text
    # the caption stays as text, its photo credit does not
    assert "Des manifestants devant le Parlement à Athènes, le 16 octobre." in text
    assert "Papadopoulos" not in text


def test_title_kept_once_as_the_first_line_with_paragraphs_as_blank_lines():
    text = cleaned(PAGE)
    title = "Grèce : le Parlement adopte une réforme controversée du droit du travail"
    assert text.startswith(title + "\n\n")
    assert text.count(title) == 1
    assert "\n\n\n" not in text
    assert all(p == p.strip() and p for p in text.split("\n\n"))


def test_title_from_metadata_is_not_repeated_by_the_body():
    text = cleaned("Sommet de l'Otan à La Haye\nLes alliés se sont engagés mercredi à porter leurs "
                   "dépenses de défense à 5 % du PIB d'ici dix ans.", title="Sommet de l'Otan à La Haye")
    assert text == ("Sommet de l'Otan à La Haye\n\nLes alliés se sont engagés mercredi à porter leurs "
                    "dépenses de défense à 5 % du PIB d'ici dix ans.")


def test_hard_wrapped_paragraph_is_joined_and_one_line_paragraphs_stay_apart():
    wrapped = ("Le gouvernement portugais a présenté mardi sa démission au président de la\n"
               "République, après la révélation d'une enquête pour trafic d'influence visant\n"
               "plusieurs de ses proches collaborateurs et le chef de son cabinet.\n")
    text, _ = clean_text(wrapped)
    assert text.count("\n") == 0 and "président de la République" in text
    one_per_line = ("La Première ministre a annoncé un remaniement.\n"
                    "Trois ministres quittent le gouvernement.\n"
                    "Le nouveau cabinet sera présenté vendredi.\n")
    text, _ = clean_text(one_per_line)
    assert text.split("\n\n") == [line for line in one_per_line.splitlines()]


def test_comment_section_at_the_end_is_cut_whole():
    text = cleaned("Le ministre tchèque des Affaires étrangères a convoqué lundi l'ambassadeur de Russie "
                   "après l'expulsion de deux diplomates tchèques de Moscou.\n\n"
                   "Le ministère a dénoncé une mesure « sans fondement ».\n\n"
                   "Laisser un commentaire\n\nPaul D.\nIl était temps de réagir à ces provocations.\n")
    assert "Il était temps" not in text and "sans fondement" in text


def test_date_header_is_metadata_not_text():
    doc = clean(RawDocument(id="a.txt", text="date 2022-05 Le Premier ministre australien a été investi "
                            "lundi à Canberra, au lendemain de la victoire travailliste aux législatives."))
    assert doc.text.startswith("Le Premier ministre australien")
    assert (str(doc.published), doc.published_source) == ("2022-05", "header")


def test_nothing_left_is_an_input_error():
    with pytest.raises(InputError, match="nothing is left"):
        clean(RawDocument(id="vide.txt", text="Facebook\nTwitter\n\nLeave a Comment\n\n#actu\n42\n"))


def test_language_detection():
    assert detect_language("Le gouvernement allemand a approuvé mercredi le budget de la défense.") == "fr"
    assert detect_language("The German government approved the defence budget on Wednesday.") == "en"


@pytest.mark.parametrize("text, expected", [
    ("LIMA, 8 mai (AFP) - Le Congrès péruvien a destitué la présidente.", "AFP"),
    ("Le Congrès péruvien a destitué la présidente, a-t-on appris de source parlementaire.\n(Reuters)", "Reuters"),
    ("Des secouristes dans les décombres à Antakya, le 7 février.Jean Martin/Associated Press", "AP"),
    ("Le Kremlin a démenti ces informations, selon l'agence Tass.", None),
])
def test_source_is_the_agency_the_text_signs(text, expected):
    assert detect_source(text) == expected


def test_source_from_metadata_is_canonical():
    assert detect_source("texte sans signature", "Agence France-Presse") == "AFP"
    assert detect_source("texte sans signature", "Le Courrier européen") == "Le Courrier européen"


def test_the_signature_in_the_text_wins_over_the_site_name():
    assert detect_source("ABUJA, 2 mai (Reuters) - Le Sénat nigérian a adopté la loi.", "Le Courrier") == "Reuters"


def test_agency_names_match_as_words_with_their_case():
    table = boilerplate()
    assert table.credited_agency("(APS)") is None  # not AP
    assert table.credited_agency("(ap)") is None


# -- the real seed articles --------------------------------------------------------------------

def _body_sentences(raw: str) -> list[str]:
    """Sentences of the raw file's long lines, as a reader would pick them from the article body."""
    sentences = []
    for line in raw.splitlines():
        line = re.sub(r"^date \d{4}-\d{2}\s+", "", " ".join(line.split()))  # a page header, not a sentence
        line = re.sub(r"(?<=[.!?])[^.!?/]{2,60}/[^/]{2,40}$", "", line)  # a photographer's credit
        if len(line.split()) < 12 or any(junk.lower() in line.lower() for junk in BOILERPLATE):
            continue
        for sentence in re.split(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«])", line):
            if len(sentence.split()) >= 6:
                sentences.append(" ".join(sentence.split()))
    return sentences


def test_seeds_lose_every_kind_of_junk_and_keep_every_body_sentence(seed_paths):
    for path in seed_paths:
        raw = path.read_text(encoding="utf-8")
        doc = clean(RawDocument(id=path.name, text=raw, path=str(path)))
        for junk in BOILERPLATE:
            assert junk.lower() not in doc.text.lower(), (path.name, junk)
        assert not re.search(r"^\s*#", doc.text, re.MULTILINE), path.name
        assert not re.search(r"^\s*[\d\s:-]+\s*$", doc.text, re.MULTILINE), (path.name, "lone counter")
        if doc.title:
            assert doc.text.startswith(doc.title + "\n\n") and doc.text.count(doc.title) == 1, path.name
        sentences = _body_sentences(raw)
        assert len(sentences) >= 8, path.name
        flat = " ".join(doc.text.split())  # the cleaned text keeps no-break spaces; compare words
        for sentence in sentences:
            assert sentence in flat, (path.name, sentence)


def test_seeds_all_get_a_publication_date_and_a_language(seed_paths):
    for path in seed_paths:
        doc = clean(RawDocument(id=path.name, text=path.read_text(encoding="utf-8")))
        assert doc.language == "fr"
        assert doc.published is not None and doc.published_source != "unknown", path.name


@pytest.mark.parametrize("junk", [
    "Partager sur X (ex-Twitter)", "Envoyer par e-mail", "Copier le lien", "Temps de lecture : 3 min",
    "Écouter cet article", "Article réservé aux abonnés", "© Le Journal du Dimanche 2025",
    "Tous droits réservés.", "Photo : AFP", "Mis à jour le 3 mars 2024 à 10h12", "Suivez-nous sur Instagram",
    "PUBLICITÉ", "Lire aussi", "À lire aussi : Les Balkans, nouvelle route du gaz russe", "#Serbie #Belgrade",
    "Partager :", "12 commentaires", "Share this:", "Leave a Reply", "Read more: The EU and the Balkans",
    "Accueil » International » Afrique", "Monde › Europe › Balkans", "Sujets associés", "Mots-clés : Serbie, Kosovo",
    "***", "—", "Par Jeanne Martin", "Par Jeanne Martin, envoyée spéciale à Kharkiv", "By John Smith",
])
def test_junk_lines_go(junk):
    table = boilerplate()
    assert table.reason(junk), junk


@pytest.mark.parametrize("sentence", [
    "Le porte-parole du gouvernement a partagé sur Facebook une vidéo de la rencontre.",
    "Les commentaires du ministre serbe ont suscité la colère à Pristina.",
    "Lire aussi la déclaration commune publiée par les deux capitales, a conseillé le diplomate.",
    "Twitter, rebaptisé X, a suspendu le compte de l'opposant mardi.",
    "Photo à l'appui, l'armée a affirmé avoir détruit trois lance-roquettes.",
    "Publié le même jour, le rapport de l'ONU dénonce des exécutions sommaires dans la région de Kherson.",
    "Le Premier ministre a été reçu 2 fois à l'Élysée en 2024.",
    "Publié le même jour, le rapport a choqué Kiev.",
    "Publié le 3 mars. Le rapport a choqué Kiev.",
    "Par ailleurs, la Commission européenne a ouvert une enquête.",
    "« Non », a répondu le ministre. « Jamais », a-t-il ajouté, « jamais » encore.",
    "Le taux d'inflation > 5 % inquiète Francfort > Berlin > Paris.",
    "Par Washington, il faut entendre la nouvelle administration.",
])
def test_article_sentences_stay(sentence):
    assert boilerplate().reason(sentence) is None, sentence


def test_utf8_read_as_cp1252_is_repaired():
    text, _ = clean_text("Le prÃ©sident sÃ©nÃ©galais a dÃ©clarÃ© Ã  lâ€™AFP que Â« la trÃªve Â» serait "
                         "prolongÃ©e jusquâ€™Ã  fin aoÃ»t, Å“uvre de la mÃ©diation gambienne.")
    assert text == ("Le président sénégalais a déclaré à l’AFP que « la trêve » serait prolongée "
                    "jusqu’à fin août, œuvre de la médiation gambienne.")


def test_names_in_other_latin_alphabets_are_left_alone():
    line = "Lech Wałęsa a reçu à Gdańsk le président tchèque, Petr Pavel, et son homologue de São Tomé."
    assert clean_text(line)[0] == line


def test_a_short_question_standing_alone_is_a_headline():
    text, title = clean_text("Pourquoi la Serbie achète-t-elle des Rafale ?\n\nBelgrade a signé jeudi un "
                             "contrat pour douze avions de combat français, a annoncé la présidence serbe.")
    assert title == "Pourquoi la Serbie achète-t-elle des Rafale ?"


def test_a_page_copied_from_a_news_site():
    from pathlib import Path

    page = Path(__file__).resolve().parent.parent / "fixtures" / "pages" / "soudan_copie_de_page.txt"
    doc = clean(RawDocument(id=page.name, text=page.read_text(encoding="utf-8")))
    assert doc.title == "Soudan : les paramilitaires revendiquent la prise d'El-Facher"
    assert (str(doc.published), doc.published_source) == ("2025-10-27", "header")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == doc.title and len(paragraphs) == 5
    assert paragraphs[1].startswith("Les Forces de soutien rapide (FSR) ont affirmé dimanche")
    assert paragraphs[-1].startswith("Selon l'ONU, plus de 260 000 personnes")
    for junk in ("Accueil", "Amina Diallo", "Temps de lecture", "WhatsApp", "PUBLICITÉ", "génocide",
                 "Sujets associés", "newsletter", "Mis à jour"):
        assert junk not in doc.text, junk
