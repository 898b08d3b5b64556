"""Value classes shared by every stage of quoteattr.

All classes are small frozen ``attrs`` classes.  Offsets are Python string
offsets into the document text, end exclusive, exactly like stanza's
``start_char``/``end_char``.

>>> text = "Kim said it was fine."
>>> Span.of(text, 0, 3)
Span(start=0, end=3, text='Kim')
>>> Span.of(text, 0, 3).to_dict()
{'start': 0, 'end': 3, 'text': 'Kim'}
"""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING, Any, Iterable, Literal, Mapping

import attrs

from .errors import RecordError
from .parsing.tree import word_span

__all__ = ["SCHEMA_VERSION", "AttributedDocument", "Candidate", "Entity", "Quote", "Span"]

if TYPE_CHECKING:  # pragma: no cover
    import stanza

#: Version of the JSON schema written by :meth:`AttributedDocument.to_dict`.
SCHEMA_VERSION = "1.3"

QuoteKind = Literal["direct", "indirect", "mixed"]
EntityType = Literal["person", "organization", "unknown"]

QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "unknown")


def _check_offsets(instance: Any, attribute: Any, value: int) -> None:
    if not isinstance(value, int) or value < 0:
        raise ValueError(f"{attribute.name} must be a non-negative int, got {value!r}")


@attrs.frozen(order=True)
class Span:
    """A stretch of a document's text: ``text == document_text[start:end]``.

    >>> s = Span.of("He said so.", 3, 7)
    >>> s.text, len(s)
    ('said', 4)
    >>> s.overlap(Span(5, 11, "id so."))
    2
    """

    start: int = attrs.field(validator=_check_offsets)
    end: int = attrs.field(validator=_check_offsets)
    text: str = attrs.field(default="", order=False)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span ``start:end`` of ``text``, carrying its text."""
        return cls(start, end, text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def overlap(self, other: "Span") -> int:
        """Number of characters shared with ``other``."""
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def contains(self, other: "Span") -> bool:
        """Whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Any, text: str | None = None, where: str = "span") -> "Span":
        """Rebuild a span from ``{"start", "end", "text"}``, checking it (see :func:`_span`).

        >>> Span.from_dict({"start": 0, "end": 3, "text": "Kim"}, "Kim said so.")
        Span(start=0, end=3, text='Kim')
        >>> Span.from_dict({"start": 0, "end": 30}, "Kim said so.", "cue")
        Traceback (most recent call last):
        quoteattr.errors.RecordError: cue: end 30 is beyond the text (length 12)
        """
        record = _record(data, where)
        return _span(_get(record, "start", int, where), _get(record, "end", int, where), text, where,
                     given=_get(record, "text", str, where, optional=True))


