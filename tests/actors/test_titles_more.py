"""Officials named by a title and a demonym without a name, and attackers whose side the text does not
tell (sentences written for these tests)."""
from __future__ import annotations

import pytest

from annales.actors import Resolver
from annales.model import DateValue

DAY = DateValue.day(2024, 3, 12)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.load("fr")


@pytest.fixture(scope="module")
def nlp():
    from annales.nlp import load

    return load()


def _mention(resolver, nlp, text, surface):
    mentions = resolver.mentions(nlp(text), DAY)
    return next((m for m in mentions if surface in m.text), None)


@pytest.mark.parametrize("text, surface, country", [
    ("Le ministre d'État émirati a rencontré le président soudanais.", "ministre d'État émirati", "ARE"),
    ("Le ministre d'Etat saoudien aux Affaires étrangères a condamné l'attaque.", "ministre d'Etat saoudien", "SAU"),
    ("La ministre déléguée française a rencontré son homologue marocain.", "ministre déléguée française", "FRA"),
    ("Le vice-ministre turc de la Défense est arrivé à Bakou.", "vice-ministre turc", "TUR"),
    ("Un haut responsable américain a accusé la Chine de cyberespionnage.", "haut responsable américain", "USA"),
    ("Des responsables russes ont rencontré le président malien à Bamako.", "responsables russes", "RUS"),
    ("La partie ukrainienne a rejeté ces accusations.", "partie ukrainienne", "UKR"),
    ("Le camp russe a accusé la partie géorgienne de provocation.", "partie géorgienne", "GEO"),
    ("Le côté ukrainien a rejeté la proposition.", "côté ukrainien", "UKR"),
    ("Le représentant permanent russe auprès de l'ONU a dénoncé la résolution.", "représentant permanent russe", "RUS"),
    ("L'ambassadeur chinois auprès de l'ONU a accusé Washington d'hypocrisie.", "ambassadeur chinois", "CHN"),
    ("L'ambassadrice américaine aux Nations unies a critiqué Moscou.", "ambassadrice américaine", "USA"),
    ("Un haut gradé russe a menacé la Pologne.", "haut gradé russe", "RUS"),
])
def test_an_unnamed_official_or_side_is_its_state(resolver, nlp, text, surface, country):
    mention = _mention(resolver, nlp, text, surface)
    assert mention is not None and mention.entity is not None
    assert mention.entity.country == country


@pytest.mark.parametrize("text, surface", [
    ("Un homme armé a pris d'assaut l'ambassade de Suède à Bagdad.", "homme armé"),
    ("Des assaillants ont attaqué un poste de police à Peshawar.", "assaillants"),
    ("Des inconnus ont tiré sur l'ambassade des États-Unis à Beyrouth.", "inconnus"),
    ("À Lagos, des individus armés ont enlevé un homme d'affaires.", "individus armés"),
])
def test_unknown_attackers_do_not_take_the_state_where_they_acted(resolver, nlp, text, surface):
    mention = _mention(resolver, nlp, text, surface)
    assert mention is not None and mention.entity is not None
    assert mention.entity.kind == "group" and mention.entity.country is None


def test_a_demonym_still_gives_unknown_attackers_a_state(resolver, nlp):
    mention = _mention(resolver, nlp, "Des hommes armés afghans ont attaqué un poste-frontière iranien.", "hommes armés")
    assert mention is not None and mention.entity is not None and mention.entity.country == "AFG"


def test_rebels_still_fight_in_the_state_named(resolver, nlp):
    mention = _mention(resolver, nlp, "Les rebelles ont pris le contrôle d'une ville au Soudan.", "rebelles")
    assert mention is not None and mention.entity is not None and mention.entity.country == "SDN"


def test_unknown_as_an_adjective_names_no_group(resolver, nlp):
    mentions = resolver.mentions(nlp("Les autorités ont arrêté trois suspects pour des motifs inconnus."), DAY)
    assert not any("inconnus" in m.text for m in mentions)


def test_a_place_name_that_is_a_common_word_needs_its_article(resolver, nlp):
    heading = resolver.mentions(nlp("Réunion du Conseil de sécurité"), DAY)
    assert not any(m.entity is not None and m.entity.country == "REU" for m in heading)
    island = resolver.mentions(nlp("La Réunion a été frappée par un cyclone."), DAY)
    assert any(m.entity is not None and m.entity.country == "REU" for m in island)


def test_authorities_after_a_heading_are_those_of_the_city_named(resolver, nlp):
    text = "Réunion du Conseil de sécurité\n\nA Tripoli, les autorités ont critiqué une ingérence étrangère."
    mention = _mention(resolver, nlp, text, "autorités")
    assert mention is not None and mention.entity is not None and mention.entity.country == "LBY"


def test_an_office_without_its_state_is_that_of_the_subject_before(resolver, nlp):
    text = "L'Algérie a rompu ses relations avec le Maroc, le ministre des Affaires étrangères accusant Rabat d'hostilité."
    mention = _mention(resolver, nlp, text, "ministre des Affaires étrangères")
    assert mention is not None and mention.entity is not None and mention.entity.country == "DZA"


def test_an_office_before_its_holders_name_is_the_person(resolver, nlp):
    text = "La Russie a attaqué l'Ukraine. Le ministre des Affaires étrangères Dmytro Kouleba a dénoncé une agression."
    mentions = resolver.mentions(nlp(text), DAY)
    assert not any(m.text.startswith("ministre des Affaires") and m.entity is not None
                   and m.entity.country == "RUS" for m in mentions)
