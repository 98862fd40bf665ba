"""A stranger in a headline participant's place: the participant conflicts no paraphrase shows.

A mutated name sits in a sentence no other section restates ("Treasury Secretary Howard
Lutnick leads the US delegation" while Summary, body and Conclusion name Scott Bessent), so
word overlap cannot pair it with anything. An editor still sees it, because news style gives
strangers away:

- Key Points, Summary and Conclusion restate the event and name its people. A person (or an
  organisation) named there and nowhere else, in a section that leaves out a headline
  participant (named in two sections or more, Key Points or Summary among them), stands in
  that participant's place.
- A body section tells more and meets new people, but introduces them: with a role ("the
  economist Claudia Kemfert", "Manitoba Premier Wab Kinew"), in apposition ("Mike Flannigan,
  a fire scientist, said"), after an article ("the Canadian Red Cross"). A person named
  once, bare, as the subject of what they say or do ("Olaf Scholz répond que…", or a lone
  surname the brief never gave in full: "Frederiksen has said…") is presented as someone
  the reader already knows: one of the headline participants, named wrong.

Never a stranger: a person who also attends ("also", "aussi": checked by the caller), a
former office holder ("former prime minister Justin Trudeau", "l'ancien ministre"), a word
the brief also writes in lower case ("Inflation has stayed…": a noun, not a name).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from checker.lang import fold, load_pack
from checker.model import SectionKind
from checker.rules.wording import BACKGROUND, STEM, event_noun, marker_pattern, title_before

if TYPE_CHECKING:
    from checker.facts import Fact
    from checker.rules.consistency import Statements

#: A year in a sentence: briefs date their own event without one.
YEAR = re.compile(r"(?<![\d,.])(?:19[5-9]|20\d)\d(?![\d,])")
#: Headline participants tried per stranger (bounds the work on long briefs).
MAX_CANDIDATES = 64
#: Sections that restate the event and name its people.
RESTATING = (SectionKind.KEY_POINTS, SectionKind.SUMMARY, SectionKind.CONCLUSION)
HEADLINE = (SectionKind.KEY_POINTS, SectionKind.SUMMARY)


@cache
def _pack_words(lang: str, table: str) -> frozenset[str]:
    return frozenset(fold(w) for w in load_pack(lang)["facts"].get(table, ()))


@cache
def _verbs(lang: str) -> re.Pattern[str]:
    """A person's verb or a possessive ("says", "'s") after the spaces that follow a name:
    the fact extractor's pattern (`checker.facts.participants._verb_pattern`)."""
    from checker.facts.participants import _verb_pattern

    return re.compile(r"\s*" + _verb_pattern(lang).pattern)


def _before(text: str, fact: Fact) -> tuple[str, list[str]]:
    at = text.find(fact.text)
    raw = text[: max(0, at)]
    return raw, fold(raw).replace("'", "' ").split()


@cache
def _little_words(lang: str) -> frozenset[str]:
    pack = load_pack(lang)
    return frozenset(fold(w) for w in (*pack["detect"]["stopwords"],
                                       *pack["facts"].get("place_prepositions", ()),
                                       *pack["facts"].get("approximators", ()),
                                       *pack["facts"].get("articles", ()),
                                       *pack["facts"].get("former", ()))) | {
        "also", "aussi", "too", "avec", "with", "via", "under", "sous", "chez", "about", "than"}


def _former(text: str, fact: Fact, lang: str) -> bool:
    """"former prime minister Justin Trudeau", "l'ancien ministre Robert Habeck"."""
    _, words = _before(text, fact)
    return any(w.strip("'-") in _pack_words(lang, "former") for w in words[-4:])


