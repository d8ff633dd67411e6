"""Where an event happened: the place its own phrase names, else what a reader knows without one.

``locate`` is called by the coder once the event's type, sides and status are settled, with the place
the roles found in the event's own phrase (``where_of`` and friends). It applies these rules, in order,
and leaves the location empty when none applies (it never guesses a place the text does not support):

1. **Rubric.** A place named only in a headline's rubric before a colon ("Guerre en Ukraine : la Hongrie
   bloque...") is the story's theme, not where this event happened: it is dropped.
2. **Named place.** The place of the event's phrase, as the roles found it, except:
   b. a recalled mission's city in another state ("le Maroc a rappelé son ambassadeur à Alger"): the
      recall is the sending state's act, the city only names the state aimed at;
   c. a place right after the event noun a statement is about ("a dénoncé l'irruption de policiers
      dans son ambassade à Managua"): that event's place, not the statement's;
   d. a diplomatic mission named as the place ("devant l'ambassade de France à Dakar") stands in the
      city its phrase names, or another the sentence names ("A Paris, ... devant l'ambassade du
      Cameroun"), never in the state it represents; with none, where is unknown.
   e. a place right after an event noun a statement noun is about ("dans un communiqué sur les
      frappes à Gaza, X a condamné"): that event's place, not the statement's.
3. **Where it was said, held or hit.** "depuis Paris, X a accusé...": a statement is made where its
   speaker was, and so is what is done "s'exprimant à Berlin", "en déplacement à Bakou"; an event
   noun announced somewhere ("a annoncé à Alger la rupture") happened there; "lors du sommet de
   Bruxelles", "à l'issue de la réunion de Vienne": a meeting's city is where what was decided there
   happened; a mission hit ("l'ambassade de Suède à Bagdad") sits in the city its phrase names; a
   presence noun or relative clause inside the subject ("le président kényan, en visite à Paris, a
   appelé", "le ministre, qui s'exprimait à Bruxelles, a accusé") places what the subject does; so does
   the statement it is made in ("dans un communiqué publié à Bamako"); a gathering named as an occasion
   with a place right after it ("Au cours d'un sommet à Addis-Abeba, X a accusé", read along the words
   when the parse loses the phrase) places the sentence's own event; a move into a place places what
   its purpose clause does ("entrés dans le consulat du Pérou à La Paz pour interpeller": in Bolivia,
   the mission's host, never the state it represents); a visit the clause names as its occasion ("lors de sa visite en Chine, X a
   critiqué", "pendant sa tournée au Kenya") places the clause's verb in the visited place or state.
   b. **At a body's seat.** Not for physical actions: an act of international bodies sharing a seat
      ("l'Assemblée générale de l'ONU a condamné", "l'Union africaine a suspendu"), or one done before a
      court or inside a forum ("a saisi la CIJ", "a opposé son veto au Conseil de sécurité", "à la
      tribune de l'ONU", "lors d'un sommet européen", "en marge de l'Assemblée générale") happened at
      its seat (``annales/data/seats.yaml``; summits that move from host to host have none); so does
      what a participle or a purpose clause on such an act says ("a saisi la CIJ, accusant X de...",
      "pour dénoncer l'assaut contre son consulat à Lagos"), whatever place the grievance names. A state
      that only names a body ("la Russie a accusé l'Otan") acts at home, which says nothing of where.
   c. **During a meeting.** What a state taking part in a visit or meeting told up to two paragraphs
      before says or agrees with no place named, it says there ("X est arrivé lundi à Varsovie. [...]
      Il a appelé..."), the host as much as the visitor. Not physical actions.
   d. **From the capital.** A decision reducing relations (SANCTION) whose subject names the state by its
      capital or seat of government ("Alger a annoncé la rupture", "Washington a imposé des sanctions")
      was taken there. What such a subject merely says is not placed ("le Kremlin a dénoncé"), nor is
      anything a state named by its own name does ("l'Algérie a annoncé"): the text names no place.
4. **On the target's soil.** An attack (ASSAULT, apart from abductions) on one state, its forces or a
   group fighting in it, by a party of another state or an unknown one, with no place named, happened
   on that state's territory ("des frappes contre le Yémen"). Not when the target is a mission abroad
   (an embassy sits in its host state) or a person (who may be anywhere).
   b. **The state left.** A withdrawal (RETREAT withdraw) from one other state, or a base handed over
      to it ("a remis aux autorités tchadiennes la base de X", "ont quitté ce pays"), happened there.
5. **Domestic.** An action (ASSAULT, COERCE, PROTEST, MOBILIZE, RETREAT) whose every party belongs to
   one state happened in that state ("la police serbe a arrêté des opposants serbes", a government
   against an armed group of its own country); so does an arrest, a raid or a charge by a state's
   own police, judiciary or security forces when no other party is named, and, with no other party
   named, a demonstration or strike of a state's people, an arrest, deportation, censorship, curfew or
   martial law by a state (``HOME_MODES``); a state's arrest or deportation of anyone, a foreigner
   too, and its expulsion of diplomats happen on its soil (``ARRESTS``). Aircraft, missiles and ships
   hit (``CRAFT``) are not on their state's soil.
6. **At home.** Any other event whose every party belongs to one state, with no place named, happened
   in that state ("le président brésilien a critiqué la Banque centrale du Brésil"); with no other
   party, only when its subject is a part of the state that acts at home ("l'opposition ivoirienne a
   dénoncé", status.yaml ``home_nouns``). Not for people abroad ("depuis son exil") nor when the
   sentence names a place in another state.

Also here, for the coder: ``near_place`` (a physical action placed by a landmark after its object, "a
bombardé un village près de Kharkiv / dans l'est de l'Ukraine", read along the words; an attack so placed
in another state is aimed at it), ``diaspora`` (an unnamed crowd protesting abroad against a state's ruler or
government is that state's people abroad: "A Berlin, 300 personnes contre le président camerounais"
has Cameroonians act in Germany; with several places named, the first is the event's place, since one
sentence gives one event and the merge would fuse per-city copies anyway), ``hosted_by`` (a withdrawal or rupture placed in another state is aimed at
that state) and ``inner_content`` (an event a statement blames or reports lends it no place).

Planned, hypothetical and negated events get rules 1 to 3 but not 3b, 3c, 3d, 4, 5 or 6: what has not happened
has no soil yet.
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from annales.events.dating import paragraph_of
from annales.events.roles import countries_of, country_of, host_of_mission, where_of
from annales.events.seats import Seat, seat_of, seat_of_adjective
from annales.events.state import DocState
from annales.events.syntax import clause_verb
from annales.model import Entity, Place

__all__ = ["diaspora", "hosted_by", "inner_content", "locate", "near_place"]

# Rule 4: the types whose event happens where its target is, and the modes of them that do not.
ON_TARGET_TYPES = frozenset({"ASSAULT"})
NOT_ON_TARGET_MODES = frozenset({"abduct"})
# Rule 5: physical actions that happen in the state all their parties belong to.
DOMESTIC_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})
# Rule 5: a state's bodies that act at home (their id ends with one of these), and the actions they
# take there with no other party named.
HOME_BODIES = ("-police", "-prosecution", "-judiciary", "-security-forces", "-interior-ministry",
               "-security-services")
HOME_BODY_TYPES = frozenset({"COERCE", "ASSAULT"})
# Rule 5: actions a single state's side takes at home whoever it is, with no other party named: crowds
# demonstrate and strike in their country; a state arrests, deports, censors, imposes a curfew or
# martial law, deploys its police on its own soil.
HOME_MODES = frozenset({("PROTEST", "demo"), ("PROTEST", "riot"), ("PROTEST", "strike"), ("PROTEST", "hunger"),
                        ("COERCE", "arrest"), ("COERCE", "deport"), ("COERCE", "censor"), ("COERCE", "curfew"),
                        ("COERCE", "martial-law"), ("MOBILIZE", "police")})
# Rule 5: a state arrests and deports on its own soil, whoever the person is.
# So does its expulsion of foreign diplomats: they are expelled from its soil ("la Russie a expulsé deux
# diplomates norvégiens").
ARRESTS = frozenset({("COERCE", "arrest"), ("COERCE", "deport"), ("SANCTION", "expel")})
# Rule 4: what is hit where it flies or sails, not on its state's soil ("le Pakistan a abattu 29 drones
# indiens", "des attaques contre des navires").
CRAFT = frozenset({"drone", "avion", "missile", "roquette", "chasseur", "hélicoptère", "appareil", "ballon",
                   "navire", "bateau", "pétrolier", "cargo", "vaisseau", "bâtiment", "frégate", "satellite"})
# Rule 3d: decisions a state named by its capital takes there.
DECIDED_AT_HOME = frozenset({"SANCTION"})
# Rule 4b: withdrawals that happen on the soil of the state left.
WITHDRAWALS = frozenset({("RETREAT", "withdraw")})
# Rule 4b too: military aid sent to another state (troops, arms) arrives on its soil.
DEPLOYMENTS = frozenset({("AID", "military")})
# Rule 4 and 5: bodies that sit on another state's soil.
ABROAD_BODIES = ("-embassy",)
# Rule 3: the preposition that says where a statement was made from, and the nouns of a gathering
# whose "de <city>" names where it sat.
FROM_WORDS = frozenset({"depuis"})
GATHERINGS = frozenset({"sommet", "réunion", "conférence", "rencontre", "forum", "congrès", "négociation",
                        "pourparlers", "sommets", "réunions", "conférences", "négociations", "consultation",
                        "consultations", "assemblée", "session", "conseil"})
# Rule 3: a phrase on the clause that says where its subject was when acting ("s'exprimant à Berlin",
# "en déplacement à Bakou", "de passage à Rome").
PRESENCE = frozenset({"exprimer", "parler", "intervenir", "adresser", "trouver", "déplacement", "visite",
                      "passage", "tournée", "voyage", "séjour"})
# Rule 3: what a statement is made in, issued somewhere ("dans un communiqué publié à Bamako").
STATEMENT_NOUNS = frozenset({"communiqué", "déclaration", "discours", "allocution", "message", "intervention",
                             "entretien", "interview", "lettre", "texte"})
# Rule 2e: the prepositions by which a statement noun names what it is about ("un communiqué sur les frappes").
TOPIC_CASES = frozenset({"sur", "concernant", "contre"})
TOPIC_VERBS = frozenset({"concerner"})  # "une déclaration concernant les tirs", parsed as a participle
# Rule 3: the same presence as a noun inside the subject ("le président kényan, en visite à Paris, a appelé").
PRESENCE_NOUNS = frozenset({"déplacement", "visite", "passage", "tournée", "voyage", "séjour"})
LOCATIVE_CASES = frozenset({"à", "au", "aux", "en"})
# Rule 3b: physical actions happen on the ground, not at a body's seat.
GROUND_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "AID", "RETREAT"})
# Rule 3b: the prepositions that put an act inside a forum or before a court ("devant la Cour", "au
# Conseil de sécurité", "lors du Conseil européen", "au sein de l'Union africaine").
FORUM_CASES = frozenset({"devant", "à", "au", "aux", "lors", "pendant", "durant", "auprès", "sein", "dans", "en"})
# Rule 3b: nouns whose "de" complement names the forum the act was done in ("à la tribune de l'ONU",
# "au siège des Nations unies", "une résolution du Conseil de sécurité", "lors du sommet de l'UE").
FORUM_NOUNS = GATHERINGS | frozenset({"tribune", "siège", "séance", "résolution", "vote", "plénière", "enceinte",
                                      "réunion", "sommet", "instance", "marge"})
# Rule 2b: a diplomat recalled is recalled from the city of the mission; that city is not where the
# sending state acted ("le Maroc a rappelé son ambassadeur à Alger").
RECALL = frozenset({"rappeler", "rappel"})
# Rule 2c: statements whose object, an event noun, may carry the place of what they are about.
CONTENT_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT"})
# Rule 3c: how many paragraphs after a visit what its parties say is still said there.
VISIT_SPAN = 2
# Rule 3c: the words that open an occasion of the event's own ("lors d'un dîner", "au cours d'un entretien").
OCCASION_WORDS = frozenset({"lors", "cours", "occasion", "pendant", "durant"})
NOT_HAPPENED = frozenset({"planned", "hypothetical", "negated"})
# ``hosted_by``: withdrawals and ruptures whose place names the other side ("évacuer son ambassade à Khartoum").
HOSTED_TYPES = frozenset({"RETREAT", "SANCTION"})


def locate(state: DocState, sent: Span, trigger: Token, type_: str, mode: str | None,
           actor: Sequence[Entity], recipient: Sequence[Entity], place: Place | None,
           status: str) -> Place | None:
    """The event's location by the rules of this module's docstring, or None."""
    place = _locate(state, sent, trigger, type_, mode, actor, recipient, place, status)
    if type_ == "CONSULT" and place is not None and place.country and status not in NOT_HAPPENED:
        parties = frozenset(e.country for e in list(actor) + list(recipient) if e.country)
        state.visits.append((parties, place, paragraph_of(state, sent.start_char)))
    return place


def _locate(state: DocState, sent: Span, trigger: Token, type_: str, mode: str | None,
            actor: Sequence[Entity], recipient: Sequence[Entity], place: Place | None,
            status: str) -> Place | None:
    if place is not None and _rubric_only(state, sent, place):
        place = None
    if type_ not in GROUND_TYPES and status not in NOT_HAPPENED and (court := _before_court(state, trigger)):
        return court
    if type_ not in GROUND_TYPES and (court := _court_adjunct(state, trigger)):
        return court
    if place is not None and _mission_city(trigger, actor, place):
        place = None
    if place is not None and _content_place(state, sent, trigger, type_, place):
        place = None
    if place is not None and _topic_place(state, sent, place):
        place = None
    if place is not None:
        place = _mission_host(state, sent, place)
    if place is not None:
        return place
    place = _said_or_held(state, trigger) or _gathering_venue(state, sent, trigger) or _at_target(
        state, sent, recipient) or _purpose_venue(state, sent, trigger, type_)
    if place is not None or status in NOT_HAPPENED:
        return place
    place = _at_seat(state, trigger, type_, actor) or _from_capital(state, trigger, type_, actor) or _on_visit(
        state, sent, trigger, type_, actor)
    if place is not None:
        return place
    code = (None if _craft(trigger) else on_target(type_, mode, actor, recipient)) or _handed_over(
        type_, mode, actor, recipient) or _domestic(type_, mode, actor, recipient) or _at_home(
        state, sent, trigger, actor, recipient)
    if code is None:
        return None
    country = country_of(state, code)
    return Place(country.name, code) if country is not None else None


def _rubric_only(state: DocState, sent: Span, place: Place) -> bool:
    """Whether every mention of ``place`` in the sentence sits in a leading rubric: a verbless phrase
    closed by a colon ("Guerre en Ukraine :", "Crise au Sahel :")."""
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None or colon.i - sent.start > 8 or any(t.pos_ in ("VERB", "AUX") for t in sent[:colon.i - sent.start]):
        return False
    spots = [i for i in range(sent.start, sent.end) for m in state.by_token.get(i, ())
             if m.place is not None and m.place.name == place.name]
    return bool(spots) and all(i < colon.i for i in spots)


def _mission_city(trigger: Token, actor: Sequence[Entity], place: Place) -> bool:
    """Rule 2b: "a rappelé son ambassadeur à Alger": the city of the recalled mission, in another state
    than the actor's, is not where the recall was decided."""
    return trigger.lemma_.lower() in RECALL and bool(actor) and bool(place.country) and (
        place.country not in countries_of(actor))


