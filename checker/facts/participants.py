"""Participants: people and organisations ("le président Volodymyr Zelensky", "President Joe
Biden", "the European Commission", "la « Coalition of the Willing »", "l'OTAN"/"NATO").

Names are read in two passes over a brief. The first finds full names: a title followed by
capitalised words, a run of two or more capitalised words that is not a place, or an
organisation of the language pack (whose canonical name is shared across languages). The
second resolves a lone surname or first name ("Zelensky", "Tedros", "Lula da Silva") to the
one full name of the brief it belongs to; a capitalised word that resolves to nothing is kept
as an unresolved name, which only counts when set against a known participant.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from checker.facts.mention import Mention, words_outside
from checker.facts.places import SENTENCE_START_MIN_POPULATION, lookup
from checker.lang import SUPPORTED, fact_words, fold, load_pack

Token = tuple[int, int, str]


#: Most words a title or an organisation's name spans ("Secretary of State for Defence").
MAX_WORDS = 5


@cache
def _titles(lang: str) -> frozenset[str]:
    """Titles, folded ("premier ministre", "director general")."""
    return frozenset(fold(t) for t in load_pack(lang)["facts"]["titles"])


@cache
def _organisations(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """(acronyms as written, other names folded) -> canonical name. Every pack's names, the
    brief's language first: a French brief quotes "la « Coalition of the Willing »"."""
    acronyms: dict[str, str] = {}
    names: dict[str, str] = {}
    for pack in (lang, *sorted(set(SUPPORTED) - {lang})):
        for alias, canonical in load_pack(pack)["facts"]["organisations"].items():
            if alias.isupper():
                acronyms.setdefault(alias, canonical)
            else:
                names.setdefault(fold(alias), canonical)
    return acronyms, names


@cache
def _organisation_keys(lang: str) -> frozenset[str]:
    return frozenset(_organisations(lang)[1])


@cache
def _not_names(lang: str) -> frozenset[str]:
    """Capitalised words that begin sentences but are not names (determiners, pronouns…)."""
    pack = load_pack(lang)
    return frozenset(
        [*pack["detect"]["stopwords"], *pack["facts"]["name_particles"],
         *pack["facts"].get("place_prepositions", ()), *pack["facts"].get("articles", ()),
         *pack["facts"].get("former", ()), *pack["facts"].get("closed_words", ()),
         *pack["calendar"]["months"], *pack["calendar"]["weekdays"],
         "the", "a", "an", "l'", "d'"]
    )


@cache
def _fact_set(lang: str, table: str) -> frozenset[str]:
    """A [facts] word list, folded."""
    return frozenset(fold(w) for w in load_pack(lang)["facts"].get(table, ()))


@cache
def _regions(lang: str) -> dict[str, tuple[str, ...]]:
    """First folded word -> the folded world regions starting with it, longest first."""
    found: dict[str, list[str]] = {}
    for region in _fact_set(lang, "world_regions"):
        words = region.split()
        if words[0] in ("the", "le", "la", "l"):
            words = words[1:]
        found.setdefault(words[0], []).append(" ".join(words))
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in found.items()}


def _region_end(text: str, tokens: list[Token], i: int, lang: str) -> int | None:
    """Index after a world region named from token `i` ("Southeast Asia", « Amérique
    latine », "Siberia"), whatever the case of its later words; None if none starts there."""
    candidates = _regions(lang).get(fold(tokens[i][2]))
    if not candidates:
        return None
    for region in candidates:
        n = len(region.split())
        if i + n <= len(tokens) and fold(text[tokens[i][0]: tokens[i + n - 1][1]]) == region:
            return i + n
    return None


def _not_a_person(text: str, tokens: list[Token], start: int, end: int, lang: str) -> str | None:
    """What a run of capitalised words names when it is no person: "region" (a part of the
    world: "Southeast Asia", « l'Amérique latine »), "thing" (an event, a holiday, a place's
    feature: "Bank Holiday", "World War Two", "Bell County", « la Coupe du monde »), or
    "organisation" ("Hartmann Research", "Colchester United", « le CHU de Nice »); None for
    a possible person. English names things by their last word, French by their first (the
    pack's `head_first`)."""
    name = fold(_name(text, tokens, start, end))
    regions = _fact_set(lang, "world_regions")
    if name in regions or "the " + name in regions:
        return "region"
    words = name.split()
    first = load_pack(lang)["facts"].get("head_first", False)
    head = words[0] if first else words[-1]
    things = _fact_set(lang, "thing_words")
    if head in things or (not first and " ".join(words[-2:]) in things):
        return "thing"
    if head in _fact_set(lang, "organisation_words") or tokens[start][2].isupper():
        return "organisation"  # (an acronym first: "CHU de Nice", "BBC Radio")
    return None


