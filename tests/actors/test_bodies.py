"""Bodies named by what they are, armed groups, international bodies and metonyms, and titles in
undated texts (sentences written for these tests, on stories of their own)."""
from __future__ import annotations

import pytest

from annales.actors import Resolver
from annales.model import DateValue

D2024 = DateValue.day(2024, 5, 10)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.load("fr")


def _mention(mentions, surface):
    return next((m for m in mentions if surface in m.text or (m.text in surface and len(m.text) > 2)), None)


# (text, surface, expected entity id or None for "any", expected country)
CASES = [
    # a ruling body or a state service with no state: the state the text is about at that point
    ("Le Chili a rappelé son ambassadeur. Le ministère des Affaires étrangères a dénoncé une ingérence.",
     "ministère des Affaires étrangères", "org:chl-foreign-ministry", "CHL"),
    ("La Tanzanie a fermé sa frontière. Le gouvernement a justifié la mesure par des raisons sanitaires.",
     "gouvernement", "TZA", "TZA"),
    ("Le Burkina Faso a suspendu deux radios étrangères. La junte accuse ces médias de propagande.",
     "junte", "BFA", "BFA"),
    ("Le Tchad a expulsé un diplomate soudanais. Les autorités ont évoqué des activités hostiles.",
     "autorités", "TCD", "TCD"),
    ("La Guinée a dissous plusieurs partis. Le gouvernement de transition promet des élections.",
     "gouvernement de transition", "GIN", "GIN"),
    # the last subject wins over a state named as an object or inside a quotation
    ("Le Pérou a convoqué l'ambassadeur mexicain. « Le Mexique s'ingère », a déclaré le ministère de la Défense.",
     "ministère de la Défense", "org:per-defence-ministry", "PER"),
    # with a demonym the body is that state's
    ("La junte nigérienne a fermé l'espace aérien.", "junte nigérienne", "NER", "NER"),
    ("La partie géorgienne a rejeté la proposition.", "partie géorgienne", "GEO", "GEO"),
    ("Les garde-côtes philippins ont escorté le convoi.", "garde-côtes philippins", "org:phl-coast-guard", "PHL"),
    ("Les forces soudanaises ont repris le pont.", "forces soudanaises", None, "SDN"),
    # international bodies: no state
    ("La Cédéao a levé ses sanctions contre la Guinée.", "Cédéao", "org:ecowas", None),
    ("La SADC a déployé une mission au Mozambique.", "SADC", "org:sadc", None),
    ("L'OCI a convoqué une réunion extraordinaire.", "OCI", "org:oic", None),
    ("La CEDH a condamné la Turquie.", "CEDH", "org:echr", None),
    ("Les Casques bleus ont quitté la base.", "Casques bleus", "org:un-peacekeepers", None),
    # armed groups: a known name, a new name after "le groupe armé", or a group named by what it is
    ("Les ADF ont attaqué un village de l'Ituri.", "ADF", "group:adf", "COD"),
    ("Au Mozambique, le groupe armé Ahl al-Sunna a attaqué un port.", "Ahl al-Sunna", "group:ahl-al-sunna", "MOZ"),
    ("Les rebelles ont pris le contrôle de deux villes du nord de l'Éthiopie.", "rebelles", "group:eth-rebels", "ETH"),
    ("Les séparatistes camerounais ont incendié une école.", "séparatistes camerounais", "group:cmr-separatists", "CMR"),
    ("Au Niger, des jihadistes ont tendu une embuscade à une patrouille.", "jihadistes", "group:ner-jihadists", "NER"),
    ("Le groupe armé Etat islamique a revendiqué l'attaque.", "Etat islamique", "group:islamic-state", None),
    ("Les rebelles houthis ont tiré un missile vers la mer Rouge.", "houthis", "group:houthis", "YEM"),
    # ministries and seats by their building; Brussels is the EU, but "à Bruxelles" is a place
    ("Bercy a présenté un budget rectificatif.", "Bercy", "org:fra-finance-ministry", "FRA"),
    ("La Farnesina a convoqué l'ambassadeur iranien.", "Farnesina", "org:ita-foreign-ministry", "ITA"),
    ("La Casa Rosada a démenti toute négociation.", "Casa Rosada", "ARG", "ARG"),
    ("Bruxelles a proposé un nouveau paquet de sanctions.", "Bruxelles", "org:eu", None),
]


@pytest.mark.parametrize("text, surface, expected, country", CASES, ids=[c[1] for c in CASES])
def test_body(nlp, resolver, text, surface, expected, country):
    mention = _mention(resolver.mentions(nlp(text), D2024), surface)
    assert mention is not None and mention.entity is not None, f"no entity for {surface!r}"
    if expected is not None:
        assert mention.entity.id == expected
    assert mention.entity.country == country


def test_brussels_after_a_locative_is_a_place(nlp, resolver):
    mention = _mention(resolver.mentions(nlp("Les ministres se sont réunis à Bruxelles jeudi."), D2024), "Bruxelles")
    assert mention.entity is None and mention.place is not None and mention.place.country == "BEL"


def test_a_capital_after_par_is_an_actor_not_a_place(nlp, resolver):
    mention = _mention(resolver.mentions(nlp("Le coup d'État a été orchestré par Moscou."), D2024), "Moscou")
    assert mention.entity is not None and mention.entity.country == "RUS"


def test_a_role_title_in_an_undated_text_is_only_the_state(nlp, resolver):
    mention = _mention(resolver.mentions(nlp("Le président américain a reçu son homologue kényan."), None),
                       "président américain")
    assert mention.entity is not None and mention.entity.kind == "country" and mention.entity.country == "USA"


def test_an_undated_role_title_is_the_holder_the_text_named(nlp, resolver):
    text = "Joe Biden a parlé au téléphone avec le roi de Jordanie. Le président américain a promis une aide."
    mention = _mention(resolver.mentions(nlp(text), None), "président américain")
    assert mention.entity is not None and mention.entity.id == "person:joe-biden"