def _content_place(state: DocState, sent: Span, trigger: Token, type_: str, place: Place) -> bool:
    """Rule 2c: "le Panama a dénoncé l'irruption de policiers dans son ambassade à Managua": a place
    right after the event noun a statement is about is that event's, whatever the parser hung it on;
    the statement's own place comes before its object or is set apart ("a dénoncé à Genève les
    violences", "lors d'une conférence de presse à Rabat")."""
    if type_ not in CONTENT_TYPES:
        return False
    lex = state.lex
    # what is blamed or asked: the object, or the "à" phrase of a call ("a appelé à une trêve au Soudan")
    contents = [c for c in trigger.children if c.dep_ == "obj" or (
        c.dep_ == "obl:arg" and c.i > trigger.i and (not _cases(c) or _cases(c) & {"à", "au", "aux"}))]
    for obj in contents:
        party = obj.pos_ != "NOUN" or any(m.entity is not None for m in state.by_token.get(obj.i, ()))
        event = obj.lemma_.lower() in lex.nouns or obj.lemma_.lower() in lex.hostile
        if not event and (party or type_ != "ACCUSE" or obj.dep_ != "obj"):
            continue  # "a critiqué Israël à Genève", "a appelé les deux camps au calme à Genève": then where
        # (from the noun itself: the parser may hang the place on it, "une trêve au Soudan")
        for i in range(obj.i + 1, min(obj.right_edge.i + 8, sent.end)):
            token = sent.doc[i]
            if any(m.place is not None and m.place.name == place.name for m in state.by_token.get(i, ())):
                return True  # "l'irruption de policiers dans son ambassade à Managua"
            if token.is_punct or token.pos_ not in ("ADP", "DET", "NOUN", "PROPN", "ADJ") or any(
                    t.start <= token.idx < t.end for t in state.timexes):
                return False  # "a condamné l'attaque, mardi à Genève"
    return False