def _first_name_particle(tokens: list[Token], k: int, end: int, lang: str) -> bool:
    """Whether a capitalised particle at `k` opens the name that follows it ("Ben Crump")."""
    word = tokens[k][2]
    return (end - k >= 2 and word[0].isupper() and not word.isupper()
            and word.casefold() in fact_words(lang, "opening_particles"))


@cache
def _small_words(lang: str) -> frozenset[str]:
    """Words a name may start with when written in lower case, or capitalised in a title of a
    thing ("The Hague", "in de"): articles, prepositions, particles."""
    facts = load_pack(lang)["facts"]
    return frozenset([*facts["name_particles"], *facts.get("place_prepositions", ()),
                      *facts.get("articles", ()), "the", "a", "an", "l'", "d'"])


def _name_inside(text: str, tokens: list[Token], k: int, lang: str) -> bool:
    """Whether a stop word ("He", "An", "Do") is a name there: capitalised inside a sentence,
    where the pronoun or verb would be in lower case ("Scott Bessent and He Lifeng")."""
    word = tokens[k][2]
    if word.isupper() or word.casefold() in _small_words(lang) or (
            word.casefold() in _weekdays(lang)):
        return False
    j = _before(text, tokens[k][0], " \t\n")
    return j >= 0 and text[j] not in "\"'“‘«(-–—:.!?…"


@cache
def _weekdays(lang: str) -> frozenset[str]:
    """Day names: never a name, even inside a sentence ("the sacking on Wednesday of
    Managing Director Paul Downton")."""
    return frozenset(w.casefold() for w in load_pack(lang)["calendar"]["weekdays"])


def _before(text: str, at: int, skipped: str) -> int:
    """Index of the last character before `at` that is not in `skipped` (-1 if none). Scans
    back over those characters only: slicing the text before each word was quadratic."""
    j = at - 1
    while j >= 0 and text[j] in skipped:
        j -= 1
    return j


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _particle_name(word: str, particles: frozenset[str]) -> bool:
    """A name written with its particle joined by a hyphen: "al-Kaabi", "el-Sisi"."""
    particle, _, rest = word.partition("-")
    return rest[:1].isupper() and particle.casefold() in particles


def _possessive(end: int, text: str) -> int:
    """End of a name without an English possessive ("Rutte's" -> "Rutte")."""
    for suffix in ("'s", "’s"):
        if text.endswith(suffix, 0, end):
            return end - len(suffix)
    return end


#: What a summarising model writes for a word it does not know ("Stan UNK died"): no name.
UNKNOWN = "UNK"
#: The longest run of capitalised words read as one name ("Luiz Inácio Lula da Silva" is 5).
MAX_RUN = 8


def _run(text: str, tokens: list[Token], i: int, particles: frozenset[str]) -> int:
    """Index after the run of capitalised words (with name particles inside) from `i`; only
    spaces may separate the words of a run ("Paris, Berlin" is two runs). At most
    MAX_RUN words: no name is longer, and callers scan every sub-run (quadratic in its length)."""
    j = i
    end = i
    while j < len(tokens) and j - i < MAX_RUN:
        if j > i and text[tokens[j - 1][1] : tokens[j][0]].strip() and not _initial(
                text, tokens, j - 1, i):
            break
        word = tokens[j][2]
        if (j > i and word == "The") or word == UNKNOWN:
            break  # (a new phrase: "the sitcom Ismol Family The Darwin woman")
        if word[0].isupper() or (j > i and _particle_name(word, particles)):
            j += 1
            end = j
        elif word.casefold() in particles and j + 1 < len(tokens):
            j += 1
        else:
            break
    return end


