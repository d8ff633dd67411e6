"""Finding temporal expressions: the YAML rules run over the text, context checks, longest match wins."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from annales.temporal.lexicon import Lexicon, fold


@dataclass
class Mention:
    """A stretch of text a rule matched, before it is given a value."""

    start: int
    end: int
    kind: str
    rule: str
    priority: int
    groups: dict[str, str] = field(default_factory=dict)  # only the named groups that matched
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def _words_before(text: str, start: int, n: int = 3) -> str:
    """The last ``n`` words before ``start``, folded (for context checks)."""
    head = text[max(0, start - 60):start]
    words = re.findall(r"[\w'’-]+", head)
    return fold(" ".join(words[-n:]))


def _is_age(text: str, m: Mention, lex: Lexicon) -> bool:
    """'âgé de 45 ans', 'un électricien de 37 ans', 'Jean Dupont, 26 ans,' are ages, not durations."""
    unit = lex.lookup("units", m.groups.get("unit"))
    if not unit or unit[0] != "Y":
        return False
    raw_before = text[max(0, m.start - 50):m.start]
    before = re.sub(r"\s*\d+\s+(?:à|et)\s*$", "", fold(raw_before))
    before = re.sub(r"(?<!\w)d'\s*$", "de ", before)  # "une femme d'une trentaine d'années"
    words = before.split()
    for cue in lex["age_cues"]:
        cue_words = fold(cue).split()
        if words[-len(cue_words):] == cue_words:
            return True
    if lex.age_after.match(text[m.end:]) and re.search(r"[,(]\s*$", raw_before):
        return True
    if re.search(r"[A-ZÉÈ][\w'’-]+,\s*$", raw_before) and re.match(r"\s*[,)]", text[m.end:]):
        return True
    if m.groups.get("approx") and words and words[-1] in ("les", "des", "aux"):
        return True  # "les moins de 25 ans", "aux plus de 60 ans"
    number = m.groups.get("number") or ""
    if (number.isdigit() or fold(number).endswith("aine")) and len(words) >= 2 and words[-1] == "de":
        head = words[-2]
        heads = {fold(h) for h in lex["duration_heads"]}
        if head not in heads and head.isalpha():
            return True
    return False


def _counted_word(word: str, lex: Lexicon) -> bool:
    """Whether ``word``, right after a number, may be what it counts ("2000 manifestants")."""
    return word[:1].islower() and fold(word).split("'")[0] not in {fold(w) for w in lex["year_followers"]} \
        and lex.lookup("months", word) is None


_YEAR = r"(?:1[0-9]\d\d|20\d\d)"


def _year_cue(text: str, m: Mention, lex: Lexicon) -> str | None:
    """What the words around a bare four-digit number say it is: "year" ("en 2000", "depuis 1999",
    "de 1995 à 2000", "(1999)", "1914-1918", or the number alone), "count" ("quelque 1500", "plus de
    2000", "entre 1500 et 2000 manifestants"), or None (nothing: a count, unless it names a noun)."""
    before = text[max(0, m.start - 60):m.start]
    words = _words_before(text, m.start, 3).split()
    for cue in lex["count_cues_before"]:
        cue_words = fold(cue).split()
        if words[-len(cue_words):] == cue_words:
            return "count"
    joiners = "|".join(re.escape(w) for w in lex["year_joiners"])
    # "entre 1500 et 2000 manifestants": the second number counts a noun, so does the first
    ahead = re.match(rf"\s+(?:{joiners})\s+\d{{4}}\s+([\w'’-]+)", text[m.end:m.end + 60], re.IGNORECASE)
    if ahead and _counted_word(ahead.group(1), lex):
        return "count"
    if not before.strip() or re.search(r"[(\[–—/-]\s*$", before):
        return "year"
    if re.match(r"\s*[–—-]\s*\d{4}(?!\d)", text[m.end:m.end + 8]):
        return "year"
    if re.search(rf"(?<![\d,.]){_YEAR}\s+(?:{joiners})\s*$", before, re.IGNORECASE):
        return "year"  # "de 1995 à 2000", "en 2019 et 2020"
    cues = {fold(w) for w in lex["year_cues_before"]}
    if words and (words[-1] in cues or words[-1].split("'")[-1] in cues):
        return "year"  # "en 2000", "d'ici 2030", "l'horizon 2030"
    return None


def _accept(text: str, m: Mention, lex: Lexicon) -> bool:
    """Context checks that a regex alone cannot make."""
    g = m.groups
    if any(veto.match(text, m.start) for veto in lex.vetoes):
        return False
    if m.kind == "duration":
        return not _is_age(text, m, lex)
    if m.kind == "clock" and m.rule == "clock_heures" and not g.get("minute") and not g.get("ampm"):
        words = _words_before(text, m.start, 2)
        cues = {fold(c) for c in lex["clock_cues"]}
        last = words.split()[-1] if words.split() else ""
        return last in cues or words in cues
    if m.kind == "clock" and g.get("hour") and int(g["hour"]) > 24:
        return False
    if m.kind == "year" and g.get("year") and not g.get("det") and not g.get("mod"):
        if re.search(r"[\d][.,\s]$", text[max(0, m.start - 2):m.start]) or re.match(r"[.,]\d", text[m.end:]):
            return False
        previous = _words_before(text, m.start, 1)
        if previous in {fold(w) for w in lex["year_vetoes_before"]} or text[max(0, m.start - 2):m.start] in ("n°", "nº"):
            return False
        after = re.match(r"\s*([%€$]|[\w'’-]+)", text[m.end:])
        if after:
            word = after.group(1)
            if word in "%€$":
                return False
            if _counted_word(word, lex):
                m.groups["_maybe_count"] = "1"  # "2000 manifestants"? the parse decides, or drop it
        cue = _year_cue(text, m, lex)
        if cue == "count":
            return False
        if cue is None:
            m.groups["_needs_name"] = "1"  # "le budget 2025" is a year, "réuni 2000" is not: the parse decides
    if m.kind == "weekday_day":
        after = re.match(r"\s*([\w'’-]+)", text[m.end:])
        if after and after.group(1)[:1].islower() and \
                fold(after.group(1)).split("'")[0] not in {fold(w) for w in lex["year_followers"]}:
            m.groups["_maybe_count"] = "1"  # "mardi 12 personnes ont été arrêtées": the parse decides
    if m.kind == "season" and not g.get("year") and not g.get("rel") and re.match(
            r"\s+(?:de|du|des|d['’])\s*(?!\d|l['’]an|l['’]ann[ée]e|cette|ce\b|la\s+même|[^\s]*\s+(?:dernier|dernière|prochain))",
            text[m.end:], re.IGNORECASE):
        return False  # "le Printemps de Bourges", "à l'automne de sa vie": a name or a figure, not the season
    if m.kind == "season" and not g.get("det") and not g.get("mod") and not g.get("year") and not g.get("yearrel"):
        # bare "été" is mostly the participle of être: a season only after "en" or as a noun
        if _words_before(text, m.start, 1) not in ("en", "d'", "l'", "comme") and not g.get("rel"):
            m.groups["_needs_noun"] = "1"
    if m.kind == "holiday" and not text[m.spans["holiday"][0]].isupper():
        return False  # news capitalises feasts: "Noël", "l'Ascension"; "une ascension" is a climb
    if m.kind == "holiday" and not g.get("year") and re.match(r"\s+[A-ZÉÈ][a-zéèêëïî]", text[m.end:]):
        return False  # a first name: "Noël Mamère", "Toussaint Louverture"
    if m.kind == "relative":
        det = fold(g.get("det") or "")
        if det in ("la", "le", "l'", "ces") and not g.get("rel") and not g.get("mod") and m.rule != "during_weekend":
            return False
    if m.kind == "month" and g.get("month") and fold(g["month"]) == "mars" and not (g.get("mod") or g.get("moisde")):
        # "Mars" the planet or the name: only a month after a preposition or before a year
        words = _words_before(text, m.start, 1)
        if text[m.start:m.start + 1].isupper() and words not in ("en", "de", "début", "fin", "mi", "depuis",
                                                                  "au", "courant", "le", "d'ici"):
            return False
    if m.kind == "month" and g.get("month") and fold(g["month"]) == "mai" and not (g.get("mod") or g.get("moisde")):
        words = _words_before(text, m.start, 1)
        if text[m.start:m.start + 1].isupper() and words not in ("en", "de", "depuis", "début", "fin", "mi"):
            return False
    return True


def scan(text: str, lex: Lexicon) -> list[Mention]:
    """Every rule over ``text``; overlapping matches resolved longest first, then by rule order."""
    found: list[Mention] = []
    lowered = text.lower()
    for rule in lex.rules:
        if rule.needs and not any(word in lowered for word in rule.needs):
            continue  # a cheap test before the regex: the words the rule cannot match without
        for match in rule.regex.finditer(text):
            if match.end() == match.start():
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            spans = {k: match.span(k) for k in groups}
            mention = Mention(match.start(), match.end(), rule.kind, rule.name, rule.priority, groups, spans)
            if _accept(text, mention, lex):
                found.append(mention)
    found.sort(key=lambda m: (-(m.end - m.start), m.priority, m.start))
    chosen: list[Mention] = []
    taken = bytearray(len(text) + 1)
    for m in found:
        if any(taken[m.start:m.end]):
            continue
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        chosen.append(m)
    chosen.sort(key=lambda m: m.start)
    return chosen