def _topic_place(state: DocState, sent: Span, place: Place) -> bool:
    """Rule 2e: "Dans un communiqué sur les frappes à Gaza, la Jordanie a condamné...": a place right
    after an event noun that a statement noun is about ("un communiqué sur", "une déclaration
    concernant") is where that event happened, not where the statement was made, whatever the parser
    hung it on."""
    lex = state.lex
    spots = [i for i in range(sent.start, sent.end) for m in state.by_token.get(i, ())
             if m.place is not None and m.place.name == place.name]
    if not spots:
        return False
    for spot in spots:
        for k in range(spot - 1, max(sent.start, spot - 7) - 1, -1):
            token = sent.doc[k]
            if token.is_punct or token.pos_ not in ("ADP", "DET", "NOUN", "PROPN", "ADJ"):
                break
            lemma = token.lemma_.lower()
            if token.pos_ != "NOUN" or not (lemma in lex.nouns or lemma in lex.hostile):
                continue
            about = _cases(token) & TOPIC_CASES or (token.dep_ == "obj" and token.head.lemma_.lower() in TOPIC_VERBS)
            if about and any(h.lemma_.lower() in STATEMENT_NOUNS for h in (token.head, token.head.head)):
                return True
            break
    return False


def _mission_host(state: DocState, sent: Span, place: Place) -> Place | None:
    """Rule 2d: "ont manifesté devant l'ambassade de France à Dakar": a mission named as the place
    stands in the city its phrase names, not in the state it represents; with no city, nowhere known."""
    for token in sent:
        mentions = [m for m in state.by_token.get(token.i, ())
                    if m.entity is not None and _abroad(m.entity) and m.text == place.name]
        if not mentions:
            continue
        for inner in token.subtree:
            if inner.i > token.i and any(c.dep_ == "case" and c.lower_ in LOCATIVE_CASES for c in inner.children):
                host = _place_at(state, inner)
                if host is not None:
                    return host
        return host_of_mission(state, sent, place)  # "A Paris, ... devant l'ambassade du Cameroun"
    return place


