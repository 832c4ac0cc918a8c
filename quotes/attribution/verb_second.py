"""Clause structure for verb-second languages (German): which constituent stands before the
finite verb, where a clause opens, and which nouns name someone who can speak."""

from __future__ import annotations

from quotes.attribution.context import Attribution, Context, by_rest, result
from quotes.attribution.text_index import mid_sentence
from quotes.cues import Mention, mention_in
from quotes.lexicon import Lexicon
from quotes.sentences import sentence_start


def subject_case(mention: Mention, lex: Lexicon, *, initial: bool = False) -> bool:
    """After a verb-second verb, only a pronoun, a name or a nominative article is the subject;
    opening the clause (`initial`), any article but an oblique one."""
    words = mention.text.split()
    if mention.kind != "nominal":
        return True
    det = words[0].lower()
    feminine = words[-1].lower().endswith(lex.feminine_suffixes) if lex.feminine_suffixes else False
    if feminine and det == "der":
        return False  # "der Bundesregierung": dative
    return det not in lex.oblique_determiners if initial else det in lex.subject_determiners


def clause_opens(ctx: Context, pos: int) -> bool:
    """Does a clause open at `pos`: the sentence start, a comma, a colon or a conjunction?"""
    head = ctx.text[sentence_start(ctx.text, ctx.para, pos) : pos].rstrip()
    words = head.split()
    return (
        not head or head.endswith((",", ":", ";", "(", "–", "-")) or words[-1].lower() in ctx.lex.clause_words
    )


def subject_before_verb(ctx: Context, verb_at: int) -> bool:
    """In a verb-second clause, does the subject fill the slot before the verb (or is the verb
    the second of two sharing one subject: '… nicht und nannte sie')?"""
    head = ctx.text[sentence_start(ctx.text, ctx.para, verb_at) : verb_at]
    words = [w.strip(",").lower() for w in head.split()]
    if words and words[-1] in ctx.lex.clause_words:
        return True
    if words and words[0] in ctx.lex.clause_words:
        return False  # 'Nachdem er gefragt wurde, entgegnete Suttner': a clause fills the slot
    m = ctx.pat.clause_subject.match(head + " x")
    mention = mention_in(m, 0, ctx.lex) if m else None
    if mention is None or head[: mention.start].strip() or not subject_case(mention, ctx.lex, initial=True):
        return False
    return not any(w in ctx.lex.verb_set or w in ctx.lex.clause_words for w in words[1:])


def speaker_noun(word: str, lex: Lexicon) -> bool:
    """Nouns for people and bodies that speak: 'Informationsminister', 'Gewerkschaft', 'Veranstalter'."""
    low = word.lower()
    acronym = len(word) > 1 and word.isupper()  # "Die SPD", "Die CCE"
    return acronym or lex.is_title(low) or low.endswith(lex.speaker_nouns)  # endswith covers equality


def named_elsewhere(text: str, mention: Mention) -> bool:
    """Does the mention's text also stand mid-sentence, where a capital marks a name?"""
    return mid_sentence(text, mention.text)


def subordinate(ctx: Context) -> Attribution | None:
    """'…, indem sie den Aufsichtsrat zum Handeln aufforderte: „…“': a verb-final clause, subject first."""
    if not ctx.lex.verb_second:
        return None
    m = ctx.pat.subordinate.search(ctx.before)
    mention = mention_in(m, ctx.before_start, ctx.lex) if m else None
    if mention is None or not subject_case(mention, ctx.lex, initial=True):
        return None
    return result(ctx, mention, m.group("cue"), by_rest(ctx.before[m.end("cue") :]))