def _initial(text: str, tokens: list[Token], k: int, start: int) -> bool:
    """Whether the word at `k` is a middle initial with its full stop, inside a name that
    goes on ("George W. Bush", "Michael J. Fox"): the full stop does not end the run."""
    word = tokens[k][2]
    return (k > start and len(word) == 1 and word.isupper() and k + 1 < len(tokens)
            and text[tokens[k][1]: tokens[k + 1][0]].rstrip() == "."
            and tokens[k + 1][2][0].isupper() and not tokens[k + 1][2].isupper()
            and fold(tokens[k + 1][2]) not in _no_names_anywhere())


@cache
def _no_names_anywhere() -> frozenset[str]:
    """The words no pack reads as a name ("Then", « Puis »): `_run` knows no language."""
    return frozenset().union(*(_not_names(lang) for lang in SUPPORTED))


def _folded(tokens: list[Token], i: int, n: int) -> tuple[str, ...]:
    return tuple(fold(t[2]) for t in tokens[i : i + n])


@cache
def _first_words(keys: frozenset[str]) -> frozenset[str]:
    """The first folded word of each key: a key can start at a token only if its first
    folded word is one of these (checked before joining any run of tokens)."""
    return frozenset(key.split(" ", 1)[0] for key in keys)


@lru_cache(maxsize=1 << 16)
def _first_folded(word: str) -> str:
    """The first folded word of a token ("Director-General" -> "director")."""
    return fold(word).split(" ", 1)[0]


class _TitleStarts(dict):
    """word as written -> whether a title of the language can start with it, filled as words
    are met: a dictionary lookup is what the scan of every word of every sentence costs."""

    def __init__(self, lang: str):
        super().__init__()
        self.firsts = _first_words(_titles(lang))

    def __missing__(self, word: str) -> bool:
        if len(self) >= 1 << 16:
            self.clear()  # a bound, for documents of many distinct words
        first = _first_folded(word)
        self[word] = found = first in self.firsts or _singular(first) in self.firsts
        return found


@cache
def _lower_case_titles(lang: str) -> bool:
    """Whether the language writes titles in lower case before a name (« le président X »)."""
    return bool(load_pack(lang)["facts"].get("lower_case_titles", False))