def _place_at(state: DocState, token: Token) -> Place | None:
    """The place named at ``token``; a city read as the body it seats ("Bruxelles" for the EU) is still
    that city here; an acronym is the body's name, never a place ("OEA" is no old name of Tripoli)."""
    for mention in state.by_token.get(token.i, ()):
        if mention.place is not None and mention.place.country:
            return mention.place
        if mention.entity is not None and mention.entity.kind != "country" and not mention.text.isupper():
            try:
                place = state.resolver.place(mention.text)
            except Exception:  # a resolver without a gazetteer
                place = None
            if place is not None and place.country:
                return place
    return None


def _adverbials(head: Token, depth: int = 3) -> list[Token]:
    """The head's adverbial phrases and the nouns inside them ("lors du sommet", "à l'issue de la
    réunion"), not its subject, object or clauses."""
    out: list[Token] = []
    frontier = [head]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children
                    if c.dep_.startswith(("obl", "nmod", "advmod")) and c not in out]
        out.extend(frontier)
    return out


def _said_or_held(state: DocState, trigger: Token) -> Place | None:
    """"depuis Paris" on the event's clause; "lors du sommet de Bruxelles" on it or on its trigger; an
    event noun announced somewhere ("a annoncé à Alger la rupture des relations"): that place."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "obj" and trigger.head.lemma_ in state.lex.reporting:
        place = where_of(state, trigger.head)
        if place is not None:
            return place
    for head in dict.fromkeys((trigger, clause_verb(trigger))):
        for child in head.children:
            if child.dep_ in ("advcl", "acl") and child.lemma_.lower() in PRESENCE and not any(
                    c.dep_.startswith("nsubj") for c in child.children):
                for inner in child.children:
                    if inner.dep_.startswith(("obl", "nmod")) and any(
                            c.lower_ in ("à", "au", "en", "depuis") for c in inner.children if c.dep_ == "case"):
                        place = _place_at(state, inner)
                        if place is not None:
                            return place
        place = _subject_presence(state, head)
        if place is not None:
            return place
        if head == trigger and trigger.pos_ in ("VERB", "AUX"):
            place = _occasion_visit(state, head) or _statement_venue(state, head)
            if place is not None:
                return place
        for child in _adverbials(head):
            cases = {c.lower_ for c in child.children if c.dep_ in ("case", "mark", "fixed")}
            if child.head == head and cases & FROM_WORDS:
                place = _place_at(state, child)
                if place is not None:
                    return place
            if child.lemma_.lower() in GATHERINGS or child.lower_ in GATHERINGS or _press_briefing(child):
                for inner in _venues(child):
                    if inner.dep_.startswith(("nmod", "obl")) and any(
                            c.lower_ in ("de", "du", "d'", "d’", "à", "au") for c in inner.children if c.dep_ == "case"):
                        place = _place_at(state, inner)
                        if place is not None:
                            return place
    return None


def _gathering_venue(state: DocState, sent: Span, trigger: Token) -> Place | None:
    """Rule 3, read along the words when the parse loses it: "Au cours d'un sommet à Addis-Abeba, X a
    accusé...", "X a accusé Y de violer la frontière lors d'une réunion à Abuja": a gathering the
    sentence names as an occasion ("lors de", "au cours de", "en marge de", "à l'issue de"), with a
    place right after it, sat there, a capital too; what the event's clause does there happened there.
    The occasion must open the sentence or hang on the event's clause (not on a clause it reports or
    a noun it qualifies), and the event must be the sentence's own, not one it reports."""
    verb = clause_verb(trigger)
    if verb.dep_ in EMBEDDED or (trigger.pos_ == "NOUN" and _reported(trigger, verb)):
        return None
    for token in sent:
        if token.pos_ != "NOUN" or not (token.lemma_.lower() in GATHERINGS or _press_briefing(token)):
            continue
        occasion = _occasion_opening(token)
        if occasion is None:
            continue
        fronted = all(t.pos_ in ("ADP", "DET") for t in sent.doc[sent.start:occasion.i]) and occasion.i < trigger.i
        if not fronted and not _hangs_on(token, verb):
            continue
        place = _venue_after(state, sent, token)
        if place is not None:
            return place
    return None


# clauses another verb reports or a noun carries: their events are not the sentence's own
EMBEDDED = frozenset({"ccomp", "csubj", "acl", "acl:relcl", "advcl", "xcomp"})
# the words that open an occasion ("lors d'un sommet", "en marge de la conférence", "à l'issue du conseil")
OCCASION_OPENERS = OCCASION_WORDS | {"marge", "issue"}


def _reported(noun: Token, verb: Token) -> bool:
    """Whether the event noun sits inside a clause its verb governs ("a dénoncé les violences
    survenues lors d'une réunion": the participle, not the statement)."""
    node = noun
    while node != verb and node.head.i != node.i:
        if node.dep_ in EMBEDDED and node.pos_ in ("VERB", "AUX"):
            return True
        node = node.head
    return False


def _occasion_opening(gathering: Token) -> Token | None:
    """The occasion word a few words before a gathering noun ("lors d'une", "au cours du", "en marge
    de la"), with only articles, prepositions and adjectives between."""
    doc = gathering.doc
    for k in range(gathering.i - 1, max(gathering.sent.start, gathering.i - 5) - 1, -1):
        word = doc[k]
        if word.lower_ in OCCASION_OPENERS:
            return word
        if word.pos_ not in ("ADP", "DET", "ADJ"):
            return None
    return None


def _hangs_on(token: Token, verb: Token) -> bool:
    """Whether ``token`` hangs on ``verb`` through adverbials and infinitive complements, not through a
    clause that qualifies a noun or reports something ("les violences survenues lors de...")."""
    node = token
    while node.head.i != node.i:
        if node == verb:
            return True
        if node.dep_ in ("acl", "acl:relcl", "ccomp", "csubj", "advcl") and node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return node == verb


def _venue_after(state: DocState, sent: Span, gathering: Token) -> Place | None:
    """The place a gathering's phrase names within a few words ("sommet à Addis-Abeba", "réunion
    d'urgence du Conseil de sécurité à New York", "session de la Communauté andine (CAN) à Lima",
    "sommet de Bruxelles", "conférence en Égypte"): after "de", a city or a site, never a state (a
    "réunion de la Russie et de l'Ukraine" is of parties)."""
    doc = gathering.doc
    for k in range(gathering.i + 1, min(sent.end, gathering.i + 20)):
        word = doc[k]
        # (a body's acronym in brackets is part of the phrase: "... des États américains (OEA) à Washington")
        if (word.is_punct and word.text not in ("-", "'", "’", "(", ")")) or word.pos_ in ("VERB", "AUX"):
            return None
        before = doc[k - 1].lower_
        if before in LOCATIVE_CASES:
            place = _place_or_state_at(state, word)
        elif before in ("de", "d'", "d’", "du"):
            place = None if any(m.entity is not None and m.entity.kind == "country"
                                for m in state.by_token.get(k, ())) else _place_at(state, word)
        else:
            continue
        if place is not None:
            return place
    return None


