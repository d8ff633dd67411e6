"""Publication-date cascade and inference on news text written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from annales.clean import publication_date
from annales.clean.pubdate import infer_date, parse_metadata_date
from annales.lang import load_table
from annales.model import PUBLISHED_SOURCES

TODAY = dt.date(2026, 1, 15)


def run(text: str, metadata: str | None = None, today: dt.date = TODAY):
    found, how = publication_date(text, metadata, today=today)
    assert how in PUBLISHED_SOURCES
    return (str(found) if found else None), how


# -- metadata ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2024-03-05T10:00:00+01:00", "2024-03-05"),
    ("2024-03-05", "2024-03-05"),
    ("2024-03", "2024-03"),
    ("Tue, 05 Mar 2024 10:00:00 +0100", "2024-03-05"),
    ("1709629200", "2024-03-05"),
    ("5 mars 2024", "2024-03-05"),
    ("mars 2024", "2024-03"),
])
def test_metadata_dates_keep_their_precision(value, expected):
    assert str(parse_metadata_date(value, TODAY)) == expected


def test_metadata_wins_over_the_text():
    text = "date 2021-06 Le Premier ministre espagnol a annoncé des élections anticipées."
    assert run(text, "2021-06-02T08:00:00Z") == ("2021-06-02", "metadata")


def test_unreadable_metadata_falls_through_to_the_text():
    text = "date 2021-06 Le Premier ministre espagnol a annoncé des élections anticipées."
    assert run(text, "hier soir") == ("2021-06", "header")


# -- header, timestamp ------------------------------------------------------------------------

def test_date_header_gives_a_month_not_a_day():
    text = ("date 2021-06 Le Premier ministre espagnol a annoncé lundi la tenue d'élections "
            "législatives anticipées le 23 juillet, au lendemain d'une lourde défaite aux municipales.")
    assert run(text) == ("2021-06", "header")


def test_published_on_header():
    text = ("Publié le 3 février 2025 à 14h02\n\nLes ministres de l'Intérieur de l'Union européenne "
            "se sont réunis à Varsovie pour discuter de la réforme du pacte sur la migration.")
    assert run(text) == ("2025-02-03", "header")


@pytest.mark.parametrize("top, expected", [
    ("Par Jeanne Martin, le 3 mars 2024 à 10h30", "2024-03-03"),
    ("Lundi 12 février 2024", "2024-02-12"),
    ("12 février 2024 à 18:05", "2024-02-12"),
    ("Publié le 05/06/2023 à 07h15", "2023-06-05"),
    ("Mis à jour le 8 octobre 2022 à 21h40", "2022-10-08"),
    ("Publié le : 3 mars 2024 à 10h30", "2024-03-03"),
    ("Publié à 10h30, le 3 mars 2024", "2024-03-03"),
    ("Le 3 mars 2024 à 10h30", "2024-03-03"),
    ("Par Jeanne Martin Publié le 3 mars 2024 à 10h30", "2024-03-03"),
])
def test_header_forms(top, expected):
    text = (f"Le Conseil d'État suspend un arrêté préfectoral\n\n{top}\n\n"
            "Le juge des référés a suspendu jeudi l'arrêté qui interdisait la manifestation.")
    assert run(text) == (expected, "header")


def test_header_line_leaves_no_remnant_in_the_cleaned_text():
    from annales.clean import clean_text

    text, title = clean_text("Séisme au Maroc : le bilan s'alourdit\n\nPublié le 9 septembre 2023 à 14h02, "
                             "mis à jour le 10 septembre 2023 à 08h00\n\nLe bilan du séisme qui a frappé "
                             "la région d'Al-Haouz dépasse désormais les deux mille morts, selon les autorités.")
    assert text.split("\n\n")[1].startswith("Le bilan du séisme")
    assert "Publié" not in text and "mis à jour" not in text and "14h02" not in text


def test_machine_timestamp_on_its_own_line():
    text = ("Le Parlement slovaque vote la confiance au gouvernement\n\n2022-11-08 07:45:12\n\n"
            "Le gouvernement a obtenu mardi la confiance des députés par 78 voix contre 60.")
    assert run(text) == ("2022-11-08", "timestamp")


def test_dotted_timestamp():
    text = "Les pompiers luttent contre un incendie près de Marseille\n\n24.07.2023 16:40\n\nLe feu a déjà parcouru 300 hectares."
    assert run(text) == ("2023-07-24", "timestamp")


def test_epoch_seconds_in_a_plausible_range():
    text = "La réunion du Conseil de sécurité a été reportée à la demande de la Chine.\n\n1700000000\n"
    assert run(text) == ("2023-11-14", "timestamp")


@pytest.mark.parametrize("number", ["0900000000", "9999999999"])
def test_epoch_outside_the_plausible_range_is_a_counter(number):
    text = f"La réunion du Conseil de sécurité a été reportée à la demande de la Chine.\n\n{number}\n"
    assert run(text) == (None, "unknown")


# -- dateline, caption ------------------------------------------------------------------------

def test_parenthesised_dateline():
    text = ("Les Vingt-Sept s'accordent sur le budget\n\n(Bruxelles, 12 décembre 2024). Les chefs d'État "
            "et de gouvernement se sont entendus dans la nuit sur le cadre financier pluriannuel.")
    assert run(text) == ("2024-12-12", "dateline")


def test_agency_dateline_without_a_year_takes_it_from_the_weekday():
    # 3 March fell on a Monday in 2025 (and in 2014, outside the window of plausible years)
    text = ("KIEV, 3 mars (AFP) - Des frappes de drones russes ont visé lundi des infrastructures "
            "énergétiques dans la région d'Odessa, a annoncé le gouverneur régional.")
    assert run(text) == ("2025-03-03", "dateline")


def test_dateline_year_comes_from_the_years_the_text_names():
    text = ("DAKAR, 14 avril - Le Conseil constitutionnel a validé la liste des candidats à la "
            "présidentielle, dont le dépôt avait été clos le 2 février 2019.")
    assert run(text) == ("2019-04-14", "dateline")


def test_a_bare_year_is_history_not_the_date_of_the_text():
    text = ("Le mur de Berlin est tombé en 1989. Les dirigeants européens se retrouvent samedi "
            "dans la capitale allemande pour une cérémonie.")
    assert run(text) == (None, "unknown")


def test_dateline_after_a_month_named_with_its_year_is_in_a_later_year():
    # "en février 2023" carries its year because it is not the current one
    text = ("DAKAR, 14 avril - Le Conseil constitutionnel a validé la liste des candidats. "
            "Le scrutin avait été reporté une première fois en février 2023.")
    assert run(text) == ("2024-04-14", "dateline")


def test_dated_photo_caption_with_a_weekday_that_fixes_the_year():
    # 4 June was a Tuesday in 2019 and 2024: the most recent one not after today
    text = ("Ankara et Bakou signent un accord gazier\n\n"
            "Le président turc, à gauche, accueille son homologue azerbaïdjanais à Ankara, le 4 juin.Jean Martin/Reuters\n\n"
            "Les deux dirigeants ont signé mardi un accord sur l'extension du gazoduc transanatolien.")
    assert run(text, today=dt.date(2025, 6, 30)) == ("2024-06-04", "caption")


def test_caption_without_a_year_or_weekday_does_not_invent_one():
    text = ("Le chef de la diplomatie chinoise à Pékin, le 9 octobre.Li Wei/AFP\n\n"
            "La Chine a appelé les parties à la retenue après les incidents en mer de Chine méridionale.")
    found, how = publication_date(text, today=TODAY)
    assert how != "caption"


# -- inference --------------------------------------------------------------------------------

def test_latest_full_date_mentioned():
    text = ("Les faits remontent au 3 janvier 2023, lorsque le député a été interpellé à l'aéroport. "
            "Son procès s'est ouvert le 14 mars 2024 devant le tribunal correctionnel de Paris.")
    assert run(text) == ("2024-03-14", "inferred")


def test_months_without_a_year_next_to_a_month_with_one_mean_the_next_year():
    text = ("Les législatives avaient eu lieu en octobre 2023. Le nouveau gouvernement a été investi en mars "
            "et le Parlement a adopté le budget fin mai, après des semaines de blocage.")
    found, how = publication_date(text, today=TODAY)
    assert (str(found), found.precision, how) == ("2024", "year", "inferred")


def test_last_year_tied_to_an_explicit_year():
    text = ("Les deux pays ont signé l'an dernier, en 2022, un accord de réadmission, que le "
            "gouvernement dit vouloir renégocier.")
    assert run(text) == ("2023", "inferred")


def test_last_year_far_from_any_year_fixes_nothing():
    # the border closed in 2022; "l'an dernier" may be any year since
    text = ("La frontière avait été fermée en 2022. Les deux pays ont signé l'an dernier un accord de "
            "réadmission, que le gouvernement dit vouloir renégocier.")
    found, _ = run(text)
    assert found != "2023"


def test_weekday_written_with_the_day_fixes_the_year_and_the_day():
    # 7 November was a Thursday in 2019 and 2024: the most recent; reported as past, the article is
    # of that day (or the next: the day is the writer's "today" the text counts from)
    text = ("Les dirigeants de la Communauté politique européenne se sont retrouvés jeudi 7 novembre à "
            "Budapest, au lendemain de l'élection présidentielle américaine.")
    assert run(text, today=dt.date(2025, 6, 1)) == ("2024-11-07", "inferred")


def test_an_announced_weekday_dates_the_weeks_before_it():
    text = ("Les dirigeants de la Communauté politique européenne se retrouveront jeudi 7 novembre à "
            "Budapest, au lendemain de l'élection présidentielle américaine.")
    assert run(text, today=dt.date(2025, 6, 1)) == ("2024-10-24/2024-11-07", "inferred")


def test_several_weekdays_do_not_fix_a_day():
    text = ("Les négociations ont repris lundi à Genève. Mercredi, les délégations ont échangé des "
            "propositions écrites, et un nouveau cycle est prévu le 5 février.")
    assert run(text) == (None, "unknown")


def test_never_a_day_when_the_text_only_gives_a_month():
    text = "Les troupes ont quitté la base en juillet 2024, selon le ministère de la Défense."
    found, how = infer_date(text, today=TODAY)
    assert found is None or found.precision != "day"


def test_future_years_are_not_evidence():
    text = "Le gouvernement vise la neutralité carbone en 2050 et un nouveau plan sera présenté."
    assert run(text) == (None, "unknown")


def test_nothing_supports_a_date():
    text = ("Le président a reçu son homologue pour des entretiens consacrés à la sécurité régionale. "
            "Aucun détail n'a filtré sur le contenu des discussions.")
    assert run(text) == (None, "unknown")


def test_a_number_is_not_a_year():
    text = "Près de 2.000 soldats et 1 900 véhicules ont été déployés le long de la frontière."
    assert run(text) == (None, "unknown")


def test_patterns_validate_against_their_schema():
    table = load_table("pubdate", "fr")
    assert table["headers"] and table["datelines"]


def test_dateline_with_a_year_may_end_with_a_full_stop():
    text = ("Varsovie, 15 octobre 2023. Les électeurs polonais se rendent aux urnes pour des législatives "
            "présentées comme les plus importantes depuis la chute du communisme.")
    assert run(text) == ("2023-10-15", "dateline")


def test_news_url_dates_a_document_without_other_metadata():
    from annales.clean import clean
    from annales.model import RawDocument

    doc = clean(RawDocument(id="a.json#1", text="Le gouvernement néerlandais a démissionné après le départ "
                            "du principal parti de la coalition.",
                            url="https://journal.example/international/article/2025/06/03/pays-bas-demission"),
                today=TODAY)
    assert (str(doc.published), doc.published_source) == ("2025-06-03", "url")


def test_a_broken_pattern_fails_the_schema():
    from annales.clean.boilerplate import BoilerplateTable
    from annales.clean.pubdate import PubdateTable

    table = dict(load_table("pubdate", "fr"), datelines=["^(?P<place>[A-Z]+"])
    with pytest.raises(ValueError):
        PubdateTable.model_validate(table)
    with pytest.raises(ValueError):
        BoilerplateTable.model_validate({"lines": {"share": ["(facebook"]}})


def test_weekday_moves_the_year_past_an_older_year_named():
    # 16 January was a Tuesday in 2024; the text names 2022 only as background
    text = ("Les ministres se sont retrouvés mardi 16 janvier à Bruxelles. L'accord de 2022 sur les "
            "céréales ukrainiennes était au menu des discussions.")
    assert run(text) == ("2024-01-16", "inferred")


# -- the day of writing, bounds, office-holders, captions -------------------------------------

def test_this_day_with_its_weekday_is_the_day_of_writing():
    # 6 March was a Thursday in 2025 (and 2014, 2020 has it a Friday): "ce" makes it today's
    text = ("Le gouvernement portugais a présenté ce jeudi 6 mars sa démission au président de la "
            "République, après le rejet d'une motion de confiance au Parlement.")
    assert run(text, today=dt.date(2025, 12, 1)) == ("2025-03-06", "inferred")


def test_header_month_made_a_day_by_this_day():
    text = ("date 2022-05 Les autorités sri-lankaises ont décrété ce 6 mai l'état d'urgence, après une "
            "grève générale qui a paralysé le pays.")
    assert run(text) == ("2022-05-06", "header")


def test_a_day_outside_the_header_month_does_not_refine_it():
    text = ("date 2022-05 Les autorités sri-lankaises ont levé l'état d'urgence décrété ce 6 avril, "
            "après une grève générale qui a paralysé le pays.")
    assert run(text) == ("2022-05", "header")


def test_office_holder_bounds_the_year_a_weekday_gives():
    # 16 January was a Tuesday in 2018 and 2024: Theresa May was Prime Minister only in 2018
    text = ("La Première ministre britannique Theresa May a reçu mardi 16 janvier les dirigeants des "
            "partis nord-irlandais à Downing Street pour relancer les négociations.")
    assert run(text) == ("2018-01-16", "inferred")


def test_a_short_term_alone_bounds_the_date():
    text = ("La Première ministre britannique Liz Truss a défendu son plan de baisses d'impôts devant "
            "les députés conservateurs, malgré la chute de la livre sterling.")
    found, how = publication_date(text, today=TODAY)
    assert how == "inferred" and found.precision == "interval"
    assert found.start <= dt.date(2022, 9, 6) and found.end >= dt.date(2022, 10, 24)
    assert (found.end - found.start).days < 90


def test_a_former_office_holder_bounds_nothing():
    text = ("L'ancienne Première ministre britannique Liz Truss a défendu son bilan lors d'une "
            "conférence aux États-Unis.")
    assert run(text) == (None, "unknown")


def test_office_bound_never_makes_a_long_term_a_date():
    # a head of state in office for decades says nothing useful
    text = "Le président biélorusse Alexandre Loukachenko a reçu son homologue kazakh à Minsk."
    assert run(text) == (None, "unknown")


def test_years_ago_tied_to_a_year():
    text = ("Il y a dix ans, en 2014, la Crimée était annexée. Les autorités ukrainiennes ont commémoré "
            "l'événement en présence de diplomates étrangers.")
    assert run(text) == ("2024", "inferred")


def test_a_historical_month_is_a_bound_not_the_year():
    # "en juillet 2019" says the text is later than that, not that it is of 2019
    text = ("Le Japon avait restreint ses exportations vers la Corée du Sud en juillet 2019. Les deux "
            "pays ont annoncé la levée de ces mesures, selon leurs ministères du Commerce.")
    found, _ = run(text)
    assert found is None or not found.startswith("2019")


def test_a_date_to_come_does_not_set_the_year():
    text = ("Les élections générales auront lieu le 12 octobre 2025, a annoncé la commission électorale, "
            "qui a publié le calendrier de la campagne.")
    assert run(text, today=dt.date(2026, 1, 15)) == (None, "unknown")


def test_stock_photo_caption_dates_nothing():
    text = ("Le Parlement européen vote le pacte sur la migration\n\n"
            "L'hémicycle de Strasbourg, le 12 mars 2019 (photo d'archives). Paul Durand/AFP\n\n"
            "Les eurodéputés ont adopté mercredi 10 avril le pacte sur la migration et l'asile.")
    assert run(text, today=dt.date(2024, 6, 1)) == ("2024-04-10", "inferred")


def test_caption_dated_before_the_reported_day_dates_nothing():
    text = ("Le Parlement européen vote le pacte sur la migration\n\n"
            "L'hémicycle de Strasbourg, le 12 mars 2019. Paul Durand/AFP\n\n"
            "Les eurodéputés ont adopté mercredi 10 avril le pacte sur la migration et l'asile.")
    assert run(text, today=dt.date(2024, 6, 1))[1] != "caption"


def test_caption_of_the_reported_day_dates_the_article():
    text = ("Le Parlement européen vote le pacte sur la migration\n\n"
            "Des eurodéputés dans l'hémicycle de Strasbourg, le 10 avril 2024. Paul Durand/AFP\n\n"
            "Les eurodéputés ont adopté mercredi le pacte sur la migration et l'asile.")
    assert run(text, today=dt.date(2024, 6, 1)) == ("2024-04-10", "caption")


def test_url_date_in_the_path():
    from annales.clean import clean
    from annales.model import RawDocument

    doc = clean(RawDocument(id="b.html", text="Le Premier ministre a démissionné après le vote d'une motion "
                            "de censure à l'Assemblée nationale.",
                            url="https://www.journal.example/politique/2024/12/04/motion-de-censure_123.html"),
                today=TODAY)
    assert (str(doc.published), doc.published_source) == ("2024-12-04", "url")


def test_url_month_made_a_day_by_the_text():
    from annales.clean import clean
    from annales.model import RawDocument

    doc = clean(RawDocument(id="c.html", text="Le gouvernement a survécu ce 4 décembre à une motion de censure "
                            "déposée par l'opposition.", url="https://www.journal.example/2024/12/motion-123.html"),
                today=TODAY)
    assert (str(doc.published), doc.published_source) == ("2024-12-04", "url")


def test_a_title_of_those_days_bounds_nothing():
    text = ("L'alors Première ministre britannique Liz Truss avait promis des baisses d'impôts ; son "
            "successeur a défendu mardi une autre politique budgétaire.")
    assert run(text) == (None, "unknown")


def test_a_title_in_a_sentence_with_its_year_bounds_nothing():
    text = ("En 2022, la Première ministre britannique Liz Truss avait annoncé des baisses d'impôts. Le "
            "gouvernement actuel a présenté son budget devant les députés.")
    found, _ = run(text)
    assert found is None or found.end > dt.date(2022, 12, 31)


def test_terms_that_never_overlap_bound_nothing():
    # one of the two titles is history; nothing says which
    text = ("La Première ministre britannique Liz Truss a salué la décision. La Première ministre "
            "britannique Theresa May a appelé au calme.")
    assert run(text) == (None, "unknown")


def test_a_full_date_told_as_background_is_not_the_day_of_writing():
    text = ("Le 24 février 2022, la Russie avait lancé son invasion de l'Ukraine. Les ministres des "
            "Affaires étrangères du G7 ont réaffirmé leur soutien à Kiev.")
    found, _ = run(text)
    assert found is None or str(found) != "2022-02-24"


def test_a_memorable_day_after_depuis_is_not_today():
    text = ("date 2024-10 Depuis ce 7 octobre, la région vit au rythme des alertes, ont rappelé les "
            "autorités locales lors d'une cérémonie.")
    assert run(text) == ("2024-10", "header")


@pytest.mark.parametrize("url, expected", [
    ("https://www.journal.example/international/article/2024/03/12/titre_123.html", "2024-03-12"),
    ("https://www.journal.example/monde/2024/03/titre-123.html", "2024-03"),
    ("https://www.radio.example/fr/afrique/20240312-titre-de-l-article", "2024-03-12"),
    ("https://www.site.example/actualite/2024-03-12-titre", "2024-03-12"),
    ("https://www.site.example/actualite/titre-123.html", None),
    ("https://www.site.example/actualite/20241340-titre", None),
    ("https://2024.site.example/page?date=2024/03/12/", None),
])
def test_dates_in_news_urls(url, expected):
    from annales.clean.pubdate import date_from_url

    assert date_from_url(url) == expected


def test_a_reported_day_inside_the_header_month_keeps_the_month():
    # the strikes were on Monday the 8th; the article may be of any later day of the month
    text = ("date 2024-01 Les frappes de lundi 8 janvier ont été suivies de nouveaux tirs, ont indiqué "
            "les autorités, qui font état de plusieurs blessés.")
    assert run(text) == ("2024-01", "header")


def test_office_holder_bounds_the_year_of_a_dateline():
    # 12 March was a Tuesday in 2019 and 2024: Petro Poroshenko was president only in 2019
    text = ("KIEV, 12 mars (AFP) - Le président ukrainien Petro Porochenko a signé mardi un décret sur la "
            "défense des côtes de la mer d'Azov, a annoncé la présidence.")
    assert run(text) == ("2019-03-12", "dateline")


@pytest.mark.parametrize("opening, expected", [
    ("Hier, dimanche 5 octobre, les électeurs", "2025-10-06"),
    ("Aujourd'hui, lundi 6 octobre, les électeurs", "2025-10-06"),
    ("Avant-hier, samedi 4 octobre, les électeurs", "2025-10-06"),
])
def test_yesterday_with_its_day_dates_the_writing(opening, expected):
    text = f"{opening} tchèques se sont rendus aux urnes pour renouveler la Chambre des députés."
    assert run(text, today=dt.date(2025, 12, 1)) == (expected, "inferred")


def test_tomorrow_with_its_day_dates_the_writing():
    text = ("Les électeurs tchèques voteront demain, samedi 4 octobre, pour renouveler la Chambre des "
            "députés, au terme d'une campagne tendue.")
    assert run(text, today=dt.date(2025, 12, 1)) == ("2025-10-03", "inferred")


def test_a_stated_date_after_today_is_no_publication_date():
    text = ("Publié le 3 février 2027 à 14h02\n\nLes ministres de l'Intérieur de l'Union européenne "
            "se sont réunis à Varsovie pour discuter de la réforme du pacte sur la migration.")
    assert run(text)[1] != "header"


# -- "N ans après" a named year; a year cut to the bounds ------------------------------------------

def test_years_after_a_named_year_is_a_floor_that_closes_an_office_window():
    text = ("Huit ans après la signature de l'accord de Paris en 2016, les négociations climatiques piétinent.\n"
            "Le secrétaire d'État américain Antony Blinken a appelé mardi la Chine à agir.")
    found, how = infer_date(text, today=TODAY)
    assert how == "inferred" and found is not None
    # not before 2024 (eight years after 2016), not after the end of the secretary's term
    assert found.start == dt.date(2024, 1, 1) and dt.date(2025, 1, 20) <= found.end <= dt.date(2025, 2, 10)


def test_years_after_in_a_sentence_about_the_future_is_no_floor():
    text = ("Dix ans après son adhésion en 2016, le pays devra quitter l'organisation.\n"
            "Le secrétaire d'État américain Antony Blinken a appelé mardi la Chine à agir.")
    found, _ = infer_date(text, today=TODAY)
    assert found is None or found.start < dt.date(2026, 1, 1)


def test_a_year_the_text_points_to_is_cut_to_the_end_of_an_office_term():
    text = ("Le chef de la diplomatie iranienne, Hossein Amir-Abdollahian, a reçu lundi son homologue omanais. "
            "Les deux pays avaient signé l'an dernier, en 2023, un accord sur l'eau.")
    found, how = infer_date(text, today=TODAY)
    assert how == "inferred" and found is not None
    # 2024 (the year after "l'an dernier, en 2023"), and not after the minister's death in May 2024
    assert found.start == dt.date(2024, 1, 1) and found.end <= dt.date(2024, 6, 10)


@pytest.mark.parametrize("text, expected", [
    ("Le ministre a rencontré mardi ses homologues. Le sommet aura lieu l'an prochain, en 2025, à Rome.", "2024"),
    ("Le ministre a rencontré mardi ses homologues. Cette année (2024), le pays a accueilli le sommet.", "2024"),
    ("Le ministre a rencontré mardi ses homologues. En 2025, l'année prochaine, le pays présidera l'Union.", "2024"),
])
def test_next_year_or_this_year_written_next_to_a_year(text, expected):
    assert run(text) == (expected, "inferred")


@pytest.mark.parametrize("text", [
    # a year further away is another thing's year
    "Le ministre a rencontré mardi ses homologues. Le pays a accueilli cette année, contre 3 % en 2019, plus de touristes.",
    # "cette année, en 2030" in a sentence about what is to come says nothing of the writing
    "Le ministre a rencontré mardi ses homologues. Cette année, en 2030, le pays accueillera le sommet.",
])
def test_this_year_far_from_a_year_or_in_the_future_fixes_nothing(text):
    assert run(text) == (None, "unknown")


@pytest.mark.parametrize("text", [
    # the year after "cinq ans après," is the later event's own year, not the one to count from
    "En 2014, le président a été élu. Cinq ans après, en 2019, il a été réélu.\n"
    "Le secrétaire d'État américain Antony Blinken a appelé mardi la Chine à agir.",
    "Huit ans plus tard, en 2022, le pays a rejoint l'alliance.\n"
    "Le secrétaire d'État américain Antony Blinken a appelé mardi la Chine à agir.",
])
def test_years_after_a_later_year_is_no_floor(text):
    found, _ = infer_date(text, today=TODAY)
    assert found is None  # no floor in 2024 or 2030 to close the secretary's term into a window


def test_years_later_counts_from_the_year_named_before():
    text = ("En 2016, les deux pays ont rompu leurs relations; huit ans plus tard, ils renouent le dialogue.\n"
            "Le secrétaire d'État américain Antony Blinken a salué mardi ce rapprochement.")
    found, how = infer_date(text, today=TODAY)
    assert how == "inferred" and found is not None and found.start == dt.date(2024, 1, 1)


def test_resolver_title_at_gives_the_concrete_office():
    # the public reading pubdate's office bounds use: "dirigeant" is the head of state in Moscow
    from annales.actors import Resolver

    resolver = Resolver.load("fr")
    hit = resolver.title_at("Le dirigeant russe a parlé.", 3)
    assert hit is not None and (hit.role, hit.country) == ("head_of_state", "RUS")
    assert resolver.title_at("Le dirigeant russe a parlé.", 0) is None