def _singular(word: str) -> str:
    """A title's plural read as the title ("Presidents Gabriel Boric and Javier Milei", "les
    présidents Lula et Milei"): its final s dropped."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


@cache
def _title_starts(lang: str) -> _TitleStarts:
    return _TitleStarts(lang)


def _may_start(tokens: list[Token], i: int, keys: frozenset[str]) -> bool:
    return _first_folded(tokens[i][2]) in _first_words(keys)


def _organisation(tokens: list[Token], i: int, lang: str) -> tuple[int, str] | None:
    """(index after, canonical name) of an organisation named from token `i`."""
    if not _capitalised(tokens[i][2]):
        return None
    acronyms, names = _organisations(lang)
    starts = _may_start(tokens, i, _organisation_keys(lang))
    for n in range(min(MAX_WORDS, len(tokens) - i) if starts else 0, 0, -1):
        key = " ".join(_folded(tokens, i, n))
        if key in names:
            return i + n, names[key]
    word = tokens[i][2].removesuffix("'s").removesuffix("’s")
    if word in acronyms:
        return i + 1, acronyms[word]
    return None


@cache
def _pack_tuple(lang: str, table: str) -> tuple[str, ...]:
    """A [facts] word list a pack may leave out (English names no organisation_heads)."""
    return tuple(load_pack(lang)["facts"].get(table, ()))


def _qualifier(tokens: list[Token], k: int, lang: str) -> bool:
    """Whether the lower-case word at `k` qualifies the name before it, an adjective by its
    ending ("européenne", "internationale"), and not a verb with its object after it ("la
    Commission critique le plan", "explique que")."""
    word = tokens[k][2]
    if not word[0].islower() or fold(word) in _not_names(lang):
        return False
    if not word.casefold().endswith(_pack_tuple(lang, "adjective_endings")) or (
            word.casefold() in fact_words(lang, "person_verbs")):
        return False
    following = tokens[k + 1][2].casefold().replace("’", "'") if k + 1 < len(tokens) else ""
    if following in _pack_tuple(lang, "organisation_complements"):
        return True  # "mondiale du commerce", "nationale des forêts"
    return following not in fact_words(lang, "articles") and following not in ("que", "qu'")


def _named_organisation(text: str, tokens: list[Token], i: int, lang: str) -> int | None:
    """Index after an organisation named by its kind and what qualifies it, as French writes
    institutions: a capitalised head noun of the pack's `organisation_heads` inside a sentence,
    then adjectives and complements ("la Communauté politique européenne", "le Conseil de
    sécurité", "l'Agence internationale de l'énergie", "la Commission économique pour
    l'Afrique"). None without a qualifier: "la Commission" alone is the one named before."""
    if (tokens[i][2] not in _pack_tuple(lang, "organisation_heads")
            or _before(text, tokens[i][0], " \t\n\"'“‘«-–—(") < 0):
        return None
    complements = _pack_tuple(lang, "organisation_complements")
    articles = fact_words(lang, "articles")
    k, end = i + 1, None
    for _ in range(MAX_WORDS):
        if k >= len(tokens) or text[tokens[k - 1][1] : tokens[k][0]].strip():
            break
        word = tokens[k][2].casefold().replace("’", "'")
        if _qualifier(tokens, k, lang):
            k += 1
            end = k
            continue
        if word in complements and k + 1 < len(tokens):
            j = k + 1
            if tokens[j][2].casefold().replace("’", "'") in articles and j + 1 < len(tokens):
                j += 1  # "de l'énergie", "de la santé"
            noun = tokens[j][2]
            if fold(noun) in _not_names(lang) or noun.isdigit():
                break
            k = end = j + 1
            continue
        break
    return end


def _title_end(tokens: list[Token], i: int, lang: str) -> int | None:
    """Index after the longest title starting at token `i` ("Director-General" is one token
    but two folded words, so the comparison is on folded text)."""
    titles = _titles(lang)
    if not _may_start(tokens, i, titles):
        if _singular(_first_folded(tokens[i][2])) in _first_words(titles) and (
                _lower_case_titles(lang) or tokens[i][2][0].isupper()):
            # (English capitalises a title: "who chairs the Welsh party" names nobody)
            folded = _singular(fold(tokens[i][2]))  # a one-word title's plural: "Presidents"
            return i + 1 if folded in titles else None
        return None
    for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
        if " ".join(_folded(tokens, i, n)) in titles:
            return i + n
    return None


def _in_title(tokens: list[Token], i: int, lang: str) -> bool:
    """Whether token `i` is a word of a title or its portfolio that starts before it
    ("secrétaire d'État", "Secretary of State", "ministre de l'Économie"): no name."""
    title_starts = _title_starts(lang)
    for at in range(max(0, i - 2 * MAX_WORDS), i):
        if title_starts[tokens[at][2]]:
            end = _title_end(tokens, at, lang)
            if end is not None and i < max(end, _portfolio_end(tokens, end, lang)):
                return True
    return False


def _portfolio_end(tokens: list[Token], k: int, lang: str) -> int:
    """Index after what qualifies a title before the name: adjectives and portfolios, each
    joined by a word of the pack's `title_complements` ("Premier ministre polonais Donald
    Tusk", "ministre de l'Économie Katherina Reiche", "commissaire européen à l'Agriculture
    Christophe Hansen", "Secretary of State for Defence John Healey"). A portfolio is one
    capitalised word: the next one starts the name."""
    complements = fact_words(lang, "title_complements")
    articles = fact_words(lang, "articles")
    verbs = fact_words(lang, "person_verbs")
    not_names = _not_names(lang)
    portfolio = False
    for _ in range(MAX_WORDS):
        if k + 1 >= len(tokens):
            break
        word = tokens[k][2].casefold().replace("’", "'")
        if portfolio and word in fact_words(lang, "portfolio_conjunctions"):
            # "of Energy and Infrastructure", "de l'Économie et des Finances"
            following = tokens[k + 1][2]
            if following.casefold().replace("’", "'") in complements:
                k += 1
                continue
            if not _capitalised(following) or k + 2 >= len(tokens):
                break
            k += 2
            continue
        if word in complements:
            j = k + 1
            if j + 1 < len(tokens) and tokens[j][2].casefold().replace("’", "'") in articles:
                j += 1  # "de l'Économie", "of the Treasury"
            if not _capitalised(tokens[j][2]):
                break
            k = j + 1
            while k < len(tokens) and _capitalised(tokens[k][2]) and lookup(
                    " ".join(t[2] for t in tokens[j: k + 1])) is not None:
                k += 1  # a place of several words: "ambassadeur à New York"
            portfolio = True
            continue
        following = tokens[k + 1][2]
        if (not _capitalised(tokens[k][2]) and word not in not_names and word not in verbs
                and (_capitalised(following) or following.casefold() in complements)):
            k += 1  # "polonais", "européen": an adjective of the title
            continue
        break
    return k


def extract_names(text: str, lang: str, taken: list[tuple[int, int]] = ()) -> list[Mention]:
    """Full names and organisations in a sentence (first pass)."""
    particles = fact_words(lang, "name_particles")
    not_names = _not_names(lang)
    tokens = words_outside(text, taken)
    title_starts = _title_starts(lang)
    found: list[Mention] = []
    # Most words are neither a name, nor an organisation, nor a title: only these can start one.
    starts = [at for at, t in enumerate(tokens)
              if t[2][0].isupper() or title_starts[t[2]]]
    i = 0
    for at in starts:
        if at < i:
            continue  # inside what was read last
        i = at
        capital = tokens[i][2][0].isupper()
        region = _region_end(text, tokens, i, lang) if capital else None
        if region is not None:
            found.append(Mention("participant", _name(text, tokens, i, region), tokens[i][0],
                                 tokens[region - 1][1], detail="region"))
            i = region
            continue
        org = _organisation(tokens, i, lang) if capital else None
        if capital and org is None and (
                named := _named_organisation(text, tokens, i, lang)) is not None:
            org = named, _name(text, tokens, i, named)
        if org is not None:
            end, canonical = org
            found.append(Mention("participant", canonical, tokens[i][0],
                                 _possessive(tokens[end - 1][1], text), detail="organisation"))
            i = end
            continue
        after_title = _title_end(tokens, i, lang) if title_starts[tokens[i][2]] else None
        if after_title is not None:
            k = _portfolio_end(tokens, after_title, lang)
            # Titles in a row: "Energy Minister Prince Abdulaziz bin Salman"
            again = _title_end(tokens, k, lang) if k < len(tokens) else None
            if again is not None:
                k = _portfolio_end(tokens, again, lang)
            if _party_before_name(text, tokens, k):
                k += 1  # « le député LR Eric Ciotti »: the party, then the name
            end = _run(text, tokens, k, particles) if k < len(tokens) else k
            end = _before_place(text, tokens, k, end, lang)
            if end > k and tokens[k][2].casefold() in fact_words(lang, "articles"):
                end = k  # « le président Les Républicains de la région »: a party, no person
            if end > k:
                found.append(Mention("participant", _name(text, tokens, k, end), tokens[k][0],
                                     _possessive(tokens[end - 1][1], text), detail="person"))
                i = end
                continue
            i = after_title
            continue
        if not _capitalised(tokens[i][2]):
            i += 1
            continue
        end = _run(text, tokens, i, particles)
        start = i
        while (start < end and tokens[start][2].casefold() in not_names
               and not (start == i and (_name_inside(text, tokens, start, lang)
                                        or _first_name_particle(tokens, start, end, lang)))):
            start += 1
        if start > i and start < end:
            i = start  # "The United Nations": read again from "United"
            continue
        if (end - start >= 3 and _party_before_name(text, tokens, start) and start > 0
                and (fold(tokens[start - 1][2]) in _fact_set(lang, "roles")
                     or _title_end(tokens, start - 1, lang) == start)):
            i = start + 1  # « le candidat RN Frédéric Berna »: the party, then the name
            continue
        # A country run into a name where a full stop went missing ("as an actress in
        # Australia Natalia Moon is also a model"): the name starts after it.
        if end - start >= 3 and _country(tokens[start][2]) and lookup(
                _name(text, tokens, start, end)) is None:
            i = start + 1
            continue
        # A title inside the run: "Ukrainian President Volodymyr Zelensky".
        inner = next((k for k in range(start, end)
                      if title_starts[tokens[k][2]] and _title_end(tokens, k, lang)), None)
        if inner is not None and inner > start:
            i = inner
            continue
        # A possessor or a role before the name: "Labour's Tom Ashworth", "Founder Yen Reis",
        # "Managing Director Paul Downton" (the name starts after the last role word).
        if end - start >= 3 and tokens[start][2].endswith(("'s", "’s")):
            i = start + 1
            continue
        roles = _fact_set(lang, "roles")
        role = next((k for k in range(end - 3, start - 1, -1) if fold(tokens[k][2]) in roles),
                    None)
        if role is not None:
            i = role + 1
            continue
        if end - start == 2 and _city_part(tokens, start, lang):
            i = end  # "Paris Nord": a part of a city, read as the city by the places
            continue
        if end - start >= 2 and lookup(_name(text, tokens, start, end)) is None:
            # (a region or a thing is kept too, so that no later pass reads its words as a
            # place or a surname: "Bank" of "Bank Holiday"; `checker.facts` drops it)
            found.append(Mention("participant", _name(text, tokens, start, end),
                                 tokens[start][0], _possessive(tokens[end - 1][1], text),
                                 detail=_not_a_person(text, tokens, start, end, lang) or "name"))
        i = max(end, i + 1)
    return found


def _party_before_name(text: str, tokens: list[Token], k: int) -> bool:
    """Whether an acronym at `k` is a party or a union written between a title and a name
    (« le député LR Eric Ciotti », « le candidat RN X »): an acronym, then capitalised words
    that are no acronym, in one run."""
    word = tokens[k][2] if k < len(tokens) else ""
    if not (len(word) >= 2 and word.isalpha() and word.isupper()) or k + 1 >= len(tokens):
        return False
    following = tokens[k + 1][2]
    return (following[0].isupper() and not following.isupper()
            and not text[tokens[k][1]: tokens[k + 1][0]].strip())


def _city_part(tokens: list[Token], start: int, lang: str) -> bool:
    """Whether two capitalised words are a city and a cardinal point after it, a part of the
    city ("cheminot à Paris Nord", « Marseille Sud »), not a person."""
    place = lookup(tokens[start][2])
    return (place is not None and place.kind == "city"
            and fold(tokens[start + 1][2]) in _fact_set(lang, "city_parts"))


def _before_place(text: str, tokens: list[Token], start: int, end: int, lang: str) -> int:
    """The end of a person's name read after a title, before a word that joins a title to
    its body ("of", « de ») and a place that ends the run: "President Petro Poroshenko of
    Ukraine" names Poroshenko, president of Ukraine (a body's name keeps it: "Bank of Italy"
    has no title before it)."""
    joining = fact_words(lang, "title_complements")
    for k in range(start + 1, end - 1):
        if tokens[k][2].casefold() in joining and lookup(
                _name(text, tokens, k + 1, end)) is not None:
            return k
    return end


def _country(word: str) -> bool:
    place = lookup(word)
    return place is not None and place.kind == "country"


def _place_here(word: str, first: bool) -> bool:
    """Whether a lone capitalised word is a place where it stands. Opening a sentence, a
    small town is not (`checker.facts.places` does not read it as one either): "Hassan
    argues that…", "Keller expects…" are people; "Madrid insists…" is a government."""
    place = lookup(word)
    return place is not None and not (
        first and place.kind == "city" and place.population < SENTENCE_START_MIN_POPULATION)


def _name(text: str, tokens: list[Token], i: int, end: int) -> str:
    return " ".join(text[tokens[i][0] : _possessive(tokens[end - 1][1], text)].split())


def name_parts(full_names: set[str]) -> dict[str, str]:
    """Folded short form -> full name: every contiguous run of words of a person's name that
    starts or ends it ("Zelensky", "Volodymyr", "Lula da Silva"), when only one name has it."""
    owners: dict[str, set[str]] = {}
    for name in full_names:
        parts = name.split()
        if any(p.casefold() in ("of", "the", "for", "and") for p in parts):
            continue  # "Bank of Italy" is an institution: "Italy" alone is not it
        for n in range(1, len(parts)):
            for piece in (parts[:n], parts[-n:]):
                short = " ".join(piece)
                # (a small town's name may be a surname: "Karen Young", later "Young")
                if (_capitalised(short) or "-" in piece[0]) and not _place_here(short, True):
                    owners.setdefault(fold(short), set()).add(name)
    # A name that is the start or end of a longer one ("Lula da Silva") is that one.
    for name in full_names:
        longer = owners.get(fold(name), set()) - {name}
        if len(longer) == 1:
            owners[fold(name)] = longer
    return {key: next(iter(names)) for key, names in owners.items() if len(names) == 1}


@cache
def _verb_pattern(lang: str) -> re.Pattern[str]:
    verbs = sorted(load_pack(lang)["facts"].get("person_verbs", ()), key=len, reverse=True)
    return re.compile(r"(?:['’]s\b|(?:" + "|".join(re.escape(v) for v in verbs) + r")(?![\w'’]))")


def _acts(text: str, tokens: list[Token], i: int, lang: str) -> bool:
    """Whether the capitalised word that opens a sentence acts as a person: a verb a person
    does follows it ("Stoltenberg souhaite…", "Chan has warned…", "Schnabel's words"), or
    a name joined to it ("Bayrou et Merz…"). A common noun there ("Inflation has stayed")
    passes too: the rule that uses such a word asks for more (`checker.rules.consistency`)."""
    rest = text[tokens[i][1] :]
    if tokens[i][2].endswith(("'s", "’s")):
        # "Schnabel's words"; not "Moody's will publish…", a name that ends so, then a verb
        return not _verb_pattern(lang).match(rest.lstrip())
    if _verb_pattern(lang).match(rest.lstrip() if not rest.startswith(("'", "’")) else rest):
        return True
    # "Bayrou et Merz", "Lutnick and He Lifeng" (the name may already be taken out of `tokens`)
    return re.match(r"\s+(?:et|and)\s+[A-ZÀ-Ý][a-zà-ÿ]", rest) is not None


def extract_short_names(
    text: str, lang: str, parts: dict[str, str], taken: list[tuple[int, int]] = ()
) -> list[Mention]:
    """Second pass: lone surnames and first names that resolve to one full name of the brief,
    and capitalised words inside a sentence that are neither names known nor places
    (kept with detail "unresolved")."""
    particles = fact_words(lang, "name_particles")
    articles = fact_words(lang, "articles")
    not_names = _not_names(lang)
    tokens = words_outside(text, taken)
    found: list[Mention] = []
    i = 0
    for at in [at for at, t in enumerate(tokens) if t[2][0].isupper()]:
        if at < i:
            continue  # inside what was read last
        i = at
        end = _run(text, tokens, i, particles)
        if end > i + 1 and tokens[i][2].casefold() in not_names:
            i += 1  # "For Chan, …", "Pour Lula, …": read again from the name
            continue
        hit = None
        for j in range(end, i, -1):
            key = fold(_name(text, tokens, i, j))
            if key in parts:
                hit = j, parts[key]
                break
        if hit is not None:
            j, full = hit
            found.append(Mention("participant", full, tokens[i][0],
                                 _possessive(tokens[j - 1][1], text), detail="person"))
            i = j
            continue
        word = _name(text, tokens, i, i + 1)
        if _title_end(tokens, i, lang) is not None:
            i += 1
            continue
        # A capitalised first word is capitalised because it comes first: not evidence; after
        # an article, a capitalised word names a thing ("la Défense", "the Amazon").
        # (right before it: "du 3 novembre, Feijóo" has its date taken out between them)
        after_article = (i > 0 and tokens[i - 1][2].casefold().replace("’", "'") in articles
                         and not text[tokens[i - 1][1] : tokens[i][0]].strip())
        first = not text[: tokens[i][0]].strip(" \t\"'“‘«-–—(")
        if (end == i + 1 and (not first or _acts(text, tokens, i, lang)) and not after_article
                and word.casefold() not in not_names and len(word) > 2
                and not word.isupper() and not _place_here(word, first)
                and not _in_title(tokens, i, lang)):
            found.append(Mention("participant", word, tokens[i][0],
                                 _possessive(tokens[i][1], text), detail="unresolved"))
        i = end if end > i else i + 1
    return found