def _introduced(text: str, fact: Fact, lang: str, titled: bool, roles: bool | None = None) -> bool:
    """A person presented to the reader: in apposition ("…, Isabel Díaz Ayuso,", "Mike
    Flannigan, a fire scientist"), or after an article ("the Canadian Red Cross": a thing);
    and, when `titled`, after a title or a role ("Manitoba Premier Wab Kinew", "le
    sociologue Jorge Galindo", "Analyst Victor Cha")."""
    raw, words = _before(text, fact)
    at = text.find(fact.text)
    after = text[at + len(fact.text):] if at >= 0 else ""
    if raw.rstrip().endswith(("(", "—", "–")) or (raw.rstrip().endswith(",")
                                                 and after.lstrip().startswith(",")):
        return True  # "La présidente de la région, Isabel Díaz Ayuso, refuse…"
    if re.match(r"\s*(?:,\s*(?!et\b|and\b)[a-zà-ÿ][^,]{0,80},|[(—–])", after):
        return True  # "Mike Flannigan, a fire scientist, said"; not "For Chan, it is…"
    articles = _pack_words(lang, "articles") | {"l'"}
    if words and words[-1] in articles:
        return True
    if not (titled if roles is None else roles):
        return False
    role_words = _pack_words(lang, "roles")
    first = fold(fact.text).split()[:1]
    if (first and first[0] in role_words) or (words and words[-1] in role_words):
        return True
    if len(words) >= 2 and words[-2] in articles and raw.rstrip()[-1:].islower():
        return True  # "le sociologue Jorge Galindo"
    return titled and title_before(text, fact, lang) is not None


def _apposed_title(text: str, fact: Fact, lang: str, bodies: frozenset[str]) -> str | None:
    """The title set off by commas before a name, when it is the head of one of the brief's
    own organisations (`bodies`: their words, folded): "Le président de la banque, Sidi
    Ould Tah, présente…", "The bank's president, Sidi Ould Tah, presents…" name the bank's
    head as a title would, not a newcomer ("Le directeur général de Nordea, Frank
    Vang-Jensen," is another body's)."""
    from checker.facts.participants import _titles

    at = text.find(fact.text)
    raw = text[: max(0, at)].rstrip()
    if at <= 0 or not raw.endswith(",") or not text[at + len(fact.text):].lstrip().startswith(","):
        return None
    clause = re.split(r"[,;:(—–]", raw[:-1])[-1]
    if any(c.isupper() for c in clause.lstrip()[1:]):
        return None  # "de Nordea", "of the Nordic Investment Bank": another body by name
    words = fold(clause).replace("'", "' ").split()
    articles = _pack_words(lang, "articles") | {"l'"}
    complements = _pack_words(lang, "title_complements")
    if words[:1] and words[0] in articles:
        words = words[1:]
    titles = _titles(lang)
    for n in (3, 2, 1):
        title = " ".join(words[:n])
        if len(words) >= n and title in titles:
            rest = words[n:]  # "de la banque", "of the bank"
            if (len(rest) in (2, 3) and rest[0] in complements and rest[-2] in articles
                    and rest[-1] in bodies):
                return title
    if len(words) > 2 and words[1] == "s" and words[0].rstrip("'") in bodies:
        title = " ".join(words[2:])  # "the bank's president" (folded "bank s president")
        return title if title in titles else None
    return None


def _delegate(text: str, fact: Fact, lang: str) -> bool:
    """A name followed by a clause that presents a country's delegate (the pack's
    `delegate_clauses`): "Adama Coulibaly, dont le pays accueille le siège de la banque,
    plaide…" names a delegate to the event, as "the Ivorian minister" would."""
    at = text.find(fact.text)
    after = text[at + len(fact.text):].lstrip() if at >= 0 else ""
    if not after.startswith(","):
        return False
    words = fold(after[1:]).replace("'", "' ").split()
    return any(words[: len(c.split())] == c.split() for c in _pack_words(lang, "delegate_clauses"))


def _another_time(text: str, lang: str) -> bool:
    """A sentence with a marker of another time ("après", "last", "in 2019")."""
    return bool(marker_pattern(BACKGROUND.get(lang, BACKGROUND["en"])).search(fold(text)))


def _of_something(text: str, fact: Fact) -> bool:
    _, words = _before(text, fact)
    return bool(words) and words[-1] in ("of", "de", "du", "des", "d'", "d")


