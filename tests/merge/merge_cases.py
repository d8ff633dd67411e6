"""Hand-made per-mention events, as the coder would emit them, over French news sentences.

Loaded by path (tests run in importlib mode): see ``load()`` in conftest.py.
"""
from __future__ import annotations

from annales.model import DateValue, Entity, Event, Evidence, Place, Quantity

FIDAN = Entity("Q_fidan", "Hakan Fidan", "person", "TUR")
KOULEBA = Entity("Q_kouleba", "Dmytro Kouleba", "person", "UKR")
WANG = Entity("Q_wang", "Wang Yi", "person", "CHN")
BAERBOCK = Entity("Q_baerbock", "Annalena Baerbock", "person", "DEU")
MACRON = Entity("Q_macron", "Emmanuel Macron", "person", "FRA")
TINUBU = Entity("Q_tinubu", "Bola Tinubu", "person", "NGA")
NIGERIA = Entity("NGA", "Nigeria", "country", "NGA")
FRANCE = Entity("FRA", "France", "country", "FRA")
ESTONIA = Entity("EST", "Estonie", "country", "EST")
MALI = Entity("MLI", "Mali", "country", "MLI")
ALGERIA = Entity("DZA", "Algérie", "country", "DZA")
IRAN = Entity("IRN", "Iran", "country", "IRN")
DONG = Entity("Q_dong", "Dong Jun", "person", "CHN")

ANKARA = Place("Ankara", "TUR")
PEKIN = Place("Pékin", "CHN")
ABUJA = Place("Abuja", "NGA")
TEHRAN = Place("Téhéran", "IRN")


def report(doc: str, text: str, trigger: str, type_: str, *, actor=(), recipient=(), date=None,
           date_text=None, published=None, mode=None, location=None, status="asserted",
           claimed_by=(), quantities=(), source=None, confidence=0.6, summary="", start=100) -> Event:
    """One per-mention event; ``text`` is the sentence, placed at offset ``start`` of its document."""
    t = text.index(trigger)
    d = text.index(date_text) if date_text else None
    evidence = Evidence(
        doc=doc, sentence=text, start=start, end=start + len(text), trigger=trigger,
        published=published, trigger_start=start + t, trigger_end=start + t + len(trigger),
        date_text=date_text, date_start=start + d if d is not None else None,
        date_end=start + d + len(date_text) if date_text else None, source=source,
    )
    return Event(type=type_, mentions=(evidence,), mode=mode, actor=tuple(actor), recipient=tuple(recipient),
                 date=date, location=location, status=status, claimed_by=tuple(claimed_by),
                 quantities=tuple(quantities), confidence=confidence, summary=summary or text[:60])


def day(y, m, d, text=None):
    return DateValue.day(y, m, d, text)


def ankara_visit():
    """One visit reported by two articles: a day in one, only the month in the other."""
    return [
        report("ankara-1.txt", "Le chef de la diplomatie turque Hakan Fidan a reçu jeudi à Ankara son homologue "
               "ukrainien Dmytro Kouleba, venu plaider pour de nouvelles livraisons de drones.",
               "a reçu", "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN],
               date=day(2024, 3, 14, "jeudi"), date_text="jeudi", published=day(2024, 3, 15),
               location=ANKARA, source="AFP", summary="Dmytro Kouleba reçu par Hakan Fidan à Ankara"),
        report("ankara-2.txt", "En mars, Dmytro Kouleba s'était rendu à Ankara pour s'entretenir avec Hakan Fidan "
               "de la sécurité de la navigation en mer Noire.",
               "s'était rendu", "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN],
               date=DateValue.month(2024, 3, "En mars"), date_text="En mars", published=day(2024, 4, 2),
               location=ANKARA, source="Reuters"),
    ]