def _press_briefing(noun: Token) -> bool:
    """"une conférence de presse", "un point de presse": a gathering to speak to the press."""
    return noun.pos_ == "NOUN" and any(c.dep_.startswith("nmod") and c.lemma_.lower() == "presse"
                                       for c in noun.children)


def _venues(gathering: Token) -> list[Token]:
    """Where the phrase of a gathering may name its city: its complements ("le sommet de Bruxelles"),
    theirs ("la conférence de presse à Ankara" hung on "presse"), and, after an occasion word, the
    complement the parser hung beside it ("lors d'une conférence de presse à Ankara" under "lors")."""
    out = [c for c in gathering.children if c.dep_.startswith("nmod")]
    # "le sommet du G20 à New Delhi": the city hung on the body the gathering is of
    out += [g for c in list(out) for g in c.children if g.dep_.startswith("nmod") and _cases(g) & LOCATIVE_CASES]
    out += [g for c in out if c.lemma_.lower() == "presse" for g in c.children if g.dep_.startswith("nmod")]
    if gathering.head.lower_ in OCCASION_WORDS or _cases(gathering) & OCCASION_WORDS:
        out += [c for c in gathering.head.children if c.i > gathering.i and c.dep_.startswith("obl")]
    return out


def _occasion_visit(state: DocState, head: Token) -> Place | None:
    """"Lors de sa visite en Chine, le chancelier a critiqué...", "pendant sa tournée au Kenya, X a
    signé...": a visit the clause names as its occasion took place where the visit was, a state named
    after it too. Only for the clause's own verb, not the event nouns it is about."""
    for child in _adverbials(head, depth=2):
        if child.lemma_.lower() not in PRESENCE_NOUNS or child.dep_.startswith("nsubj"):
            continue
        words = _cases(child) | {child.head.lower_}
        if not words & OCCASION_WORDS:
            continue
        for inner in child.children:
            if inner.dep_.startswith(("nmod", "obl")) and _cases(inner) & (LOCATIVE_CASES | {"dans"}):
                place = _place_or_state_at(state, inner)
                if place is not None:
                    return place
    return None


def _statement_venue(state: DocState, head: Token) -> Place | None:
    """"Dans un communiqué publié à Bamako, la junte a accusé...", "dans un discours prononcé à Alger":
    the statement the verb is made in was issued where its participle says (``STATEMENT_NOUNS``)."""
    for child in head.children:
        if child.lemma_.lower() not in STATEMENT_NOUNS or not child.dep_.startswith(("obl", "nmod")):
            continue
        for part in (c for c in child.children if c.dep_ == "acl" and "Part" in c.morph.get("VerbForm", [])
                     and c.lemma_.lower() not in TOPIC_VERBS):  # "concernant les tirs au Darfour": what it is about
            for inner in part.subtree:  # ("prononcé jeudi à Alger": the parser may hang the place on the day)
                if inner.dep_.startswith(("obl", "nmod")) and _cases(inner) & {"à", "au", "aux", "depuis"}:
                    place = _place_at(state, inner)
                    if place is not None:
                        return place
    return None


def _place_or_state_at(state: DocState, token: Token) -> Place | None:
    """The place named at ``token``, or the state named there ("sa visite en Chine")."""
    place = _place_at(state, token)
    if place is not None:
        return place
    for mention in state.by_token.get(token.i, ()):
        if mention.entity is not None and mention.entity.kind == "country" and mention.entity.country:
            country = country_of(state, mention.entity.country)
            return Place(country.name, country.country) if country is not None else None
    return None


def _subject_presence(state: DocState, head: Token) -> Place | None:
    """"Le président kényan, en visite à Paris, a appelé...", "le ministre, de passage à Madrid, a
    critiqué...": a presence noun inside the subject's phrase, and the place that follows it; so does
    a relative clause of presence on the subject ("le ministre, qui s'exprimait devant la presse à
    Bruxelles, a accusé...")."""
    for subject in (c for c in head.children if c.dep_.startswith("nsubj")):
        for clause in (c for c in subject.children if c.dep_ == "acl:relcl" and c.lemma_.lower() in PRESENCE):
            for inner in _adverbials(clause, depth=2):
                if _cases(inner) & {"à", "au", "aux"}:
                    place = _place_at(state, inner)
                    if place is not None:
                        return place
        end = subject.right_edge.i
        for token in subject.subtree:
            if token.lemma_.lower() not in PRESENCE_NOUNS or token.i == 0 or token.nbor(-1).lower_ not in (
                    "en", "de", "d'", "d’"):
                continue
            for k in range(token.i + 1, min(end, token.i + 6) + 1):
                word = token.doc[k]
                if word.is_punct:
                    break
                if word.nbor(-1).lower_ in LOCATIVE_CASES or any(
                        c.dep_ == "case" and c.lower_ in LOCATIVE_CASES for c in word.children):
                    place = _place_at(state, word)
                    if place is not None:
                        return place
    return None


def _from_capital(state: DocState, trigger: Token, type_: str, actor: Sequence[Entity]) -> Place | None:
    """Rule 3d: "Alger a annoncé la rupture des relations", "Washington a imposé des sanctions": a
    state named by its capital or its seat of government as the subject of a decision reducing relations
    (``DECIDED_AT_HOME``) took it there; the text names the place. Not what it merely says ("le Kremlin a
    dénoncé": a statement may be made anywhere), nor physical actions; a state named by its own name
    ("l'Algérie a annoncé") names no place."""
    if type_ not in DECIDED_AT_HOME or not actor:
        return None
    own = countries_of(actor)
    verb = clause_verb(trigger)
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")):
        for mention in state.by_token.get(subject.i, ()):
            entity, place = mention.entity, mention.place
            if entity is not None and entity.kind == "country" and place is not None and (
                    place.country == entity.country) and entity.country in own and place.name != entity.name:
                return place
    return None


def _on_visit(state: DocState, sent: Span, trigger: Token, type_: str, actor: Sequence[Entity]) -> Place | None:
    """Rule 3c: "Le chancelier est arrivé lundi à Varsovie. [...] Il a appelé à..." : what a state
    taking part in a visit or a meeting told a little earlier (the visitor's or the host's) says or
    agrees with no place named, it says there. Not physical actions; only within VISIT_SPAN
    paragraphs of the meeting."""
    if type_ in GROUND_TYPES or not actor or not state.visits or _own_occasion(trigger):
        return None
    here = paragraph_of(state, sent.start_char)
    own = countries_of(actor)
    for parties, place, paragraph in reversed(state.visits):
        if 0 <= here - paragraph <= VISIT_SPAN and own and own <= parties and len(parties) > 1:
            return place
    return None


