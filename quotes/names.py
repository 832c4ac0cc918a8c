"""Canonical speakers: every mention of a speaker mapped to the fullest name the document gives.

"Takaichi", "Ms Takaichi" and "Prime Minister Sanae Takaichi" become "Sanae Takaichi" (title
kept apart); "she" becomes the nearest compatible person before it; "the ministry" becomes
the fullest description of that ministry in the document.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from quotes.attribute import Attribution
from quotes.attribution.candidates import mention_re
from quotes.attribution.cjk import person_before
from quotes.attribution.context import CJK_LANGS
from quotes.attribution.zh import leading_person
from quotes.cues import Mention, mention_in, name_pattern
from quotes.extract import QuoteSpan
from quotes.lexicon import Lexicon
from quotes.romanize import HANGUL_NAME, japanese_name, japanese_name_end

ORG_WORDS = {
    "ministry",
    "office",
    "house",
    "news",
    "times",
    "post",
    "party",
    "department",
    "agency",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "association",
    "committee",
    "university",
    "council",
    "commission",
    "court",
    "bank",
    "government",
    "network",
    "press",
    "journal",
    "institute",
    "foundation",
    "campaign",
    "group",
    "company",
    "senate",
    "congress",
    "police",
    "union",
    "daily",
    "tribune",
    "herald",
    "reuters",
    "kyodo",
    "nhk",
    "cnn",
    "ajansı",
    "agentur",
    "ministerium",
    "regierung",
    "partei",
    "zeitung",
    "democrats",
    "republicans",
}


@dataclass(frozen=True)
class Speaker:
    name: str | None
    title: str | None
    type: str | None  # person | organization
    mention: Mention | None


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    core: tuple[str, ...]
    title: tuple[str, ...]


def split_title(words: list[str], lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a capitalised run into title and name.

    ('Prime', 'Minister', 'Sanae', 'Takaichi') -> (('Prime', 'Minister'), ('Sanae', 'Takaichi'))
    """
    core_start = len(words)
    while core_start > 0 and not lex.is_title(words[core_start - 1]):
        core_start -= 1
    title, core = tuple(words[:core_start]), tuple(words[core_start:])
    if not core:  # 'the President': the title is all there is
        return (), title
    return title, core


def _strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _is_org(core: tuple[str, ...], lex: Lexicon) -> bool:
    joined = " ".join(core)
    acronym = len(core) == 1 and core[0].isupper() and 2 <= len(core[0]) <= 5  # CGT, SPD, NATO
    return acronym or joined in lex.not_persons or any(w.lower().strip(".") in ORG_WORDS for w in core)


