"""Actor and place mentions in a parsed document, resolved to canonical entities.

Indexes are built once (``Resolver.load``); ``mentions`` does dict lookups over capitalised
n-grams, anchored regular expressions for titles, and a fuzzy search only for a full name that no
exact or normalised key matched.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from annales.actors.dictionary import Dictionary, slug
from annales.actors.gazetteer import Gazetteer
from annales.actors.names import alternation
from annales.lang import load_table
from annales.model import ActorMention, DateValue, Entity, Place
from annales.nlp import text_of

_LOADED: dict[str, Resolver] = {}
_WORD = re.compile(r"[\w-]+")
# what follows a first name: a space, maybe a particle, then a capitalised word ("de Villepin", "Bardella")
_NAME_AFTER = re.compile(r" (?:(?:de|du|d'|d’|van|von|ben|bin|al|el|ibn) ?)?(?P<word>[A-ZÀ-Ý][\w’'-]+)")
_WORD_ELIDED = re.compile(r"[\w'’-]+")
_GAP = re.compile(r"[ \t]*,?[ \t]*")


@dataclass(frozen=True)
class TitleHit:
    start: int
    end: int
    role: str | None  # an office of the dictionary; None when the title only tells the country
    country: str | None  # ISO3, or None when unresolved
    org: str | None  # org id for "secrétaire général de l'ONU"
    institution: dict[str, Any] | None = None  # the institutions row when it named a body
    ambiguous: tuple[str, ...] = ()  # candidate states of an ambiguous adjective ("coréen")


class _Registry(dict):
    """People the document introduced: name keys -> entity, and who came in with which title."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[Entity, str | None, str | None]] = []  # (entity, role, title head word)


@dataclass
class _Candidate:
    start: int
    end: int
    rank: int  # 0 titles, 1 known names, 2 model entities and cues, 3 bare capitalised words
    kind: str
    data: Any


# between a place and the larger place set beside it: "à Pretoria, en Afrique du Sud"
_APPOSED = re.compile(r"\s*,\s*(?:en|au|aux|à|dans)\s+(?:l['’]|la\s+|le\s+|les\s+)?", re.IGNORECASE)