def _optional_tuple(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(str(v) for v in value)


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


@attrs.frozen
class Candidate:
    """A quote found by an extraction stage, before speakers are resolved.

    ``start``/``end`` cover the whole quote with its quotation marks (and any
    interruption); ``content_spans`` are the exact pieces of what was said.
    ``cue`` is the attribution cue (``said``, ``according to``), ``speaker``
    the mention the quote hangs on, and ``speaker_head`` the
    ``(sentence index, word id)`` of that mention's head word in the stanza
    document, so later stages can read its parse.  ``cue_class`` is the class
    of the cue and ``frame`` the frame its content was read by (see
    :attr:`Quote.cue_class` and :attr:`Quote.frame`).
    """

    kind: str
    start: int
    end: int
    content_spans: tuple[Span, ...] = attrs.field(converter=_spans)
    cue: Span | None = None
    speaker: Span | None = None
    speaker_head: tuple[int, int] | None = None
    sentence: int | None = None
    cue_class: str | None = None
    frame: str | None = None
    negated: bool = False

    def __attrs_post_init__(self) -> None:
        if self.kind not in QUOTE_KINDS:
            raise ValueError(f"kind must be one of {QUOTE_KINDS}, got {self.kind!r}")


@attrs.frozen
class Quote:
    """An attributed quotation.

    ``start``/``end`` cover the quote whole, from the start of its first
    content span to the end of its last, with its quotation marks;
    ``content_spans`` are the exact pieces of what was said.  ``speaker`` is
    the mention the quote hangs on (``he``, ``Savett``), ``entity`` the id of
    the resolved :class:`Entity` in the same document.

    ``cue_class`` says what kind of attribution the cue makes: the class the
    cue lexicon gives it (``speech``, ``writing``, ``thought``, ``report``,
    ``attitude``) or gives the frame its content was read by (``topic``: only what
    was talked about, *talked about Y*, *discussed Y*; ``attitude``: *agreed to V*),
    ``clause`` for a verb outside the lexicon that reports a
    clause of its own (*conceded that…*), ``other`` for a verb outside the
    lexicon right after a direct quotation (*“…,” he smiled*), ``None`` when
    there is no cue.  Keep ``speech`` and ``writing`` for quotes in the
    narrow sense.

    ``frame`` is the frame of the cue lexicon the content was read by (``ccomp``:
    *said that S*; ``parataxis``: *S, he said*; ``xcomp``: *vowed to V*; ``obj``:
    *denied Y*; a preposition: *talked about Y*; see ``data/cues.tsv``), ``phrase``
    for a cue phrase with a speaker slot (*according to X*), ``None`` for a direct
    quotation and a quote read from the layout.  ``negated`` is true for a report that
    says nothing was said: a negated or refused cue (*did not respond to Y*, *would not
    say whether S*, *declined to comment*).

    ``lemmas`` are the stanza lemmas of the words of the content spans, in order, punctuation
    left out (``None`` when unknown: the quote was built without a parse).  They travel in the
    JSON so that linking a JSON file compares the same words as linking the parsed documents.
    """

    id: str
    kind: str
    start: int
    end: int
    text: str
    content_spans: tuple[Span, ...] = attrs.field(converter=_spans)
    cue: Span | None = None
    speaker: Span | None = None
    entity: str | None = None
    cue_class: str | None = None
    lemmas: tuple[str, ...] | None = attrs.field(default=None, converter=_optional_tuple, eq=False)
    frame: str | None = None
    negated: bool = False

    def __attrs_post_init__(self) -> None:
        if self.kind not in QUOTE_KINDS:
            raise ValueError(f"kind must be one of {QUOTE_KINDS}, got {self.kind!r}")

    @property
    def content(self) -> str:
        """What was said: the content spans joined by a space."""
        return " ".join(s.text for s in self.content_spans)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "content_spans": [[s.start, s.end] for s in self.content_spans],
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "entity": self.entity,
            "cue_class": self.cue_class,
            **({"lemmas": list(self.lemmas)} if self.lemmas is not None else {}),
            **({"frame": self.frame} if self.frame is not None else {}),
            **({"negated": True} if self.negated else {}),
        }

    @classmethod
    def from_dict(cls, data: Any, text: str | None = None, where: str = "quote") -> "Quote":
        """Rebuild a quote; ``text`` (the document's) restores span texts and bounds the offsets.

        Types, ``kind`` and ``0 <= start <= end <= len(text)`` are checked, and a
        :class:`~quoteattr.errors.RecordError` names the field that is wrong.
        """
        record = _record(data, where)
        start, end = _get(record, "start", int, where), _get(record, "end", int, where)
        whole = _span(start, end, text, where, given=_get(record, "text", str, where, optional=True))
        pairs = _get(record, "content_spans", list, where, optional=True) or []
        kind = _get(record, "kind", str, where)
        if kind not in QUOTE_KINDS:
            raise RecordError(f"{where}: kind must be one of {QUOTE_KINDS}, got {kind!r}")
        cue_class = _get(record, "cue_class", str, where, optional=True)
        cue, speaker = record.get("cue"), record.get("speaker")
        return cls(
            id=_id(record, where),
            kind=kind,
            start=start,
            end=end,
            text=whole.text,
            content_spans=tuple(_pair(p, text, f"{where}.content_spans[{n}]") for n, p in enumerate(pairs)),
            cue=Span.from_dict(cue, text, f"{where}.cue") if cue is not None else None,
            speaker=Span.from_dict(speaker, text, f"{where}.speaker") if speaker is not None else None,
            entity=_get(record, "entity", str, where, optional=True),
            cue_class=cue_class,
            lemmas=_lemmas(record, where),
            frame=_get(record, "frame", str, where, optional=True),
            negated=bool(_get(record, "negated", bool, where, optional=True)),
        )