class DocumentNames:
    """The names a document gives, outside its quotations, for resolving speaker mentions."""

    def __init__(self, text: str, spans: list[QuoteSpan], lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        inside = sorted((s.start, s.end) for s in spans)
        starts = [a for a, _ in inside]
        self.names: list[_Name] = []
        self.roles: dict[str, set[str]] = {}  # surname -> nouns set beside the name in apposition
        for m in re.finditer(name_pattern(lex), text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < inside[i][1]:
                continue  # inside a quotation (spans do not nest)
            words = [_strip_possessive(w) for w in m.group().split()]
            while words and words[0].strip(".") in lex.stop_capitals:
                words.pop(0)
            if not words:
                continue
            title, core = split_title(words, lex)
            if core and not (len(core) == 1 and core[0] in lex.stop_capitals):
                self.names.append(_Name(m.start(), m.end(), core, title))
                role = self._appositive(m.start(), m.end()) or self._introduced(m.start())
                if role:  # "Selma Benkhelifa, l’avocate des parents": later "l’avocate" is her
                    self.roles.setdefault(core[-1].lower().rstrip("."), set()).add(role)
        # by surname and by name: each lookup reads the names it can match, not every name
        self._starts = [n.start for n in self.names]  # in text order
        self._by_surname: dict[str, list[_Name]] = {}  # one name per distinct (core, title)
        seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
        for name in self.names:
            if (name.core, name.title) not in seen:
                seen.add((name.core, name.title))
                self._by_surname.setdefault(name.core[-1].lower().rstrip("."), []).append(name)

    def _appositive(self, start: int, end: int) -> str | None:
        """The noun of a description set off by a comma right after a name: ', the lawyer for',
        ', l’avocate des', ', la fiscal del caso' (lower-case, after an article). Not after a
        preposition ('Invitée de France Bleu Provence, la ministre …'), and not a description
        that introduces the next name ('…, la ministre des Armées, Florence Parly')."""
        m = _APPOSITIVE.match(self.text, end, end + 60)
        if m is None:
            return None
        before = [w.lower() for w in self.text[max(0, start - 30) : start].split()]
        while before and before[-1] in self.lex.determiner_set:
            before.pop()  # "a la Cadena SER, el ministro explicó": the preposition governs the name
        if before and before[-1] in self.lex.prepositions:
            return None
        clause = _CLAUSE_ON.match(self.text, m.end(), m.end() + 120)
        if clause is not None and clause.group(1)[:1].isupper():
            return None
        following = self.text[m.end() : m.end() + 30].split()[:1]
        if following and following[0].strip(",:").lower() in self.lex.verb_set:
            return None  # "…, el ministro explicó:": the description is the next clause's subject
        noun = _article_noun(m.group(1), m.group(2) or "", self.lex)
        return noun if noun is not None and not noun.endswith(("'s", "’s")) else None

    def _introduced(self, start: int) -> str | None:
        """The noun of a description that introduces a name: 'la ministre des Armées, Florence
        Parly', 'the mayor of Lyon, Grégory Doucet'."""
        if self.text[max(0, start - 2) : start] != ", ":
            return None
        head = self.text[max(0, start - 80) : start - 2]
        clause = re.split(r"[,.;:!?\n]", head)[-1].split()
        return _article_noun(clause[0], clause[1], self.lex) if len(clause) >= 2 else None

    def canonical(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The longest name in the document ending with the same surname and holding all `words`."""
        wanted = {w.lower().rstrip(".") for w in words}
        last = words[-1].lower()
        best = words
        for name in self._by_surname.get(last.rstrip("."), ()):
            lowered = [w.lower().rstrip(".") for w in name.core]
            if wanted <= set(lowered) and len(name.core) > len(best):
                best = name.core
        if all(w.isupper() and len(w) > 1 for w in best):  # transcripts: PENCE, unless an acronym (CGT)
            best = tuple(
                w.capitalize() if len(w) > 4 or re.search(rf"\b{w.capitalize()}\b", self.text) else w
                for w in best
            )
        return best

    def title_of(self, core: tuple[str, ...]) -> tuple[str, ...]:
        same = self._by_surname.get(core[-1].lower().rstrip("."), ()) if core else ()
        titles = [n.title for n in same if n.core == core and n.title]
        return max(titles, key=len) if titles else ()

    def gender(self, core: tuple[str, ...]) -> str | None:
        for name in self._by_surname.get(core[-1].lower().rstrip("."), ()) if core else ():
            if name.core[-1:] == core[-1:]:
                for t in name.title:
                    if t in self.lex.female_titles or t.lower() in self.lex.female_titles:
                        return "f"
                    if t in self.lex.male_titles or t.lower() in self.lex.male_titles:
                        return "m"
        return None

    def sentence_subject(self, pos: int, gender: str | None, lo: int) -> _Name | None:
        """The person named first in the sentence holding `pos`, if the sentence opens with them."""
        cut = max(
            self.text.rfind(". ", lo, pos), self.text.rfind("? ", lo, pos), self.text.rfind("! ", lo, pos)
        )
        start = cut + 2 if cut >= 0 else lo
        i = bisect.bisect_left(self._starts, start)
        first = self.names[i] if i < len(self.names) and self.names[i].start < pos else None
        if first is None or self.text[start : first.start].strip() or _is_org(first.core, self.lex):
            return None
        g = self.gender(self.canonical(first.core))
        if gender in ("m", "f") and g is not None and g != gender:
            return None
        if len(first.core) == 1 and len(self.canonical(first.core)) == 1 and not first.title:
            return None
        return first

    def set_off_after(self, end: int) -> _Name | None:
        """The name set off by commas right after a description ending at `end`: 'said the labour
        minister, Yolanda Díaz, after …' is Yolanda Díaz. Only a name that closes the apposition
        (comma, full stop, bracket, line end), so that a list or a clause is not read as one."""
        m = _SET_OFF.match(self.text, end, end + 4)
        if m is None:
            return None
        i = bisect.bisect_left(self._starts, m.end())
        if i == len(self.names) or self.names[i].start != m.end():
            return None
        name = self.names[i]
        closing = _APPOSITION_END.match(self.text, name.end, name.end + 2)
        return name if closing is not None and len(name.core) >= 2 else None

    def nearest_person_before(self, pos: int, gender: str | None, lo: int) -> _Name | None:
        first = bisect.bisect_left(self._starts, lo)
        for i in range(bisect.bisect_left(self._starts, pos) - 1, first - 1, -1):  # no copy of the list
            name = self.names[i]
            if name.end > pos:
                continue
            if _is_org(name.core, self.lex):
                continue
            g = self.gender(self.canonical(name.core))
            if gender in ("m", "f") and g is not None and g != gender:
                continue
            if len(name.core) == 1 and len(self.canonical(name.core)) == 1 and not name.title:
                continue  # a lone capitalised word is too weak to stand for a person
            return name
        return None


def resolve_speakers(
    text: str, spans: list[QuoteSpan], attributions: list[Attribution], lex: Lexicon
) -> list[Speaker]:
    names = DocumentNames(text, spans, lex)
    speakers: list[Speaker] = []
    for _, attr in zip(spans, attributions, strict=True):
        speakers.append(resolve(attr.mention, names, speakers, lex))
    return speakers


def resolve(mention: Mention | None, names: DocumentNames, earlier: list[Speaker], lex: Lexicon) -> Speaker:
    """Who `mention` names, given the speakers of the quotes before (`earlier`, for pronouns)."""
    if mention is None:
        return Speaker(None, None, None, None)
    if mention.text.lower() in lex.pronouns or mention.kind == "pronoun":  # 同氏は…と述べた: whatever
        return _resolve_pronoun(mention, names, earlier, lex)  # the rule that found it took it for
    return _resolve_named(mention, names, lex)


def _resolve_named(mention: Mention, names: DocumentNames, lex: Lexicon) -> Speaker:
    """A name or a description (not a pronoun)."""
    if lex.lang == "ko":
        return _resolve_korean(mention, names.text, lex)
    if mention.kind == "name":
        return _resolve_name(mention, names, lex)
    return _resolve_nominal(mention, names, lex)


def _resolve_name(mention: Mention, names: DocumentNames, lex: Lexicon) -> Speaker:
    if " " not in mention.text and _CJK.match(mention.text):
        return _with_full_cjk_name(_resolve_cjk_name(mention, lex), names.text, lex)
    words = [_strip_possessive(w) for w in mention.text.split()]
    title, core = split_title(words, lex)
    canonical = names.canonical(core)
    full_title = title or names.title_of(canonical)
    kind = "organization" if _is_org(canonical, lex) else "person"
    return Speaker(" ".join(canonical), " ".join(full_title) or None, kind, mention)


_CJK = re.compile(r"[\p{Han}\p{Katakana}\p{Hiragana}]")


def _resolve_cjk_name(mention: Mention, lex: Lexicon) -> Speaker:
    """高市早苗首相 -> 高市早苗 with the title 首相; 外務省 is an organisation."""
    text = mention.text
    if any(text.endswith(n) for n in lex.org_nouns):
        return Speaker(text, None, "organization", mention)
    title = max((t for t in lex.titles if text.endswith(t) and len(t) < len(text)), key=len, default="")
    core = text[: len(text) - len(title)] if title else text
    before = max(((text.rfind(t) + len(t), t) for t in lex.titles if t in text[:-1]), default=(0, ""))
    if not title and before[1] and 2 <= len(text) - before[0] <= 4:  # Chinese: 国务院总理李强
        return Speaker(text[before[0] :], text[: before[0]], "person", mention)
    if title and lex.lang == "ja" and 0 < (end := japanese_name_end(text)) < len(core):
        return Speaker(text[:end], text[end:], "person", mention)  # 片山善博 + 総務大臣, not 片山善博総務
    if title in lex.honorifics and len(core) <= 5:
        return Speaker(core, title, "person", mention)  # 林氏: the tagger may not know a one-kanji surname
    named = (
        _KATAKANA.fullmatch(core)
        or (lex.lang == "ja" and japanese_name(core))
        or (lex.lang == "zh" and 2 <= len(core) <= 4 and leading_person(core) is not None)
    )
    if title and not named:
        return Speaker(text, None, "person", mention)  # 国土交通相, 外務大臣, 国防部长: a post, no name in it
    return Speaker(core, title or None, "person", mention)


_KATAKANA = re.compile(r"[\p{Katakana}ー・]+")


def _with_full_cjk_name(speaker: Speaker, text: str, lex: Lexicon) -> Speaker:
    """茂木氏 in a page that wrote 茂木敏充幹事長 before: the person is 茂木敏充; 李总理 after
    国务院总理李强 is 李强."""
    core = speaker.name
    if lex.lang == "zh" and speaker.type == "person" and core and len(core) >= 2 and core[1:] in lex.titles:
        full = _full_chinese_name(text, core[0], core[1:])  # 李总理: a surname and a title
        return Speaker(full, core[1:], "person", speaker.mention) if full else speaker
    if lex.lang != "ja" or speaker.type != "person" or not core or len(core) > 3:
        return speaker
    read = japanese_name(core)
    if read is not None and read.given is not None:
        return speaker
    found = _full_japanese_name(text, core, lex)
    if found is None:
        return speaker
    full, title = found
    keep = speaker.title and speaker.title not in lex.honorifics  # 茂木幹事長 keeps its own title
    return Speaker(full, speaker.title if keep else title or speaker.title, "person", speaker.mention)


@lru_cache(maxsize=256)
def _full_chinese_name(text: str, surname: str, title: str) -> str | None:
    """The name the page writes after this title with this surname: 李总理 after 总理李强."""
    for m in re.finditer(re.escape(title), text):
        name = leading_person(text[m.end() : m.end() + 6])
        if name is not None and name.startswith(surname) and 2 <= len(name) <= 4:
            return name
    return None


@lru_cache(maxsize=256)
def _full_japanese_name(text: str, surname: str, lex: Lexicon) -> tuple[str, str | None] | None:
    """(surname + given name, the title written after it) where the page first writes it in
    full (a str caches its hash, so a long page is hashed once for all its speakers)."""
    for m in re.finditer(rf"{re.escape(surname)}[\p{{Han}}\p{{Hiragana}}\p{{Katakana}}]{{1,8}}", text):
        end = japanese_name_end(m.group())
        if end > len(surname):
            rest = m.group()[end:]
            title = max((t for t in lex.titles if rest.startswith(t)), key=len, default=None)
            return m.group()[:end], title
    return None


_KOREAN_ASIDE = re.compile(r"\s*\([^()]*\)")


def _korean_described(mention: Mention, noun: str, text: str, lex: Lexicon) -> Speaker:
    """'산업통상자원부 관계자는 …. 이 관계자는 …': 'this official' is the last one described before."""
    before = re.compile(rf"(?<![\uac00-\ud7a3])([\uac00-\ud7a3A-Za-z]+)\s+{re.escape(noun)}")
    described = [
        m.group() for m in before.finditer(text, 0, mention.start) if m.group(1) not in lex.demonstratives
    ]
    return Speaker(described[-1] if described else noun, None, "person", mention)


def _korean_name_word(word: str, lex: Lexicon) -> bool:
    return (
        bool(HANGUL_NAME.fullmatch(word))
        and not lex.is_title(word)
        and not any(word.endswith(o) for o in lex.org_nouns)
    )


def _resolve_korean(mention: Mention, text: str, lex: Lexicon) -> Speaker:
    """고민정 청와대 대변인 -> 고민정 (title 청와대 대변인); 고 대변인 and 대변인 alone -> the person the
    article named with that surname and title before; 청와대, 외교부 are organisations."""
    words = _KOREAN_ASIDE.sub("", mention.text).split()  # 김모(35)씨: the age is no part of the name
    if len(words) == 1 and any(words[0].endswith(n) for n in lex.org_nouns) and not lex.is_title(words[0]):
        return Speaker(words[0], None, "organization", mention)
    if len(words) == 2 and words[0] in lex.demonstratives and words[1] in lex.person_nouns:
        return _korean_described(mention, words[1], text, lex)  # 이 관계자: the official named before
    honorific = next((h for h in lex.honorifics if len(words) == 1 and words[0].endswith(h)), None)
    if honorific and HANGUL_NAME.fullmatch(words[0][: -len(honorific)]):
        return Speaker(words[0][: -len(honorific)], honorific, "person", mention)  # 김모씨, 최씨
    affiliated = words[0] in lex.places or any(words[0].endswith(n) for n in lex.org_nouns)
    first = 1 if affiliated else 0  # 미국 바이든 대통령: the country is the title's, not the name's
    if len(words) >= first + 2 and _korean_name_word(words[first], lex):
        # 기시다 후미오 총리: a foreign name is two words before the title
        n = (
            2
            if len(words) >= first + 3
            and _korean_name_word(words[first + 1], lex)
            and lex.is_title(words[first + 2])
            else 1
        )
        title = " ".join([*words[:first], *words[first + n :]])
        return Speaker(" ".join(words[first : first + n]), title, "person", mention)
    title = words[-1]
    if not lex.is_title(title):
        return Speaker(mention.text, None, "person", mention)
    surname = words[0] if len(words) >= 2 and len(words[0]) == 1 else ""
    named = (  # a lookahead, so that "라고 정의용 외교부 장관" is also read from 정의용
        rf"(?<![\uac00-\ud7a3])(?=([\uac00-\ud7a3]{{2,4}})(?:\s+[\uac00-\ud7a3]+){{0,2}}\s+{re.escape(title)})"
    )
    earlier = [
        m.group(1)
        for m in re.compile(named).finditer(text, 0, mention.start)
        if m.group(1).startswith(surname)
        and not lex.is_title(m.group(1))
        and not any(m.group(1).endswith(o) for o in lex.org_nouns)  # 청와대 대변인: a body, not a name
    ]
    if earlier:  # the nearest such person before
        return Speaker(earlier[-1], " ".join(words[1:]) if surname else title, "person", mention)
    return Speaker(mention.text, None, "person", mention)


def _resolve_nominal(mention: Mention, names: DocumentNames, lex: Lexicon) -> Speaker:
    words = mention.text.split()
    article, noun = split_elided(words[0], lex)
    if article is not None:  # "l'Élysée": the article and the noun are one word
        words = [article, noun, *words[1:]]
    genitives = {g.lower() for g in lex.genitive_prepositions}
    cut = next((i for i, w in enumerate(words) if i and w.lower() in genitives), len(words))
    head = words[cut - 1].lower()  # "the Ministry of Health": the ministry
    has_det = words[0].lower() in lex.determiner_set
    # "the ministry" -> "ministry", but "both sides", "two officials" keep their quantifier
    partitive = cut == 1  # "una de las afectadas", "one of the victims": the whole phrase is the person
    drop_article = has_det and words[0].lower() in lex.articles and not partitive
    body = " ".join(words[1:] if drop_article else words)
    set_off = names.set_off_after(mention.end)
    if set_off is not None:  # "la ministra de Trabajo, Yolanda Díaz,"
        canonical = names.canonical(set_off.core)
        title = " ".join(names.title_of(canonical)) or body
        return Speaker(" ".join(canonical), title, _kind(canonical, lex), mention)
    if lex.capitalized_nouns:
        named = _trailing_name(words[1:] if has_det else words, lex)
        if named is not None:  # "der zuständige Gewerkschaftsvorstand Uwe Foullong"
            role, name = named
            canonical = names.canonical(name)
            return Speaker(" ".join(canonical), role, _kind(canonical, lex), mention)
    if any(head.rstrip("s") == n or head == n for n in lex.org_nouns):
        specific = cut < len(words) or head in {
            d.lower() for d in lex.document_nouns
        }  # "a statement": which?
        described = body if specific else _fullest_description(names.text[: mention.end], head, body, lex)
        return Speaker(described, None, "organization", mention)
    person = _person_described(mention, names, lex) or _previous_subject(mention, head, names, lex)
    if person is not None:  # "the Japanese leader" -> Sanae Takaichi
        canonical = names.canonical(person.core)
        return Speaker(" ".join(canonical), " ".join(names.title_of(canonical)) or None, "person", mention)
    return Speaker(body, None, "person", mention)


def _previous_subject(mention: Mention, head: str, names: DocumentNames, lex: Lexicon) -> _Name | None:
    """'Carlos Mazón compareció ayer ante los medios. El presidente valenciano reconoció …': a
    definite title that opens its sentence, right after a sentence that opens with a person, is
    that person."""
    first = mention.text.split()[0].lower()
    if lex.capitalized_nouns or first not in lex.definite_articles or not lex.is_title(head):
        return None  # "Ein Sprecher" is somebody new; German capitals are not names
    text = names.text
    lo = _paragraph_start(text, max(0, _paragraph_start(text, mention.start) - 1))
    cut = max(text.rfind(". ", lo, mention.start), text.rfind(".\n", lo, mention.start))
    if cut < 0 or text[cut + 2 : mention.start].strip():
        return None  # the description does not open its sentence
    return names.sentence_subject(cut, None, lo)


def _kind(core: tuple[str, ...], lex: Lexicon) -> str:
    return "organization" if _is_org(core, lex) else "person"


def _trailing_name(words: list[str], lex: Lexicon) -> tuple[str, tuple[str, ...]] | None:
    """German descriptions end in the name they describe: role noun, then capitalised name words."""
    nouns = [i for i, w in enumerate(words) if w[:1].isupper()]
    if len(nouns) < 2 or any(w.lower() in {"des", "der", "von", "vom"} for w in words[nouns[0] :]):
        return None
    role, name = words[nouns[0]], tuple(words[nouns[0] + 1 :])
    if not name or not all(w[:1].isupper() for w in name):
        return None
    return role, name


def _fullest_description(text: str, head: str, body: str, lex: Lexicon) -> str:
    """The fullest description of the same body in the text before it: "the ministry" -> "Japanese
    foreign ministry"."""
    dets = lex.alternation(lex.determiners) or "(?!)"
    fullest = body
    for m in re.finditer(rf"(?i:\b(?:{dets}))\s+((?:[\p{{L}}\-]+\s+){{0,4}}{re.escape(head)})\b", text):
        candidate = m.group(1)
        modifiers = candidate.split()[:-1]
        if len(candidate) > len(fullest) and all(_modifier(w, lex) for w in modifiers):
            fullest = candidate
    return fullest


_ADJECTIVE = re.compile(r"(?:al|ic|ive|ous|ese|an|ish|ary|ent|ant|ern|ior|ist)$")


def _modifier(word: str, lex: Lexicon) -> bool:
    """Words that can stand before the noun of a description: 'Japanese', 'foreign', 'federal'
    ('officers support Trump's campaign' is a clause, not a description)."""
    low = word.lower()
    if low in lex.prepositions or low in {"and", "und", "et", "y", "or"}:
        return False
    return word[:1].isupper() or low in lex.name_titles or bool(_ADJECTIVE.search(low))


def split_elided(word: str, lex: Lexicon) -> tuple[str | None, str]:
    """("l’", "avocate") for "l’avocate"; (None, word) for a word with no elided article."""
    elided = next((d for d in lex.determiners if d[-1:] in "'’" and word.lower().startswith(d)), None)
    return (word[: len(elided)], word[len(elided) :]) if elided else (None, word)


def _article_noun(first: str, second: str, lex: Lexicon) -> str | None:
    """The lower-case noun of a description that opens with an article: 'l’avocate' (elided),
    'the lawyer' (the word after the article); None when it opens otherwise."""
    article, noun = split_elided(first, lex)
    if article is None:
        if first.lower() not in lex.articles:
            return None
        noun = second
    return noun.lower() if noun[:1].islower() else None


_CLAUSE_ON = re.compile(r"[^,.;:!?\n]*,\s*(\S+)")  # the word after the description's comma
_APPOSITIVE = re.compile(r",\s+(\S+)(?:\s+(\S+))?")
_SET_OFF = re.compile(r", +")
_APPOSITION_END = re.compile(r"\s*(?:[,.;:)\n]|$)")


def _person_described(mention: Mention, names: DocumentNames, lex: Lexicon) -> _Name | None:
    """The nearest person before `mention` whose title the description echoes, or who was
    described so in apposition ("Selma Benkhelifa, l’avocate …" … "selon l’avocate")."""
    words = {w.lower() for w in mention.text.split()[1:]} - lex.lower_words
    head = split_elided(mention.text.split()[-1], lex)[1].lower()
    for name in reversed(names.names):
        if name.end > mention.start or _is_org(name.core, lex):
            continue
        if head in names.roles.get(name.core[-1].lower().rstrip("."), ()):
            return name
        title = {t.lower().strip(".") for t in names.title_of(names.canonical(name.core))}
        if not title:
            continue
        if head in title or (head in lex.leader_nouns and title & lex.leader_titles):
            return name
        if words & title and head in lex.leader_nouns | lex.leader_titles | set(lex.person_nouns):
            return name
    return None


PARAGRAPH_WINDOW = 3000  # characters a pronoun's paragraph is read back: an endless line is read in part


def _paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph holding `pos` starts, looked for at most PARAGRAPH_WINDOW back, so that
    resolving each pronoun of a one-line page does not read the page again."""
    lo = max(0, pos - PARAGRAPH_WINDOW)
    return max(lo, text.rfind("\n", lo, pos) + 1)


PRIOR_SPEAKERS = 64  # the latest speakers a pronoun with no person in its paragraph may stand for


def _resolve_pronoun(mention: Mention, names: DocumentNames, earlier: list[Speaker], lex: Lexicon) -> Speaker:
    gender = lex.pronouns.get(mention.text.lower())
    if gender == "n" or mention.text.lower() in lex.group_pronouns:
        return _resolve_organization(mention, names, earlier, lex, groups_only=gender != "n")
    if gender not in ("m", "f", "x"):
        return Speaker(None, None, None, mention)  # they / we / I: no single person
    para_start = _paragraph_start(names.text, mention.start)
    subject = names.sentence_subject(mention.start, gender, para_start)
    if subject is not None:  # "Clinton says she appreciated Machado’s courage": she is the subject
        canonical = names.canonical(subject.core)
        return Speaker(" ".join(canonical), " ".join(names.title_of(canonical)) or None, "person", mention)
    local = names.nearest_person_before(mention.start, gender, para_start)
    if local is not None:
        canonical = names.canonical(local.core)
        return Speaker(" ".join(canonical), " ".join(names.title_of(canonical)) or None, "person", mention)
    for prior in reversed(earlier[-PRIOR_SPEAKERS:]):  # bounded: a page of 10,000 "he said" stays linear
        if prior.type == "person" and prior.name and prior.mention and prior.mention.start < mention.start:
            g = names.gender(tuple(prior.name.split()))
            if g is None or gender == "x" or g == gender:
                return Speaker(prior.name, prior.title, "person", mention)
    if lex.lang in CJK_LANGS:  # no capitals to find names by: the morphological reader's
        named = person_before(names.text, mention.start, lex.lang)
        return _resolve_named(named, names, lex) if named is not None else Speaker(None, None, None, mention)
    if lex.capitalized_nouns and gender in ("m", "f"):  # German sie is die Vereinigung, er der Verband
        body = _resolve_organization(mention, names, [], lex)
        if body.name:
            return body
    found = names.nearest_person_before(mention.start, gender, 0)
    if found is None:
        return _described_person_before(mention, names, para_start, lex)
    canonical = names.canonical(found.core)
    return Speaker(" ".join(canonical), " ".join(names.title_of(canonical)) or None, "person", mention)


DESCRIPTION_WINDOW = 400  # characters read back for "The mayor was blunt. “…,” she said."


def _described_person_before(mention: Mention, names: DocumentNames, lo: int, lex: Lexicon) -> Speaker:
    """A pronoun in a page that names nobody stands for the nearest person described before it in
    its paragraph ('The mayor was blunt. “…,” she said.' is the mayor's)."""
    starts, described = _person_descriptions(names.text, lex)
    k = bisect.bisect_left(starts, mention.start) - 1
    while k >= 0 and described[k].end > mention.start:
        k -= 1
    if k < 0 or described[k].start < max(lo, mention.start - DESCRIPTION_WINDOW):
        return Speaker(None, None, None, mention)
    person = _resolve_nominal(described[k], names, lex)
    if person.type != "person":
        return Speaker(None, None, None, mention)
    return Speaker(person.name, person.title, "person", mention)


@lru_cache(maxsize=8)
def _person_descriptions(text: str, lex: Lexicon) -> tuple[list[int], list[Mention]]:
    """Every description of a person in the document (a person noun or a title at its head), in
    order: read once for all its pronouns."""
    nouns = {n.lower().rstrip("s") for n in (*lex.person_nouns, *lex.titles)}
    found = []
    for m in mention_re(lex).finditer(text):
        mention = mention_in(m, 0, lex) if m.group("nom") else None
        if mention is not None and mention.text.split()[-1].lower().rstrip("s") in nouns:
            found.append(mention)
    return [d.start for d in found], found


def _resolve_organization(
    mention: Mention, names: DocumentNames, earlier: list[Speaker], lex: Lexicon, *, groups_only: bool = False
) -> Speaker:
    """'it said' stands for an organisation or a document: the one opening the sentence, else the
    last organisation quoted nearby, else the nearest one named in the paragraph or the one before."""
    text = names.text
    para_start = _paragraph_start(text, mention.start)
    prev_para = _paragraph_start(text, max(0, para_start - 1))
    found = [
        m
        for m in _organizations(text, prev_para, mention.start, names, lex)
        if not (groups_only and m.kind == "name")  # 'they' is rarely a country: "They agreed …"
        and not text.startswith(("’", "'"), m.end)  # "the United States’ anniversary" names no speaker
    ]
    cut = max(text.rfind(". ", para_start, mention.start), para_start - 2)
    opening = [m for m in found if m.start >= cut + 2 and not text[cut + 2 : m.start].strip(" ,;:—-")]
    if opening:
        return _resolve_found(opening[0], mention, names, lex)
    for prior in reversed(earlier):
        if prior.mention is not None and prior.mention.start < prev_para:
            break
        if prior.type == "organization" and prior.name:
            return Speaker(prior.name, prior.title, "organization", mention)
    if found:
        return _resolve_found(found[-1], mention, names, lex)
    return Speaker(None, None, None, mention)


def _resolve_found(found: Mention, pronoun: Mention, names: DocumentNames, lex: Lexicon) -> Speaker:
    speaker = (
        _resolve_name(found, names, lex) if found.kind == "name" else _resolve_nominal(found, names, lex)
    )
    return Speaker(speaker.name, speaker.title, speaker.type or "organization", pronoun)


def _organizations(text: str, lo: int, hi: int, names: DocumentNames, lex: Lexicon) -> list[Mention]:
    """Organisations and documents named in text[lo:hi], in text order."""
    out = [
        Mention(" ".join(n.core), n.start, n.end, "name")
        for n in names.names
        if lo <= n.start and n.end <= hi and _is_org(n.core, lex)
    ]
    nouns = lex.alternation(lex.org_nouns + tuple(n for n in lex.person_nouns if n.endswith("s")))
    if nouns:
        articles = "the|its|this" + (
            f"|{lex.alternation(tuple(lex.articles))}" if lex.capitalized_nouns else ""
        )
        owner = rf"(?:(?i:{articles})|\p{{Lu}}[\p{{L}}\-]*(?:’s|'s))"  # "the ministry", "die Vereinigung"
        for m in re.finditer(rf"\b{owner}\s+(?:[\p{{L}}\-]+\s+){{0,2}}?(?i:{nouns})\b", text[lo:hi]):
            out.append(Mention(m.group(), lo + m.start(), lo + m.end(), "nominal"))
    return sorted(out, key=lambda m: m.start)
