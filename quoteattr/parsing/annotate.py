"""Running stanza over texts with bounded memory and the same result in any batch.

stanza's dependency parser scores every pair of words of a sentence for every relation and
its tree decoder copies the n × n matrix at every recursion level, so its memory grows with
the square of a sentence's length: a run of 1,000 straight quote marks took 3 GB, 10,000 asked
for 20 GB.  :func:`annotate` therefore hands the parser pieces of at most
:data:`MAX_PARSE_WORDS` words: a longer sentence is cut at safe points (after a punctuation
mark, else at the limit) into pieces parsed on their own, each keeping its own root (the sentence's tree becomes
a forest of one tree per piece; joining them under the first root would hang the rest of the
sentence on the first clause and make it look like that clause's reported content).  The
sentence itself, its tokens, tags and lemmas, are untouched, so quotes whose marks and cues
lie within a piece are found as before, and direct quotes, found from their marks, need
no parse at all.

:func:`annotate` tokenizes each document on its own (the tokenizer reads padded paragraphs)
and runs the sentence-level processors over the sentences of all its documents together
(they pack sentences, so a sentence's annotation does not depend on its batch mates); the
pipeline's weights are the same in every process (:mod:`quoteattr.parsing.seed`).
"""

from __future__ import annotations

from typing import Any, Iterator

import stanza

from .document import parser_text
from .repairs import repair_tags

__all__ = ["MAX_PARSE_WORDS", "PIECE_WORDS", "annotate", "parse_pieces"]

#: Longest run of words handed to the dependency parser as one sentence (the longest
#: sentence of the PolNeAR corpus has 115 words; 300 words parse in about 0.2 GB).
MAX_PARSE_WORDS = 300

#: Most words of each piece a sentence over :data:`MAX_PARSE_WORDS` is parsed in.  The parser's
#: tree decoder (Chu-Liu-Edmonds) may take time of the order of the cube of a run's length on
#: degenerate text (a run of quotation marks, words without punctuation): the parser took 40 s over
#: 10,000 quote marks in pieces of 300 words, 16 s in pieces of 100 (one thread, busy machine).
#: Only sentences over :data:`MAX_PARSE_WORDS` are cut, so ordinary text is parsed whole as before.
PIECE_WORDS = 100

#: Universal tags after which a long sentence is cut first: punctuation, then conjunctions.
_CUT_AFTER = ("PUNCT",)


def annotate(pipeline: stanza.Pipeline, texts: list[str], max_words: int = MAX_PARSE_WORDS) -> list[stanza.Document]:
    """stanza Documents of non-blank ``texts``, each keeping its own text.

    Each text is tokenized on its own; the sentence-level processors (multi-word tokens,
    tags, lemmas, the dependency parser) then run over the sentences of all the texts
    together, as stanza batches the sentences of one document (sentences are packed, not
    padded, so a sentence's annotation does not depend on the sentences batched with it:
    ``tests/test_determinism.py``).  Tags are repaired (:func:`repair_tags`) before the
    dependency parser, which reads them, and a sentence over ``max_words`` words reaches
    the parser in pieces of at most :data:`PIECE_WORDS` (:func:`parse_pieces`).

    >>> from quoteattr.pipeline import get_pipeline
    >>> doc = annotate(get_pipeline().stanza, ['She said: "' + "no, " * 200 + 'never."'], max_words=150)[0]
    >>> len(doc.sentences[0].words), sum(w.head == 0 for w in doc.sentences[0].words)
    (407, 5)
    """
    names = list(pipeline.processors)
    before = names[: names.index("depparse")] if "depparse" in names else names
    after = names[len(before):]
    docs = [stanza.Document([], text=parser_text(text)) for text in texts]
    for name in before:
        processor = pipeline.processors[name]
        docs = [processor.process(doc) for doc in docs] if name == "tokenize" else processor.bulk_process(docs)
    if "pos" in before:
        for doc in docs:
            repair_tags(doc)
    if after:
        parse_pieces(pipeline.processors[after[0]], docs, max_words)
        for name in after[1:]:
            docs = pipeline.processors[name].bulk_process(docs)
    for doc, text in zip(docs, texts):
        doc.text = text  # parser_text kept every offset
    return docs


def parse_pieces(depparse: Any, docs: "stanza.Document | list[stanza.Document]", max_words: int = MAX_PARSE_WORDS) -> None:
    """Set, in place, the head and relation of every word of ``docs`` with stanza's ``depparse``
    processor, parsing no run longer than ``max_words`` words at once.

    The sentences within the limit are parsed together, as stanza would parse one
    document; a longer one is parsed in pieces of at most :data:`PIECE_WORDS` words
    (:func:`_cuts`), each piece's tree kept with its own root.
    """
    sentences = [s for doc in ([docs] if isinstance(docs, stanza.Document) else docs) for s in doc.sentences]
    short = [s for s in sentences if len(s.words) <= max_words]
    long = [s for s in sentences if len(s.words) > max_words]
    if short:
        _run(depparse, short)
    for sentence in long:
        pieces = list(_cuts(sentence.words, min(max_words, PIECE_WORDS)))
        proxy = stanza.Document([[_word_entry(w, i + 1) for i, w in enumerate(sentence.words[a:b])]
                                 for a, b in pieces])
        _run(depparse, proxy.sentences)
        for (a, _), piece in zip(pieces, proxy.sentences):
            for word, parsed in zip(sentence.words[a:a + len(piece.words)], piece.words):
                word.head, word.deprel = (parsed.head + a if parsed.head else 0), parsed.deprel
        sentence.build_dependencies()


def _run(depparse: Any, sentences: list[Any]) -> None:
    """Parse ``sentences`` (stanza Sentence objects) as one stanza document."""
    combined = stanza.Document([])
    combined.sentences = sentences
    combined.num_words = sum(len(s.words) for s in sentences)
    combined.num_tokens = sum(len(s.tokens) for s in sentences)
    depparse.process(combined)


def _word_entry(word: Any, new_id: int) -> dict[str, Any]:
    """What the parser reads of ``word``, as a one-word token numbered ``new_id``."""
    return {"id": new_id, "text": word.text, "lemma": word.lemma, "upos": word.upos,
            "xpos": word.xpos, "feats": word.feats}


def _cuts(words: list[Any], max_words: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` word ranges of at most ``max_words`` covering ``words``, each ending,
    where the second half of its window has one, after the last punctuation mark there.

    >>> class W:
    ...     def __init__(self, upos): self.upos = upos
    >>> words = [W("PUNCT" if i % 7 == 6 else "NOUN") for i in range(30)]
    >>> list(_cuts(words, 10))
    [(0, 7), (7, 14), (14, 21), (21, 30)]
    >>> list(_cuts([W("NOUN")] * 25, 10))
    [(0, 10), (10, 20), (20, 25)]
    """
    start, n = 0, len(words)
    while n - start > max_words:
        end = start + max_words
        for k in range(end, start + max_words // 2, -1):
            if words[k - 1].upos in _CUT_AFTER:
                end = k
                break
        yield start, end
        start = end
    yield start, n