def pekin_meetings():
    """The same two ministers meet in Beijing in 2023 and again in 2024."""
    return [
        report("pekin-2023.txt", "La ministre allemande des Affaires étrangères Annalena Baerbock s'est entretenue "
               "vendredi à Pékin avec son homologue chinois Wang Yi.", "s'est entretenue", "CONSULT",
               actor=[BAERBOCK, WANG], date=day(2023, 4, 14, "vendredi"), date_text="vendredi",
               published=day(2023, 4, 15), location=PEKIN),
        report("pekin-2024.txt", "Wang Yi a rencontré mardi Annalena Baerbock à Pékin, un an après leur dernier "
               "entretien.", "a rencontré", "CONSULT", actor=[WANG, BAERBOCK], date=day(2024, 4, 16, "mardi"),
               date_text="mardi", published=day(2024, 4, 17), location=PEKIN),
        report("bilan-2024.txt", "Annalena Baerbock a rencontré Wang Yi à plusieurs reprises en 2024, selon le "
               "ministère.", "a rencontré", "CONSULT", actor=[BAERBOCK, WANG], date=DateValue.year(2024, "en 2024"),
               date_text="en 2024", published=day(2024, 12, 20)),
    ]


def abuja_visit():
    """A state visit and the talks held during it, from two articles of two outlets."""
    return [
        report("abuja-1.txt", "Le président Emmanuel Macron est arrivé lundi à Abuja pour une visite d'État au "
               "Nigeria, la première depuis 2018.", "est arrivé", "CONSULT", mode="visit", actor=[MACRON],
               recipient=[NIGERIA], date=day(2024, 11, 25, "lundi"), date_text="lundi",
               published=day(2024, 11, 25), location=ABUJA, source="AFP"),
        report("abuja-2.txt", "Bola Tinubu et Emmanuel Macron se sont entretenus lundi au palais présidentiel "
               "d'Aso Rock sur la sécurité au Sahel.", "se sont entretenus", "CONSULT", actor=[TINUBU, MACRON],
               date=day(2024, 11, 25, "lundi"), date_text="lundi", published=day(2024, 11, 26), location=ABUJA,
               source="RFI"),
    ]


def estonia_troops():
    """Troops sent to Estonia: two outlets, two figures, two months."""
    return [
        report("estonie-1.txt", "La France a déployé en juin 1.500 soldats en Estonie dans le cadre de la mission "
               "de l'OTAN.", "a déployé", "MOBILIZE", mode="troops", actor=[FRANCE], recipient=[ESTONIA],
               date=DateValue.month(2024, 6, "en juin"), date_text="en juin", published=day(2024, 7, 2),
               quantities=[Quantity(1500, "soldats", "1.500 soldats")]),
        report("estonie-2.txt", "Paris a envoyé en juillet 2.000 soldats en Estonie, a indiqué l'état-major.",
               "a envoyé", "AID", mode="military", actor=[FRANCE], recipient=[ESTONIA],
               date=DateValue.month(2024, 7, "en juillet"), date_text="en juillet", published=day(2024, 7, 20),
               quantities=[Quantity(2000, "soldats", "2.000 soldats")]),
    ]


# -- one article telling one happening twice; reports a day apart (stories of our own) ----------
THAILAND = Entity("THA", "Thaïlande", "country", "THA")
CAMBODIA = Entity("KHM", "Cambodge", "country", "KHM")
ERITREA = Entity("ERI", "Érythrée", "country", "ERI")
YEMEN = Entity("YEM", "Yémen", "country", "YEM")
RUSSIA = Entity("RUS", "Russie", "country", "RUS")
UKRAINE = Entity("UKR", "Ukraine", "country", "UKR")
TANZANIA = Entity("TZA", "Tanzanie", "country", "TZA")
MALAWI = Entity("MWI", "Malawi", "country", "MWI")
FINLAND = Entity("FIN", "Finlande", "country", "FIN")

SLOVAKIA = Entity("SVK", "Slovaquie", "country", "SVK")
EU = Entity("EU", "Union européenne", "organization", None)
THAI_ARMY = Entity("THA_army", "armée thaïlandaise", "organization", "THA")
ODESSA = Place("Odessa", "UKR")