def _holds_event(text: str, fact: Fact, lang: str) -> bool:
    """An organisation an event noun governs holds the event: "le sommet de la soi-disant
    Coalition of the Willing", "the NATO summit" (the body names other bodies freely)."""
    at = text.find(fact.text)
    if at < 0:
        return False
    words = fold(text[:at]).replace("'", "' ").split()[-5:]
    for k, word in enumerate(words[:-1]):
        if event_noun(word[:STEM], lang) and words[k + 1] in ("de", "du", "des", "d", "of"):
            return True
    after = fold(text[at + len(fact.text):]).split()[:1]
    return bool(after) and event_noun(after[0][:STEM], lang)


def _acts(text: str, fact: Fact, lang: str, known: set[str], here: list[Fact]) -> bool:
    """The person is the subject of what the sentence tells: a verb follows ("répond que",
    "has said"), or they are joined to a known person ("Bayrou et Merz ont…")."""
    at = text.find(fact.text)
    if at < 0:
        return False
    if _verbs(lang).match(text, at + len(fact.text)):
        return True
    nxt = re.match(r"\s+([a-zà-ÿ][\w'’-]*)", text[at + len(fact.text):])
    if (not fact.weak and nxt and len(nxt.group(1)) > 2
            and fold(nxt.group(1)) not in _little_words(lang)):
        return True  # "Mircea Geoană salue…": a word of the sentence's verb, not "pour", "with"
    return _joined(text, fact, known, here)


def _joined(text: str, fact: Fact, known: set[str], here: list[Fact]) -> bool:
    """"Bayrou et Merz", "Lutnick and He Lifeng" (read "Lifeng"): joined to a known person."""
    for g in here:
        if g is fact or g.value not in known:
            continue
        a, b = sorted((fact, g), key=lambda f: text.find(f.text))
        between = text[text.find(a.text) + len(a.text): text.find(b.text)]
        joined = fold(between).split()
        if 0 < len(joined) <= 2 and ("et" in joined or "and" in joined):
            return True
    return False


def _joined_pairs(text: str, facts: list[Fact]) -> Iterator[tuple[Fact, Fact]]:
    """Names next to each other joined by "and"/"et" ("Prince Abdulaziz bin Salman and
    Alexander Novak"), read once along the sentence (a line of 40,000 names)."""
    prev, end, at = None, 0, 0
    for g in sorted((g for g in facts if g.kind == "participant"), key=lambda g: g.span.start):
        at = text.find(g.text, at)
        if at < 0:
            return
        if prev is not None:
            between = fold(text[end:at]).split()
            if 0 < len(between) <= 2 and ("et" in between or "and" in between):
                yield prev, g
        prev, end = g, at + len(g.text)
        at = end


def presented(fact: Fact, statements: Statements, texts: dict[int, str], lang: str,
              aligned: bool = False) -> bool:
    """A participant the brief presents as someone other than a headline participant: a
    former holder, or, in the body, a person introduced with a role or in apposition (every
    mention of the name is looked at: "Zucman has said" after "the economist Gabriel
    Zucman"), a thing's name ("le gouvernement de Scott Morrison", "visite d'État"), or,
    unless the sentence is `aligned` with one naming the other person (a paraphrase gives
    both names the same part), someone whose deed the sentence does not tell."""
    if fact.kind != "participant":
        return False
    body = statements.kind[fact.sentence] not in RESTATING
    text = texts[fact.sentence]
    if _former(text, fact, lang) or ((fact.weak or body) and _of_something(text, fact)):
        return True
    if body and not aligned and not _acts(text, fact, lang, set(), []):
        return True  # "conclus avec Naval Group pour rejoindre…": no one's deed
    # A title is no introduction here: the same title is what sets a stranger against a
    # headline person ("le secrétaire général Jens Stoltenberg"); nor, in aligned
    # sentences, is the title read as a role ("le président Petro Porochenko").
    return any(_introduced(texts[g.sentence], g, lang, titled=False,
                           roles=statements.kind[g.sentence] not in RESTATING
                           and not (aligned and title_before(texts[g.sentence], g, lang)))
               for g in _mentions(statements).get(fact.value, ()))