def _own_occasion(trigger: Token) -> bool:
    """"Lors d'un dîner organisé en son honneur, X a déclaré...": the event names an occasion of its
    own, which the meeting told before may not be."""
    for head in dict.fromkeys((trigger, clause_verb(trigger))):
        for child in head.children:
            words = _cases(child) | {child.lower_}
            if words & OCCASION_WORDS:
                return True
    return False


def _cases(token: Token) -> set[str]:
    """The prepositions introducing ``token`` ("lors du": lors, de)."""
    out = set()
    for c in token.children:
        if c.dep_ in ("case", "mark"):
            out.add(c.lower_)
            out.update(g.lower_ for g in c.children if g.dep_ == "fixed")
    return out


def _seat_at(state: DocState, token: Token) -> Seat | None:
    """The seat of the body named at ``token`` ("la Cour", "l'ONU", the adjective of "un sommet européen")."""
    for mention in state.by_token.get(token.i, ()):
        if mention.entity is not None:
            seat = seat_of(mention.entity.id)
            if seat is not None:
                return seat
    if token.dep_ == "amod":
        return seat_of_adjective(token.lemma_, state.document.language or "fr")
    return None


def _at_seat(state: DocState, trigger: Token, type_: str, actor: Sequence[Entity]) -> Place | None:
    """Rule 3b: an act of international bodies that share a seat ("l'Assemblée générale de l'ONU a
    condamné"), or one done before a court or inside a forum ("a saisi la Cour internationale de
    justice", "a opposé son veto au Conseil de sécurité", "à la tribune de l'ONU", "lors du Conseil
    européen"), happened at the seat (``annales/data/seats.yaml``). Not physical actions."""
    if type_ in GROUND_TYPES:
        return None
    own = [seat_of(e.id) for e in actor]
    if own and all(own) and len({s.country for s in own if s}) == 1:
        seat = own[0]
        return Place(seat.city, seat.country) if seat else None
    for child, cases in _seat_neighbours(trigger):
        inside = bool(cases & FORUM_CASES)
        seat = _seat_at(state, child)
        if seat is not None and seat.kind != "body" and (inside or (seat.kind == "court" and child.dep_ == "obj")):
            return Place(seat.city, seat.country)  # "devant la Cour", "au Conseil de sécurité", "a saisi la CIJ"
        if child.lemma_.lower() in FORUM_NOUNS and (inside or child.dep_ in ("obj", "nmod")):
            # "à la tribune de l'ONU", "lors d'un sommet européen", "une résolution du Conseil de sécurité"
            # (the body may hang two nouns further: "lors d'une session extraordinaire de l'assemblée générale de l'OEA")
            for inner in _modifiers(child, depth=3):
                seat = _seat_at(state, inner)
                if seat is not None and seat.kind != "body":
                    return Place(seat.city, seat.country)
    return None


def _seat_neighbours(trigger: Token) -> list[tuple[Token, set[str]]]:
    """The complements of the trigger and of its clause's verb where a body's seat may be named, each with
    the prepositions that introduce it. "lors du Conseil européen" and "auprès de la CIJ" may hang on
    "lors"/"auprès" as an adverb, "en marge de l'Assemblée générale" and "devant la Cour" on the object."""
    out: list[tuple[Token, set[str]]] = []
    for head in dict.fromkeys((trigger, clause_verb(trigger))):
        out += [(c, _cases(c)) for c in head.children] + [
            (g, _cases(g) | {c.lower_}) for c in head.children if c.dep_ == "advmod" and c.lower_ in FORUM_CASES
            for g in c.children] + [
            (g, _cases(g)) for c in head.children if c.dep_.startswith(("obj", "obl")) for g in c.children
            if g.dep_.startswith("nmod") and _cases(g) & FORUM_CASES]
    return [(t, cases) for t, cases in out if t.dep_.startswith(("obj", "obl", "iobj", "nmod"))]


def _modifiers(token: Token, depth: int) -> list[Token]:
    """The noun and adjective modifiers of ``token``, then theirs, down to ``depth`` levels."""
    out: list[Token] = []
    level = [token]
    for _ in range(depth):
        level = [g for t in level for g in t.children if g.dep_.startswith(("nmod", "amod"))]
        out.extend(level)
    return out


def _before_court(state: DocState, trigger: Token) -> Place | None:
    """Rule 3b first: an act brought before a court ("a saisi la Cour internationale de justice après
    l'assaut contre son ambassade à X") is at the court's seat, whatever place the grievance names."""
    near = _seat_neighbours(trigger)
    # "une plainte visant X devant le Tribunal": the court hung on a participle of the object
    near += [(g, _cases(g)) for head in dict.fromkeys((trigger, clause_verb(trigger))) for c in head.children
             if c.dep_ == "obj" for p in c.children if p.dep_ == "acl" for g in p.children
             if g.dep_.startswith("obl") and _cases(g) & {"devant", "auprès"}]
    for child, cases in near:
        seat = _seat_at(state, child)
        if seat is not None and seat.kind == "court" and (child.dep_ == "obj" or cases & FORUM_CASES):
            return Place(seat.city, seat.country)
    return None


# Rule 3: moves into a place whose purpose is done there ("entrés dans le consulat ... pour interpeller",
# "ont fait irruption au siège du parti pour arrêter").
ENTRY_VERBS = frozenset({"entrer", "pénétrer", "irruption", "introduire", "débarquer", "investir", "rendre",
                         "venir", "arriver", "descendre", "intervenir", "perquisitionner"})


def _purpose_venue(state: DocState, sent: Span, trigger: Token, type_: str) -> Place | None:
    """Rule 3, the venue of the trigger: "des policiers sont entrés dans le consulat du Pérou à La Paz
    pour interpeller un ancien ministre": a physical action a purpose clause gives for a move into a
    place happens in that place; a mission it names sits in its host city, never in the state it
    represents."""
    if type_ not in GROUND_TYPES or trigger.pos_ not in ("VERB", "AUX") or trigger.dep_ not in ("advcl", "xcomp"):
        return None
    if not {c.lower_ for c in trigger.children if c.dep_ == "mark"} & {"pour", "afin"}:
        return None
    move = trigger.head
    if move.lemma_.lower() not in ENTRY_VERBS and not any(
            c.dep_ == "obj" and c.lemma_.lower() in ENTRY_VERBS for c in move.children):
        return None  # "déployés en Biélorussie pour attaquer l'Ukraine": a base, not the venue
    place = where_of(state, move)
    if place is None:
        return None
    host = _mission_host(state, sent, place)
    return host if host is not None and host.country else None