@attrs.frozen
class Entity:
    """A speaker: a person, an organisation, or an unnamed source.

    ``label`` is a short display form such as ``"NSC spokesperson Sean
    Savett"``; ``mentions`` are every span of the document that refers to it.
    ``organization`` is the body a person speaks for ("Port Authority" of "Port
    Authority Director Ana Ruiz"), and ``organization_entity`` the id of the
    entity of the same document that body resolves to, when there is one.
    ``aliases`` are the other names the entity goes by in the document or the
    tables (an organisation's acronym or short form, a person's surname form).

    >>> e = Entity("e1", name="Sean Savett", title="spokesperson",
    ...            organization="National Security Council",
    ...            label="NSC spokesperson Sean Savett", type="person")
    >>> Entity.from_dict(e.to_dict()) == e
    True
    """

    id: str
    name: str | None = None
    title: str | None = None
    organization: str | None = None
    label: str = ""
    type: str = "unknown"
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    organization_entity: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    def __attrs_post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"type must be one of {ENTITY_TYPES}, got {self.type!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "organization": self.organization,
            "label": self.label,
            "type": self.type,
            "mentions": [[m.start, m.end] for m in self.mentions],
            "organization_entity": self.organization_entity,
            "aliases": list(self.aliases),
        }

    @classmethod
    def from_dict(cls, data: Any, text: str | None = None, where: str = "entity") -> "Entity":
        """Rebuild an entity, checking its types and mention offsets like :meth:`Quote.from_dict`."""
        record = _record(data, where)
        pairs = _get(record, "mentions", list, where, optional=True) or []
        kind = _get(record, "type", str, where, optional=True) or "unknown"
        if kind not in ENTITY_TYPES:
            raise RecordError(f"{where}: type must be one of {ENTITY_TYPES}, got {kind!r}")
        return cls(
            id=_id(record, where),
            name=_get(record, "name", str, where, optional=True),
            title=_get(record, "title", str, where, optional=True),
            organization=_get(record, "organization", str, where, optional=True),
            label=_get(record, "label", str, where, optional=True) or "",
            type=kind,
            mentions=tuple(_pair(p, text, f"{where}.mentions[{n}]") for n, p in enumerate(pairs)),
            organization_entity=_get(record, "organization_entity", str, where, optional=True),
            aliases=tuple(_strings(record, "aliases", where)),
        )


def _check_id(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str):
        raise TypeError(f"document {attribute.name} must be a str, got {type(value).__name__} {value!r}")


def _optional_str(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"document {attribute.name} must be a str or None, got {type(value).__name__} {value!r}")


def _iso_date(value: Any) -> Any:
    """A ``datetime.date``/``datetime`` as its ISO string; anything else unchanged (then checked)."""
    return value.isoformat() if isinstance(value, (datetime.date, datetime.datetime)) else value


def _json_metadata(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"document metadata must be a mapping, got {type(value).__name__}")
    out = dict(value)
    try:
        json.dumps(out)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"document metadata must be JSON-serialisable: {exc}") from None
    return out