def _mentions(statements: Statements) -> dict[str, list[Fact]]:
    """Each participant's mentions, indexed once per brief (`presented` asks per pair)."""
    index = getattr(statements, "_participant_mentions", None)
    if index is None:
        index = defaultdict(list)
        for i in sorted(statements.facts):
            for g in statements.facts[i]:
                if g.kind == "participant":
                    index[g.value].append(g)
        statements._participant_mentions = index
    return index


def _titles_of(value: str, occurrences: dict[str, list[Fact]], texts: dict[int, str], lang: str,
               bodies: frozenset[str] = frozenset()) -> set[str]:
    return {t for g in occurrences[value]
            if (t := title_before(texts[g.sentence], g, lang)
                or _apposed_title(texts[g.sentence], g, lang, bodies))}


def displaced_people(statements: Statements, texts: dict[int, str], lang: str) -> Iterator[tuple[Fact, Fact]]:
    """(stranger, headline participant) for each participant named in one section only
    whose place the rules above say a headline participant should hold."""
    sections: dict[str, set[str]] = defaultdict(set)
    occurrences: dict[str, list[Fact]] = defaultdict(list)
    for i in sorted(statements.facts):
        for f in statements.facts[i]:
            # A former office holder is nobody's current self: "Former president Yoon Suk
            # Yeol" in the body leaves "Yoon Suk Yeol wants…" elsewhere a stranger.
            if f.kind == "participant" and not _former(texts[i], f, lang):
                sections[f.value].add(f.section)
                occurrences[f.value].append(f)
    now: dict[str, set[str]] = {}
    past: dict[int, bool] = {}  # read once per sentence, not per name (a line of 40,000 names)

    def named_now(value: str) -> set[str]:
        """Where a participant is named in a statement of the event, not of another time
        ("…après une visite difficile de Zelensky à Washington" leaves the Summary's other
        sentence to say who attends); read when a stranger asks (few briefs have one)."""
        found = now.get(value)
        if found is None:
            found = now[value] = set()
            for g in occurrences[value]:
                if g.sentence not in past:
                    past[g.sentence] = _another_time(texts[g.sentence], lang)
                if not past[g.sentence]:
                    found.add(g.section)
        return found

    kinds = {statements.section[i]: statements.kind[i] for i in statements.section}
    headline = {v for v, secs in sections.items()
                if len(secs) >= 2 and any(kinds[s] in HEADLINE for s in secs)
                and not any(o.weak for o in occurrences[v])}
    restated = {v: {s for s in secs if kinds[s] in RESTATING} for v, secs in sections.items()}
    thin = {p for p in headline if len(restated[p]) < 2}
    # Headline participants, the likeliest first (most sections, then earliest): each
    # stranger takes the first that fits, so the pass stays linear in the people named.
    ranked = sorted(headline, key=lambda p: (-len(sections[p]), occurrences[p][0].span.start))
    # A person a restating section joins to a headline participant ("whether Prince Abdulaziz
    # bin Salman and Alexander Novak can…", "si Gilles Roth et Paschal Donohoe peuvent…")
    # shares the event with them, however few sections name them: a stranger in another
    # restating section may stand in their place too (after the headline participants).
    partners = sorted({b.value for i in statements.facts if statements.kind[i] in RESTATING
                       for pair in _joined_pairs(texts[i], statements.facts[i])
                       for a, b in (pair, pair[::-1])
                       if a.value in headline and b.value not in headline
                       and b.value in occurrences and not _former(texts[i], b, lang)},
                      key=lambda p: occurrences[p][0].span.start)
    partnered = set(partners)
    titles: dict[str, set[str]] = {}
    if not headline:
        return
    # The words of the brief's own bodies (English reads "World Bank" as a name): "la
    # banque", "the bank's" are theirs (`_apposed_title`).
    bodies = frozenset(w for v, fs in occurrences.items() if fs[0].detail != "person"
                       for w in fold(v + " " + fs[0].text).split())
    lower: set[str] | None = None  # the words the brief writes in lower case, once asked
    found: list[tuple[bool, Fact, Fact]] = []
    for value, facts in occurrences.items():
        # A stranger: named in one section; or, in the sections that restate the event, in
        # one of them only ("La Banque mondiale doit y présenter un fonds" in Key Points, the
        # bank named once in the body, where Summary and Conclusion name the Commission).
        lone = [f for f in facts if kinds[f.section] in RESTATING]
        if len(sections[value]) == 1:
            f = facts[0]
        elif len(restated[value]) == 1 and not (thin - {value}) and not any(
                _introduced(texts[g.sentence], g, lang, titled=kinds[g.section] not in RESTATING)
                for g in facts if g.detail != "organisation"):
            # (not someone the body presents: "Economist Paul Winter, of…" then "a test of
            # Paul Winter's forecast" in the Conclusion)
            f, facts = lone[0], lone
        else:
            continue
        text = texts[f.sentence]
        org = f.detail == "organisation"
        if f.weak:
            if lower is None:
                lower = set(re.findall(r"\b[a-zà-ÿ][\w'-]+", " ".join(texts.values())))
            if fold(f.text) in lower or f.text.lower() in lower:
                continue  # "Inflation has stayed…", "inflation" elsewhere: a noun
        restating = kinds[f.section] in RESTATING
        # (an organisation is written after an article: that presents no newcomer)
        held = org and not restating and _holds_event(text, f, lang)
        if not held and any(_introduced(texts[g.sentence], g, lang, titled=not restating)
                            for g in facts if not (org and restating)
                            and not (restating and (_apposed_title(text, g, lang, bodies)
                                                    or _delegate(text, g, lang)))):
            continue
        here = statements.facts[f.sentence]
        named_here = {g.value for g in here}
        acts = _acts(text, f, lang, headline, here)
        if YEAR.search(text) and not _joined(text, f, headline, here):
            continue  # "Viktor Orban introduced a similar tax in 2010": another time
        if not restating and not held and (org or not acts or _of_something(text, f)):
            continue  # "the city of Flin Flon was emptied": a thing's name
        if f.weak and not acts and re.match(r"\s+(?!(?:and|et|or|ou)\b)[a-zà-ÿ]",
                                             text[text.find(f.text) + len(f.text):]):
            continue  # "European allies": a word that qualifies the next, not a name
        # A lone capitalised word first in its sentence may be a noun ("Inflation has
        # stayed…", "Trade has slowed…"): only in a section that leaves a headline person out.
        opening = f.weak and not fold(text[: text.find(f.text)]).strip(" -\"'«“")
        title = (title_before(text, f, lang) or _apposed_title(text, f, lang, bodies)
                 if restating else None)
        bare = (title is None and not _introduced(text, f, lang, titled=True) and acts
                and not _of_something(text, f))
        best = None
        for p in (ranked + partners if restating else ranked)[:MAX_CANDIDATES]:
            if (p in named_here or p == value
                    or (occurrences[p][0].detail == "organisation") != org
                    or (opening and f.section in sections[p])
                    or (restating and f.section in named_now(p))
                    # (named there at another time: only a bare stranger takes the place)
                    or (restating and f.section in sections[p] and not bare)
                    or (len(sections[value]) != 1 and len(restated[p] - {f.section}) < 2)):
                continue
            if (p in partnered and title is None
                    and _introduced(text, f, lang, titled=False, roles=True)):
                continue  # "Economist Eva Roth says…": someone the section presents
            if title is not None:
                # "Opposition leader Magdalena Andersson" where the minister is "Finance
                # Minister Eva Lindqvist": another role, not the minister's place.
                if p not in titles:
                    titles[p] = _titles_of(p, occurrences, texts, lang, bodies)
                if titles[p] and title not in titles[p]:
                    continue
            best = p
            break
        if best is None:
            continue
        other = sorted((g for g in occurrences[best] if g.section != f.section),
                       key=lambda g: (kinds[g.section] not in HEADLINE, g.span.start))
        if other:
            found.append((bool(opening), f, other[0]))
    # A lone opening word counts only where no other stranger stands, once per section: the
    # first unknown name an editor reads there.
    taken = {f.section for opening, f, _ in found if not opening}
    for opening, f, p in found:
        if opening and f.section in taken:
            continue
        taken.add(f.section)
        yield f, p
