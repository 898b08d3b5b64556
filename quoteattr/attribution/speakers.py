"""Speaker mentions: the noun phrase a quote hangs on, its name, title and organisation.

Two levels:

* :func:`mention_span` reads the dependency parse and returns the extent of
  the speaker's noun phrase: title words in front of the name and an
  apposition after it are included, the verb, clauses and quotes never.
* :func:`split_mention` works on the text of a mention alone (no parse) and
  splits it into name, honorific, role, organisation and nationality with the
  help of the tables in ``quoteattr/data`` (``titles.tsv``,
  ``honorifics.tsv``, ``organizations.tsv``, ``org_words.tsv``,
  ``nationalities.tsv``, ``first_names.tsv``, ``pronouns.tsv``).

>>> p = split_mention("White House National Security Council spokesperson Sean Savett")
>>> p.name, p.role, p.organization
('Sean Savett', 'spokesperson', 'White House National Security Council')
>>> p.label
'NSC spokesperson Sean Savett'
>>> split_mention("Baghaei, Iran's foreign ministry spokesman").label
'Iranian Foreign Ministry spokesman Baghaei'
>>> split_mention("a senior official").label
'a senior official'
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

import attrs
import regex

from ..lexicon.clause_words import role_words
from ..lexicon.cues import load_phrases
from ..lexicon.marks import APOSTROPHES, POSSESSIVE_ENDINGS, quote_marks
from ..lexicon.people import (
    Country,
    Organization,
    calendar_words,
    countries,
    first_names,
    honorifics,
    max_role_words,
    name_particles,
    name_prefixes,
    name_suffixes,
    org_words,
    organizations,
    pronouns,
    quantity_words,
    roles,
    time_words,
    title_modifiers,
    title_terms,
)
from ..parsing.tree import Tree, word_span
from ._clauses import dateline_end, verb_read_as_noun
from ..lexicon.tables import cached

__all__ = [
    "MentionParts", "defined_acronyms", "is_time_or_quantity", "label_of", "mention_span", "name_keys",
    "name_suffix", "parts_from_parse",
    "short_organization", "split_mention", "tokenize",
]

# --------------------------------------------------------------------------- text level

_TOKEN = regex.compile(
    r"\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’.]\p{L}[\p{L}\p{M}\p{N}]*)*\.?|\p{N}[\p{N},.]*|\S"
)
_POSSESSIVE = regex.compile(r"^(.+?)([" + "".join(APOSTROPHES) + r"]s?)$")
_OF = frozenset("of for at with from to in on".split())


@cached
def _phrase_leads() -> tuple[tuple[str, ...], ...]:
    """The words of the cue phrases before their speaker slot (``cue_phrases.tsv``), longest first."""
    return tuple(sorted({p.before for p in load_phrases() if p.before}, key=len, reverse=True))


@attrs.frozen
class MentionParts:
    """A speaker mention split into its parts (see :func:`split_mention`).

    ``title`` is the title phrase as written (without the name and leading
    determiner), ``short_title`` its compact form used in ``label``
    (nationality + organisation short form + role).  ``kind`` is
    ``"person"``, ``"organization"`` or ``"unknown"``; ``gender`` is ``"m"``,
    ``"f"`` or ``None``; ``pronoun`` is set when the mention is a pronoun;
    ``definite`` when it starts with *the* (a description such as "the
    diplomat"); ``broader`` holds the terms a later description may use for it.
    """

    text: str
    name: str | None = None
    honorific: str | None = None
    role: str | None = None
    title: str | None = None
    short_title: str | None = None
    organization: str | None = None
    nationality: str | None = None
    kind: str = "unknown"
    gender: str | None = None
    pronoun: str | None = None
    definite: bool = False
    determiner: str | None = None
    broader: frozenset[str] = frozenset()
    label: str = ""


def tokenize(text: str) -> list[str]:
    """Split mention text into word tokens (possessive ``'s`` apart).

    >>> tokenize("Iran's foreign ministry, Abu Mohammed al-Golani (HTS)")
    ['Iran', "'s", 'foreign', 'ministry', ',', 'Abu', 'Mohammed', 'al-Golani', '(', 'HTS', ')']
    """
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        m = _POSSESSIVE.match(tok)
        if m and len(tok) > 2 and tok[-1] in "sS" + "".join(APOSTROPHES) and any(a in tok[-2:] for a in APOSTROPHES):
            out.extend([m.group(1), m.group(2)])
        else:
            out.append(tok)
    return out


def _cap(tok: str) -> bool:
    return tok[:1].isupper() or tok.isdigit()


def _low(tok: str) -> str:
    return tok.lower().rstrip(".")


def _is_particle(tok: str) -> bool:
    t = tok.lower()
    return t in name_particles() or t.startswith(name_prefixes())


def _is_country(words: list[str]) -> Country | None:
    key = " ".join(words).lower()
    return countries().get(key) or countries().get(key.rstrip("."))


def _org_words_max(acronyms: Mapping[str, str] | None = None) -> int:
    """The most words an organisation name or short form (known, or defined in ``acronyms``) has:
    :func:`_org_entry` never matches a longer run, so n-gram lookups stop there."""
    keys = [*(acronyms or {}), *(acronyms or {}).values()]
    return max([_known_org_words(), *(k.count(" ") + 1 for k in keys)])


@cached
def _known_org_words() -> int:
    return max((k.count(" ") + 1 for k in organizations()), default=1)


def _org_entry(words: Iterable[str], acronyms: Mapping[str, str] | None = None) -> Organization | None:
    key = " ".join(words)
    if acronyms:
        for full, short in acronyms.items():
            if key.lower() in (full.lower(), short.lower()):
                return Organization(full, short)
    return organizations().get(key.lower()) or organizations().get(key.lower().replace(".", ""))


def _has_org_word(words: Iterable[str]) -> bool:
    return any(_low(w) in org_words() for w in words)


def _match_role(toks: list[str], i: int) -> int:
    """Length of the longest role starting at token ``i`` (0 if none)."""
    for n in range(min(max_role_words() + 2, len(toks) - i), 0, -1):
        key = " ".join(t.lower() for t in toks[i : i + n]).replace(" - ", "-")
        if key in roles() or key.rstrip(".") in roles():
            return n
    return 0


def _segments(toks: list[str]) -> tuple[list[list[str]], dict[str, str]]:
    """Split at commas, dashes and brackets; ``X (ABC)`` defines an acronym."""
    segs: list[list[str]] = [[]]
    defined: dict[str, str] = {}
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "(" and i + 2 < len(toks) and toks[i + 2] == ")" and toks[i + 1].isupper() and segs[-1]:
            full = _join(t for n, t in enumerate(segs[-1]) if n or t.lower() not in role_words("determiner"))
            defined[full] = toks[i + 1]
            i += 3
            continue
        if t == "," and i + 1 < len(toks) and _low(toks[i + 1]) in name_suffixes() and segs[-1] and _cap(segs[-1][-1]):
            i += 1  # "Martin Luther King, Jr.": the suffix belongs to the name
            continue
        if t in (",", "(", ")", "—", "–", "-", ";", ":", "“", "”", '"'):  # "-" alone: a dash between spaces
            if segs[-1]:
                segs.append([])
        else:
            segs[-1].append(t)
        i += 1
    return [s for s in segs if s], defined


def _join(toks: Iterable[str]) -> str:
    out = ""
    for t in toks:
        if not out or t in (*POSSESSIVE_ENDINGS, *APOSTROPHES, "-") or out.endswith("-"):
            out += t
        else:
            out += " " + t
    return out


@attrs.define
class _Seg:
    det: str | None = None
    honorific: str | None = None
    name: list[str] = attrs.field(factory=list)
    role: str | None = None
    role_toks: list[str] = attrs.field(factory=list)
    pre: list[str] = attrs.field(factory=list)
    post: list[str] = attrs.field(factory=list)
    nationality: str | None = None
    org: list[str] = attrs.field(factory=list)
    possessor: list[str] = attrs.field(factory=list)
    body: list[str] = attrs.field(factory=list)  # "office" of "Tom Berg's office": the org is the possessor's
    kind: str = "unknown"


def _name_run(toks: list[str]) -> int:
    """Index where the trailing proper-name run of ``toks`` starts (``len(toks)`` if none)."""
    j = len(toks)
    while j > 0:
        t = toks[j - 1]
        lo = _low(t)
        if not (_cap(t) or _is_particle(t)):
            break
        before_suffix = j < len(toks) and all(_low(x) in name_suffixes() for x in toks[j:])
        if (lo in roles() and not before_suffix) or lo in org_words() or lo in honorifics() \
                or (lo in title_modifiers() and not _cap(t)):
            break
        if lo in countries() and j == len(toks):
            break
        j -= 1
    while j < len(toks) and _is_particle(toks[j]) and not _cap(toks[j]):
        j += 1
    return j




def _name_end(toks: list[str]) -> int:
    """Where a proper name at the start of ``toks`` ends: at the first word in lower case that is
    not a name particle ("Ana Ruiz with a laugh" → 2)."""
    k = 0
    while k < len(toks) and (_cap(toks[k]) or _is_particle(toks[k]) or not toks[k][:1].isalpha()):
        if k and _low(toks[k]) in _OF:
            break
        k += 1
    return k


def _affiliation(tail: list[str]) -> list[str]:
    """``tail`` when it names an affiliation ("of the Oslo police"), else nothing ("in spite of the
    delays", "with a laugh": not part of the mention)."""
    if tail and _low(tail[0]) in role_words("affiliation") and any(
        _cap(t) or _low(t) in org_words() for t in tail[1:] if t.lower() not in role_words("determiner")
    ):
        return tail
    return []


def _time_or_quantity(tok: str) -> bool:
    lo = _low(tok)
    return lo in time_words() or lo in quantity_words() or lo in role_words("determiner") or bool(_NUMBER.match(tok))


_NUMBER = regex.compile(r"^[\p{N}.,:/-]+(?:st|nd|rd|th|s)?$")


def is_time_or_quantity(text: str) -> bool:
    """Whether ``text`` is only words of time, date or quantity: never a speaker's name.

    >>> [is_time_or_quantity(t) for t in ("Friday", "Nov. 27", "a dozen", "Many", "Theresa May")]
    [True, True, True, True, False]
    """
    toks = tokenize(text)
    return bool(toks) and all(_time_or_quantity(t) or not t[:1].isalnum() for t in toks)


def _real_name(toks: list[str]) -> list[str]:
    """A name without the time words written after it ("Florida Friday" → "Florida"); nothing when it
    is only words of time, date or quantity ("Friday", "Nov. 27", "Many"). A month after a given name
    is a surname ("Theresa May")."""
    out = list(toks)
    while len(out) > 1 and (_low(out[-1]) in calendar_words() or out[-1].islower() and _low(out[-1]) in time_words()) \
            and out[-2].lower() not in first_names():
        out.pop()
    if all(_time_or_quantity(t) or not t[:1].isalnum() for t in out):
        return []
    return out


def _of_name(toks: list[str]) -> bool:
    """Whether ``toks`` is one organisation name of the form "X of Y" ("Ministry of Transport",
    "Bank of England", "University of Oxford"): capitalised words around "of" (or "for"), an
    organisation word before it."""
    for k, t in enumerate(toks):
        if k and t.lower() in role_words("org-link") and k + 1 < len(toks):
            head, tail = toks[:k], [x for x in toks[k + 1 :] if x.lower() not in role_words("name-joiner")]
            return bool(tail) and all(_cap(x) for x in head + tail) and _has_org_word(head)
    return False


def _leading_name(toks: list[str]) -> int:
    """Length of a proper name at the start of ``toks`` that a preposition ends ("Anna Berg of the
    Oslo police" → 2), 0 if none."""
    k = 0
    while k < len(toks) and (_cap(toks[k]) or (k and _is_particle(toks[k]))) and _low(toks[k]) not in roles() \
            and _low(toks[k]) not in org_words():
        k += 1
    return k if 0 < k < len(toks) and _low(toks[k]) in _OF else 0


def _analyse(seg: list[str], acronyms: Mapping[str, str]) -> _Seg:
    s = _Seg()
    toks = list(seg)
    lowered = tuple(t.lower() for t in toks)
    for lead in _phrase_leads():  # "according to X", "in the words of X": the cue phrase is no title
        if len(lead) < len(toks) and lowered[: len(lead)] == lead:
            toks = toks[len(lead) :]
            break
    if toks and toks[0].lower() in (role_words("determiner") | role_words("possessive")):
        s.det = toks[0]
        toks = toks[1:]
    # possessor: "Iran's foreign ministry spokesman", "the group's leader"
    for k, t in enumerate(toks):
        if t in POSSESSIVE_ENDINGS + APOSTROPHES and k > 0:
            s.possessor = toks[:k]
            toks = toks[k + 1 :]
            break
    # honorific directly before a name
    for k, t in enumerate(toks):
        if _low(t) in honorifics() and k + 1 < len(toks) and _cap(toks[k + 1]) and _low(t) not in roles():
            s.honorific = t
            s.pre.extend(toks[:k])
            rest = toks[k + 1 :]
            end = _name_end(rest)
            s.name = rest[:end]
            s.post = _affiliation(rest[end:])  # "Sen. Ann Lee of Ohio"; "Mrs. Okafor in spite of …" ends at the name
            toks = []
            break
    if toks:
        # the last role in the segment is the main one
        k = 0
        found = None
        head_noun = next((toks[i - 1] for i, t in enumerate(toks) if i and t.lower() in _OF), toks[-1])
        if _low(head_noun) in org_words() and not _cap(head_noun):
            k = len(toks)  # "the militant group …": an organisation described, no person role
        while k < len(toks):
            n = _match_role(toks, k)
            if n and k + n < len(toks) and _low(toks[k + n]) in org_words() and not _cap(toks[k + n]):
                n = 0  # "militant group": the role word modifies an organisation word
            if n and k + n < len(toks) and all(_low(t) in name_suffixes() for t in toks[k + n :]):
                n = 0  # "Martin Luther King Jr.": a surname before a suffix, not a role
            if n:
                found = (k, n)
                k += n
            else:
                k += 1
        if found:
            k, n = found
            s.role_toks = toks[k : k + n]
            s.role = " ".join(t.lower() for t in s.role_toks)
            before, after = toks[:k], toks[k + n :]
            j = _name_run(after)
            k = j
            while k and after[k - 1].lower() in role_words("determiner"):
                k -= 1
            if k and _low(after[k - 1]) in _OF:
                j = len(after)  # "analyst at Brook Capital": the name after a preposition is the organisation
            lead = _leading_name(after) if j == len(after) else 0
            if lead:
                # "Chief Inspector Anna Berg of the Oslo police": the name, then its organisation
                s.name, s.post = after[:lead], after[lead:]
            else:
                end = j + _name_end(after[j:])
                s.name = after[j:end]
                s.post = after[:j] + _affiliation(after[end:])
            s.pre = before
        else:
            j = _name_run(toks)
            if 2 <= j < len(toks) and toks[j - 1].lower() in role_words("org-link"):
                k = j - 1
                while k > 0 and _cap(toks[k - 1]):
                    k -= 1
                if k < j - 1 and _of_name(toks[k:]):
                    j = k  # "a statement from the Ministry of Health": the name is "Ministry of Health"
            if j == len(toks) and toks and all(_cap(t) or _is_particle(t) for t in toks):
                j = 0  # an organisation or place name: "White House", "Moscow", "IRNA"
            s.name = toks[j:]
            s.pre = toks[:j]
            lead = _name_end(toks)
            if _of_name(toks):
                s.name, s.pre = toks, []  # "Ministry of Transport", "Bank of England": one name
            elif lead and lead < len(toks) and _low(toks[lead]) in _OF and not _has_org_word(toks[:lead]) \
                    and not (s.name and _has_org_word(toks[lead:])):
                # "Ana Ruiz with a laugh", "Ann Lee of Acme": the name ends at the name
                s.name, s.pre, s.post = toks[:lead], [], _affiliation(toks[lead:])
            if not s.name:
                # "the Hayat Tahrir al-Sham terrorist group": a proper name inside a description
                best: tuple[int, int] = (0, 0)
                k = 0
                while k < len(toks):
                    e = k
                    while e < len(toks) and (_cap(toks[e]) or (e > k and _is_particle(toks[e]))) \
                            and _low(toks[e]) not in roles() and _low(toks[e]) not in org_words():
                        e += 1
                    if e - k > best[1] - best[0]:
                        best = (k, e)
                    k = max(e, k + 1)
                if best[1] > best[0] and _has_org_word(toks[best[1]:]):
                    s.name = toks[best[0]:best[1]]
                    s.pre = toks[: best[0]] + toks[best[1]:]
    # pre-role words: modifiers, nationality, organisation
    org: list[str] = []
    pre = s.pre
    lead = 0
    while lead < len(pre) and _low(pre[lead]) in title_modifiers() and not _cap(pre[lead]):
        lead += 1
    if lead < len(pre) and _low(pre[lead]) in countries() and _org_entry(pre[lead:], acronyms):
        s.org = pre[lead:]  # "Syrian Observatory for Human Rights": a nationality inside a name
        pre = []
    for t in pre:
        lo = _low(t)
        if lo in title_modifiers() and not _cap(t) and not org:
            continue
        if s.nationality is None and not org and lo in countries():
            s.nationality = _adjective(t)
            continue
        org.append(t)
    if s.org:
        pass
    elif org and (_has_org_word(org) or any(_cap(t) for t in org) or _org_entry(org, acronyms)):
        s.org = org
    if s.possessor:
        c = _is_country(s.possessor)
        if c and s.nationality is None:
            s.nationality = c.adjectives[0] if c.adjectives else c.name
        elif not s.org:
            s.org = [t for t in s.possessor if t.lower() not in role_words("determiner")]  # "the group's leader"
        elif not s.name and not s.role and not any(_cap(t) for t in s.org):
            # "Senator Tom Berg's office": an office of a person or body, that speaks for it
            owner = _analyse(s.possessor, acronyms)
            s.body = s.org
            s.org = owner.name or [t for t in s.possessor if t.lower() not in role_words("determiner")]
    if not s.org and s.post and s.post[0].lower() in _OF:
        rest = [t for t in s.post[1:] if t.lower() not in role_words("determiner")]
        if rest:
            s.org = rest
    # kind
    if s.role or s.honorific:
        s.kind = "person"
    elif s.name:
        s.kind = _name_kind(s.name, acronyms)
        if s.kind == "unknown" and (_has_org_word(s.pre) or _has_org_word(s.name)):
            s.kind = "organization"
    elif s.pre and _has_org_word(s.pre[-1:]):
        s.kind = "organization"
    return s


def _adjective(tok: str) -> str:
    c = countries().get(_low(tok)) or countries().get(tok.lower())
    if c is None:
        return tok
    if tok in c.adjectives or tok.rstrip(".") in c.adjectives:
        return tok
    return c.adjectives[0] if c.adjectives else tok


#: Unknown words in capitals up to this length are read as acronyms (IRNA, OPEC); longer ones
#: as names set in capitals (a transcript's "WHITLOCK:").
_ACRONYM_MAX = 5


def _name_kind(name: list[str], acronyms: Mapping[str, str] | None = None) -> str:
    if not name:
        return "unknown"
    if _org_entry(name, acronyms) or _is_country(name) or _has_org_word(name):
        return "organization"
    if name[0].lower() in first_names():
        return "person"
    if _low(name[-1]) in countries():
        return "organization"  # a place that speaks: "West Jerusalem", "New Delhi"
    if len(name) == 1 and name[0].replace(".", "").isupper() and 2 <= len(name[0].replace(".", "")) <= _ACRONYM_MAX:
        return "organization"  # an unknown acronym ("IRNA"); a longer word in capitals is a shouted name
    if acronyms and any(name[0] == short for short in acronyms.values()):
        return "organization"
    if len(name) >= 2 and all(_cap(t) or _is_particle(t) for t in name):
        return "person"
    return "unknown"


def short_organization(org: str, acronyms: Mapping[str, str] | None = None) -> str:
    """The short form of an organisation name for labels.

    Known organisations and acronyms defined in the text are replaced by their
    short form; a parent written before a known organisation is dropped.

    >>> short_organization("White House National Security Council")
    'NSC'
    >>> short_organization("Hayat Tahrir al-Sham", {"Hayat Tahrir al-Sham": "HTS"})
    'HTS'
    >>> short_organization("Foreign Ministry")
    'Foreign Ministry'
    """
    toks = tokenize(org)
    longest = _org_words_max(acronyms)
    out: list[str] = []
    i = 0
    while i < len(toks):
        hit = None
        for n in range(min(len(toks) - i, longest), 0, -1):
            entry = _org_entry(toks[i : i + n], acronyms)
            if entry is not None and (n > 1 or toks[i].isupper()):
                hit = (n, entry)
                break
        if hit:
            n, entry = hit
            prefix = _join(out)
            for parent in entry.within:
                if prefix.endswith(parent):
                    out = tokenize(prefix[: len(prefix) - len(parent)].strip())
            out.append(entry.short)
            i += n
        else:
            out.append(toks[i])
            i += 1
    return _join(out)


def _gender(s: _Seg) -> str | None:
    if s.honorific and honorifics().get(_low(s.honorific)):
        return honorifics()[_low(s.honorific)]
    if s.role and roles().get(s.role) and roles()[s.role].gender:
        return roles()[s.role].gender
    for t in s.name[:2]:
        if t.lower() in first_names():
            return first_names()[t.lower()]
    return None


def _broader(s: _Seg, acronyms: Mapping[str, str]) -> frozenset[str]:
    out: set[str] = set()
    if s.role:
        r = roles().get(s.role)
        out |= set(r.broader) if r else {s.role}
        if " of " not in s.role:
            out.add(s.role.split()[-1])
    orgtoks = s.org or []
    entry = _org_entry(orgtoks, acronyms) if orgtoks else None
    if entry is None and orgtoks:
        for n in range(min(len(orgtoks), _org_words_max(acronyms)), 0, -1):
            for i in range(0, len(orgtoks) - n + 1):
                entry = entry or _org_entry(orgtoks[i : i + n], acronyms)
    if s.role and entry is not None:
        out |= set(entry.members)
    if s.role:
        for t in orgtoks:
            if _low(t) in org_words():
                out |= set(org_words()[_low(t)][1])
        # "foreign ministry spokesman", "Foreign Minister" → "the diplomat" (data/title_terms.tsv)
        for t in [*orgtoks, *s.role_toks]:
            out |= title_terms().get(_low(t), frozenset())
    if s.kind == "organization" or (not s.role and (_has_org_word(s.name) or _has_org_word(s.pre))):
        for t in [*s.pre, *s.name]:
            if _low(t) in org_words():
                out |= set(org_words()[_low(t)][0])
        if s.name and _is_country(s.name):
            out |= {"country", "government"}
        elif s.name and s.kind == "organization" and not _low(s.name[-1]) in countries():
            out.add("organization")
    return frozenset(out)


def split_mention(text: str, acronyms: Mapping[str, str] | None = None) -> MentionParts:
    """Split a speaker mention into name, title, organisation and nationality (no parse needed).

    ``acronyms`` maps full organisation names to short forms defined in the
    document (``{"Hayat Tahrir al-Sham": "HTS"}``); an ``X (ABC)`` inside the
    mention defines one too.

    >>> p = split_mention("Iranian Foreign Minister Abbas Araghchi")
    >>> p.name, p.role, p.nationality, p.kind, p.gender
    ('Abbas Araghchi', 'foreign minister', 'Iranian', 'person', 'm')
    >>> split_mention("Mr. Savett").honorific
    'Mr.'
    >>> split_mention("he").pronoun
    'he'
    >>> split_mention("the diplomat").definite
    True
    """
    acr = dict(acronyms or {})
    stripped = text.strip()
    low = stripped.lower()
    if low in pronouns():
        p = pronouns()[low]
        kind = p.kind if p.kind in ("person", "organization") else "unknown"
        return MentionParts(stripped, kind=kind, gender=p.gender, pronoun=low, label=stripped)
    toks = tokenize(stripped)
    segs, defined = _segments(toks)
    acr.update(defined)
    parsed = [_analyse(seg, acr) for seg in segs]
    parsed = [p for p in parsed if p.name or p.role or p.pre or p.possessor]
    if not parsed:
        return MentionParts(stripped, label=stripped)
    # the segment with a name and the one with a role (appositions: either order)
    named = [p for p in parsed if p.name]
    with_role = [p for p in parsed if p.role]
    main = named[0] if named else parsed[0]
    title_seg = with_role[0] if with_role else (main if main.pre or main.possessor else None)
    if named and with_role and title_seg is not main:
        # a person named in one segment and described in another
        main_kind = "person"
    else:
        main_kind = main.kind if main is not None else "unknown"
    name_toks = _real_name(main.name)
    name = _join(name_toks) if name_toks else None
    if main.name and not name_toks and not (main.role or main.honorific):
        main_kind = "unknown"  # "Friday", "Nov. 27", "Many": no name, no kind
    honorific = main.honorific
    role = title_seg.role if title_seg else None
    nationality = (title_seg.nationality if title_seg else None) or main.nationality
    org_toks = (title_seg.org if title_seg and title_seg.org else None) or main.org
    organization = _join(org_toks) if org_toks else None
    if organization and name and main_kind == "organization" and not role:
        organization = None  # "the Iranian news agency IRNA": the description is the title
    title = None
    short = None
    if title_seg is not None:
        pieces = list(title_seg.pre)
        if title_seg.possessor:
            pieces = [*title_seg.possessor, "'s", *pieces]
        pieces += title_seg.role_toks + title_seg.post
        title = _join(pieces) or None
        if title:
            shortp: list[str] = []
            mods = [t for t in title_seg.pre if _low(t) in title_modifiers() and not _cap(t)]
            lead_mods = []
            for t in title_seg.pre:
                if t in mods:
                    lead_mods.append(t)
                else:
                    break
            shortp.extend(lead_mods)
            if nationality:
                shortp.append(nationality)
            if title_seg.org and not (
                title_seg.post and title_seg.org == [t for t in title_seg.post[1:] if t.lower() not in role_words("determiner")]
            ):
                shortp.append(short_organization(_join(title_seg.org), acr))
                shortp.extend(title_seg.body)
            else:
                rest = [t for t in title_seg.pre if t not in lead_mods and _low(t) not in countries()]
                shortp.extend(rest)
            shortp.extend(title_seg.role_toks)
            if title_seg.post:
                shortp.extend(title_seg.post)
            short = _join(shortp) or None
            if not title_seg.role and main_kind == "organization" and not title_seg.pre:
                short = None
    kind = main_kind
    if role or honorific:
        kind = "person"
    segs_for_gender = [main, *(p for p in parsed if p is not main)]
    gender = next((g for g in (_gender(p) for p in segs_for_gender) if g), None)
    broader: set[str] = set()
    for p in parsed:
        broader |= _broader(p, acr)
    det = parsed[0].det
    definite = bool(det and det.lower() == "the") and not name
    label = label_of(name, short, role=role, honorific=honorific, kind=kind, determiner=det, title=title,
                     acronyms=acr) or stripped
    return MentionParts(
        text=stripped, name=name, honorific=honorific, role=role, title=title, short_title=short,
        organization=organization, nationality=nationality, kind=kind, gender=gender, pronoun=None,
        definite=definite, determiner=det, broader=frozenset(broader), label=label,
    )


def label_of(
    name: str | None,
    short_title: str | None,
    *,
    role: str | None = None,
    honorific: str | None = None,
    kind: str = "unknown",
    determiner: str | None = None,
    title: str | None = None,
    acronyms: Mapping[str, str] | None = None,
) -> str:
    """The display label of a mention or an entity (the one place labels are made).

    An organisation's name in its short form; a name with its short title in front, or after a
    comma when the title goes on past its role with a preposition ("…, spokesman for the
    council"); a name alone with its honorific; an unnamed source by its title as written.

    >>> label_of("Sean Savett", "NSC spokesperson", role="spokesperson")
    'NSC spokesperson Sean Savett'
    >>> label_of("Antony Blinken", "Secretary of State", role="secretary of state")
    'Secretary of State Antony Blinken'
    >>> label_of("Ann Lee", "analyst at Acme", role="analyst")
    'Ann Lee, analyst at Acme'
    >>> label_of("Savett", None, honorific="Mr.")
    'Mr. Savett'
    >>> label_of(None, None, title="senior official", determiner="A")
    'a senior official'
    >>> label_of("Hayat Tahrir al-Sham", None, kind="organization", acronyms={"Hayat Tahrir al-Sham": "HTS"})
    'HTS'
    """
    if name and kind == "organization":
        return short_organization(name, acronyms)
    short_title = _strip_preposition(short_title)
    if name and short_title:
        return f"{name}, {short_title}" if _goes_on(short_title, role) else f"{short_title} {name}"
    if name:
        return f"{honorific} {name}" if honorific else name
    title = _strip_preposition(title) or short_title
    if title:
        return f"{determiner.lower()} {title}" if determiner else title
    return ""


def _strip_preposition(title: str | None) -> str | None:
    """``title`` without prepositions at its end ("analyst at" → "analyst")."""
    if not title:
        return title
    toks = title.split()
    while toks and toks[-1].lower() in _OF:
        toks.pop()
    return " ".join(toks) or None


def _goes_on(short_title: str, role: str | None) -> bool:
    """Whether a title continues after its role with a preposition ("spokesman for the council")."""
    words = short_title.lower().split()
    if role:
        r = role.lower().split()
        for i in range(len(words) - len(r), -1, -1):
            if words[i : i + len(r)] == r:
                rest = words[i + len(r) :]
                return bool(rest) and rest[0] in _OF
    return any(w in _OF for w in words)


def name_keys(name: str) -> frozenset[str]:
    """Lower-cased tokens of a proper name by which a shorter mention may refer to it.

    >>> sorted(name_keys("Abu Mohammed al-Golani"))
    ['al-golani', 'golani', 'mohammed']
    """
    out = set()
    for t in tokenize(name):
        lo = t.lower().rstrip(".")
        if lo in name_particles() or lo in name_suffixes() or not t[:1].isalnum():
            continue
        out.add(lo)
        for pre in name_prefixes():
            if lo.startswith(pre) and len(lo) > len(pre) + 1:
                out.add(lo[len(pre) :])
    return frozenset(out)


def name_suffix(name: str | None) -> str | None:
    """The generational suffix of a name ("Jr.", "III"; ``data/name_suffixes.tsv``), lower case.

    >>> name_suffix("John Smith Jr."), name_suffix("John Smith")
    ('jr', None)
    """
    toks = tokenize(name or "")
    return _low(toks[-1]) if len(toks) > 1 and _low(toks[-1]) in name_suffixes() else None


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms a text defines as ``Full Name (ABC)``.

    >>> defined_acronyms("the offensive by Hayat Tahrir al-Sham (HTS) in Syria")
    {'Hayat Tahrir al-Sham': 'HTS'}
    """
    out: dict[str, str] = {}
    pat = regex.compile(
        r"((?:\p{Lu}[\p{L}\p{M}'’.]*(?:-\p{L}[\p{L}\p{M}]*)*[ -](?:(?:al|el|of|the|for|and|de|bin)[ -])?)+)\((\p{Lu}[\p{Lu}\p{N}&.-]{1,9})\)"
    )
    for m in pat.finditer(text):
        full = m.group(1).strip().rstrip("-").strip()
        acro = m.group(2)
        words = [w for w in regex.split(r"[ -]", full) if w]
        initials = "".join(w[0] for w in words if w[:1].isupper())
        # keep the shortest trailing run of words whose initials cover the acronym's letters
        letters = [c for c in acro if c.isalpha()]
        if letters and initials and (initials.endswith("".join(letters)) or len(words) <= len(letters) + 2):
            if initials.endswith("".join(letters)):
                need = len(letters)
                kept: list[str] = []
                for w in reversed(full.split()):
                    kept.insert(0, w)
                    if sum(1 for x in regex.split(r"-", " ".join(kept)) for y in x.split() if y[:1].isupper()) >= need:
                        break
                full = " ".join(kept)
            out.setdefault(full, acro)
    return out


# --------------------------------------------------------------------------- parse level

#: Dependents left out of a speaker mention (clauses, coordination, discourse).
_SKIP = ("acl", "advcl", "relcl", "conj", "cc", "parataxis", "ccomp", "xcomp", "dep", "discourse",
         "csubj", "reparandum", "orphan", "vocative", "list")
#: Dependents of the head word itself left out at the edges ("according to X", "X also").
_SKIP_HEAD = ("case", "mark", "cc", "advmod", "aux", "cop", "nsubj", "obj", "obl", "iobj", "expl")
#: Words that end a mention: quotation marks, and a colon ("Smith: We are ready").
_NOMINAL = frozenset(("PROPN", "NOUN", "ADJ", "DET", "NUM", "PART", "PUNCT", "X", "SYM"))
_LEAD_DROP = frozenset("who whose which that and or but".split())


def _contiguous(sentence: Any, ids: set[int], head_id: int) -> list[int]:
    order = [w.id for w in sentence.words]
    pos = order.index(head_id)
    lo = hi = pos
    while lo > 0 and order[lo - 1] in ids:
        lo -= 1
    while hi + 1 < len(order) and order[hi + 1] in ids:
        hi += 1
    return order[lo : hi + 1]


def _verb_as_noun(tree: Tree, word: Any) -> bool:
    """Whether ``word`` is a verb the tagger read as a noun: a noun with no determiner that takes a
    that-clause or a to-infinitive ("environmentalists [worry] that S", "Pence, [plans] to V")."""
    return word.upos == "NOUN" and verb_read_as_noun(tree, word)


def _np_words(tree: Tree, head_id: int) -> set[int]:
    keep: set[int] = {head_id}
    for w in tree.children(head_id):
        rel = w.deprel.split(":")[0]
        if rel in _SKIP or w.deprel in _SKIP or rel in _SKIP_HEAD or _is_time_phrase(w) or _verb_as_noun(tree, w):
            continue
        keep |= tree.ids(w.id, skip=_SKIP)
    return keep


def _is_time_phrase(word: Any) -> bool:
    """Whether a dependent of a speaker's head is a time phrase ("on Friday", "last week", "in
    April"): never part of the mention."""
    if word.deprel.endswith(("tmod", "npmod")):
        return True
    if word.deprel.split(":")[0] not in ("nmod", "obl", "appos", "nummod"):
        return False
    lo = _low(word.text)
    return lo in calendar_words() or (lo in time_words() and word.upos != "PROPN")


def _is_time_head(word: Any, head: Any) -> bool:
    """Whether ``head``, the head of name part ``word`` by the parse, is a time word after it
    ("Trump earlier [Tuesday] said"): the name is not part of a time phrase ("April Ryan" is a name)."""
    return head.id > word.id and _low(head.text) in calendar_words()


def _is_nominal_chunk(sentence: Any, ids: Iterable[int]) -> bool:
    for i in ids:
        w = sentence.words[i - 1]
        if w.upos not in _NOMINAL and not (w.upos == "PRON" and w.deprel.startswith("nmod:poss")):
            return False
        if w.upos == "PUNCT" and w.text not in ("-", ".", "’", "'", "&"):
            return False
    return True


def mention_span(sentence: Any, head_id: int) -> tuple[int, int]:
    """Character span of the speaker noun phrase headed by word ``head_id`` of ``sentence`` (a
    stanza sentence, or a :class:`~quoteattr.parsing.tree.Tree` of it, whose index then serves).

    Title words in front of the name (even when the parser attached them as a
    separate subject) and an apposition after it are included; the verb,
    clauses, a leading "according to" and quotations are not.

    >>> import quoteattr
    >>> d = quoteattr.extract('"Fine," Chief Inspector Anna Berg of the Oslo police said.').stanza_doc
    >>> s = d.sentences[0]
    >>> head = [w for w in s.words if w.text == "Berg"][0]
    >>> a, b = mention_span(s, head.id); d.text[a:b]
    'Chief Inspector Anna Berg of the Oslo police'
    """
    # dependents indexed once (a Tree given by the caller, else built here): no rescans of the sentence
    tree = sentence if isinstance(sentence, Tree) else Tree.of(0, sentence)
    sentence = tree.sentence
    words = sentence.words
    head = words[head_id - 1]
    if head.upos == "PRON":
        return word_span(head)
    # a name part ("Berg" of "Inspector Anna Berg") stands for the whole phrase, but not across a
    # comma ("On Sunday, Hillary Clinton" with the name parsed as part of "Sunday")
    # nor into a dateline before it ("MYRTLE BEACH, S.C. - Sen. Ted Cruz" parsed as one name)
    floor = dateline_end(sentence)
    floor = floor if head.start_char >= floor else 0
    while head.deprel.split(":")[0] in ("flat", "compound") and head.head > 0 \
            and not (head.text or "").endswith(POSSESSIVE_ENDINGS) \
            and words[head.head - 1].upos in ("NOUN", "PROPN") and not _is_time_head(head, words[head.head - 1]) \
            and words[head.head - 1].start_char >= floor \
            and not any(x.text == "," for x in words[min(head.id, head.head) : max(head.id, head.head) - 1]) \
            and not _verb_as_noun(tree, words[head.head - 1]):
        head = words[head.head - 1]
    head_id = head.id
    ids = {i for i in _np_words(tree, head_id) if words[i - 1].start_char >= floor}
    run = _contiguous(sentence, ids, head_id)
    cut = next((k for k, i in enumerate(run) if i > head_id and _verb_as_noun(tree, words[i - 1])), None)
    if cut is not None:
        run = run[:cut]  # "Mike Pence, [plans] to V": the verb read as an apposition ends the mention
    # a quotation mark inside the run cuts it
    pos = run.index(head_id)
    for k in range(pos - 1, -1, -1):
        if words[run[k] - 1].text in quote_marks() or words[run[k] - 1].text == ":":
            run = run[k + 1 :]
            break
    pos = run.index(head_id)
    for k in range(pos + 1, len(run)):
        if words[run[k] - 1].text in quote_marks() or words[run[k] - 1].text == ":":
            run = run[:k]
            break
    # extend over nominal siblings right before / after (parser split the phrase in two subjects)
    changed = True
    while changed:
        changed = False
        first = run[0]
        if first > 1:
            prev = words[first - 2]
            if prev.upos in ("NOUN", "PROPN", "ADJ") and prev.head in (head.head, head_id, *run) and prev.id not in run and prev.start_char >= floor \
                    and prev.deprel.split(":")[0] in ("nsubj", "compound", "amod", "flat", "nmod", "appos", "obj"):
                sub = sorted(tree.ids(prev.id, skip=_SKIP))
                if sub and sub[-1] == prev.id and sub == list(range(sub[0], prev.id + 1)) and _is_nominal_chunk(sentence, sub):
                    run = sub + run
                    changed = True
        last = run[-1]
        if last < len(words):
            nxt = words[last]
            top = nxt
            while top.head > last and top.head != head.head and words[top.head - 1].upos == "PROPN" \
                    and top.deprel.split(":")[0] in ("flat", "compound"):
                top = words[top.head - 1]
            if top.upos == "PROPN" and top.head == head.head and top.id not in run and words[last - 1].upos != "PUNCT" \
                    and top.deprel.split(":")[0] in ("nsubj", "appos", "flat", "compound"):
                sub = sorted(tree.ids(top.id, skip=_SKIP))
                if sub and sub[0] == nxt.id and sub == list(range(nxt.id, sub[-1] + 1)) and _is_nominal_chunk(sentence, sub):
                    run = run + sub
                    changed = True
            elif nxt.text == "," and words[nxt.head - 1].head in (head.head, head_id) and words[nxt.head - 1].id not in run \
                    and words[nxt.head - 1].upos in ("NOUN", "PROPN") and (
                        words[nxt.head - 1].deprel.split(":")[0] in ("nsubj", "appos")
                        or words[nxt.head - 1].lemma and words[nxt.head - 1].lemma.lower() in roles()):
                # "Sean Savett, a spokesman for the council, said": the apposition parsed as a second subject
                app = words[nxt.head - 1]
                sub = sorted(tree.ids(app.id, skip=_SKIP))
                for k, i in enumerate(sub):
                    if i > app.id and words[i - 1].text == ",":
                        sub = sub[: k + 1]
                        break
                closed = words[sub[-1] - 1].text == "," or (sub[-1] < len(words) and words[sub[-1]].id == head.head)
                if sub and closed and sub[0] == nxt.id and sub == list(range(nxt.id, sub[-1] + 1)) and all(
                    words[i - 1].upos not in ("VERB", "AUX") and words[i - 1].text not in quote_marks() for i in sub
                ):
                    run = run + sub
                    changed = True
    # trim edges: punctuation, relative words, conjunctions
    while run and (words[run[0] - 1].upos == "PUNCT" or words[run[0] - 1].text.lower() in _LEAD_DROP
                   or words[run[0] - 1].deprel == "case" and run[0] != head_id):
        if run[0] == head_id:
            break
        run = run[1:]
    while run and words[run[-1] - 1].upos in ("PUNCT", "CCONJ") and run[-1] != head_id:
        run = run[:-1]
    if not run:
        return word_span(head)
    return _snap(words[run[0] - 1])[0], _snap(words[run[-1] - 1])[1]


def _snap(word: Any) -> tuple[int, int]:
    """Offsets of ``word``, or of its whole token when the token was split into more than two
    words (a multi-word-token model shredding a name: "Johnson’s" → J/o/h/n/s/o/n/’s)."""
    token = getattr(word, "parent", None)
    if token is not None and len(getattr(token, "words", ())) > 2 and token.start_char is not None:
        return token.start_char, token.end_char
    return word_span(word)


def parts_from_parse(sentence: Any, head_id: int, text: str, acronyms: Mapping[str, str] | None = None) -> MentionParts:
    """Split the mention headed by ``head_id`` (its text is read from ``text``, the document)."""
    a, b = mention_span(sentence, head_id)
    return split_mention(text[a:b], acronyms)