@attrs.frozen(repr=False)
class AttributedDocument:
    """A document with its quotes and speakers.

    It keeps the stanza ``Document`` it was built from (``stanza_doc``), so
    every quote and speaker can be traced back to real tokens with
    :meth:`words`.  ``to_dict``/``from_dict`` round-trip the JSON form (the
    stanza document itself is not serialised).

    ``id``, ``source`` and ``date`` are strings (a ``datetime.date`` becomes
    its ISO form); ``metadata`` holds whatever JSON-able fields the user
    passed along with the text (see :meth:`Pipeline.pipe`); ``error`` says why
    a document could not be processed (then it has no quotes).

    >>> import datetime
    >>> doc = AttributedDocument("a1", "No quotes.", date=datetime.date(2024, 5, 1))
    >>> doc
    <AttributedDocument 'a1': 0 quotes, 0 speakers, 10 characters, 2024-05-01>
    >>> doc.to_dict()["date"]
    '2024-05-01'
    """

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_id)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=tuple)
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=tuple)
    source: str | None = attrs.field(default=None, validator=_optional_str)
    date: str | None = attrs.field(default=None, converter=_iso_date, validator=_optional_str)
    stanza_doc: "stanza.Document | None" = attrs.field(default=None, eq=False, repr=False)
    metadata: dict[str, Any] = attrs.field(factory=dict, converter=_json_metadata, hash=False)
    error: str | None = attrs.field(default=None, validator=_optional_str)

    # -- display ---------------------------------------------------------------

    def __repr__(self) -> str:
        parts = [f"{len(self.quotes)} quote{'s' * (len(self.quotes) != 1)}",
                 f"{len(self.entities)} speaker{'s' * (len(self.entities) != 1)}",
                 f"{len(self.text)} characters"]
        parts += [v for v in (self.source, self.date) if v]
        if self.error:
            parts.append(f"error: {self.error}")
        return f"<AttributedDocument {self.id!r}: {', '.join(parts)}>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's plain-text display: the summary, then one line per quote."""
        printer.text(repr(self))
        for q in self.quotes[:20]:
            speaker = self.speaker_of(q)
            who = speaker.label if speaker else (q.speaker.text if q.speaker else "?")
            content = q.content if len(q.content) <= 70 else q.content[:67] + "..."
            printer.break_()
            printer.text(f"  {q.id} {q.kind:<8} {who}: {content}")
        if len(self.quotes) > 20:
            printer.break_()
            printer.text(f"  ... {len(self.quotes) - 20} more")

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the article with its quotes highlighted (:func:`quoteattr.render`)."""
        from .display import render

        return render(self)

    # -- tables ----------------------------------------------------------------

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per quote (see :func:`quoteattr.records.quote_records`)."""
        from .records import quote_records

        return quote_records(self)

    def to_pandas(self) -> Any:
        """The quotes as a ``pandas.DataFrame`` (needs ``pip install quoteattr[pandas]``)."""
        from .records import to_pandas

        return to_pandas(self)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with id ``entity_id`` (``None`` if there is none)."""
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def speaker_of(self, quote: Quote) -> Entity | None:
        """The resolved speaker entity of ``quote``."""
        return self.entity(quote.entity)

    def words(self, span: Span) -> list[Any]:
        """The stanza ``Word`` objects that overlap ``span``.

        Raises ``ValueError`` when the document has no stanza annotation
        (for example after :meth:`from_dict`).
        """
        if self.stanza_doc is None:
            raise ValueError("this document carries no stanza Document (it was loaded from JSON)")
        out = []
        for sent in self.stanza_doc.sentences:
            if sent.tokens and (sent.tokens[-1].end_char <= span.start or sent.tokens[0].start_char >= span.end):
                continue
            for word in sent.words:
                ws, we = word_span(word)
                if ws < span.end and we > span.start:
                    out.append(word)
        return out

    def lemmas(self, quote: Quote) -> tuple[str, ...] | None:
        """The lemmas of ``quote``'s content words (see :attr:`Quote.lemmas`): the quote's own
        when it carries them (a document read from JSON), else from the stanza parse, else ``None``.

        >>> q = Quote("q1", "direct", 0, 5, '"Yes"', (Span(1, 4, "Yes"),), lemmas=("yes",))
        >>> AttributedDocument("d", '"Yes" he said', (q,)).lemmas(q)
        ('yes',)
        """
        if quote.lemmas is not None:
            return quote.lemmas
        if self.stanza_doc is None:
            return None
        out: list[str] = []
        try:
            for span in quote.content_spans:
                out.extend(w.lemma or w.text for w in self.words(span) if w.upos not in ("PUNCT", "SYM"))
        except (AttributeError, ValueError):
            return None
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        quotes = [q if q.lemmas is not None or self.stanza_doc is None else attrs.evolve(q, lemmas=self.lemmas(q))
                  for q in self.quotes]
        out: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "quotes": [q.to_dict() for q in quotes],
            "entities": [e.to_dict() for e in self.entities],
            "schema": SCHEMA_VERSION,
        }
        if self.source is not None:
            out["source"] = self.source
        if self.date is not None:
            out["date"] = self.date
        if self.metadata:
            out["metadata"] = dict(self.metadata)
        if self.error is not None:
            out["error"] = self.error
        return out

    @classmethod
    def from_dict(cls, data: Any) -> "AttributedDocument":
        """Rebuild a document from its JSON form, checking it whole.

        Besides the checks of :meth:`Quote.from_dict` and :meth:`Entity.from_dict`,
        quote and entity ids must be unique and a quote's ``entity`` must be one of
        the document's entities.  A :class:`~quoteattr.errors.RecordError` says
        which field is wrong.

        >>> AttributedDocument.from_dict({"id": "d", "text": "Hi.", "quotes": [
        ...     {"id": "q1", "kind": "direct", "start": 0, "end": 3, "content_spans": [[10]]}]})
        Traceback (most recent call last):
        quoteattr.errors.RecordError: quotes[0].content_spans[0]: expected [start, end], got [10]
        """
        record = _record(data, "document")
        text = _get(record, "text", str, "document")
        quotes = tuple(Quote.from_dict(q, text, f"quotes[{n}]")
                       for n, q in enumerate(_get(record, "quotes", list, "document", optional=True) or []))
        entities = tuple(Entity.from_dict(e, text, f"entities[{n}]")
                         for n, e in enumerate(_get(record, "entities", list, "document", optional=True) or []))
        _unique([q.id for q in quotes], "quotes")
        _unique([e.id for e in entities], "entities")
        known = {e.id for e in entities}
        for n, q in enumerate(quotes):
            if q.entity is not None and q.entity not in known:
                raise RecordError(f"quotes[{n}]: entity {q.entity!r} is not among the document's entities")
        return cls(
            id=_id(record, "document"),
            text=text,
            quotes=quotes,
            entities=entities,
            source=_get(record, "source", str, "document", optional=True),
            date=_get(record, "date", str, "document", optional=True),
            metadata=_get(record, "metadata", dict, "document", optional=True),
            error=_get(record, "error", str, "document", optional=True),
        )


# -- checking records read back from JSON -----------------------------------------------------------


def _record(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise RecordError(f"{where}: expected an object, got {type(data).__name__}")
    return data


def _get(record: dict[str, Any], key: str, kind: type, where: str, optional: bool = False) -> Any:
    """``record[key]`` if it is a ``kind`` (an int never a bool); ``None`` when optional and absent or null."""
    value = record.get(key)
    if value is None:
        if optional:
            return None
        raise RecordError(f"{where}: {key} is {'null' if key in record else 'missing'}")
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RecordError(f"{where}: {key} must be {_TYPE_NAMES[kind]}, got {value!r}")
    return value


_TYPE_NAMES = {int: "an integer", str: "a string", list: "a list", dict: "an object", bool: "true or false"}


def _id(record: dict[str, Any], where: str) -> str:
    """A record's id: a string, or an integer written as one."""
    value = record.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _get(record, "id", str, where)


