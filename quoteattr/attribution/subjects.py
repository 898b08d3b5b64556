"""Who speaks: the subject of a cue in the parse.

:func:`cue_subject` is the one walker of both stages: the cue's subject, a passive's agent,
the owner of a cue noun, the subject of the verb a participle hangs on, the noun a relative
clause modifies, the speaker after an inverted "…, said X".
"""

from __future__ import annotations

from typing import Any, Callable

from ..lexicon.clause_words import role_words
from ..lexicon.cues import INNER_CLASSES, guessed_cue, lookup, word_cue
from ..parsing.tree import Tree
from ..lexicon.marks import APOSTROPHES, POSSESSIVE_ENDINGS, closing_marks, opening_marks, quote_marks
from ..lexicon.people import countries, document_words, pronouns, quantity_words, roles, time_words, \
    title_modifiers
from ._clauses import FINITE_TAGS, PASSIVE_SUBJECTS, SET_OFF, SUBJECTS, TENSED_TAGS, comma_before, dateline_end, has_role, \
    hearer_verb, reduced_clause, reports_own_clause, time_word, verb_read_as_noun

__all__ = ["after_speaker", "agent_of", "cue_subject", "inverted", "inverted_noun", "is_agent", "participle",
           "participle_holder", "raising_speaker"]

#: Whether a word may be taken as a speaker at all (see :func:`cue_subject`).
_Keep = Callable[[Any], bool]


def inverted_noun(sentence: Any, word: Any) -> bool:
    """Whether noun-tagged ``word`` ends a phrase that opens right after a closing quotation mark
    set off by a comma, with nothing after it but adverbs and punctuation: the verb of an
    attribution after its quotation, tagged as the phrase's head ('"…," the statement [read].',
    '"…," the suit [reads].', '"…," the editorial(ADJ) [read].')."""
    words = sentence.words
    deps = [c for c in words if c.head == word.id and c.upos != "PUNCT"]
    if word.upos not in ("NOUN", "PROPN") or any(c.id > word.id and c.upos != "ADV" for c in deps):
        return False
    start = min([word.id] + [c.id for c in deps])
    if start < 3 or not any(c.deprel in ("compound", "amod") and c.upos in ("NOUN", "PROPN", "ADJ") for c in deps):
        return False
    mark, comma = words[start - 2], words[start - 3]
    end = max([word.id] + [c.id for c in deps])
    nxt = words[end] if end < len(words) else None
    return mark.text in closing_marks() and comma.text in (",", "?", "!") and (nxt is None or nxt.upos == "PUNCT")


def _capitalised_modifier(s: Tree, c: Any) -> bool:
    """Whether ``c`` is a capitalised word opening its sentence that the tagger made an adjective
    ("[Trump](ADJ) last week invited Y"): a name, unless it names a nationality."""
    return c.id == 1 and c.upos == "ADJ" and (c.text or "")[:1].isupper() and (c.text or "").lower() not in countries()


def _glued_possessive(w: Any) -> bool:
    """Whether ``w`` is a capitalised name with its possessive ending glued on ("Graham's",
    "Sanders’") that the parser took for a modifier of the noun after it."""
    text = w.text or ""
    return text[:1].isupper() and (text.endswith(POSSESSIVE_ENDINGS) and len(text) > 2 or text.endswith(APOSTROPHES) and len(text) > 1)


def _glued_noun_possessive(w: Any) -> bool:
    """Whether ``w`` is a common noun with its possessive ending glued on ("the front-runner's
    attacks on Y", with "runner's" a compound of "attacks"), not a time ("last year's claims")."""
    text = w.text or ""
    return w.upos == "NOUN" and text.endswith(POSSESSIVE_ENDINGS) and len(text) > 3 \
        and text[:-2].lower() not in time_words() and not has_role(w, "time")


def _can_speak(s: Tree, w: Any) -> bool:
    """Whether word ``w`` can head a speaker noun phrase (not a misparsed "on Sunday", "in a turn")."""
    if w.upos not in ("NOUN", "PROPN", "PRON", "NUM", "X", "SYM") and not has_role(w, "quantifier") \
            and not (w.upos == "ADJ" and w.deprel.startswith("nsubj")):  # "[the official] suggested"
        return False
    if _connective(s, w):
        return False
    cases = s.children(w.id, "case")
    if cases and not any(c.text.lower() in POSSESSIVE_ENDINGS for c in cases) and not (
            w.deprel.startswith("nsubj") and all(has_role(c, "adverbial") or has_role(c, "subject-case")
                                                 for c in cases)):
        return False  # "on Sunday"; but "shortly [after] Trump said", "[about] 9 percent said" are subjects
    return not has_role(w, "time")


def _connective(s: Tree, w: Any) -> bool:
    """Whether ``w`` is a connective opening its sentence that the parser made a noun ("[Rather],
    sources say S", "[Besides] attacking Y, X asserted S"; ``connective`` in ``clause_words.tsv``):
    set off by a comma, leading a participle or an inverted auxiliary ("[Nor] did they say S"), never a
    speaker ("Rather said" may be Dan Rather)."""
    if not has_role(w, "connective") or any(s.word(x).upos != "PUNCT" for x in range(1, w.id)):
        return False
    nxt = s.word(w.id + 1) if w.id < len(s.words) else None
    return nxt is not None and (nxt.text == "," or nxt.xpos == "VBG" or nxt.upos == "AUX")


def _timely(w: Any) -> bool:
    """Whether ``w`` is a time word ("Sunday", "month"; a lower-case "fall", "weeks"), never a
    speaker; a capitalised word of ``time_words.tsv`` may be a name ("Summer Lee")."""
    return has_role(w, "time") or (time_word(w) and not w.text[:1].isupper())


def _copular(s: Tree, w: Any) -> bool:
    """Whether ``w`` is a predicate with a copula ("it is clear that S")."""
    return bool(s.children(w.id, "cop")) or w.upos == "ADJ"


def _has_read_as_is(s: Tree, w: Any) -> bool:
    """Whether the passive auxiliary of cue ``w`` is a clitic "'s" that stands for "has" ("who's
    [argued] for years that S", "he's [said] S"): a perfect the parser read as a passive, as the
    cue's own complement clause or its subject shows (a passive cue has no clause of its own)."""
    aux = s.children(w.id, "aux:pass")
    if not aux or any(a.text not in POSSESSIVE_ENDINGS for a in aux) or word_cue(w) is None:
        return False
    if any(has_role(x, "expletive") for x in s.children(w.id, "nsubj:pass")):
        return False  # "it's said that S": a true passive
    return bool(s.children(w.id, "ccomp", "advcl", "obj"))