def window(published: DateValue, days: int = 7) -> DateValue:
    """The coder's date for a report with no date expression: the days before publication."""
    import datetime as dt

    return DateValue.between(published.start - dt.timedelta(days=days - 1), published.start)


def border_offensive():
    """One article: an offensive dated Monday, told again without a date, and a strike on Tuesday."""
    published = day(2025, 7, 30)
    return [
        report("frontiere-1.txt", "Lundi, l'armée thaïlandaise a lancé une offensive contre les positions "
               "cambodgiennes le long de la frontière.", "a lancé une offensive", "ASSAULT", actor=[THAI_ARMY],
               recipient=[CAMBODIA], date=day(2025, 7, 28, "Lundi"), date_text="Lundi", published=published),
        report("frontiere-1.txt", "L'offensive lancée par l'armée thaïlandaise a fait douze morts, selon Phnom Penh.",
               "L'offensive lancée", "ASSAULT", mode="ground", actor=[THAI_ARMY], date=window(published),
               published=published, start=400),
        report("frontiere-1.txt", "Mardi, l'armée thaïlandaise a de nouveau frappé les positions cambodgiennes "
               "près du temple.", "a de nouveau frappé", "ASSAULT", actor=[THAI_ARMY], recipient=[CAMBODIA],
               date=day(2025, 7, 29, "Mardi"), date_text="Mardi", published=published, start=700),
    ]


def soldiers_released():
    """A release told by its verb (dated) and by its noun (undated, another mode, only the side freed)."""
    published = day(2025, 2, 14)
    return [
        report("liberation-1.txt", "L'Érythrée a libéré jeudi six pêcheurs yéménites arrêtés en mer Rouge.", "a libéré", "RETREAT", mode="release", actor=[ERITREA], recipient=[YEMEN],
               date=day(2025, 2, 13, "jeudi"), date_text="jeudi", published=published),
        report("liberation-1.txt", "La libération des pêcheurs yéménites a été obtenue grâce à une médiation "
               "djiboutienne.", "libération", "RETREAT", recipient=[YEMEN], date=window(published),
               published=published, start=300),
    ]


def odessa_night():
    """An overnight strike: one article gives the night (resolved to its first day), another the morning."""
    return [
        report("odessa-1.txt", "Dans la nuit de samedi à dimanche, des drones russes ont frappé le port d'Odessa.",
               "ont frappé", "ASSAULT", mode="drone", actor=[RUSSIA], recipient=[UKRAINE],
               date=day(2025, 3, 8, "la nuit de samedi à dimanche"), date_text="la nuit de samedi à dimanche",
               published=day(2025, 3, 9), location=ODESSA),
        report("odessa-2.txt", "Le port d'Odessa a été frappé dimanche par des drones, ont indiqué les autorités "
               "ukrainiennes.", "a été frappé", "ASSAULT", mode="drone", recipient=[UKRAINE],
               date=day(2025, 3, 9, "dimanche"), date_text="dimanche", published=day(2025, 3, 10), location=ODESSA),
    ]


def odessa_reported_next_day():
    """A strike dated by another article's statement of the next day, which has no date of its own."""
    return [
        report("odessa-3.txt", "Lundi soir, la défense antiaérienne ukrainienne a abattu vingt drones russes "
               "au-dessus d'Odessa.", "a abattu", "ASSAULT", actor=[UKRAINE], recipient=[RUSSIA],
               date=day(2025, 3, 10, "Lundi soir"), date_text="Lundi soir", published=day(2025, 3, 10),
               location=ODESSA),
        report("odessa-4.txt", "L'armée de l'air ukrainienne a annoncé mardi avoir abattu vingt drones.",
               "avoir abattu", "ASSAULT", actor=[UKRAINE], date=day(2025, 3, 11), published=day(2025, 3, 11)),
    ]
