"""Light text normalisation for comparing quotes across documents.

``normalize`` folds case, Unicode quotation marks, apostrophes and dashes,
drops punctuation and collapses whitespace, so that the same statement
printed by two outlets compares equal:

>>> normalize("“We will  WIN—now,” he said.")
'we will win now he said'
>>> normalize("Syria’s ‘Zionist-American’ plan")
"syria's zionist american plan"

``stem`` is a crude, consistent suffix stripper used when no stanza lemma is
at hand (and on stanza lemmas too, so both sources meet):

>>> [stem(w) for w in ["destabilizing", "destabilize", "states", "stated", "Syria's", "policies"]]
['destabiliz', 'destabiliz', 'stat', 'stat', 'syria', 'policy']

Words of one class are one lemma (``data/link_lemmas.tsv``): negations, with contractions in n't:

>>> [stem(w) for w in ["nothing", "never", "doesn't", "won’t", "not"]]
['not', 'not', 'not', 'not', 'not']

``content_words`` keeps the stems of the words that are not function words:

>>> content_words("The United States is not involved in the attack.")
['unit', 'stat', 'not', 'involv', 'attack']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lexicon.tables import rows

__all__ = ["LEMMAS", "STOPWORDS", "SEP", "all_tokens", "content_words", "is_stopword", "name_words", "normalize", "stem",
           "tokens"]


def _load_stopwords() -> frozenset[str]:
    return frozenset(cols[0].lower() for _, cols in rows("stopwords.tsv"))


#: Function words ignored when counting shared content words (``data/stopwords.tsv``).
STOPWORDS: frozenset[str] = _load_stopwords()
#: Words compared as another lemma (``data/link_lemmas.tsv``: negations as "not").
LEMMAS: dict[str, str] = {cols[0].casefold(): cols[1].casefold() for _, cols in rows("link_lemmas.tsv")
                          if cols[0] != "word"}
_NEGATION = LEMMAS.get("no", "not")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` after Unicode folding.

    >>> tokens("U.S. “urges” de-escalation")
    ['u', 's', 'urges', 'de', 'escalation']
    """
    return all_tokens([text])[:-1]


#: Separator token of :func:`all_tokens`.
SEP = "\x00"
_APOS = re.compile("[\u2018\u2019\u201a\u201b\u2032`\u00b4]")
_WORD_OR_SEP = re.compile(r"\w+(?:'\w+)*|\x00")


def all_tokens(texts: "list[str] | tuple[str, ...]") -> list[str]:
    """The :func:`tokens` of many texts at once, each text's followed by :data:`SEP`.

    >>> all_tokens(["A–b", "“C’s”"]) == ["a", "b", SEP, "c's", SEP]
    True
    """
    big = SEP.join(t.replace(SEP, " ") for t in texts) + SEP
    if not big.isascii():
        big = _APOS.sub("'", unicodedata.normalize("NFKC", big))
    found = _WORD_OR_SEP.findall(big.casefold())
    if "_" in big:
        found = [t for t in found if t.strip("_")]
    return found


def _name_flags(text: str, n: int) -> list[bool] | None:
    """Which of the ``n`` tokens of ``text`` are name words (see :func:`name_words`); ``None``
    when it has none."""
    if text[1:].islower():
        return None
    if not text.isascii():
        text = _APOS.sub("'", unicodedata.normalize("NFKC", text))
    toks = _WORD_OR_SEP.findall(text.replace(SEP, " "))
    if "_" in text:
        toks = [t for t in toks if t.strip("_")]
    if len(toks) != n:  # case folding changed the tokens: no names known
        return None
    caps = [t[:1].isupper() for t in toks]
    function = [c for t, c in zip(toks[1:], caps[1:]) if t.casefold() in STOPWORDS]
    if sum(function) * 2 > len(function):  # a headline in title case, or capitals throughout
        return None
    if all(c or t.casefold() in STOPWORDS for t, c in zip(toks[1:], caps[1:])):
        return None  # nothing but names ("an American-Zionist" plot): they are what it says
    return [False] + caps[1:]


def name_words(texts: "list[str] | tuple[str, ...]", tokens_per_text: "list[int]") -> list[int]:
    """For the :func:`all_tokens` of ``texts`` (``tokens_per_text[i]`` words of text ``i``, each
    text's followed by :data:`SEP`), the positions of the name words: capitalised, not the first
    word of its text, in a text whose function words are mostly in lower case (not a headline in
    title case, not capitals throughout) and that has other content words (a fragment that is
    nothing but names, "an American-Zionist", is what it says).

    >>> name_words(["the plan of Vladimir Putin", "WE WILL WIN", "an American-Zionist", "Ryan met Ana Ruiz"],
    ...            [5, 3, 3, 4])
    [3, 4, 16, 17]
    """
    out: list[int] = []
    start = 0
    for text, n in zip(texts, tokens_per_text):
        flags = _name_flags(text, n) if n else None
        if flags is not None:
            out.extend(start + i for i, f in enumerate(flags) if f)
        start += n + 1
    return out


def normalize(text: str) -> str:
    """``text`` folded for equality: case, quote marks, dashes, punctuation, whitespace."""
    return " ".join(tokens(text))


def is_stopword(token: str) -> bool:
    """Whether a lower-cased token is a function word.

    >>> is_stopword("the"), is_stopword("not"), is_stopword("attack")
    (True, False, False)
    """
    return token in STOPWORDS


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude suffix-stripping stem of a lower-cased word (see module doc)."""
    w = word.casefold()
    if w in LEMMAS:
        return LEMMAS[w]
    if w.endswith(("n't", "n’t")) and len(w) > 3:  # doesn't, won't: the verb is a function word
        return _NEGATION
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        w = w[:-2]
    elif w.endswith("es") and len(w) > 4 and w[-3] in "sxz":
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """Stems of the non-function words of ``text``, in order."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS]