class Resolver:
    """Finds and resolves actor and place mentions in French news text."""

    def __init__(self, lang: str = "fr") -> None:
        self.lang = lang
        self.dictionary = Dictionary(lang)
        self.keys = self.dictionary.keys
        self.gazetteer = Gazetteer(self.keys, self.dictionary.iso2, lang)
        titles = load_table("titles", lang)
        self.leader_role = {code: role for role, codes in titles["leader_role"].items() for code in codes}
        self.person_cues = frozenset(titles["person_cues"])
        self.corefer = {self.keys.plain(w): mode for w, mode in titles["corefer"].items()}
        self.not_current = frozenset(self.keys.plain(w) for w in titles["not_current"])
        self._compile_titles(titles)
        self._compile_groups(titles["armed_groups"])
        self._surface_first_words()

    @classmethod
    def load(cls, lang: str = "fr", places: bool = False) -> Resolver:
        """The resolver for ``lang``, built once per process.

        The city gazetteer is indexed on the first place lookup (about 0.8 s, 80 MiB); pass
        ``places=True`` to index it now, e.g. before forking workers so they share it.
        """
        if lang not in _LOADED:
            _LOADED[lang] = cls(lang)
        if places:
            _LOADED[lang].gazetteer.city("")
        return _LOADED[lang]

    # -- building --------------------------------------------------------------------------------
    def _compile_titles(self, titles: dict[str, Any]) -> None:
        prepositions = alternation(titles["of_prepositions"]).replace("['’]", "['’]\\s*")
        # {OF} and {ORG} end a form: up to six words are taken, the longest known name among their
        # beginnings is kept (a dict lookup, cheaper than an alternation of every state's name)
        tail = r"[^\W\d_][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,5}"
        pieces = {
            "ADJ": r"(?P<adj>[^\W\d_][\w-]*)",
            "OF": rf"{prepositions}\s*(?P<of>{tail})",
            "ORG": rf"{prepositions}\s*(?P<org>{tail})",
            "PORTFOLIO": f"(?-i:{titles['portfolio']})",  # capitals matter: a name must follow
        }
        self.title_forms: dict[str, list[tuple[re.Pattern[str], dict[str, Any]]]] = {}

        def add(form: str, spec: dict[str, Any]) -> None:
            parts = []
            for word in form.split():
                placeholder = re.fullmatch(r"\{(\w+)\}", word)
                if placeholder:
                    parts.append(pieces[placeholder.group(1)])
                else:
                    parts.append(re.sub(r"['’]", lambda _: "['’]\\s*", re.escape(word)))
            pattern = re.compile(r"\s+".join(parts).replace("['’]\\s*\\s+", "['’]\\s*") + r"(?![\w-])",
                                 re.IGNORECASE)
            first = self.keys.plain(form.split()[0])
            self.title_forms.setdefault(first, []).append((pattern, spec))

        for role, forms in titles["titles"].items():
            for entry in forms:
                row = {"form": entry} if isinstance(entry, str) else dict(entry)
                add(row["form"], {"role": role if role not in (None, "null") else None,
                                  "countries": row.get("countries"), "country": row.get("country"),
                                  "org": row.get("org")})
        for row in titles["institutions"]:
            add(row["form"], {"role": None, "countries": None, "country": row.get("country"), "institution": row})

    def _compile_groups(self, table: dict[str, Any]) -> None:
        """Armed groups named by what they are ("les rebelles", "les miliciens") and heads before a
        group's own name ("le groupe armé X", "la milice X")."""
        self.group_labels = {self.keys.plain(w): label for w, label in table["nouns"].items()}
        self.group_holders = frozenset(table["holders"])
        self.group_unknown = frozenset(table.get("unknown", ()))
        self.group_venues = frozenset(self.keys.plain(w) for w in table.get("venues", ()))
        nouns = alternation(sorted(table["nouns"], key=len, reverse=True))
        self.group_noun = re.compile(rf"(?<![\w-])(?P<noun>{nouns})(?![\w-])", re.IGNORECASE)
        heads = alternation(sorted(table["named"], key=len, reverse=True))
        qualifiers = alternation(sorted(table["qualifiers"], key=len, reverse=True))
        self.armed_qualifiers = frozenset(self.keys.plain(q) for q in table["qualifiers"])
        unarmed = {self.keys.plain(h) for h in table["unarmed"]}
        self.armed_heads = frozenset(self.keys.plain(h) for h in table["named"]) - unarmed
        # "le groupe armé X", "le mouvement islamiste X", "la milice chiite al-X": a capitalised name follows
        self.group_named = re.compile(
            rf"(?<![\w-])(?P<head>{heads})(?P<quals>(?:\s+(?:{qualifiers}))*)\s+(?:(?-i:[a-zà-ÿ][\w-]*)\s+)?"
            r"(?-i:(?P<name>(?:(?:al|el|an|ar|as|ad|ash|at)-)?[A-ZÀ-Ý][\w'’-]*(?:\s+(?:(?:al|el)-)?[A-ZÀ-Ý][\w'’-]*){0,3}))",
            re.IGNORECASE)

    def _surface_first_words(self) -> None:
        """First words of every multi-word surface, so the scan knows where a name may start."""
        d = self.dictionary
        tables: list[Any] = [d.country_names, d.seats, d.capitals, d.org_names, self.gazetteer.sites,
                             d.ambiguous_plain, d.demonyms, [self.keys.plain(a) for a in d.org_acronyms],
                             [self.keys.plain(w) for w in d.org_lower]]
        # first word -> most tokens a surface starting with it may span (apostrophes split tokens)
        self.first_len: dict[str, int] = {}
        for table in tables:
            for plain in table:
                words = plain.split()
                if words:
                    self.first_len[words[0]] = max(self.first_len.get(words[0], 0), min(len(words) * 2 + 1, 12))
        self.first_words = frozenset(self.first_len)
        self.name_particles = frozenset(self.keys.plain(w) for w in self.keys.name_particle_words)

    # -- simple lookups --------------------------------------------------------------------------
    def country(self, code: str) -> Entity:
        """The entity of a state by ISO 3166-1 alpha-3."""
        entity = self.dictionary.country(code)
        if entity is None:
            from annales.errors import AnnalesError

            raise AnnalesError(f"unknown ISO 3166-1 alpha-3 code {code!r}; use codes such as 'RUS', 'PRK', 'USA'")
        return entity

    def country_of(self, word: str) -> str | None:
        """ISO3 for a demonym or adjective ("russe", "nord-coréenne", "Américains"); None if not one."""
        plain = self.keys.plain(word)
        code = self.dictionary.demonyms.get(plain)
        if code:
            return code
        candidates = self.dictionary.ambiguous_plain.get(plain)
        return candidates[0] if candidates else None

    def is_news_agency(self, entity: Entity) -> bool:
        """AFP, AP, Reuters, Tass, KCNA...: sources of reports, not actors of events."""
        return entity.id in self.dictionary.agencies

    def place(self, text: str, prefer: Mapping[str, int] | None = None) -> Place | None:
        """A place name (French exonyms, sites, regions, states) to a Place with ISO3 and coordinates."""
        surface = " ".join(text.split())
        bare = self.keys.leading.sub("", surface)
        for name in dict.fromkeys((surface, bare)):  # "La Paz" as written, "la Russie" without its article
            if name:
                place = self._place(name, prefer)
                if place is not None:
                    return place
        return None

    def _place(self, name: str, prefer: Mapping[str, int] | None = None) -> Place | None:
        d = self.dictionary
        plain = self.keys.plain(name)
        site = self.gazetteer.site(name)
        if site:
            return site
        code = d.country_names.get(plain)
        if code:
            return Place(d.countries[code].name, code)
        if plain in d.capitals:
            city = self.gazetteer.city(name)
            return city or Place(name, d.capitals[plain])
        return self.gazetteer.city(name, prefer)

    def resolve(self, text: str, date: DateValue | None = None) -> Entity | None:
        """A surface string (name, title, metonym, acronym, state, demonym) to its canonical entity."""
        surface = " ".join(text.split())
        if not surface:
            return None
        day = date.start if date else None
        d = self.dictionary
        bare = self.keys.leading.sub("", surface) or surface
        forms = list(dict.fromkeys((surface, bare)))
        for form in forms:
            if form in d.org_acronyms:
                return d.orgs[d.org_acronyms[form]]
            if form in d.org_lower:
                return d.orgs[d.org_lower[form]]
        for form in forms:
            plain = self.keys.plain(form)
            if plain in d.org_names:
                return d.orgs[d.org_names[plain]]
            for table in (d.country_names, d.seats, d.capitals, d.demonyms):
                if plain in table:
                    return d.countries[table[plain]]
            if plain in d.ambiguous_plain:
                return d.countries.get(d.ambiguous_plain[plain][0])
            hit = self._title_at(form, 0, full=True)
            if hit is not None:
                return self._title_entity(hit, day)
        return self._person(bare, day, {}, None)[0]

    # -- titles ----------------------------------------------------------------------------------
    def _title_at(self, text: str, pos: int, full: bool = False,
                  counts: Counter[str] | None = None) -> TitleHit | None:
        """The longest title or institution starting at ``pos`` in ``text``."""
        match_word = _WORD_ELIDED.match(text, pos)
        if not match_word:
            return None
        word = self.keys.plain(match_word.group(0).split("'")[0].split("’")[0])
        best: TitleHit | None = None
        for pattern, spec in self.title_forms.get(word, ()):
            match = pattern.match(text, pos)
            if not match:
                continue
            hit = self._title_hit(match, spec, counts)
            if hit is None or (full and hit.end != len(text.rstrip())):
                continue
            if best is None or hit.end > best.end:
                best = hit
        return best

    def _title_hit(self, match: re.Match[str], spec: dict[str, Any], counts: Counter[str] | None) -> TitleHit | None:
        d = self.dictionary
        groups = match.groupdict()
        country = spec.get("country")
        ambiguous: tuple[str, ...] = ()
        org = spec.get("org") if spec.get("institution") is None else None
        if groups.get("adj"):
            plain = self.keys.plain(groups["adj"])
            country = d.demonyms.get(plain)
            if country is None:
                ambiguous = d.ambiguous_plain.get(plain, ())
                if not ambiguous:
                    return None
                country = self._choose(ambiguous, counts)
        end = match.end()
        if groups.get("of"):
            found = self._longest_name(match, "of", self._state_of)
            if found is None:
                return None
            country, end = found
        elif groups.get("org"):
            found = self._longest_name(match, "org", self._org_of)
            if found is None:
                return None
            org, end = found
        if spec.get("countries") and country not in spec["countries"]:
            return None
        return TitleHit(match.start(), end, spec["role"], country, org, spec.get("institution"), ambiguous)

    @staticmethod
    def _longest_name(match: re.Match[str], group: str, lookup: Any) -> tuple[str, int] | None:
        """The longest beginning of ``group`` that ``lookup`` knows, with where it ends."""
        start = match.start(group)
        text = match.group(group)
        ends = [m.end() for m in re.finditer(r"\S+", text)]
        for end in reversed(ends):
            cuts = (end, end - 1) if text[end - 1] in ".,;:)»" else (end,)  # "Russie," and "ONU."
            for cut in cuts:
                value = lookup(text[:cut])
                if value is not None:
                    return value, start + cut
        return None

    def _state_of(self, name: str) -> str | None:
        d = self.dictionary
        plain = self.keys.plain(name)
        code = d.country_names.get(plain) or d.capitals.get(plain)
        if code is None and plain in d.ambiguous_plain:
            code = d.ambiguous_plain[plain][0]
        return code

    def _org_of(self, name: str) -> str | None:
        d = self.dictionary
        return d.org_acronyms.get(name) or d.org_names.get(self.keys.plain(name))

    @staticmethod
    def _choose(candidates: tuple[str, ...], counts: Counter[str] | None) -> str:
        """The candidate state the document talks about most (first listed on a tie)."""
        if not counts:
            return candidates[0]
        return max(candidates, key=lambda c: (counts.get(c, 0), -candidates.index(c)))

    def _concrete_role(self, hit: TitleHit) -> str | None:
        """"dirigeant" is the head of state in Moscow, the head of government in Berlin."""
        if hit.role == "leader":
            return self.leader_role.get(hit.country or "", "head_of_state")
        return hit.role

    def _title_entity(self, hit: TitleHit, day: dt.date | None) -> Entity | None:
        """The holder of the title's office that day; the state (or body) when nobody is known."""
        d = self.dictionary
        if hit.institution is not None:
            row = hit.institution
            if hit.country is None:
                return None
            if row.get("as") == "country":
                return d.countries.get(hit.country)
            name = f"{row['org']} ({d.countries[hit.country].name})"
            return Entity(f"org:{hit.country.lower()}-{row['slug']}", name, "organization", hit.country)
        where = f"org:{hit.org}" if hit.org else hit.country
        if where is None:
            return None
        role = self._concrete_role(hit)
        if role and day is not None:  # with no date, "le Premier ministre arménien" is only the state
            holder = d.holder(where, role, day)
            if holder is not None:
                return holder
        if hit.org:
            return d.orgs.get(hit.org)
        return d.countries.get(hit.country) if hit.country else None

    # -- people ----------------------------------------------------------------------------------
    def _person(self, text: str, day: dt.date | None, registry: dict[str, Entity],
                country: str | None, surname_only: bool = False) -> tuple[Entity | None, bool]:
        """(entity, known): a person name resolved by key, the document's registry, then fuzzily.

        Unknown full names become new people (``known`` False) acting for ``country``.
        """
        d = self.dictionary
        name = " ".join(text.split())
        key = self.keys.key(name)
        if not key:
            return None, False
        pid = d.person_keys.get(key)
        if pid:
            return d.people[pid].at(day), True
        if key in registry:
            return registry[key], True
        words = key.split()
        if len(words) == 1:
            people = d.surnames.get(key, set())
            if len(people) > 1 and day is not None:  # the one in office that day
                people = {p for p in people if any(o.holds(day) for o in d.people[p].offices)}
            if len(people) == 1:
                return d.people[next(iter(people))].at(day), True
            if surname_only:
                return None, False
        else:
            people = d.first_last.get((words[0], words[-1]), set())
            if len(people) == 1:
                return d.people[next(iter(people))].at(day), True
            found = process.extractOne(key, d.fuzzy_choices, scorer=fuzz.ratio,
                                       score_cutoff=self.keys.fuzzy_threshold)
            if found is not None:
                return d.people[d.person_keys[found[0]]].at(day), True
        if surname_only:
            return None, False
        entity = Entity(f"person:{slug(name, self.keys)}", name, "person", country)
        return entity, False

    def _register(self, entity: Entity, text: str, registry: dict[str, Entity],
                  role: str | None = None, head: str | None = None) -> None:
        """Remember a person introduced in the document, by full name and by surname."""
        d = self.dictionary
        words = self.keys.key(text).split()
        if not words:
            return
        if isinstance(registry, _Registry):
            registry.seen.append((entity, role, head))
        registry[" ".join(words)] = entity
        record = d.people.get(entity.id)
        if record is not None:
            registry[record.surname_key] = entity
            registry[self.keys.key(record.entity.name)] = entity
            return
        # a new person: the family name is first for the states that write it so (Kim, Choe, Xi)
        family_first = entity.country in d.family_name_first
        registry[words[0] if family_first else words[-1]] = entity

    # -- the scan --------------------------------------------------------------------------------
    def _known_surface(self, text: str, capitalised: bool, single: bool) -> tuple[str, Any] | None:
        d = self.dictionary
        if text in d.org_acronyms:
            return "org", d.org_acronyms[text]
        if text in d.org_lower:
            return "org", d.org_lower[text]
        plain = self.keys.plain(text)
        if plain in d.org_names and (capitalised or len(plain.split()) > 1 or text in d.org_acronyms):
            return "org", d.org_names[plain]
        if plain in d.country_names and capitalised:
            return "country", d.country_names[plain]
        if plain in d.seats:
            return "seat", d.seats[plain]
        if plain in d.capitals and capitalised:
            return "capital", d.capitals[plain]
        if plain in self.gazetteer.sites:
            return "site", self.gazetteer.sites[plain]
        if text in d.ambiguous:
            return "ambiguous", d.ambiguous[text]
        if single and capitalised and plain in d.demonyms:
            return "people", d.demonyms[plain]  # "les Russes", "les Américains"
        return None

    def _name_run(self, tokens: list[Any], i: int) -> int:
        """How many tokens from ``i`` may belong to a person's name (capitalised words, particles)."""
        n = 0
        while i + n < len(tokens) and n < 7:
            token = tokens[i + n]
            word = token.text
            if "\n" in word or not (word[:1].isupper() or word in ("-", "'", "’", ".")
                                    or self.keys.plain(word) in self.name_particles):
                break
            n += 1
        return n

    def _name_after(self, text: str, pos: int) -> tuple[int, int] | None:
        """A capitalised name right after ``pos`` (after spaces, an apposition comma, "le général")."""
        gap = _GAP.match(text, pos)
        start = gap.end() if gap else pos
        rank = self.keys.rank.match(text, start)
        if rank and rank.group(1) in self.person_cues and rank.group(1)[:1].islower():
            start = rank.end()  # "..., le général Kim Myung-soo"
        return self._name_span(text, start)

    def _name_span(self, text: str, start: int) -> tuple[int, int] | None:
        """The capitalised name starting at ``start``: the longest known name, else up to a stop word.

        Korean syllables collide with French words ("Choe Son Hui", "Kim Jong Un"), so a stop word
        ends the name only when the longer reading is no known person.
        """
        match = self.keys.name.match(text, start)
        if not match:
            return None
        words = [(start + w.start(), start + w.end()) for w in re.finditer(r"\S+", match.group(0))]
        known = self.dictionary.person_keys
        for n in range(len(words), 1, -1):
            if self.keys.key(text[start:words[n - 1][1]]) in known:
                return start, words[n - 1][1]
        end = start
        for index, (a, b) in enumerate(words):
            word = text[a:b]
            cue = word in self.person_cues or word.rstrip(".") in self.person_cues or word + "." in self.person_cues
            if cue and end == start:
                start = end = b + 1  # "M. Lavrov": the honorific is not part of the name
                continue
            if cue or self._is_place_or_state(word):
                break
            if word.rstrip(".") in self.keys.name_stops:
                # a stop word inside a name ("Kim Son Gyong") is kept when a name word follows it
                following = text[words[index + 1][0]:words[index + 1][1]] if index + 1 < len(words) else ""
                if end == start or not following or following in self.keys.name_stops \
                        or self._is_place_or_state(following):
                    break
            end = b
        if end <= start:
            return None
        return start, end

    def _is_place_or_state(self, word: str) -> bool:
        d = self.dictionary
        plain = self.keys.plain(word)
        return (plain in d.country_names or plain in d.capitals or plain in d.demonyms
                or word in d.org_acronyms or plain in d.seats)

    def _candidates(self, doc: Any, text: str) -> list[_Candidate]:
        found: list[_Candidate] = []
        tokens = list(doc)
        n_tokens = len(tokens)
        i = 0
        while i < n_tokens:
            token = tokens[i]
            word = token.text
            plain = self.keys.plain(word)
            first = plain.split()[0] if plain else ""
            capitalised = word[:1].isupper()
            if not (capitalised or first in self.first_words):
                i += 1
                continue
            bound_surface = self.first_len.get(first, 0)
            bound_name = self._name_run(tokens, i) if capitalised else 0
            hit = None
            for n in range(min(max(bound_surface, bound_name), n_tokens - i), 0, -1):
                last = tokens[i + n - 1]
                if last.is_punct and last.text not in (")",):
                    continue
                end = last.idx + len(last.text)
                surface = text[token.idx:end]
                if "\n" in surface:
                    continue
                if n <= bound_surface:
                    hit = self._known_surface(surface, capitalised, n == 1)
                    if hit and not self._article_ok(surface, tokens, i):
                        hit = None  # "Réunion du Conseil de sécurité": a meeting, not the island
                if not hit and n <= bound_name:
                    pid = self.dictionary.person_keys.get(self.keys.key(surface))
                    hit = ("person_known", pid) if pid else None
                if hit:
                    found.append(_Candidate(token.idx, end, 1, hit[0], hit[1]))
                    i += n
                    break
            if not hit:
                if capitalised and token.is_alpha and word not in self.keys.name_stops:
                    # at a sentence start only a name the document introduced is trusted
                    found.append(_Candidate(token.idx, token.idx + len(word), 3, "surname", i == 0 or token.is_sent_start))
                i += 1
        for ent in doc.ents:
            if ent.label_ == "PER":
                first = ent.start
                while first < ent.end - 1 and doc[first].text in self.keys.name_stops:
                    first += 1  # "Selon Macron": the model took the opener into the name
                span = self._name_span(text, doc[first].idx)
                if span is None:
                    continue
                start = self._extend_left(doc, first) if span[0] == doc[first].idx else span[0]
                end = max(span[1], len(text[:ent.end_char].rstrip()))
                if span[1] < ent.end_char and self._cut_inside(text, span[1], ent.end_char):
                    end = span[1]
                found.append(_Candidate(start, end, 2, "person", None))
            elif ent.label_ == "LOC":
                found.append(_Candidate(ent.start_char, ent.end_char, 2, "loc", None))
            elif ent.label_ == "ORG" and ent.text[:1].isupper():
                found.append(_Candidate(ent.start_char, ent.end_char, 2, "neworg", None))
        found += self._unlabelled_names(doc, tokens, text)
        found += self._group_candidates(text, doc)
        for i, token in enumerate(tokens[:-1]):
            if token.text in self.person_cues:
                nxt = tokens[i + 1]
                span = self._name_span(text, nxt.idx) if nxt.text[:1].isupper() else None
                if span:
                    found.append(_Candidate(span[0], span[1], 2, "person", None))
        return found

    def _article_ok(self, surface: str, tokens: list[Any], i: int) -> bool:
        """A name that is also a common word is a place only after its article ("la Réunion")."""
        if self.keys.plain(surface) not in self.dictionary.with_article:
            return True
        return i > 0 and tokens[i - 1].lower_ in ("la", "l'", "l’")

    def _known_at(self, text: str, start: int, bodies_only: bool = False) -> bool:
        """Whether a name the dictionary knows (state, body, group, place) starts at ``start``; with
        ``bodies_only``, a body or a group only, not a place or a state ("les insurgés du Cabo Delgado"
        are a region's insurgents, "les rebelles du M23" a named group)."""
        words = list(re.finditer(r"[\w'’-]+", text[start:start + 80]))[:5]
        for n in range(len(words), 0, -1):
            surface = text[start:start + words[n - 1].end()]
            known = self._known_surface(surface, surface[:1].isupper(), n == 1)
            if bodies_only:
                if known is not None and known[0] == "org":
                    return True
                continue
            if known or (n == 1 and self._is_place_or_state(surface)):
                return True
        return False

    def _group_candidates(self, text: str, doc: Any = None) -> list[_Candidate]:
        """Armed groups: "le groupe armé X" (X a new group unless known), "les rebelles", "les
        séparatistes arméniens"; the state of those without a demonym is settled once every mention
        of the document is known (see ``_group_states``)."""
        found: list[_Candidate] = []
        stops = {"de", "des", "du", "d", "la", "le", "les", "l", "qui", "que", "et", "en", "à", "au", "aux"}
        for m in self.group_named.finditer(text):
            name_start = m.start("name")
            mid = text[m.end("quals"):name_start].split()
            if mid and (self.keys.plain(mid[0].rstrip("'’")) in stops or mid[0][:1].isupper()):
                continue
            if self._known_at(text, name_start) or m.group("name").split()[0] in self.keys.name_stops:
                continue  # "le groupe armé Etat islamique": the known group is the mention
            words = m.group("name").split()
            keep = []
            for word in words:
                if word in self.keys.name_stops or self._is_place_or_state(word):
                    break
                keep.append(word)
            if not keep:
                continue
            name = " ".join(keep)
            quals = {self.keys.plain(q) for q in m.group("quals").split()}
            armed = self.keys.plain(m.group("head")) in self.armed_heads or bool(quals & self.armed_qualifiers)
            country = next((self.dictionary.demonyms.get(self.keys.plain(w)) for w in mid), None)
            found.append(_Candidate(m.start(), name_start + len(name), 1, "armed",
                                    (name, "group" if armed else "organization", country)))
        for m in self.group_noun.finditer(text):
            label = self.group_labels[self.keys.plain(m.group("noun"))]
            token = doc.char_span(m.start(), m.end(), alignment_mode="expand") if doc is not None else None
            if token is not None and len(token) == 1 and token.root.dep_ == "amod" and \
                    token.root.head.lemma_ not in self.group_holders:
                continue  # "les enclaves séparatistes": a description, not the group
            follow = re.match(r"\s+(?:(?P<prep>du|de\s+la|de\s+l['’]|des|de|d['’])\s*)?(?P<word>[\w'’-]+)", text[m.end():])
            end, country = m.end(), None
            if follow is not None:
                word_start = m.end() + follow.start("word")
                after = doc.char_span(word_start, word_start + len(follow.group("word")),
                                      alignment_mode="expand") if doc is not None else None
                if follow.group("prep") is not None and after is not None and len(after) and \
                        after[0].pos_ in ("VERB", "AUX"):
                    follow = None  # "accusé les rebelles de violer la trêve signée à Doha": no "de X" complement
            if follow is not None:
                if follow.group("prep") is not None and any(
                        self._known_at(text, w.start() + word_start, bodies_only=w.start() == 0)
                        for w in re.finditer(r"\S+", text[word_start:word_start + 40])):
                    continue  # "les hommes armés de la société X": the named group
                if self._known_at(text, word_start) and not (
                        follow.group("prep") is None and self.keys.plain(follow.group("word")) in self.dictionary.demonyms):
                    if (follow.group("prep") is not None and self._known_at(text, word_start, bodies_only=True)) or (
                            follow.group("prep") is None and not self._is_place_or_state(follow.group("word"))):
                        continue  # "les rebelles houthis", "les rebelles du M23": the named group
                code = self.dictionary.demonyms.get(self.keys.plain(follow.group("word")))
                if follow.group("prep") is None and code:
                    end, country = m.end() + follow.end("word"), code  # "les séparatistes arméniens"
            found.append(_Candidate(m.start(), end, 2, "armed", (None, label, country)))
        return found

    def _where_acting(self, mentions: list[ActorMention], local: list[tuple[int, TitleHit]],
                      text: str) -> list[ActorMention]:
        """A force on the ground with no state ("la police", "les forces de l'ordre") acts for the state
        its sentence places it in with a locative ("à Lima", "en Géorgie"), not for a state named as the
        owner of what it enters or seizes ("l'ambassade du Nigeria à Accra"); with no such place, the
        state the text is about stays."""
        out = list(mentions)
        if not local:
            return out
        venues = self._venues(text, out)
        for index, hit in local:
            m = out[index]
            lo = max(text.rfind(mark, 0, m.start) for mark in (". ", "\n", "! ", "? ")) + 1
            ends = [e for e in (text.find(mark, m.end) for mark in (". ", "\n", "! ", "? ")) if e != -1]
            hi = min(ends) if ends else len(text)
            places = [o.place.country for o in out if lo <= o.start < hi and o is not m and o.place is not None
                      and o.place.country and o.entity is None and not o.text.isupper()
                      and self._locative_before(text, o.start) and id(o) not in venues]
            if not places or places[0] not in self.dictionary.countries or m.entity is None or (
                    m.entity.country == places[0]):
                continue
            entity = self._title_entity(TitleHit(hit.start, hit.end, hit.role, places[0], hit.org, hit.institution,
                                                 hit.ambiguous), None)
            if entity is not None:
                out[index] = ActorMention(m.start, m.end, m.text, entity, m.place, m.role)
        return out

    def _group_states(self, mentions: list[ActorMention], pending: set[int], text: str,
                      acting: Sequence[tuple[str, bool]] = ()) -> list[ActorMention]:
        """The state an armed group fights in, for those the text gave no demonym: a state named as a
        place in its sentence, else a state named before it in the sentence, else the last place named
        before, else the state of an armed group named before, else the state the document names most as a
        party; else none (an unknown group is not
        given a state at random). A capital after "à" is no such place: it is where parties meet, sign
        or are received ("la trêve conclue à Nairobi", "un cessez-le-feu signé à Doha"), not the region
        a group fights in (a capital standing for its government, "Nairobi accuse", is a party)."""
        out = list(mentions)
        story = self._story_state(acting)
        for index in sorted(pending):
            m = out[index]
            lo = max(text.rfind(mark, 0, m.start) for mark in (". ", "\n", "! ", "? ")) + 1
            ends = [e for e in (text.find(mark, m.end) for mark in (". ", "\n", "! ", "? ")) if e != -1]
            hi = min(ends) if ends else len(text)
            around = [o for o in out if lo <= o.start < hi and o is not m]
            venues = self._venues(text, out)
            places = [o.place.country for o in around if o.place is not None and o.place.country
                      and not o.text.isupper()  # "KIGALI (AFP) -" is where the report was filed
                      and (o.entity is None or self._locative_before(text, o.start)) and id(o) not in venues
                      and not self._capital_place(o)]
            before = [o.place.country for o in out[:index] if o.place is not None and o.place.country
                      and not o.text.isupper() and (o.entity is None or self._locative_before(text, o.start))
                      and id(o) not in venues and not self._capital_place(o)]
            # (a capital named as a meeting's venue is no party either: "les rebelles, réunis à Nairobi")
            inside = [o.entity.country for o in around if o.start < m.start and o.entity is not None
                      and o.entity.country and o.entity.id not in self.dictionary.agencies and id(o) not in venues]
            later = [o.entity.country for o in around if o.start > m.start and o.entity is not None
                     and o.entity.country and o.entity.id not in self.dictionary.agencies and id(o) not in venues]
            # (an armed group of a known state told before: "les FARC ... les rebelles exigent")
            groups = [o.entity.country for o in out[:index] if o.entity is not None and o.entity.kind == "group"
                      and o.entity.country and o.entity.name not in self.group_unknown]
            codes = places[:1] or inside[-1:] or later[:1] or before[-1:] or groups[-1:] or ([story] if story else [])
            if m.entity is None:
                continue
            if m.entity.name in self.group_unknown:
                codes = []  # "un homme armé a attaqué à Téhéran": not Iran's; who they are is unknown
            if not codes or codes[0] not in self.dictionary.countries:
                if m.entity.id.startswith("group:?"):
                    e = Entity(m.entity.id.replace("group:?", "group:"), m.entity.name, "group", None)
                    out[index] = ActorMention(m.start, m.end, m.text, e, m.place, m.role)
                continue
            code = codes[0]
            e = m.entity
            if e.id.startswith("group:?"):  # "les rebelles": the rebels of that state
                e = Entity(f"group:{code.lower()}-{e.id[len('group:?'):]}",
                           f"{e.name} ({self.dictionary.countries[code].name})", "group", code)
            else:
                e = Entity(e.id, e.name, e.kind, code)
            out[index] = ActorMention(m.start, m.end, m.text, e, m.place, m.role)
        return out

    def _capital_place(self, mention: ActorMention) -> bool:
        """A capital named as a place ("à Doha"): the resolver gave it no entity (see ``_resolve_candidate``)."""
        return mention.entity is None and self.keys.plain(mention.text) in self.dictionary.capitals

    def _story_state(self, acting: Sequence[tuple[str, bool]]) -> str | None:
        """The state the document names most often as a party so far, when one leads the others."""
        top = Counter(code for code, _ in acting).most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None
        return top[0][0]

    def _unlabelled_names(self, doc: Any, tokens: list[Any], text: str) -> list[_Candidate]:
        """Short-syllable names the model left untagged, when they are a verb's subject ("Ri Il Hwan a dit")."""
        rule = self.keys.unlabelled
        low, high = rule["words"]
        found = []
        for i, token in enumerate(tokens):
            if token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
                continue
            if i > 0 and tokens[i - 1].text[:1].isupper() and tokens[i - 1].is_alpha:
                continue  # not the start of a run
            span = self._name_span(text, token.idx)
            if span is None:
                continue
            words = text[span[0]:span[1]].split()
            pieces = [p for w in words for p in w.split("-")]
            if not low <= len(words) <= high or any(len(p) > rule["max_letters"] for p in pieces):
                continue
            after = doc.char_span(span[1], span[1] + 1, alignment_mode="expand")
            nxt = doc[after.start] if after is not None and after.start < len(doc) else None
            while nxt is not None and nxt.is_space and nxt.i + 1 < len(doc):
                nxt = doc[nxt.i + 1]
            if nxt is not None and nxt.pos_ in rule["subject_of"]:
                found.append(_Candidate(span[0], span[1], 2, "person", None))
        return found

    def _cut_inside(self, text: str, cut: int, end: int) -> bool:
        """Whether the model's PER span runs past a stop word or a state ("Poutine Le voyage")."""
        rest = text[cut:end].split()
        return bool(rest) and (rest[0] in self.keys.name_stops or self._is_place_or_state(rest[0])
                               or not rest[0][:1].isupper())

    def _extend_left(self, doc: Any, start: int) -> int:
        """spaCy sometimes leaves the given name out of PER ("Sun Hui" for "Choe Sun Hui")."""
        while start > 0:
            previous = doc[start - 1]
            if (not previous.text[:1].isupper() or not previous.is_alpha or previous.is_sent_start
                    or previous.text in self.keys.name_stops or previous.text in self.person_cues
                    or self._is_place_or_state(previous.text) or previous.whitespace_ != " "):
                break
            start -= 1
        return doc[start].idx

    def _titles(self, text: str, doc: Any, counts: Counter[str]) -> list[_Candidate]:
        found: list[_Candidate] = []
        covered = -1
        for word in _WORD.finditer(text):  # cheaper than walking the tokens again
            if word.start() < covered or self.keys.plain(word.group(0)) not in self.title_forms:
                continue
            hit = self._title_at(text, word.start(), counts=counts)
            if hit is None:
                continue
            name = self._name_after(text, hit.end) if hit.institution is None else None
            if name and self._is_place_or_state(text[name[0]:name[1]].split()[0]):
                name = None
            end = name[1] if name else hit.end
            # a form that names no state yields to a known name ("l'Armée populaire de libération")
            rank = 2 if hit.institution is not None and hit.institution.get("context") else 0
            found.append(_Candidate(hit.start, end, rank, "title", (hit, name)))
            covered = end
        return found

    @staticmethod
    def _appositions(titles: list[_Candidate]) -> dict[int, TitleHit]:
        """Titles right after a name ("John Kirby, porte-parole du ...") by the position they start."""
        return {c.start: c.data[0] for c in titles if c.data[1] is None}

    # -- mentions --------------------------------------------------------------------------------
    def mentions(self, doc: Any, date: DateValue | None = None) -> list[ActorMention]:
        """Every actor and place mention in ``doc``, in text order; also stored on ``doc._.actors``."""
        if date is None:
            anchor = getattr(doc._, "anchor", None) if hasattr(doc, "_") else None
            date = anchor if isinstance(anchor, DateValue) else None
        day = date.start if date else None
        text = text_of(doc)
        candidates = self._first_names(self._candidates(doc, text), doc, text)
        counts: Counter[str] = Counter()
        at_venue: _Candidate | None = None  # the last place named as a venue
        for c in sorted(candidates, key=lambda c: c.start):
            if c.kind in ("country", "capital") and self._locative_before(text, c.start) and (
                    self._venue(text, c.start) or (at_venue is not None and _APPOSED.fullmatch(text[at_venue.end:c.start]))):
                at_venue = c  # "la trêve conclue à Nairobi", "signé à Doha, au Qatar": where parties met or
                continue  # signed, not a state the story is about
            if c.kind in ("country", "capital", "seat", "people"):
                counts[c.data] += 1
        titles = self._titles(text, doc, counts)
        appositions = self._appositions(titles)
        chosen = self._select(titles + candidates)
        registry = _Registry()
        consumed: set[int] = set()  # titles already used as a name's apposition
        out: list[ActorMention] = []
        acting: list[tuple[str, bool]] = []  # states named so far as actors (and as subjects?), latest last
        pending: set[int] = set()  # armed groups whose state is settled at the end
        local: list[tuple[int, TitleHit]] = []  # forces on the ground with no state: see _where_acting
        for c in chosen:
            if c.kind == "title" and c.start in consumed:
                continue
            mention = self._resolve_candidate(c, text, day, counts, registry, appositions, consumed)
            if mention is None and c.kind == "title" and c.data[0].institution is not None \
                    and c.data[0].institution.get("context") and not (
                        c.data[0].institution.get("holder") and self._name_after(text, c.end)):
                mention = self._in_context(c, text, acting, counts)  # a named holder is the person
                if mention is not None and c.data[0].institution.get("local"):
                    local.append((len(out), c.data[0]))
            if mention is None:
                continue
            if c.kind == "armed" and mention.entity is not None and mention.entity.country is None:
                pending.add(len(out))
            out.append(mention)
            entity = mention.entity
            if entity is not None and entity.country and entity.id not in self.dictionary.agencies \
                    and entity.kind != "group" and not self._locative_before(text, c.start) \
                    and not self._quoted(text, c.start):
                acting.append((entity.country, self._is_subject(doc, c)))
        out = self._group_states(out, pending, text, acting)
        out = self._where_acting(out, local, text)
        out = self._share_countries(out)
        if hasattr(doc, "_") and doc.has_extension("actors"):
            doc._.actors = out
        return out

    def _venues(self, text: str, mentions: list[ActorMention]) -> set[int]:
        """The place mentions that are a meeting's venue (see ``_venue``), with the place set beside one
        as its apposition ("à Pretoria, en Afrique du Sud")."""
        found: set[int] = set()
        previous: ActorMention | None = None
        for m in sorted((m for m in mentions if m.place is not None), key=lambda m: m.start):
            if self._venue(text, m.start) or (previous is not None and id(previous) in found and _APPOSED.fullmatch(
                    text[previous.end:m.start])):
                found.add(id(m))
            previous = m
        return found

    def _venue(self, text: str, start: int) -> bool:
        """A place named a few words after a word of meeting or signing (titles.yaml armed_groups venues), in
        the same clause: "lors d'une conférence à Genève", "des pourparlers de paix à Doha", "réunis à Lomé",
        "ont signé un accord avec le gouvernement à Pretoria"."""
        before = re.split(r"[,;.:!?«»()\n]", text[max(0, start - 80):start])[-1].split()[-8:]
        return any(self.keys.plain(w.split("'")[-1].split("’")[-1]) in self.group_venues for w in before)

    def _locative_before(self, text: str, start: int) -> bool:
        before = text[max(0, start - 12):start].split()
        return bool(before) and self.keys.plain(before[-1]) in self.dictionary.locative

    @staticmethod
    def _quoted(text: str, pos: int) -> bool:
        """Whether ``pos`` is inside a quotation of its paragraph: a speaker's words, not the story's frame."""
        line = text[text.rfind("\n", 0, pos) + 1:pos]
        return line.count("«") > line.count("»") or line.count("“") > line.count("”") or line.count('"') % 2 == 1

    @staticmethod
    def _is_subject(doc: Any, c: _Candidate) -> bool:
        span = doc.char_span(c.start, c.end, alignment_mode="expand") if hasattr(doc, "char_span") else None
        return span is not None and len(span) > 0 and span.root.dep_ in ("nsubj", "nsubj:pass")

    def _in_context(self, c: _Candidate, text: str, acting: list[tuple[str, bool]],
                    counts: Counter[str]) -> ActorMention | None:
        """A body named by what it is, with no state ("le ministère des Affaires étrangères", "la junte"):
        the state that was last the subject of a clause (among the last few states named as actors),
        else the state named last as an actor, else the one the document names most."""
        hit: TitleHit = c.data[0]
        recent = acting[-6:]
        subject = next((code for code, is_subject in reversed(recent) if is_subject), None)
        code = subject or (recent[-1][0] if recent else next((code for code, _ in counts.most_common(1)), None))
        if code is None or code not in self.dictionary.countries:
            return None
        hit = TitleHit(hit.start, hit.end, hit.role, code, hit.org, hit.institution, hit.ambiguous)
        entity = self._title_entity(hit, None)
        if entity is None:
            return None
        return ActorMention(c.start, c.end, text[c.start:c.end], entity, None, None)

    def _share_countries(self, mentions: list[ActorMention]) -> list[ActorMention]:
        """A new person's state, told once ("le chef de l'État ghanéen John Mahama"), holds for every mention."""
        countries = {m.entity.id: m.entity.country for m in mentions
                     if m.entity and m.entity.kind == "person" and m.entity.country
                     and m.entity.id not in self.dictionary.people}
        shared = []
        for m in mentions:
            e = m.entity
            if e is not None and e.kind == "person" and e.country is None and e.id in countries:
                m = ActorMention(m.start, m.end, m.text, Entity(e.id, e.name, e.kind, countries[e.id]), m.place, m.role)
            shared.append(m)
        return shared

    def _first_names(self, candidates: list[_Candidate], doc: Any, text: str) -> list[_Candidate]:
        """"Dominique de Villepin", "Jordan Bardella": a state's name that opens a name the model tagged
        as a person, followed by a capitalised word that is no place, is a first name: the person
        replaces the state."""
        people = {ent.start_char: ent.end_char for ent in doc.ents if ent.label_ == "PER"}
        out: list[_Candidate] = []
        for c in candidates:
            end = people.get(c.start, c.end)
            after = _NAME_AFTER.match(text, c.end) if c.kind in ("country", "people") and end > c.end else None
            if after is not None and not self._is_place_or_state(after.group("word")):
                out.append(_Candidate(c.start, end, 2, "person", None))
            else:
                out.append(c)
        return out

    @staticmethod
    def _select(candidates: list[_Candidate]) -> list[_Candidate]:
        """Non-overlapping candidates: titles, then known names, then longer spans first."""
        ordered = sorted(candidates, key=lambda c: (c.rank, -(c.end - c.start), c.start))
        taken: list[_Candidate] = []
        spans: list[tuple[int, int]] = []
        for c in ordered:
            if any(c.start < e and s < c.end for s, e in spans):
                continue
            taken.append(c)
            spans.append((c.start, c.end))
        return sorted(taken, key=lambda c: c.start)

    def _resolve_candidate(self, c: _Candidate, text: str, day: dt.date | None, counts: Counter[str],
                           registry: dict[str, Entity], appositions: dict[int, TitleHit],
                           consumed: set[int]) -> ActorMention | None:
        d = self.dictionary
        surface = text[c.start:c.end]
        if c.kind == "title":
            hit, name = c.data
            if name:
                name_text = text[name[0]:name[1]]
                before = re.findall(r"[\w-]+", text[max(0, c.start - 20):c.start])
                if before and self.keys.plain(before[-1]) in self.not_current:
                    hit = TitleHit(hit.start, hit.end, None, hit.country, hit.org, None, hit.ambiguous)
                entity, known = self._person(name_text, day, registry, hit.country)
                if entity is None:
                    return None
                if entity.country is None and hit.country and entity.id not in d.people:
                    entity = Entity(entity.id, entity.name, entity.kind, hit.country)  # the title tells the state
                if not known and hit.country is None and hit.org:
                    body = d.orgs.get(hit.org)  # "un haut responsable du Hamas": the group's state, if any
                    entity = Entity(entity.id, entity.name, "person", body.country if body else None)
                self._register(entity, name_text, registry, self._concrete_role(hit), self._head(surface))
                return ActorMention(c.start, c.end, surface, entity, None, self._concrete_role(hit))
            before = re.findall(r"[\w-]+", text[max(0, c.start - 20):c.start])
            if before and self.keys.plain(before[-1]) in self.not_current:
                return None  # "l'ancien président américain": not whoever holds the office that day
            earlier = self._corefer(hit, surface, day, registry) or self._named_holder(hit, day, registry)
            if earlier is not None:
                return ActorMention(c.start, c.end, surface, earlier[0], None, earlier[1])
            entity = self._title_entity(hit, day)
            if entity is None:
                return None
            return ActorMention(c.start, c.end, surface, entity, None, self._concrete_role(hit))
        if c.kind == "armed":
            name, label, country = c.data
            if name is not None:  # "le groupe armé X": a group of its own
                entity = Entity(f"group:{slug(name, self.keys)}", name, label, country)
            elif country is not None:
                entity = Entity(f"group:{country.lower()}-{slug(label, self.keys)}",
                                f"{label} ({d.countries[country].name})", "group", country)
            else:  # "group:?label": its state is settled by _group_states once all mentions are known
                entity = Entity(f"group:?{slug(label, self.keys)}", label, "group", None)
            return ActorMention(c.start, c.end, surface, entity)
        if c.kind == "org":
            before = text[max(0, c.start - 12):c.start].split()
            if before and self.keys.plain(before[-1]) in d.locative:
                place = self.place(surface)  # "à Bruxelles": the city, not the body it stands for
                if place is not None:
                    return ActorMention(c.start, c.end, surface, None, place)
            return ActorMention(c.start, c.end, surface, d.orgs[c.data])
        if c.kind in ("country", "people"):
            entity = d.countries[c.data]
            place = Place(entity.name, entity.id) if c.kind == "country" else None
            return ActorMention(c.start, c.end, surface, entity, place)
        if c.kind == "seat":  # "le Kremlin" acts for Russia, and is a place ("reçu à la Maison Blanche")
            return ActorMention(c.start, c.end, surface, d.countries[c.data], Place(surface, c.data))
        if c.kind == "capital":
            before = text[max(0, c.start - 12):c.start].split()
            locative = bool(before) and self.keys.plain(before[-1]) in d.locative
            place = self.place(surface)
            dateline = surface.isupper() and len(surface) > 3  # "PARIS (AFP) -": where it was filed
            entity = None if locative or dateline else d.countries[c.data]
            return ActorMention(c.start, c.end, surface, entity, place)
        if c.kind == "site":
            return ActorMention(c.start, c.end, surface, None, c.data)
        if c.kind == "ambiguous":
            context = {code for word in c.data for codes in d.ambiguous.values() if word in codes for code in codes}
            if len(c.data) == 1 and not any(counts.get(code) for code in context):
                return None  # "le Nord" is North Korea only in a Korean story
            code = self._choose(c.data, counts)
            return ActorMention(c.start, c.end, surface, d.countries[code])
        if c.kind == "person_known":
            entity = d.people[c.data].at(day)
            apposition = self._apposition(text, c.end, appositions, consumed)
            self._register(entity, surface, registry, apposition.role if apposition else None)
            return ActorMention(c.start, c.end, surface, entity, None, apposition.role if apposition else None)
        if c.kind == "person":
            apposition = self._apposition(text, c.end, appositions, consumed)
            country = apposition.country if apposition else self._demonym_before(text, c.start)
            single = len(surface.split()) == 1  # a lone unknown word is too weak for a new person
            if single and len(surface) < 4 and self.keys.key(surface) not in registry \
                    and not self._family_first_surname(surface):
                return None
            entity, known = self._person(surface, day, registry, country, surname_only=single)
            if entity is None:
                return None
            if not known and apposition is None:
                place = self.place(surface)
                if place is not None:  # "Khan Younès" taken for a person by the model
                    return ActorMention(c.start, c.end, surface, None, place)
            self._register(entity, surface, registry, apposition.role if apposition else None)
            return ActorMention(c.start, c.end, surface, entity, None, apposition.role if apposition else None)
        if c.kind == "surname":
            introduced = self.keys.key(surface) in registry
            if c.data and not introduced:
                return None
            if not introduced and len(surface) < 4 and not self._family_first_surname(surface):
                return None  # "May", "Dan", "Gil": too common to be a surname the document never introduced
            entity, known = self._person(surface, day, registry, None, surname_only=True)
            if entity is None or not known:
                return None
            return ActorMention(c.start, c.end, surface, entity)
        if c.kind == "loc":
            place = self.place(surface, counts)  # a name several states' cities bear: the story's state
            words = surface.split()
            if words and words[0] in self.keys.name_stops:
                surface_name = " ".join(words[1:])
            else:
                surface_name = surface
            if surface_name and surface_name[:1].isupper() and (place is None or self.keys.key(surface_name) in registry):
                entity, known = self._person(surface_name, day, registry, None, surname_only=True)
                if entity is not None and known:  # "Kim", "Selon Macron" read as places by the model
                    start = c.end - len(surface_name)
                    return ActorMention(start, c.end, surface_name, entity)
            if place is None:
                return None
            return ActorMention(c.start, c.end, surface, None, place)
        if c.kind == "neworg":
            words = surface.split()
            if not surface.isupper() and (len(words) < 2 or any(w[:1].islower() for w in words if len(w) > 3)):
                return None  # "Accord de défense": a common noun phrase the model took for a name
            country = next((d.demonyms[self.keys.plain(w)] for w in words if self.keys.plain(w) in d.demonyms), None)
            entity = Entity(f"org:{slug(surface, self.keys)}", surface, "organization", country)
            return ActorMention(c.start, c.end, surface, entity)
        return None

    def _family_first_surname(self, word: str) -> bool:
        """Short family names of people whose states put them first ("Xi") are used alone."""
        d = self.dictionary
        return any(d.people[p].entity.country in d.family_name_first for p in d.surnames.get(self.keys.key(word), ()))

    def _head(self, title_text: str) -> str:
        words = title_text.split()
        return self.keys.plain(words[0]) if words else ""

    def _corefer(self, hit: TitleHit, surface: str, day: dt.date | None,
                 registry: dict[str, Entity]) -> tuple[Entity, str | None] | None:
        """A nameless title pointing back at a person introduced earlier ("le ministre russe")."""
        if hit.role is not None or hit.institution is not None or hit.country is None:
            return None
        mode = self.corefer.get(self._head(surface))
        if mode is None or not isinstance(registry, _Registry):
            return None
        for entity, role, head in reversed(registry.seen):
            if entity.country != hit.country:
                continue
            if mode == "any":
                return entity, role
            roles = {role} if role else set()
            record = self.dictionary.people.get(entity.id)
            if record is not None and day is not None:
                roles |= {o.role for o in record.offices if o.holds(day)}
            if any(r.endswith(mode) for r in roles) or head == self._head(surface):
                return entity, role
        return None

    def _named_holder(self, hit: TitleHit, day: dt.date | None,
                      registry: dict[str, Entity]) -> tuple[Entity, str | None] | None:
        """With no date to look the office up, a role title is the person the text already named who
        held that office at some time ("Loukachenko ... le président bélarusse"); else nobody."""
        role = self._concrete_role(hit)
        if day is not None or role is None or hit.country is None or not isinstance(registry, _Registry):
            return None
        for entity, _, _ in reversed(registry.seen):
            record = self.dictionary.people.get(entity.id)
            if record is not None and any(o.role == role and o.where == hit.country for o in record.offices):
                return entity, role
        return None

    def _apposition(self, text: str, end: int, appositions: dict[int, TitleHit], consumed: set[int]) -> TitleHit | None:
        gap = self.keys.apposition.match(text, end)
        if not gap:
            return None
        hit = appositions.get(gap.end())
        if hit is not None:
            consumed.add(hit.start)
        return hit

    def _demonym_before(self, text: str, start: int) -> str | None:
        """"le Russe Ivan Petrov": a demonym just before a name gives the person's state."""
        before = text[max(0, start - 30):start].split()
        if before:
            return self.dictionary.demonyms.get(self.keys.plain(before[-1]))
        return None

    def title_at(self, text: str, pos: int) -> TitleHit | None:
        """The title starting at ``pos`` in ``text`` ("le président sud-coréen", "Premier ministre
        du Japon"), its role made concrete ("dirigeant" is the head of state or of government)."""
        hit = self._title_at(text, pos)
        if hit is None:
            return None
        return TitleHit(hit.start, hit.end, self._concrete_role(hit), hit.country, hit.org, hit.institution,
                        hit.ambiguous)