def _span(start: int, end: int, text: str | None, where: str, given: str | None = None) -> Span:
    """The checked span ``start:end``: ``0 <= start <= end`` and, with the document's ``text``,
    ``end <= len(text)`` and a ``given`` text equal to ``text[start:end]``."""
    if start < 0:
        raise RecordError(f"{where}: start {start} is negative")
    if end < start:
        raise RecordError(f"{where}: end {end} is before start {start}")
    if text is None:
        return Span(start, end, given or "")
    if end > len(text):
        raise RecordError(f"{where}: end {end} is beyond the text (length {len(text)})")
    if given is not None and given != text[start:end]:
        raise RecordError(f"{where}: text {given!r} is not the document's text at {start}:{end}")
    return Span(start, end, text[start:end])


def _pair(pair: Any, text: str | None, where: str) -> Span:
    """A span written ``[start, end]``."""
    if (not isinstance(pair, list) or len(pair) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in pair)):
        raise RecordError(f"{where}: expected [start, end], got {pair!r}")
    return _span(pair[0], pair[1], text, where)


def _strings(record: dict[str, Any], key: str, where: str) -> list[str]:
    """``record[key]``: a list of strings (empty when absent or null)."""
    values = _get(record, key, list, where, optional=True) or []
    if not all(isinstance(v, str) for v in values):
        raise RecordError(f"{where}: {key} must be a list of strings, got {values!r}")
    return values


def _lemmas(record: dict[str, Any], where: str) -> tuple[str, ...] | None:
    """A quote's ``lemmas`` (absent: ``None``, the quote was not read from a parse)."""
    if record.get("lemmas") is None:
        return None
    return tuple(_strings(record, "lemmas", where))


def _unique(ids: list[str], where: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise RecordError(f"{where}: id {i!r} is used twice")
        seen.add(i)