def _court_adjunct(state: DocState, trigger: Token) -> Place | None:
    """Rule 3b for what goes with a court seized: "X a saisi la CIJ, accusant Y de...", "X a saisi la
    CIJ pour dénoncer l'assaut contre son consulat à Lagos": a participle or a purpose clause on a verb
    that brings a case before a court says what is said there, at the court's seat, whatever place
    the grievance names (the purpose of a case brought is pursued at the court, so even a purpose
    clause read as planned)."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.dep_ not in ("advcl", "acl", "xcomp") or trigger.head == trigger:
        return None
    marks = {c.lower_ for c in trigger.children if c.dep_ == "mark"}
    participle = "Part" in trigger.morph.get("VerbForm", []) and "Pres" in trigger.morph.get("Tense", [])
    purpose = bool(marks & {"pour", "afin"})
    if not (participle or purpose):
        return None
    return _before_court(state, trigger.head)


def _craft(trigger: Token) -> bool:
    """Whether the event's patient is an aircraft, a missile or a ship."""
    near = [c for c in trigger.children if c.dep_ in ("obj", "nsubj:pass", "nmod", "obl:arg", "obl")]
    near += [g for c in near if c.dep_ == "obj" for g in c.children if g.dep_ == "nmod"]  # "lancer des attaques contre"
    return any(c.lemma_.lower() in CRAFT for c in near)


def _at_target(state: DocState, sent: Span, recipient: Sequence[Entity]) -> Place | None:
    """"a pris d'assaut l'ambassade de Suède à Bagdad": a mission's own phrase names the city it sits in."""
    ids = {e.id for e in recipient if _abroad(e)}
    for token in sent:
        if not any(m.entity is not None and m.entity.id in ids for m in state.by_token.get(token.i, ())):
            continue
        for inner in token.children:
            if inner.dep_.startswith("nmod") and any(c.lower_ in ("à", "au", "en") for c in inner.children
                                                     if c.dep_ == "case"):
                place = _place_at(state, inner)
                if place is not None:
                    return place
    return None


def _abroad(entity: Entity) -> bool:
    return entity.id.endswith(ABROAD_BODIES)


def on_target(type_: str, mode: str | None, actor: Sequence[Entity], recipient: Sequence[Entity]) -> str | None:
    """Rule 4: the state on whose soil an attack on it happened, or None."""
    if type_ not in ON_TARGET_TYPES or mode in NOT_ON_TARGET_MODES or not recipient:
        return None
    if any(e.kind == "person" or _abroad(e) for e in recipient):
        return None
    targets = countries_of(recipient)
    if len(targets) != 1 or any(not e.country for e in recipient):
        return None
    code = next(iter(targets))
    return None if code in countries_of(actor) else code


def _handed_over(type_: str, mode: str | None, actor: Sequence[Entity], recipient: Sequence[Entity]) -> str | None:
    """Rule 4b: a withdrawal from another state, a base handed over to it ("la France a remis aux
    autorités tchadiennes la base d'Abéché", "a achevé le retrait de ses troupes du Niger"), or troops
    sent to it ("envoie 500 soldats au Mozambique"), with no place named, happened on that state's soil:
    troops leave from, and arrive at, where they are. Not for a person
    recipient, nor a mission (an embassy closed abroad is a SANCTION, placed by ``hosted_by``)."""
    if (type_, mode) not in WITHDRAWALS | DEPLOYMENTS or not actor or not recipient:
        return None
    if any(e.kind == "person" or _abroad(e) or not e.country for e in recipient):
        return None
    targets, own = countries_of(recipient), countries_of(actor)
    if len(targets) != 1 or len(own) != 1 or targets & own:
        return None
    return next(iter(targets))


def _domestic(type_: str, mode: str | None, actor: Sequence[Entity], recipient: Sequence[Entity]) -> str | None:
    if (type_ not in DOMESTIC_TYPES and (type_, mode) not in ARRESTS) or not actor:
        return None
    if (type_, mode) in ARRESTS and len(countries_of(actor)) == 1 and all(
            e.country and e.kind in ("country", "organization") and not _abroad(e) for e in actor):
        return next(iter(countries_of(actor)))  # "la Russie a arrêté un journaliste américain": in Russia
    parties = list(actor) + list(recipient)
    if any(not e.country or _abroad(e) for e in parties):
        return None
    codes = countries_of(parties)
    if len(codes) != 1:
        return None
    if not recipient and (type_, mode) not in HOME_MODES and not (
            type_ in HOME_BODY_TYPES and all(e.id.endswith(HOME_BODIES) for e in actor)):
        return None
    return next(iter(codes))


def _at_home(state: DocState, sent: Span, trigger: Token, actor: Sequence[Entity],
             recipient: Sequence[Entity]) -> str | None:
    """Rule 6: an event of any type whose every party belongs to one and the same state, with no place
    named, happened in that state ("le président brésilien a critiqué la Banque centrale du Brésil",
    "la justice tunisienne a condamné un ancien ministre tunisien"). With no other party, only when the
    subject is a part of the state that acts at home (status.yaml ``home_nouns``: "l'opposition
    ivoirienne a dénoncé une dérive autoritaire"), not a government or a leader, who may speak anywhere.
    Not for international bodies (no state), a mission abroad, people abroad ("depuis son exil",
    status.yaml ``abroad_words``), nor when the sentence names a place in another state."""
    parties = list(actor) + list(recipient)
    if not actor or any(not e.country or _abroad(e) for e in parties):
        return None
    codes = countries_of(parties)
    if len(codes) != 1:
        return None
    code = next(iter(codes))
    lex = state.lex
    if not recipient and not any(s.lemma_.lower() in lex.status.home_nouns
                                 for s in clause_verb(trigger).children if s.dep_.startswith("nsubj")):
        return None
    for token in sent:
        word = token.lower_
        if word in lex.status.abroad_words or (word == "étranger" and token.i > sent.start and token.nbor(-1).lower_ in (
                "l'", "l’")):
            return None  # "depuis son exil", "l'opposant exilé", "à l'étranger"
        for mention in state.by_token.get(token.i, ()):
            place = mention.place
            if place is None or place.country == code:
                continue
            named = mention.entity is None or mention.entity.kind != "country" or any(
                c.dep_ == "case" and c.lower_ in LOCATIVE_CASES | {"dans", "depuis"} for c in token.children)
            if named:
                return None  # "l'opposant kényan, à Londres, a dénoncé": somewhere else
    return code


