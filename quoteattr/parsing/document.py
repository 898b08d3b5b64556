"""The stanza ``Document`` quoteattr reads: the text handed to stanza, the repair of
shredded multi-word tokens, and the check that a user's own Document carries what the
attribution stages need.
"""

from __future__ import annotations

from typing import Any

import regex
import stanza

from ..errors import AnnotationError
from ..lexicon.marks import LINE_BREAK_CHARS

__all__ = ["PARSE_VERSION", "check_document", "guard_mwt", "parser_text", "sane_expansion"]


#: Bumped whenever quoteattr changes how it runs stanza, so cached parses keyed on it go stale
#: (6: stanza built under a fixed seed).
PARSE_VERSION = 6

#: A right single quotation mark used as an apostrophe inside a word (Syria’s, don’t).
_WORD_APOSTROPHE = regex.compile(r"(?<=\p{L})\u2019(?=\p{L})")


def parser_text(text: str) -> str:
    """The text handed to stanza: ``text`` with word-internal ’ made a plain apostrophe.

    stanza's English tokenizer and MWT models split *Syria's* into *Syria* +
    *'s* but shred *Syria’s* into pieces; the replacement keeps every
    character offset, so the document's own text is restored afterwards.

    >>> parser_text("Syria’s ‘plan’")
    "Syria's ‘plan’"

    Every other line end (``\\r``, ``\\r\\n``, U+2028, U+2029, U+0085) becomes ``\\n``, in place, so
    stanza sees the same paragraphs as the attribution stages:

    >>> parser_text("One.\\r\\rTwo.\\r\\nThree.\\u2029Four.")
    'One.\\n\\nTwo. \\nThree.\\nFour.'
    """
    return _WORD_APOSTROPHE.sub("'", text.replace("\r\n", " \n").translate(_LINE_ENDS))


#: Line ends other than ``\n``, each made a ``\n`` for stanza (offsets kept).
_LINE_ENDS = str.maketrans({c: "\n" for c in LINE_BREAK_CHARS if c != "\n"})


#: English clitics a multi-word token may end in ("Syria's" → "Syria" + "'s", "won't" → "wo" + "n't").
_CLITIC_PIECE = regex.compile(r"(?i)^(?:n['’]t|['’](?:s|re|ll|ve|d|m)?|na|ta|not)$")
_CLITIC = regex.compile(r"(?i)^(.+?)(n['’]t|['’](?:s|re|ll|ve|d|m)|['’])$")


def sane_expansion(pred: str) -> str:
    """A multi-word-token expansion, repaired when stanza's expander shredded the word.

    The English expander sometimes cuts a name with an apostrophe into letters
    (``O ' M a l l e y ' s``).  Such an expansion is rebuilt as the word and
    its clitic; a sound one is kept as it is.

    >>> sane_expansion("O ' M a l l e y ' s")
    "O'Malley 's"
    >>> sane_expansion("do n't")
    "do n't"
    >>> sane_expansion("S a n d e r s ’")
    'Sanders ’'
    >>> sane_expansion("Johnson' s"), sane_expansion("O'Mall ey's"), sane_expansion("gon na")
    ("Johnson 's", "O'Malley 's", 'gon na')
    """
    pieces = pred.split()
    if len(pieces) < 2 or (len(pieces) == 2 and _CLITIC_PIECE.match(pieces[1])
                           and not (len(pieces[0]) == 1 and pieces[0] not in "Ii")):
        return pred
    joined = "".join(pieces)
    m = _CLITIC.match(joined)
    return f"{m[1]} {m[2]}" if m else joined


def guard_mwt(pipeline: stanza.Pipeline) -> None:
    """Make the pipeline's MWT expander pass its predictions through :func:`sane_expansion`."""
    proc = pipeline.processors.get("mwt")
    trainer = getattr(proc, "_trainer", None)
    predict = getattr(trainer, "predict", None)
    if predict is None or getattr(predict, "_quoteattr_guard", False):
        return

    def guarded(*args: Any, **kwargs: Any) -> list[str]:
        return [sane_expansion(p) for p in predict(*args, **kwargs)]

    guarded._quoteattr_guard = True  # type: ignore[attr-defined]
    trainer.predict = guarded


def check_document(doc: Any) -> None:
    """Raise :class:`AnnotationError` unless ``doc`` carries what quoteattr needs.

    It needs a ``stanza.Document`` with its text, character offsets on tokens,
    and for every word a UPOS tag, a lemma, a head and a dependency relation.
    """
    if not isinstance(doc, stanza.Document):
        raise AnnotationError(f"expected a stanza.Document, got {type(doc).__name__}")
    if doc.text is None:
        raise AnnotationError("the stanza Document has no text")
    missing: set[str] = set()
    for sent in doc.sentences:
        for token in sent.tokens:
            if token.start_char is None or token.end_char is None:
                missing.add("token character offsets (tokenize)")
        for word in sent.words:
            if word.upos is None:
                missing.add("upos (pos)")
            if word.lemma is None:
                missing.add("lemma (lemma)")
            if word.head is None or word.deprel is None:
                missing.add("head/deprel (depparse)")
        if len(missing) == 4:
            break
    if missing:
        raise AnnotationError(
            "the stanza Document lacks annotations quoteattr needs: "
            + ", ".join(sorted(missing))
            + "; run it through a pipeline with processors tokenize,mwt,pos,lemma,depparse"
        )