def _for_subject(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The subject of to-infinitive cue ``w`` given by "for" right before it, whatever the parser
    hung it on: "it is common for [news outlets] to portray X as Y", "an opening for [Lee] to
    highlight Y"."""
    marks = [m for m in s.children(w.id, "mark") if has_role(m, "infinitive")]
    if not marks or marks[0].id < 3:
        return None
    x = s.word(marks[0].id - 1)
    if x.upos not in ("NOUN", "PROPN", "PRON") or not keep(x) or _timely(x):
        return None
    first = s.word(min(s.ids(x.id, skip=("acl", "relcl", "appos", "conj"))))
    return x if first.deprel == "case" and has_role(first, "infinitive-subject") and first.head == x.id else None


def _number(w: Any) -> str | None:
    """``"sg"`` or ``"pl"`` for a pronoun of ``pronouns.tsv`` or a noun stanza marked singular or
    plural, else ``None``."""
    p = pronouns().get((w.text or "").lower()) if w.upos == "PRON" else None
    if p is not None:
        return p.number
    feats = dict(f.split("=", 1) for f in (w.feats or "").split("|") if "=" in f)
    return {"Sing": "sg", "Plur": "pl"}.get(feats.get("Number", ""))


def _binding_subject(s: Tree, w: Any, pron: Any, keep: _Keep) -> Any | None:
    """The subject that binds cue noun ``w``'s possessive pronoun ``pron``, or ``None``.

    "He stepped up his attacks on Y", "the party was unsparing in its criticism of Y":
    the pronoun owner is the subject of the verb (or predicate adjective) that governs
    the cue noun when the two agree in number (and, for a pronoun subject, in gender);
    that subject is the nearer, fuller mention of the speaker.
    """
    if pron.upos != "PRON" or not w.head or not (w.deprel == "obj" or w.deprel.startswith("obl")):
        return None
    head = s.word(w.head)
    if head.upos not in ("VERB", "ADJ"):
        return None
    subjects = s.children(head.id, "nsubj")
    if not subjects or subjects[0].id > pron.id:
        return None
    x = subjects[0]
    if x.upos not in ("NOUN", "PROPN", "PRON") or not keep(x) or has_role(x, "relative") or has_role(x, "expletive"):
        return None
    if None not in (_number(pron), _number(x)) and _number(pron) != _number(x):
        return None
    if x.upos == "PRON":  # gender from pronouns.tsv: "she … his attacks" is someone else's
        a, b = pronouns().get((pron.text or "").lower()), pronouns().get((x.text or "").lower())
        if a is None or b is None or a.gender != b.gender:
            return None
    return x


def _walk(s: Tree, w: Any, keep: _Keep, depth: int = 0) -> Any | None:
    """The head word of the noun phrase that utters cue ``w`` (``None`` if unknown)."""
    if depth == 0 and not s.children(w.id, *SUBJECTS):
        found = _for_subject(s, w, keep)
        if found is not None:
            return found
    if (w.upos in ("NOUN", "PROPN") or w.xpos in (*TENSED_TAGS, "VB") and w.deprel == "conj") and depth == 0:
        found = _name_the_cue_noun_joins(s, w, keep)
        if found is not None:
            return found
    if w.upos in ("NOUN", "PROPN"):  # "the minister's claim that S", "a claim by the minister that S"
        poss = [c for c in s.children(w.id, "nmod:poss") if not has_role(c, "expletive")]
        if poss:
            return _binding_subject(s, w, poss[0], keep) or poss[0]
        by = [c for c in s.children(w.id, "nmod") if any(has_role(k, "agent") or has_role(k, "source")
                                                         for k in s.children(c.id, "case"))]
        if by:
            return by[0]
        # "the Trump claim that S", "a White House statement"
        named = [c for c in s.children(w.id, "compound") if c.upos == "PROPN" and c.id < w.id]
        if named:
            return named[0]
        glued = [c for c in s.children(w.id, "compound", "amod") if c.id < w.id and _glued_possessive(c)
                 or c.deprel == "compound" and c.id < w.id and _glued_noun_possessive(c) and keep(c)]
        if glued:  # "Graham's(compound) endorsement of X", "Sanders’(amod) decision to V"
            return glued[0]
        if not s.children(w.id, "det", "nmod:poss"):  # "Clinton(ADJ) plans(NOUN) to V": a verb read as a noun
            named = [c for c in s.children(w.id, "amod") if c.id == w.id - 1 and _capitalised_modifier(s, c) and keep(c)]
            if named:
                return named[0]
        if s.children(w.id, "cop"):  # "[X's] biggest takeaway is a belief that S": the subject's owner
            owners = [p for x in s.children(w.id, "nsubj") for p in s.children(x.id, "nmod:poss")
                      if not has_role(p, "expletive")]
            if owners:
                return owners[0]
        if inverted_noun(s.sentence, w):  # '"…," the [statement] read(NN).': the noun before the verb
            before = [c for c in s.children(w.id, "compound", "amod") if c.upos in ("NOUN", "PROPN", "ADJ") and c.id < w.id]
            if before:
                return before[-1]
        # "X repeated accusations that S", "X issued a statement saying S", "X said in a
        # statement that S": the noun's owner is the subject of the verb that governs it
        if depth < 2 and w.head and (w.deprel == "obj" and s.word(w.head).upos == "VERB"
                                     or w.deprel.startswith("obl") and s.word(w.head).upos == "VERB"):
            return _walk(s, s.word(w.head), keep, depth + 1)
        if depth < 2 and w.head and w.deprel.startswith("conj"):
            return _walk(s, s.word(w.head), keep, depth + 1)  # "X's claims and [accusations]": X's too
        return _verb_read_as_noun(s, w, keep)
    if depth == 0 and not w.head and inverted(s, w):
        return after_speaker(s, w)  # "S, said X." with the cue made the root
    subj = [x for x in s.children(w.id, *SUBJECTS) if _can_speak(s, x) and keep(x)]
    # a participle modifying a noun ("the bill, opposed by the union") is passive too
    # but one with a subject of its own is a finite verb misread ("…, [BFMTV] reported(acl).")
    # and one with an active subject or an auxiliary is a perfect misread ("the matter that [Clinton]
    # [has] proposed(acl) Y")
    passive = bool(s.children(w.id, "aux:pass", "csubj:pass")) or (
        w.xpos == "VBN" and w.deprel == "acl" and not any(x.id < w.id for x in s.children(w.id, "nsubj:pass"))
        and not s.children(w.id, "nsubj", "aux"))
    if passive and _has_read_as_is(s, w):
        passive = False
    if not passive:  # "…, BFMTV reported." with the subject labelled passive but no auxiliary
        subj = subj or [x for x in s.children(w.id, "nsubj:pass") if _can_speak(s, x) and keep(x)]
    if w.xpos == "VBG" and not s.children(w.id, "aux") and comma_before(s, w):
        subj = [x for x in subj if x.id < w.id]  # "…, saying that [transparency] helps": the clause's own subject
    if depth == 0 and subj and not passive:
        found = _inverted_despite_subject(s, w, subj, keep)
        if found is not None:
            return found
    if subj and not passive:
        subj = _before_auxiliary(s, w, subj)
        before = [x for x in subj if x.id < w.id]
        # "Lee, who [in the past] has voiced S": a phrase with a preposition gives way to a plain subject
        before = [x for x in before if not s.children(x.id, "case")] or before
        head = _name_before_set_off(s, w, before) or min(before or subj, key=lambda x: abs(x.id - w.id))
        head = _before_floating_quantifier(s, head, before)
        head = _past_fronted(s, head)
        if head.id > w.id and not before and not hearer_verb(w):
            # '"S," said [Ann Lee](obj), [the author](nsubj) of X': the name before its description
            named = after_speaker(s, w)
            if named is not None and named.upos == "PROPN" and named.id < head.id and keep(named):
                head = named
        if head.id < w.id and depth == 0 and head.upos == "NOUN" and head.xpos == "NN" \
                and (head.lemma or "").lower() not in roles() and _set_off_cue(s, w) and not hearer_verb(w):
            # "Part of the problem, say [experts], is S": a cue set off in the middle of its clause,
            # its speaker after it; the clause's subject before it, a thing, is no speaker
            named = _speaker_set_off_after(s, w)
            if named is not None and keep(named):
                return named
        if has_role(head, "relative"):
            noun = _antecedent(s, head, w)
            issuer = _issuer(s, noun, keep, depth) if noun is not None else None
            if issuer is not None:
                return issuer
            if w.deprel.startswith("acl") and w.head:
                return s.word(w.head)
        # "it was announced", "there is": a dummy subject; but "It says S" (a report, a law) speaks
        if has_role(head, "expletive") and head.upos == "PRON" and (
            head.deprel.startswith("expl") or head.text.lower() != "it" or _copular(s, w)
        ):
            return None
        return head
    if passive:
        agent = agent_of(s, w)
        if agent is not None:
            return agent
        found = _experiencer(s, w, keep)
        if found is not None:
            return found
        if depth == 0:
            return None
    if depth > 0 and passive:
        psubj = s.children(w.id, *PASSIVE_SUBJECTS)
        if psubj and not has_role(psubj[0], "expletive"):
            return psubj[0]
    if depth == 0 and inverted(s, w):
        return after_speaker(s, w)
    if depth == 0 and not passive and any(
            has_role(x, "time") and x.id < w.id for x in s.children(w.id, *SUBJECTS)) and not hearer_verb(w):
        # '"…," Sunday said Kim.': a time word taken for the subject, the speaker after the cue
        found = after_speaker(s, w)
        if found is not None:
            return found
    if not passive:
        # "Trump earlier Tuesday said S", "A [judge](amod) last month ordered Y": the name or role
        # the parser made a modifier of the time word
        for x in s.children(w.id, *SUBJECTS):
            named = [c for c in s.children(x.id, "compound", "nmod", "flat", "amod") if has_role(x, "time")
                     and (c.upos == "PROPN" or (c.text or "").lower() in roles()
                          or _capitalised_modifier(s, c) and c.id + 1 < x.id)  # not "[Last](ADJ) week, X said"
                     and c.id < x.id
                     and not has_role(c, "time") and keep(c)]
            if named:
                return named[0]
    if not passive:
        # a name mistagged as an adverb or modifier opening the sentence: "Shelby(ADV) later said S",
        # "Trump(vocative), meanwhile, was making a pitch, refusing to concede S"
        named = [c for c in s.children(w.id, "advmod", "dep", "obl", "compound", "vocative", "discourse")
                 if c.id < w.id and c.text[:1].isupper() and c.upos in ("ADV", "X", "NOUN", "PROPN", "ADJ")
                 and not s.children(c.id, "case") and c.id == min(s.ids(c.id)) == 1
                 and not (c.xpos == "RB" and s.word(c.id + 1).text == ",")  # "Rather, S": an adverb set off
                 and not has_role(c, "time") and not _connective(s, c)]  # "Earlier Tuesday, X said S"
        if named:
            return named[-1]
    if depth == 0 and not passive:
        # mid-sentence, a lone capitalised word right before the cue is a name whatever its tag:
        # "In a statement, Husted(VERB) said S"
        prev = s.word(w.id - 1) if w.id > 1 else None
        if prev is not None and prev.xpos == "MD" and w.xpos in ("VBD", "VBZ") and prev.text[:1].isupper() \
                and prev.head == w.id:
            return prev  # "May said S": no modal comes before a finite verb, so it is a name
        prev = prev if w.id > 2 else None
        if prev is not None and prev.head == w.id and prev.text[:1].isupper() and prev.text.isalpha() \
                and prev.upos not in ("PRON", "DET", "AUX", "CCONJ", "SCONJ", "ADP") \
                and s.word(prev.id - 1).upos == "PUNCT" and (s.word(prev.id - 1).text not in quote_marks()
                                                             or _closes_quotation(s, prev.id - 1)) \
                and set(s.ids(prev.id)) == {prev.id}:
            return prev  # also right after a quotation: '"…," Zaheed(VERB) said
    if depth == 0 and not passive:
        found = _approximate_subject(s, w)
        if found is not None and keep(found):
            return found
        found = _subordinate_subject(s, w, keep)
        if found is not None:
            return found
    finite = w.xpos in TENSED_TAGS or (w.xpos == "VB" and not s.children(w.id, "mark", "aux"))
    if not passive and finite and not s.children(w.id, "expl") \
            and w.deprel.split(":")[0] in ("root", "parataxis", "conj"):
        found = _bare_subject(s, w)
        if found is not None:
            return found
    if depth == 0:
        found = _absolute_subject(s, w, keep)
        if found is not None:
            return found
    if depth >= 3 or not w.head:
        return None
    rel = w.deprel.split(":")[0]
    head = s.word(w.head)
    if not keep(head):
        # a cue hung on a word inside a quotation ('said the firm "will comply," adding, "…"'):
        # the speaker is that of the first word outside it, the one reporting the quotation
        up = head
        while up.head and not keep(up):
            up = s.word(up.head)
        return _walk(s, up, keep, depth + 1) if keep(up) else None
    if w.deprel.startswith("acl") and w.xpos == "VBG" and _timely(head) and head.head:
        # "X issued a report [this month] charging S", "[One month] after announcing S, X …": a time
        # never speaks; the participle speaks for the clause the time phrase belongs to
        return _walk(s, s.word(head.head), keep, depth + 1)
    if w.deprel.startswith("acl") and head.upos in ("NOUN", "PROPN", "PRON"):
        if word_cue(head) is not None:  # "X issued a statement saying S": the statement's owner
            return _walk(s, head, keep, depth + 1) or head
        if participle(w) and s.word(w.id - 1).text in SET_OFF and not head.deprel.startswith("nsubj"):
            # "X returned the compliment to Y, telling Reuters": a participle set off by a comma
            # speaks for the subject of the clause, not for the object it was hung on
            found = _main_subject(s, w, keep)
            if found is not None:
                return found
        if participle(w) and head.upos == "NOUN" and head.deprel.split(":")[0] == "obl" and head.head \
                and s.children(head.id, "case") and s.word(head.head).upos == "VERB" \
                and not any(has_role(c, "absolute-case") for c in s.children(head.id, "case")):
            # "X was heard on [a microphone] telling Y S", "X sent an email to [supporters] Tuesday
            # inviting them S": a participle hung on a prepositional phrase speaks for the clause
            found = _walk(s, s.word(head.head), keep, depth + 1)
            if found is not None:
                return found
        owner = _object_owner(s, head)
        if participle(w) and owner is not None and not _someone(head) and s.word(w.id - 1).text not in SET_OFF \
                and not s.children(head.id, "nmod:poss"):  # "Ann Lee's speech denouncing Y": hers
            # "X released an ad calling Y Z", "X spent much of his speech defending Y": a thing made,
            # run or spent speaks for the subject of the verb that has it
            found = _walk(s, owner, keep, depth + 1)
            if found is not None and found.id != head.id:
                return found
        found = _predicate_subject(s, w, head, keep)
        if found is not None:
            return found
        if _infinitive(s, w) and head.upos == "NOUN" and head.head \
                and (head.text or "").lower() not in roles() and (head.lemma or "").lower() not in roles():
            # "X called a meeting to discuss S", "X spoke at a gathering to discuss S": a thing's
            # purpose is that of whoever arranged or attended it, also from inside the thing's phrase
            # ("X appeared in the briefing room [this month] to discuss S")
            thing = head
            while thing.head and thing.deprel.split(":")[0] == "nmod" and s.word(thing.head).upos == "NOUN" \
                    and not (depth == 0 and s.children(head.id, "nmod:poss")):  # "Turkey's refusal to V": its owner's
                thing = s.word(thing.head)
            if thing.head and thing.deprel.split(":")[0] in ("obj", "obl") and (thing is head or
                                                                              s.word(thing.head).upos == "VERB"):
                return _walk(s, s.word(thing.head), keep, depth + 1)
        return head
    if rel in ("xcomp", "advcl") and _infinitive(s, w) and (head.lemma or "").lower() in role_words("object-control"):
        # "X prompted [NATO] to order S", "X forced [Stumpf] to admit S": the object does what follows
        objects = [o for o in s.children(head.id, "obj") if o.id < w.id and _can_speak(s, o) and keep(o)]
        if objects:
            return objects[0]
    if rel == "conj" and any(a.text not in POSSESSIVE_ENDINGS for a in s.children(head.id, "aux:pass")) \
            and not s.children(w.id, "aux:pass") and head.deprel.split(":")[0] not in ("ccomp", "acl", "xcomp", "csubj"):
        # (a passive inside a reported clause is the report's content: "tells Y that X is depleted and says S")
        # "[Officials] were upset by the levy and warned S": an active conjunct shares the
        # passive's subject, not its agent
        shared = [x for x in s.children(head.id, "nsubj:pass") if x.id < head.id and _can_speak(s, x) and keep(x)
                  and not has_role(x, "expletive") and not has_role(x, "relative")]
        if shared:
            return shared[0]
    if rel in ("xcomp", "advcl", "conj", "ccomp", "parataxis") and head.upos in ("VERB", "AUX", "ADJ", "NOUN", "ADV"):
        hung = (w.xpos == "VBG" and rel != "ccomp" and head.deprel.split(":")[0] in ("ccomp", "acl")
                or rel == "conj" and head.deprel.split(":")[0] in ("ccomp", "acl") and reports_own_clause(s, w))
        if hung and head.head and head.head < w.id:  # not a clause before its cue ('…, calling Y, she said')
            outer = s.word(head.head)
            if head.deprel.startswith("acl") and outer.deprel in ("obj", "iobj") and outer.head:
                outer = s.word(outer.head)  # "telling [a group] that S1 and says S2", the clause hung on the hearer
            if word_cue(outer) is not None and outer.upos in ("VERB", "NOUN"):
                # "X said [S], citing Y" / "X said [S] and warned that S2" with the second cue hung
                # on S: it is X who cites and warns
                return _walk(s, outer, keep, depth + 1)
        return _walk(s, head, keep, depth + 1)
    return None


def _inverted_despite_subject(s: Tree, w: Any, subj: list[Any], keep: _Keep) -> Any | None:
    """The speaker after a finite cue set off by a comma (or a comma and a closing quotation
    mark) although the parser gave the cue a subject before it, taken from the clause it reports:
    '"[Many] would call it a loss," said David Lee, an analyst', "[The contrast], said Ann Lee,
    would be clear" (a name or a role right after the cue, as :func:`after_speaker` finds it; the cue
    an ``inversion-verb`` of ``clause_words.tsv``)."""
    if w.xpos not in TENSED_TAGS or w.id < 3 or not any(x.id < w.id for x in subj) \
            or (w.lemma or "").lower() not in role_words("inversion-verb"):
        return None
    if not (s.word(w.id - 1).text == "," or _closes_quotation(s, w.id - 1)):
        return None
    found = after_speaker(s, w)
    if found is None or not keep(found) or _timely(found):
        return None
    someone = found.upos == "PROPN" or (found.text or "").lower() in roles() or (found.lemma or "").lower() in roles()
    return found if someone else None


def _predicate_subject(s: Tree, w: Any, noun: Any, keep: _Keep) -> Any | None:
    """The subject of the copular clause whose predicate noun a to-infinitive cue ``w`` hangs on,
    the one who does what it says: "[Lee] was the first senator to endorse Y", "[he] was one of
    only a dozen senators to vote for Y", "[they] will be under pressure to pledge S" (its "to"
    whatever the parser hung it on)."""
    if not (_infinitive(s, w) or w.xpos == "VB" and w.id > 1 and (s.word(w.id - 1).text or "").lower() == "to"):
        return None
    x = noun
    for _ in range(3):
        if s.children(x.id, "cop"):
            subj = [c for c in s.children(x.id, "nsubj", "nsubj:pass") if c.id < x.id and _can_speak(s, c) and keep(c)
                    and not has_role(c, "expletive")]
            return subj[0] if subj else None
        if not x.head or x.deprel.split(":")[0] not in ("nmod", "obl"):
            return None
        x = s.word(x.head)  # "one [of] the senators to vote": the predicate is "one"
    return None


def _name_the_cue_noun_joins(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The name opening the sentence that cue noun ``w`` was made a conjunct or apposition of, its
    verb read as a noun or an adjective: "Lee, meanwhile, hopes(NOUN) that S", "Lee, the governor,
    repeated(amod) accusations(conj) that S", "Then Acme, two months later, announced(amod) plans(conj)",
    "Lee, the secretary of state, voiced(conj) disapproval" (a verb made a conjunct of the name)."""
    x = w
    for _ in range(3):
        if x.deprel.split(":")[0] not in ("conj", "appos") or not x.head or x.head > x.id:
            return None
        x = s.word(x.head)
        opening = all(s.word(k).upos in ("ADV", "CCONJ", "PUNCT", "PROPN") for k in range(1, x.id))
        if x.upos != "PROPN" and not (x.upos == "NOUN" and (x.text or "")[:1].isupper() and x.id == 1):
            continue  # "Sanders(NOUN), meanwhile, hopes S": a capitalised noun opening the sentence
        if opening and not s.children(w.id, "det", "nmod:poss") and keep(x) and not _timely(x):
            return x
    return None


def _antecedent(s: Tree, rel: Any, w: Any) -> Any | None:
    """The noun that relative pronoun ``rel``, the subject of cue ``w``, stands for: the noun the
    relative clause hangs on, or the noun right before the pronoun when the parser hung the clause
    elsewhere ("a piece [that] noted S" with "noted" a conjunct)."""
    if w.deprel.startswith("acl") and w.head and s.word(w.head).upos in ("NOUN", "PROPN"):
        return s.word(w.head)
    prev = s.word(rel.id - 1) if rel.id > 1 else None
    if prev is not None and prev.text == "," and rel.id > 2:
        prev = s.word(rel.id - 2)
    return prev if prev is not None and prev.upos in ("NOUN", "PROPN") else None


def _issuer(s: Tree, noun: Any, keep: _Keep, depth: int) -> Any | None:
    """Who issued document ``noun`` (``document_words.tsv``) when it is the object of a verb of
    issuing (``issue-verb`` in ``clause_words.tsv``): "[Trump] released a video that said S", "[she]
    retweeted a message that read S", "[Ann Lee] hoisted a sign that read S"."""
    if (noun.lemma or noun.text or "").lower() not in document_words() or noun.deprel != "obj" or not noun.head:
        return None
    verb = s.word(noun.head)
    if (verb.lemma or "").lower() not in role_words("issue-verb") or depth >= 3:
        return None
    found = _walk(s, verb, keep, depth + 1)
    return found if found is not None and found.id != noun.id and keep(found) else None


def _set_off_cue(s: Tree, w: Any) -> bool:
    """Whether cue ``w`` comes right after a comma or dash, or after a quotation closed by one
    ('…, say experts, …', '"…," says Ann Lee')."""
    return w.id > 1 and (s.word(w.id - 1).text in SET_OFF or _closes_quotation(s, w.id - 1))


def _speaker_set_off_after(s: Tree, w: Any) -> Any | None:
    """The noun phrase right after cue ``w`` that is its speaker: a noun phrase with no verb in it,
    closed by a comma, a dash or the end of the sentence ('…, say [experts], is S', '…," says [Ann
    Lee].'), of a cue that reports a clause without an object ("say", not "criticized [Y]")."""
    cue = word_cue(w)
    if cue is None or "parataxis" not in cue.frames or "obj" in cue.frames:
        return None
    named = after_speaker(s, w)
    if named is None or named.id < w.id or not _can_speak(s, named) \
            or s.children(named.id, "nsubj", "nsubj:pass", "cop", "aux", "mark"):
        return None
    if not _someone(named):
        return None
    ids = s.ids(named.id)
    if any(s.word(x).upos in ("VERB", "AUX") for x in ids):
        return None
    end = max(ids)
    return named if end == len(s.words) or s.word(end + 1).upos == "PUNCT" else None


def _object_owner(s: Tree, noun: Any) -> Any | None:
    """The verb whose object ``noun`` is, directly or as the noun of an of-phrase on it ("spent
    [much] of his [speech]"), ``None`` otherwise."""
    if noun.upos != "NOUN" or not noun.head:
        return None
    if noun.deprel.split(":")[0] == "nmod" and s.word(noun.head).deprel == "obj":
        noun = s.word(noun.head)
    if noun.deprel != "obj" or not noun.head:
        return None
    verb = s.word(noun.head)
    return verb if verb.upos == "VERB" else None


def _closes_quotation(s: Tree, k: int) -> bool:
    """Whether word ``k`` is a closing quotation mark after a comma, "?" or "!" ('"…," she said')."""
    return k > 1 and s.word(k).text in closing_marks() and s.word(k - 1).text in (",", "?", "!")


def _before_auxiliary(s: Tree, verb: Any, subj: list[Any]) -> list[Any]:
    """The subjects of ``verb`` that come before its first auxiliary when some do: a second
    "subject" between the auxiliary and the verb is its object misread ("he did [it] sideways,
    acknowledging S" gives "he"); a declarative's subject comes before the auxiliary."""
    aux = [a.id for a in s.children(verb.id, "aux")]
    if not aux or len(subj) < 2:
        return subj
    first = [x for x in subj if x.id < min(aux) and x.upos in ("NOUN", "PROPN", "PRON") and _can_speak(s, x)
             and not s.children(x.id, "case") and not has_role(x, "relative") and not has_role(x, "question")]
    return first or subj


def _name_before_set_off(s: Tree, w: Any, before: list[Any]) -> Any | None:
    """The first of several subjects before cue ``w`` when it is a name or a pronoun set off by a
    comma and the others come inside the aside after it, misread as subjects, the aside closing with
    a comma right before the cue: "Ann Lee, citing [the magic] of X, said", "Lee, speaking in Akron,
    [Ohio], warned", "Lee, [a retired worker], said"; ``None`` otherwise (the nearest subject
    stands; "Lee, [aides] said, will run": a cue set off itself)."""
    if len(before) < 2 or w.id < 3:
        return None
    k = w.id - 1
    while k > 1 and s.word(k).upos == "ADV" and s.word(k).head == w.id:
        k -= 1
    first_id = min(x.id for x in before)
    set_off = all(max(s.ids(x.id)) < len(s.words) and s.word(max(s.ids(x.id)) + 1).text == ","
                  for x in before if x.id != first_id)  # "Lee, [the nominee], has been scathing"
    if not (s.word(k).text == "," or _closes_quotation(s, k) or set_off):
        return None
    first = min(before, key=lambda x: x.id)
    if first.upos not in ("PROPN", "PRON") or has_role(first, "relative") or has_role(first, "expletive") \
            or _timely(first) or not _can_speak(s, first):
        return None
    if first.upos == "PRON" and pronouns().get(first.text.lower()) is None:
        return None
    k, name = first.id, first
    while k < len(s.words) and (s.word(k + 1).upos == "PROPN" or s.word(k + 1).text == "."):
        k += 1
        if s.word(k).upos == "PROPN" and any(x.id == k for x in before):
            name = s.word(k)  # "Mr.(nsubj) Lee(nsubj), …": the name's head
    if k >= len(s.words) or s.word(k + 1).text != ",":
        return None
    return name if all(x.id <= k or x.id > k + 1 for x in before) and any(x.id > k for x in before) else None


def _before_floating_quantifier(s: Tree, head: Any, before: list[Any]) -> Any:
    """The subject before a floating quantifier the parser made a second subject ("Strategists
    for both parties [all] agree S", "Lee and Kerr [both] say S"): the quantifier stands alone
    right after that subject's phrase."""
    if head.upos != "DET" or not has_role(head, "quantifier") or s.children(head.id):
        return head
    prev = [x for x in before if x.id < head.id]
    return max(prev, key=lambda x: x.id) if prev else head


def _past_fronted(s: Tree, head: Any) -> Any:
    """The subject after a fronted word set off by a comma that the parser made the subject and
    the real subject its conjunct: "[Happily], Mr. Lee agreed", "[Back] in Ohio, Ms. Kerr said" give
    Lee and Kerr. A real coordination has a conjunction ("Lee, Kerr and Ruiz said") and stays."""
    conj = s.children(head.id, "conj")
    if len(conj) != 1 or s.word(min(x for x in s.ids(conj[0].id) if s.word(x).upos != "PUNCT") - 1).text != ",":
        return head
    if head.id > 1 and s.word(head.id - 1).upos != "PUNCT":
        return head
    if any(c.deprel not in ("conj", "punct") for c in s.children(head.id)) or s.children(conj[0].id, "cc"):
        return head
    return conj[0] if conj[0].upos in ("NOUN", "PROPN", "PRON") else head


def is_agent(s: Tree, w: Any) -> bool:
    """Whether oblique ``w`` is a by-phrase (the agent of a passive), its preposition hung on the
    head or on the first word of the phrase ("[by] former Gov. Ann Lee" with *by* on *former*)."""
    if any(has_role(c, "agent") for c in s.children(w.id, "case")):
        return True
    first = s.word(min(s.ids(w.id)))
    return first.id < w.id and first.deprel == "case" and has_role(first, "agent") and first.head != w.id


#: Relations along which a passive's by-phrase may hang below the verb ("attacked on [the
#: speeches] by X", "declared the winner in [the primaries] by X").
_AGENT_PATH = ("obl", "nmod", "obj")


def agent_of(s: Tree, w: Any) -> Any | None:
    """The agent of passive verb ``w`` (the head of its by-phrase after it), or ``None``: a by-phrase
    opening the sentence before the verb is a time or a means ("[By] the end of the day, X was
    forced to V"). A by-phrase the parser hung on a noun after the verb is the agent too, when no
    verb stands between them ("was attacked on the speeches [by] X"; not "for remarks made by X")."""
    found = next((a for a in s.children(w.id, "obl") if is_agent(s, a) and a.id > w.id), None)
    return found if found is not None else _deep_agent(s, w)


def _deep_agent(s: Tree, w: Any) -> Any | None:
    """The first by-phrase below passive verb ``w`` along ``_AGENT_PATH`` (see :func:`agent_of`)."""
    todo = [c for c in s.children(w.id, *_AGENT_PATH) if c.id > w.id]
    while todo:
        x = todo.pop(0)
        if x.deprel != "obl" or x.head != w.id:
            if x.upos in ("NOUN", "PROPN", "PRON", "NUM") and is_agent(s, x) and not _timely(x) \
                    and not any(s.word(v).upos in ("VERB", "AUX") for v in range(w.id + 1, x.id)):
                return x
        todo.extend(c for c in s.children(x.id, "nmod", "obl") if c.id > x.id)
    return None


def _bare_subject(s: Tree, w: Any) -> Any | None:
    """The noun phrase right before finite cue ``w`` that the parser hung elsewhere, when the
    cue has no subject of its own: "… with the staff of the Gazette [Lee] said S" (a
    name run into the phrase before it), "Although S1, local [leaders] from both towns say
    S2" (the subject made a conjunct). A name stays itself; a common noun climbs to the head of
    its phrase over ``of``/``from`` modifiers."""
    prev = _before_aside(s, w.id - 1)
    if prev is None or prev.upos not in ("NOUN", "PROPN", "PRON"):
        return None
    if has_role(prev, "relative") or has_role(prev, "time") or has_role(prev, "expletive"):
        return None
    head = prev
    if prev.upos == "NOUN":
        while head.head and head.deprel.split(":")[0] in ("nmod", "compound", "flat") and head.head < w.id:
            up = s.word(head.head)
            if up.upos not in ("NOUN", "PROPN"):
                break
            head = up
        return head if _can_speak(s, head) else None
    if prev.id > 1 and s.word(prev.id - 1).upos == "ADP":
        return None  # "officials in Ohio said": a place, not a speaker
    return prev


def _verb_read_as_noun(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The subject of a cue verb tagged as a noun with a clause of its own and no determiner:
    "[environmentalists] worry(NOUN) that S" (the subject made a compound), "[Mike Pence], plans(NOUN)
    to V" (the verb made an apposition of its subject)."""
    if not verb_read_as_noun(s, w):
        return None
    comp = [c for c in s.children(w.id, "compound") if c.id == w.id - 1 and c.upos in ("NOUN", "PROPN") and keep(c)]
    if comp:
        return comp[0]
    if w.deprel.split(":")[0] == "appos" and 0 < w.head < w.id and s.word(w.head).upos in ("NOUN", "PROPN") \
            and keep(s.word(w.head)):
        return s.word(w.head)
    return None


def _infinitive(s: Tree, w: Any) -> bool:
    """Whether ``w`` is a to-infinitive ("to discuss")."""
    return any(has_role(m, "infinitive") for m in s.children(w.id, "mark"))


def _experiencer(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The passive subject of a participle of thought or feeling with no agent, who is the one
    thinking or feeling: "[Protesters] were frustrated that S", "[The Times] is expected to endorse
    X", "[Democrats] are worried that S" (a cue adjective of ``cues.tsv`` or a thought or attitude
    cue); never "[He] was told that S" (the hearer) nor "[It] was believed that S"."""
    cue = word_cue(w)
    if cue is None:  # "were [incensed] that S": a feeling with its clause, not the hearer of one
        if not s.children(w.id, "ccomp") or hearer_verb(w):
            return None
    elif lookup((w.text or "").lower(), "ADJ") is None and cue.cls not in INNER_CLASSES:
        return None
    subj = [x for x in s.children(w.id, "nsubj:pass") if _can_speak(s, x) and keep(x) and not has_role(x, "expletive")]
    return subj[0] if subj else None


def _approximate_subject(s: Tree, w: Any) -> Any | None:
    """The subject of a cue that has none by the parse, read as a prepositional phrase before it:
    "[As Politico] reported, S", "[about half] of voters said S", "[About 4] in 10 say S", "[At
    least half] of voters say S" (the ``subject-case`` words of ``data/clause_words.tsv``), or a
    subordinate clause's subject taken for the object of its conjunction ("after [Lee] said S").""" 
    for c in s.children(w.id, "obl"):
        cases = s.children(c.id, "case")
        if c.id > w.id or not cases or c.upos not in ("NUM", "NOUN", "PROPN") or has_role(c, "time"):
            continue
        if all(has_role(x, "subject-case") for x in cases) and (c.upos != "PROPN" or has_role(cases[0], "subject-case")):
            return c
        if [x.text.lower() for x in cases] == ["at"] and any(
                x.text.lower() in quantity_words() for x in s.children(c.id, "amod", "advmod")):
            return c
        if all(has_role(x, "subordinator") for x in cases) and c.upos != "NUM" and _right_before(s, c, w):
            return c  # "after [Hewitt](obl) suggested S", "as [polls](obl) show S": the clause's subject
    return None


def _subordinate_subject(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The subject of finite cue ``w`` opening a subordinate clause that the parser broke up: the
    noun phrase right before the cue read as the object of its conjunction, hung elsewhere, and the
    cue made a conjunct of the main clause ("X comes days [after] [Trump] told Y S", "even [as]
    [advocates] called for Y", "[after] [some] of her followers attacked Y"; the ``subordinator``
    words of ``clause_words.tsv``). Its own obliques are :func:`_approximate_subject`'s."""
    if w.xpos not in TENSED_TAGS or s.children(w.id, *SUBJECTS, *PASSIVE_SUBJECTS, "expl"):
        return None
    for c in s.words:
        if c.id >= w.id or c.head == w.id or not (c.upos in ("NOUN", "PROPN", "PRON") or has_role(c, "quantifier")):
            continue
        cases = s.children(c.id, "case")
        if cases and all(has_role(x, "subordinator") for x in cases) and _right_before(s, c, w) \
                and keep(c) and not _timely(c):
            return c
    return None


def _right_before(s: Tree, c: Any, w: Any) -> bool:
    """Whether the phrase of ``c`` ends right before verb ``w``, with at most auxiliaries and adverbs
    between them."""
    end = max(k for k in s.ids(c.id, skip=("acl", "appos", "conj")) if s.word(k).upos != "PUNCT")
    return end < w.id and all(s.word(k).upos in ("AUX", "ADV", "PART") for k in range(end + 1, w.id))


#: Longest bracketed aside between a speaker and its cue ("Sen. Ann Lee (R-OH) said").
_ASIDE_WORDS = 8


#: Longest aside between dashes or commas that a subject and its cue may have between them.
_DASHED_WORDS = 25


def _aside_opening(s: Tree, k: int) -> int | None:
    """Where the aside that ends at word ``k`` opens: the dash matching a closing dash ("— who is
    listed as an attorney —"), or the comma before a phrase opened by a preposition ("[,] along
    with Ben Terris,"); ``None`` when ``k`` closes no such aside."""
    if k < 3:
        return None
    mark = s.word(k).text
    if mark in ("—", "–", "--"):
        return next((j for j in range(k - 1, max(1, k - _DASHED_WORDS), -1) if s.word(j).text == mark), None)
    if mark == ",":
        j = next((j for j in range(k - 1, max(1, k - _ASIDE_WORDS), -1) if s.word(j).text == ","), None)
        if j is not None and j + 1 < k and s.word(j + 1).upos == "ADP" and j > 1 \
                and s.word(j - 1).upos in ("NOUN", "PROPN"):
            return j
    return None


def _before_aside(s: Tree, k: int) -> Any | None:
    """Word ``k``, or the word before a bracketed aside that ends there ("Kasich [(R-OH),] said":
    the party and state after a name), or a name before a comma there ("Tad Devine[,] told"),
    or the word before an aside between dashes ("Joyce [— who … —] told") or opened by a
    preposition after a comma ("Fields[, along with Ben Terris,] say"), ``None`` when there is none."""
    opening = _aside_opening(s, k)
    if opening is not None:
        return s.word(opening - 1) if opening > 1 else None
    if k >= 2 and s.word(k).text == "," and s.word(k - 1).text == ")":
        k -= 1
    elif k >= 2 and s.word(k).text == "," and s.word(k - 1).upos == "NOUN" \
            and s.word(k - 1).deprel.split(":")[0] == "appos" and 0 < s.word(k - 1).head < k - 1:
        # "Hillary Clinton, the front-runner, called on X": the name the apposition describes
        owner = s.word(s.word(k - 1).head)
        between = [s.word(j) for j in range(owner.id + 1, k)]
        return owner if owner.upos == "PROPN" and not any(x.upos in ("VERB", "AUX") for x in between) else None
    elif k >= 2 and s.word(k).text == "," and s.word(k - 1).upos == "PROPN":
        # "…, his top aide, [Tad Devine], told X": a name alone between commas closing an apposition
        j = k - 1
        while j > 1 and s.word(j - 1).upos == "PROPN":
            j -= 1
        if not (j > 1 and s.word(j - 1).text == "," and k - j <= _ASIDE_WORDS // 2):
            return None
        name = s.word(k - 1)
        while name.deprel.split(":")[0] in ("appos", "flat") and 0 < name.head < name.id \
                and s.word(name.head).upos == "PROPN":
            name = s.word(name.head)  # "Rep. Chris Collins, [R-NY], says": the name the aside is about
        return name
    if k >= 1 and s.word(k).text == ")":
        opening = next((j for j in range(k - 1, max(0, k - _ASIDE_WORDS), -1) if s.word(j).text == "("), None)
        if opening is None or opening < 2:
            return None
        k = opening - 1
    return s.word(k) if k >= 1 else None


def inverted(s: Tree, w: Any) -> bool:
    """'S, said X.' misparsed: the cue hangs on the clause before it, after a comma, with no
    subject of its own before it and its speaker after it."""
    if w.head > w.id or w.id < 3 or w.xpos == "VBG":  # ", citing X" is no inversion
        return False
    if hearer_verb(w):
        return False  # "…, told [The Post]": the object of told is its hearer, never an inverted speaker
    before = [c for c in s.children(w.id, *SUBJECTS) if c.id < w.id]
    if before and (w.head or max(x for x in s.ids(before[-1].id) if s.word(x).upos != "PUNCT") >= w.id - 1):
        return False  # a subject of its own; but a root cue may have taken the clause's subject
    if not w.head and not any(c.id < w.id for c in s.children(w.id, "ccomp", "parataxis", "csubj")):
        return False  # a root cue inverts only after a clause of its own ("S, said X"), not "Ramos, 58, told"
    if s.word(w.id - 1).text not in SET_OFF and not (
            s.word(w.id - 1).text in closing_marks() and s.word(w.id - 2).text in (",", "?", "!")):
        return False
    return after_speaker(s, w) is not None


def _of_group(s: Tree, c: Any) -> bool:
    """Whether number ``c`` heads a part of a group ("[one] of the advisers", "[two] of them")."""
    return any(any(has_role(k, "partitive") for k in s.children(x.id, "case")) for x in s.children(c.id, "nmod"))


def _title_read_as_verb(s: Tree, w: Any, c: Any) -> Any | None:
    """The object of ``c`` when ``c``, right after cue ``w``, is a title modifier read as a verb
    with the speaker's phrase for its object ('…, said [retired](VERB) Gen. Ann Lee'), else ``None``."""
    if c.upos != "VERB" or c.id != w.id + 1 or (c.text or "").lower() not in title_modifiers():
        return None
    objects = [o for o in s.children(c.id, "obj") if o.upos in ("NOUN", "PROPN")]
    return objects[0] if objects else None


def _split_speaker_end(s: Tree, w: Any, first: Any, end: int) -> tuple[Any, int]:
    """The head and last word of the speaker phrase starting at ``first`` (ending at ``end``) when
    the parser split it into several nominal dependents of cue ``w`` ('…, said [election](obj)
    lawyer Joe [Birkenstock](obj)', '…, said [Doyle] and [others]'): the name among them, and the
    end of the last one that follows on without punctuation."""
    head = first
    for c in sorted(s.children(w.id), key=lambda c: c.id):
        if c.id <= end:
            continue
        ids = s.ids(c.id, skip=("acl", "relcl", "appos", "ccomp", "xcomp", "advcl", "parataxis", "dep"))
        if min(ids) != end + 1 or c.upos not in ("NOUN", "PROPN") or s.children(c.id, "case") \
                or any(s.word(x).upos in ("VERB", "AUX", "PUNCT") for x in ids):
            break
        end = max(ids)
        if c.upos == "PROPN":
            head = c
    return head, end


def after_speaker(s: Tree, w: Any) -> Any | None:
    """The noun right after an inverted cue ('…, said Ann Lee')."""
    titled = {c.id: o for c in s.children(w.id) if (o := _title_read_as_verb(s, w, c)) is not None}
    nxt = [c for c in s.children(w.id) if c.id > w.id and (c.upos in ("NOUN", "PROPN", "PRON") or (
               c.upos == "ADJ" and s.children(c.id, "det"))  # "…, said the 46-year-old"
               or c.upos == "NUM" and _of_group(s, c)  # "…, said one of the advisers"
               or c.upos in ("DET", "ADJ") and has_role(c, "quantifier") and not s.children(c.id))  # "…, said another"
           and c.deprel.split(":")[0] in ("nsubj", "iobj", "obj", "ccomp", "appos", "dep", "xcomp", "obl")
           and not s.children(c.id, "case") and not has_role(c, "time")] + list(titled.values())
    if not nxt:
        return None
    first = min(nxt, key=lambda c: c.id)
    words_between = [x for x in s.words if w.id < x.id < min(s.ids(first.id)) and x.id not in titled]
    if not all(x.upos in ("ADV", "PUNCT") for x in words_between):
        return None
    # the speaker ends its clause: "…, said Ann Lee." / "…, said Ann Lee, a lawyer …"
    core = s.ids(first.id, skip=("acl", "relcl", "appos", "ccomp", "xcomp", "advcl", "conj", "parataxis", "dep"))
    end = max(core)
    first, end = _split_speaker_end(s, w, first, end)
    conj = [c for c in s.children(first.id, "conj") if c.upos in ("NOUN", "PROPN") and c.id > end]
    if conj:  # "…, said Doyle and [others]": a coordinated speaker
        end = max(end, max(s.ids(conj[-1].id, skip=("acl", "relcl", "appos", "advcl", "parataxis"))))
    core = core | set(range(min(core), end + 1))
    after = s.word(end + 1) if end < len(s.words) else None
    # the speaker closes its clause ("…, said Ann Lee."); an opening mark after it starts what
    # the cue says of its object (", called [the plan] “a disgrace”")
    if after is None or after.upos == "PUNCT" and after.text not in opening_marks():
        return first
    # "…, said one source [in the room]": only the cue's own adverbials may follow the speaker
    tail = set(range(end + 1, len(s.words) + 1))
    own = set().union(*(s.ids(c.id) for c in s.children(w.id, "obl", "obl:tmod", "advmod", "punct") if c.id > end))
    # and the speaker's own relative clause or apposition ("…, said an official [who was briefed]")
    # (of the name's last word too: "…, said Gen. Ann [Lee], who served in Iraq")
    name = {first.id} | {x for x in core if s.word(x).upos == "PROPN" and s.word(x).deprel in ("flat", "compound")}
    own |= set().union(*(s.ids(c.id) for x in name for c in s.children(x, "acl:relcl", "appos")
                         if c.id > end and (c.deprel == "appos" or has_role(s.word(min(s.ids(c.id))), "relative"))))
    return first if tail <= own | {x for x in tail if s.word(x).upos == "PUNCT"} else None


# --------------------------------------------------------------------------- the walker


def _everyone(word: Any) -> bool:
    return True


def cue_subject(s: Tree, w: Any, keep: _Keep | None = None) -> Any | None:
    """The head word of the noun phrase that utters cue ``w`` in sentence ``s``, or ``None``.

    The one subject-of-cue walker of both stages: the cue's subject (a time word or a dummy
    "it" never speaks), the agent of a passive (``it was announced by [the ministry]``), the
    owner of a cue noun (``the minister's claim``), the speaker after an inverted cue (``…, said
    [Kim]``), a name the tagger took for something else (``[May] said``), the subject of the
    verb a participle or conjunct hangs on, the noun a relative clause modifies (``officials who
    said``). ``keep`` rejects subjects that cannot speak here (the direct stage: words inside a
    quotation).
    """
    keep = keep or _everyone
    found = _reporter_of_participle(s, w, keep)
    found = found if found is not None else _walk(s, w, keep)
    if found is not None and not keep(found):
        found = None
    if found is not None and _hung_on_noun(s, w, found):
        # "X called the deal a step in global [efforts] to act, applauding Y": a participle set
        # off by a comma speaks for the subject of the sentence, not for a noun it was hung on
        found = _main_subject(s, w, keep) or found
    if found is not None and found.head != w.id:
        found = _owner_of_whose(s, found, keep)
    if found is not None and found.upos in ("ADV", "SCONJ") and (has_role(found, "question") or has_role(found, "subordinator")):
        found = None  # "[When] asked about Y, X said S": a conjunction or question word never speaks
    found = found if found is not None else _beside_participle(s, w, keep)
    if found is None:
        found = _name_read_as_verb(s, w, keep)
    if found is None:
        found = _subject_across(s, w, keep)
    if found is None:
        found = _noun_before_finite(s, w, keep)
    if found is None:
        found = _group_named_by_participle(s, w, keep)
    if found is None:
        found = _subject_of_reduced_clause(s, w, keep)
    if found is not None and found.start_char < dateline_end(s.sentence):
        found = _after_dateline(s, w, keep)
    return found


def _owner_of_whose(s: Tree, found: Any, keep: _Keep) -> Any:
    """The noun a "whose" phrase modifies when the walk reached the subject of the relative clause
    by climbing from a cue the parser hung on it: "Mrs. Lee -- whose [husband] signed the act --
    has derided Y" gives Lee, not the husband (``relative-possessive`` in ``clause_words.tsv``)."""
    rel = [c for c in s.children(found.id, "nmod:poss") if has_role(c, "relative-possessive") and c.id < found.id]
    if not rel:
        return found
    k = rel[0].id - 1
    while k >= 1 and s.word(k).upos == "PUNCT":
        k -= 1
    owner = s.word(k) if k >= 1 else None
    return owner if owner is not None and owner.upos in ("NOUN", "PROPN") and keep(owner) else found


def _reporter_of_participle(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The speaker of the reporting verb that participle ``w``, set off by a comma, hangs on when
    that verb comes after what it reports and the parser made it a dependent of it: '"S," said
    [Ann Lee], referring to Y', 'S, [Lee] added, saying S2' (not the subject of S)."""
    if w.xpos != "VBG" or w.id < 3 or s.word(w.id - 1).text != "," or not 0 < w.head < w.id:
        return None
    if s.children(w.id, "aux", *SUBJECTS, *PASSIVE_SUBJECTS):
        return None
    h = s.word(w.head)
    if h.upos != "VERB" or word_cue(h) is None or not 0 < h.head < h.id \
            or h.deprel.split(":")[0] not in ("parataxis", "ccomp"):
        return None
    start = min([h.id] + [min(s.ids(c.id)) for c in s.children(h.id, *SUBJECTS) if c.id < h.id])
    if start < 2 or not (s.word(start - 1).text == "," or _closes_quotation(s, start - 1)):
        return None
    found = _walk(s, h, keep)
    return found if found is not None and found.id > start - 2 and keep(found) else None


def _unknown_verb(s: Tree, x: Any) -> bool:
    """Whether ``x`` opens sentence ``s`` as a capitalised "verb" that the lemmatizer left as it is
    and that no cue form explains, before a finite verb ("Husted(VBN) continued", "Boreing(VBG)
    said"): a name."""
    if x.id != 1 or x.upos != "VERB" or not x.text[:1].isupper() or not x.text.isalpha() or x.lemma != x.text:
        return False
    nxt = s.word(2) if len(s.words) > 1 else None
    if nxt is None or nxt.upos not in ("VERB", "AUX") or nxt.xpos == "VBG":
        return False  # a finite verb right after it: "Addressing the members, X said S" opens a clause
    low = x.text.lower()
    return lookup(low) is None and guessed_cue(low) is None


def _name_read_as_verb(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """A name opening the sentence that the tagger read as a verb, the subject of cue ``w`` that
    has none: a clausal "subject" of the cue ("Boreing(csubj) said S") or the "verb" the cue
    hangs on ("Husted(VERB) continued by saying S")."""
    odd = [c for c in s.children(w.id, "csubj", "advcl", "dep") if c.id < w.id and _unknown_verb(s, c) and keep(c)]
    if odd:
        return odd[0]
    up = w
    for _ in range(2):
        if not up.head or up.deprel.split(":")[0] not in ("advcl", "xcomp", "conj"):
            return None
        up = s.word(up.head)
        if _unknown_verb(s, up) and keep(up):
            return up
    return None


def _subject_across(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The subject the parser gave the clause after cue ``w`` although it stands before the cue,
    the cue having none of its own: "Ann Lee, [the chairwoman], said(parataxis) she(nsubj) had
    received(ccomp) threats" with *chairwoman* a second subject of *received*. A subject cannot
    cross the verb that reports its clause, so it is the cue's (the nearest, a name before its
    apposition)."""
    if s.children(w.id, *SUBJECTS, *PASSIVE_SUBJECTS):
        return None
    crossing = [x for c in s.children(w.id, "ccomp", "parataxis") if c.id > w.id
                for x in s.children(c.id, "nsubj", "nsubj:outer") if x.id < w.id
                and x.upos in ("NOUN", "PROPN", "PRON") and keep(x) and not _timely(x)
                and not has_role(x, "relative") and not has_role(x, "expletive")]
    if not crossing:
        return None
    found = max(crossing, key=lambda x: x.id)
    return _before_aside(s, w.id - 1) if found.deprel and s.word(w.id - 1).text == "," and \
        _before_aside(s, w.id - 1) is not None and _before_aside(s, w.id - 1).upos == "PROPN" else found


def _noun_before_finite(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The noun right before finite cue ``w`` (adverbs and auxiliaries between them) when the
    parser gave the cue no subject and hung the noun elsewhere: "Although X declined to comment
    and Senate [aides](obl) later said S". A noun followed by a finite verb with nothing but
    adverbs between them is that verb's subject."""
    if w.xpos not in TENSED_TAGS and not s.children(w.id, "aux"):
        return None
    if any(not _timely(x) for x in s.children(w.id, *SUBJECTS, *PASSIVE_SUBJECTS, "expl", "aux:pass")):
        return None  # a passive's noun before it is what is reported on, not who reports; but a time
        # word taken for the subject is none ("[Friday], Texas, leading a coalition, asked Y")
    k = w.id - 1
    while k >= 1 and (s.word(k).upos in ("ADV", "AUX", "PART") and s.word(k).head == w.id):
        k -= 1
    if k < 1:
        return None
    if s.word(k).text == ",":
        return _opening_name(s, k, keep) or _name_before_aside(s, k, keep)
    x = s.word(k)
    if x.upos not in ("NOUN", "PROPN", "PRON") or not keep(x) or _timely(x) or not _can_speak(s, x):
        return None
    if has_role(x, "relative") or has_role(x, "expletive") or x.deprel.split(":")[0] in ("compound", "nmod:poss"):
        return None
    if x.upos == "PRON" and (pronouns().get(x.text.lower()) is None):
        return None
    phrase = x
    while phrase.head and phrase.deprel.split(":")[0] in ("conj", "flat", "appos"):
        phrase = s.word(phrase.head)
    cases = {c.text.lower() for c in s.children(phrase.id, "case")}
    return x if cases <= {"of"} else None  # "nine of 10 [Republicans] worry", not "ads from [X] said"


def _group_named_by_participle(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The people a past participle right before cue ``w`` names, the parser having made the
    participle the verb or the cue's clause: "[those] surveyed said S", "[voters] polled say S"
    (``those`` or a plural noun before the participle, which has no object or auxiliary, whatever
    its tag)."""
    if w.id < 3 or s.children(w.id, *SUBJECTS, *PASSIVE_SUBJECTS):
        return None
    p, x = s.word(w.id - 1), s.word(w.id - 2)
    if p.xpos not in ("VBN", "VBD") or s.children(p.id, "aux", "aux:pass", "obj", "ccomp"):  # "surveyed(VBD)"
        return None
    if not has_role(x, "participle-group") and not (x.upos == "NOUN" and x.xpos == "NNS"):
        return None
    return x if keep(x) and not _timely(x) else None


def _subject_of_reduced_clause(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The subject of a noun phrase with a participle or adjective after it that the parser read
    as a clause of finite cue ``w`` before it, the cue left without a subject: "[people] close(ccomp)
    to him said S", "[Ann Lee], another(nsubj) unaligned(ccomp) strategist, said S" (the clause
    has no conjunction, auxiliary or copula; the first of its subjects)."""
    if w.xpos not in TENSED_TAGS or s.children(w.id, *SUBJECTS, *PASSIVE_SUBJECTS, "expl"):
        return None
    for c in s.children(w.id, "ccomp", "advcl"):
        if c.id > w.id or not (c.xpos in ("VBN", "VBD") or c.upos == "ADJ") \
                or not reduced_clause(s, c) or s.children(c.id, "obj" if c.upos == "ADJ" else "ccomp"):
            continue
        subj = [x for x in s.children(c.id, "nsubj") if x.id < c.id and x.upos in ("NOUN", "PROPN", "PRON")
                and not has_role(x, "relative") and not has_role(x, "expletive") and keep(x) and not _timely(x)]
        if subj:
            return subj[0]
    return None


def _opening_name(s: Tree, k: int, keep: _Keep) -> Any | None:
    """The name opening sentence ``s`` (after a conjunction or adverb) and set off by a comma, when
    the aside after it closes with the comma at word ``k`` right before a cue without a subject:
    "But [Ann Lee], acting director of the fund, which wrote the letter, said S" (the last word of
    the name, whatever tags the parser gave it)."""
    i = 1
    while i < k and s.word(i).upos in ("CCONJ", "ADV", "PUNCT"):
        i += 1
    j = i
    while j < k and s.word(j).upos not in ("ADP", "SCONJ", "DET", "PRON") and s.word(j).text[:1].isupper() and s.word(j).text.replace(".", "").isalpha():
        j += 1
    if j == i or j >= k or s.word(j).text != "," or k - j > _DASHED_WORDS:
        return None
    name = s.word(j - 1)
    return name if keep(name) and not _timely(name) and not has_role(name, "connective") else None


#: Parts of speech of the words of a speaker's noun phrase that an aside follows ("Sen. Ann Lee").
_PHRASE_POS = ("PROPN", "NOUN", "ADJ", "DET", "NUM", "PART")


def _name_before_aside(s: Tree, k: int, keep: _Keep) -> Any | None:
    """The noun phrase before an aside set off by commas, the aside closing with the comma at word
    ``k`` right before a cue without a subject, the phrase opening a clause: "…, [Ann Lee], 70,
    said S", "Sen. [Ann Lee] (R-Ohio), facing a challenge, noted S", "and [Kerr], as she has
    before, opposed Y" (the parser hung the phrase elsewhere). The aside has no verb of its own
    unless it opens with a conjunction or a relative pronoun; the phrase is the last name before
    it (its head), or a name alone in the aside after a description ("the chief, [Ann Lee], said")."""
    j = next((j for j in range(k - 1, max(1, k - _DASHED_WORDS), -1) if s.word(j).text == ","), None)
    if j is None or j + 1 >= k:
        return None
    aside = [s.word(x) for x in range(j + 1, k)]
    opener = aside[0]
    if opener.upos in ("VERB", "AUX") and opener.xpos not in ("VBG", "VBN") or opener.text in quote_marks():
        return None
    if any(x.xpos in FINITE_TAGS for x in aside) and not (
            opener.upos == "SCONJ" or has_role(opener, "adverbial") or has_role(opener, "relative")):
        return None
    i = j - 1
    if s.word(i).text == ")":  # "Sen. Ann Lee (R-Ohio), …": the name before the brackets
        i = next((x for x in range(i - 1, max(0, i - _ASIDE_WORDS), -1) if s.word(x).text == "("), 0) - 1
    if i < 1:
        return None
    head = s.word(i)
    if head.upos not in ("PROPN", "NOUN", "PRON") or not keep(head) or _timely(head):
        return None
    if head.upos == "PRON" and pronouns().get(head.text.lower()) is None:
        return None
    a = i
    while a > 1 and (s.word(a - 1).upos in _PHRASE_POS or s.word(a - 1).text in (".", "-")):
        a -= 1
    before = s.word(a - 1) if a > 1 else None
    if before is not None and before.text not in SET_OFF and before.upos != "CCONJ" and not (
            before.upos in ("ADV", "SCONJ") and all(s.word(x).upos == "PUNCT" for x in range(1, before.id))):
        return None  # the phrase is the object of a preposition or a verb before it, not a subject
    if has_role(s.word(a), "connective") or has_role(head, "relative"):
        return None
    if head.upos == "NOUN" and all(x.upos == "PROPN" for x in aside):
        head = aside[-1]  # "the campaign chief, Ann Lee, said": the name
    while head.deprel.split(":")[0] == "flat" and 0 < head.head < head.id:
        head = s.word(head.head)
    return head


def _after_dateline(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The name right after a sentence's dateline, before cue ``w``: the head (last word) of its
    first run of names ("MYRTLE BEACH, S.C. - Sen. [Cruz] continued, casting Y")."""
    end = dateline_end(s.sentence)
    run: list[Any] = []
    for x in s.sentence.words:
        if x.start_char < end:
            continue
        if x.id >= w.id or x.upos != "PROPN" and run:
            break
        if x.upos not in ("PROPN", "NOUN"):
            return None
        run.append(x)
        if x.upos == "NOUN":
            break
    return run[-1] if run and keep(run[-1]) and not _timely(run[-1]) else None


def _hung_on_noun(s: Tree, w: Any, found: Any) -> bool:
    """Whether ``found``, the speaker the walk gave participle ``w``, is a noun before it that is
    no subject (an object, a prepositional phrase's noun) while ``w`` is set off by a comma with
    no subject or auxiliary of its own."""
    if not participle(w) or w.xpos != "VBG" or w.id < 2 or s.word(w.id - 1).text not in SET_OFF:
        return False
    if s.children(w.id, "aux", *SUBJECTS, *PASSIVE_SUBJECTS):
        return False
    if not (found.id < w.id and found.upos in ("NOUN", "PROPN")
            and found.deprel.split(":")[0] in ("obj", "obl", "nmod", "iobj")):
        return False
    up = w
    while up.head:  # the participle, or a clause it belongs to, hangs on that noun
        up = s.word(up.head)
        if up.id == found.id:
            return True
    return False


def _absolute_subject(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The name right before participle ``w`` that it hangs on or that hangs on it, which is
    its subject whatever the parse says: "footage of [Ann Kerr] asking", "with [Kerr] noting", or
    the noun of an absolute construction hung on it ("with [the outlets] agreeing")."""
    if not participle(w) or w.id < 2:
        return None
    # "…, with [Cruz] repeatedly calling Y Z", "with [the outlets] agreeing to V": the noun of the
    # absolute construction (``absolute-case`` in ``clause_words.tsv``) is the participle's subject
    absolute = [c for c in s.children(w.id, "obl", "nmod") if c.id < w.id and keep(c)
                and c.upos in ("NOUN", "PROPN", "PRON", "NUM") and not _timely(c)
                and any(has_role(k, "absolute-case") for k in s.children(c.id, "case"))
                and not any(s.word(x).upos in ("VERB", "AUX") for x in range(c.id + 1, w.id))]
    if absolute:
        return absolute[-1]
    before = s.word(w.id - 1)
    cases = s.children(before.id, "case")
    if before.upos == "PROPN" and all(has_role(c, "gerund-case") for c in cases) and keep(before) \
            and not has_role(before, "time"):
        return before  # but "tweets early [Friday] saying S": a time is never a speaker
    return None


def _beside_participle(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """A speaker for a participle or conjunct cue that has none by the parse: the subject of the
    main clause before a participle or conjunct the parser hung on a noun ("She urges him … and
    says")."""
    if participle(w) and w.id > 1 and s.word(w.id - 1).text == ",":
        return _main_subject(s, w, keep)
    return None


def _main_subject(s: Tree, w: Any, keep: _Keep) -> Any | None:
    """The subject of the sentence's main verb when it comes before ``w`` (the nearest of several)."""
    root = next((x for x in s.words if x.head == 0), None)
    if root is None or root.id >= w.id:
        return None
    subj = _before_auxiliary(s, root, [x for x in s.children(root.id, "nsubj", "nsubj:pass") if keep(x)])
    if subj:
        return min(subj, key=lambda x: abs(x.id - root.id))
    if root.upos == "PROPN" and root.id == 1 and not s.children(root.id, "cop") and keep(root):
        return root  # "Ann Lee, the governor, repeated(amod) claims …, calling …": the name made the root
    return None


def participle(word: Any) -> bool:
    """Whether ``word`` is an -ing participle (``saying``, ``tweeting``)."""
    return (word.xpos or "") == "VBG" or (word.text or "").lower().endswith("ing")


def _someone(x: Any) -> bool:
    """Whether noun phrase head ``x`` can name a person or a group: a name, a personal pronoun, a
    role ("the spokesman") or a plural noun ("voters", "experts")."""
    lo = (x.text or "").lower()
    if x.upos == "PRON":
        p = pronouns().get(lo)
        return p is not None and p.kind in ("person", "any")
    return x.upos == "PROPN" or (x.lemma or lo).lower() in roles() or lo in roles() \
        or (x.upos == "NOUN" and x.xpos == "NNS")


def participle_holder(s: Tree, w: Any) -> Any | None:
    """The noun a participle cue ``w`` modifies (``acl``) when that noun can name a person or a
    group, its understood subject ("[nations] worried about Y", "[banks] asked about it declined
    to comment"); ``None`` otherwise ("a debate focused on Y": a thing's topic)."""
    if w.deprel.split(":")[0] != "acl" or not w.head:
        return None
    head = s.word(w.head)
    return head if _someone(head) else None


def raising_speaker(s: Tree, w: Any) -> Any | None:
    """The speaker of raising verb ``w`` ("seem", "appear"): its subject when that can be a person
    or a group, a name, a personal pronoun, a role or a plural noun ("[Voters] seem to care", "[he]
    appeared to suggest S"); ``None`` for a thing or a dummy "it", whose seeming is the writer's
    judgement ("the plan seems clear", "it seems that S")."""
    for x in s.children(w.id, *SUBJECTS, *PASSIVE_SUBJECTS):
        if has_role(x, "expletive") or has_role(x, "relative") or not _can_speak(s, x):
            continue
        return x if _someone(x) else None
    return None