def hosted_by(state: DocState, trigger: Token, type_: str, actor: Sequence[Entity], recipient: Sequence[Entity],
         place: Place | None, mode: str | None = None) -> tuple[list[Entity], Place | None]:
    """A withdrawal or a rupture with no recipient, placed in another state than the actor's ("les
    États-Unis ont évacué leur ambassade à Khartoum", "X évacuerait son ambassade à Téhéran"), is
    aimed at that state, and happens there. The place may sit on the verb or inside its object. Returns
    the recipients and the place, unchanged when the rule does not apply. A withdrawal that names no place
    leaves the state where the actor's side was just struck (see ``_where_struck``)."""
    if type_ not in HOSTED_TYPES or recipient or not actor or len(countries_of(actor)) != 1:
        return list(recipient), place
    if place is None:
        for obj in (c for c in trigger.children if c.dep_ in ("obj", "nsubj:pass")):
            for inner in obj.children:
                if inner.dep_.startswith("nmod") and any(c.lower_ in ("à", "en", "au", "aux")
                                                         for c in inner.children if c.dep_ == "case"):
                    place = place or _place_at(state, inner)
    if place is None and mode == "withdraw":
        place = _where_struck(state, actor)
    if place is None or not place.country or place.country in countries_of(actor):
        return list(recipient), place
    hosting = country_of(state, place.country)
    return ([hosting] if hosting is not None else []), place


# ``near_place``: the words that place an action by a landmark ("près de Kharkiv", "dans l'est de
# l'Ukraine", "à 30 kilomètres de Kharkiv", "au large de Manille", "aux portes de Kiev").
NEAR_WORDS = frozenset({"près", "proximité", "loin", "abords", "environs", "périphérie", "large", "banlieue", "portes",
                        "nord", "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "centre",
                        "kilomètres", "kilomètre", "km", "région", "province", "secteur", "alentours"})
NEAR_SPAN = 14


def near_place(state: DocState, sent: Span, trigger: Token, type_: str, actor: Sequence[Entity],
               recipient: Sequence[Entity], place: Place | None) -> tuple[list[Entity], Place | None]:
    """A physical action with no place found whose clause names one by a landmark after its object
    ("a bombardé un village près de Kharkiv", "dans l'est de l'Ukraine", "à 30 kilomètres de X"),
    read along the words (the parser often loses "l'est" or "près"): it happened there. An attack so
    placed in another state than its actor's, with no target named, is aimed at that state (as "les
    frappes américaines au Yémen"). Returns the recipients and the place, unchanged when the rule does
    not apply."""
    if place is not None or type_ not in GROUND_TYPES or trigger.i < sent.start:
        return list(recipient), place
    doc = trigger.doc
    found = None
    for k in range(trigger.i + 1, min(sent.end, trigger.i + NEAR_SPAN)):
        word = doc[k]
        if word.is_punct and word.text not in ("-", "'", "’"):
            break
        if word.pos_ == "VERB" and word.dep_ not in ("acl", "amod"):
            break  # another clause ("situé près de" is still the object's)
        mentions = [m for m in state.by_token.get(k, ()) if m.place is not None and m.place.country]
        if not mentions or k < 2:
            continue
        j = k - 1
        if doc[j].pos_ == "DET":
            j -= 1
        if doc[j].lower_ not in ("de", "du", "des", "d'", "d’") or doc[j - 1].lower_ not in NEAR_WORDS:
            continue
        found = mentions[0].place
        break
    if found is None:
        return list(recipient), place
    out = list(recipient)
    if type_ in ON_TARGET_TYPES and not out and actor and found.country not in countries_of(actor):
        target = country_of(state, found.country or "")
        if target is not None:
            out = [target]
    return out, found


# how many events back a withdrawal with no place named looks for the blow it answers
STRUCK_WINDOW = 6


def _where_struck(state: DocState, actor: Sequence[Entity]) -> Place | None:
    """"Une foule a pris d'assaut l'ambassade de X à Y. X a décidé d'évacuer sa mission": a withdrawal
    that names no place leaves the state where the actor's side was just struck, among the last events
    told."""
    own = countries_of(actor)
    hostile = set(state.lex.status.accusable_types)
    for type_, _, target, where in list(reversed(state.told))[:STRUCK_WINDOW]:
        if type_ in hostile and countries_of(target) & own and where is not None and where.country \
                and where.country not in own:
            return where
    return None


def diaspora(state: DocState, sent: Span, type_: str, actor: Sequence[Entity], recipient: Sequence[Entity],
             place: Place | None, crowd: bool) -> list[Entity]:
    """"A Berlin, le rassemblement a réuni 300 personnes contre le président camerounais": an unnamed
    crowd protesting abroad against a state's ruler or government (a person of that state, or a ruling
    noun after "contre" or as the object of the protest's purpose: status.yaml ruling_nouns) is that
    state's people abroad, not the people of the
    place; the place stays where it was. Not for protests against a visit or a venue ("contre la visite
    de X à Paris": the crowd is local). Returns the actors, unchanged when the rule does not apply."""
    if type_ != "PROTEST" or (actor and not crowd) or not recipient or place is None or not place.country:
        return list(actor)
    targets = countries_of(recipient)
    if len(targets) != 1 or place.country in targets or any(not e.country for e in recipient):
        return list(actor)
    lex = state.lex
    if any(t.lemma_.lower() in PRESENCE_NOUNS | {"venue", "arrivée"} for t in sent):
        return list(actor)
    ruler = any(e.kind == "person" for e in recipient)
    for token in sent:  # "contre le régime X", "pour dénoncer le gouvernement X"
        if token.lemma_.lower() in lex.status.ruling_nouns and (any(
                c.lower_ == "contre" and c.dep_ == "case" for c in token.children) or (
                token.dep_ == "obj" and token.head.lemma_ in lex.status.protest_purposes)):
            ruler = True
    if not ruler:
        return list(actor)
    people = country_of(state, next(iter(targets)))
    return [people] if people is not None else list(actor)


def inner_content(inner: Token, outer: Token) -> bool:
    """Whether the event at ``inner`` is what the event at ``outer`` says, asks or blames ("a accusé X
    d'avoir bombardé Kharkiv", "a demandé le retrait de Y"), not a circumstance of it ("lors d'une
    visite à Pyongyang"): then its place is not the outer event's."""
    node = inner
    while node.head.i != node.i and node != outer:
        if node.dep_ in ("xcomp", "ccomp", "obj", "csubj", "nsubj", "nsubj:pass") and node.head == outer:
            return True
        if node.head == outer:
            return False
        node = node.head
    return False
