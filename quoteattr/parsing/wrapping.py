"""Hard-wrapped text: wire copy, e-mail and Project Gutenberg break every line near a fixed
width, in the middle of sentences.  quoteattr reads such a text as if its wrapped lines were
joined: :func:`unwrap` makes each line break that only wraps a paragraph a space (one
character for one, so every offset still indexes the original text), and keeps the breaks
that end a paragraph.

A text is *hard-wrapped* (:func:`hard_wrapped`) when most of its lines go on to another
non-blank line, and among those most end without sentence-final punctuation and most reach
near one width (at most :data:`MAX_WIDTH` characters).  In such a text a line break is kept when the line
after it is blank or indented, or when the first word of the next line would have fitted on
the line (the line ended on purpose: a headline, the last line of a paragraph).

>>> text = ("The harbour master said on Monday that the new quay\\n"
...         "will open in June, a month later than planned, because\\n"
...         "the cranes arrived late from the yard in Rotterdam.\\n"
...         "\\n"
...         "“We are nearly there,” she told reporters at the gate\\n"
...         "of the port, where a crowd of workers had gathered to\\n"
...         "hear her.\\n")
>>> hard_wrapped(text)
True
>>> flat = unwrap(text)
>>> len(flat) == len(text), [line[:24] for line in flat.splitlines()]
(True, ['The harbour master said ', '', '“We are nearly there,” s'])
>>> unwrap("One paragraph a line.\\nAnother one.\\n") == "One paragraph a line.\\nAnother one.\\n"
True
"""

from __future__ import annotations

import regex

from ..lexicon.marks import CLAUSE_ENDS, SENTENCE_ENDS, closing_marks

__all__ = ["MAX_WIDTH", "hard_wrapped", "unwrap"]

#: The widest line a hard-wrapped text is taken to have (wire copy wraps near 70, e-mail near 72-78).
MAX_WIDTH = 160

#: Fewest wrapped-paragraph line breaks a text needs before it is judged hard-wrapped.
_MIN_LINES = 3

#: The punctuation a line may close on when it ends on purpose: a sentence end, ":" or ";" (not ",").
_LINE_ENDS = SENTENCE_ENDS | (CLAUSE_ENDS - {","})


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` ends on final punctuation, then closing quotation marks or brackets.

    >>> _ends_sentence("she said.”  "), _ends_sentence("the cranes arrived late,")
    (True, False)
    """
    return line.rstrip().rstrip("".join(closing_marks()) + ")]")[-1:] in _LINE_ENDS

#: One line with its line break (``\n``, ``\r\n`` or ``\r``).
_LINE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> list[tuple[int, str, str]]:
    """``(start, line, line break)`` of each line of ``text``."""
    out = []
    for m in _LINE.finditer(text):
        raw = m.group()
        body = raw.rstrip("\r\n")
        out.append((m.start(), body, raw[len(body):]))
    return out


def _inner(lines: list[tuple[int, str, str]]) -> list[str]:
    """The non-blank lines followed by a non-blank line (those a wrap may have cut), right-stripped."""
    return [a[1].rstrip() for a, b in zip(lines, lines[1:]) if a[1].strip() and b[1].strip()]


def _width(inner: list[str]) -> int:
    """The wrap width: the length that nine in ten of the inner lines do not exceed."""
    lengths = sorted(len(line) for line in inner)
    return lengths[min(len(lengths) - 1, (len(lengths) * 9) // 10)]


def hard_wrapped(text: str) -> bool:
    """Whether ``text`` is hard-wrapped: most lines that go on to another line end mid-sentence
    near one width.

    >>> hard_wrapped("A headline\\n\\nA paragraph that is a single line.\\nAnother paragraph.")
    False
    """
    lines = _lines(text)
    inner = _inner(lines)
    if len(inner) < _MIN_LINES or len(inner) < 0.4 * sum(bool(line.strip()) for _, line, _ in lines):
        return False
    width = _width(inner)
    if width > MAX_WIDTH or width < 20:
        return False
    open_ended = sum(not _ends_sentence(line) for line in inner)
    near = sum(len(line) >= 0.75 * width for line in inner)
    return open_ended >= 0.5 * len(inner) and near >= 0.6 * len(inner)


def unwrap(text: str) -> str:
    """``text`` with each line break that wraps a paragraph made a space, when it is
    :func:`hard_wrapped`; otherwise ``text`` itself.  Same length, same offsets.

    >>> unwrap("abc\\ndef") == "abc\\ndef"
    True
    """
    if not hard_wrapped(text):
        return text
    lines = _lines(text)
    width = _width(_inner(lines))
    out = list(text)
    for (start, line, brk), (_, nxt, _) in zip(lines, lines[1:]):
        if not brk or not line.strip() or not nxt.strip() or nxt[:1].isspace():
            continue
        first_word = nxt.split(None, 1)[0]
        if len(line.rstrip()) + 1 + len(first_word) <= width:
            continue  # the next word would have fitted: the line ends on purpose
        end = start + len(line)
        out[end : end + len(brk)] = " " * len(brk)
    return "".join(out)
