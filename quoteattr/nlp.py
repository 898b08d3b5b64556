"""The stanza pipeline quoteattr runs on.

:class:`Pipeline` builds one stanza pipeline with the processors quoteattr
needs (tokenize, mwt, pos, lemma, depparse, and ner when a model for it is
available), caches it, and runs the extraction stages over what it parses.
It also accepts a ``stanza.Document`` the user has already annotated.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any, Iterable, Iterator

import regex
import stanza

from .cues import clause_words
from .model import AttributedDocument
from .tables import rows

#: Processors quoteattr cannot work without.
REQUIRED_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
#: Processors used when a model for them is present.
OPTIONAL_PROCESSORS = ("ner",)


class QuoteattrError(Exception):
    """Base class of quoteattr's errors."""


class ModelNotFoundError(QuoteattrError):
    """A stanza model quoteattr needs is not installed (and may not be downloaded)."""


class AnnotationError(QuoteattrError, ValueError):
    """A stanza ``Document`` given by the user lacks annotations quoteattr needs."""


#: Bumped whenever quoteattr changes how it runs stanza, so cached parses keyed on it go stale.
PARSE_VERSION = 5

#: A right single quotation mark used as an apostrophe inside a word (Syria’s, don’t).
_WORD_APOSTROPHE = regex.compile(r"(?<=\p{L})\u2019(?=\p{L})")


def parser_text(text: str) -> str:
    """The text handed to stanza: ``text`` with word-internal ’ made a plain apostrophe.

    stanza's English tokenizer and MWT models split *Syria's* into *Syria* +
    *'s* but shred *Syria’s* into pieces; the replacement keeps every
    character offset, so the document's own text is restored afterwards.

    >>> parser_text("Syria’s ‘plan’")
    "Syria's ‘plan’"
    """
    return _WORD_APOSTROPHE.sub("'", text)


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


def _guard_mwt(pipeline: stanza.Pipeline) -> None:
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


@functools.cache
def verb_forms() -> dict[str, tuple[str, str]]:
    """Word forms that are always verbs, as form → (lemma, xpos), from ``data/verb_forms.tsv``.

    >>> verb_forms()["says"]
    ('say', 'VBZ')
    """
    return {cells[0].lower(): (cells[1], cells[2]) for _, cells in rows("verb_forms.tsv")}


_VERB_FEATS = {"VBZ": "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
               "VBD": "Mood=Ind|Tense=Past|VerbForm=Fin",
               "VBP": "Mood=Ind|Tense=Pres|VerbForm=Fin",
               "VB": "VerbForm=Inf"}


def repair_tags(doc: stanza.Document) -> int:
    """Retag, in place, the words of ``doc`` that :func:`verb_forms` says are verbs but the
    tagger made nouns ("He says(NNS) S"); returns how many words were changed.

    Run between tagging and parsing: stanza's parser reads the tags, so a verb tagged as
    a noun takes its clause with it.
    """
    forms = verb_forms()
    roles = clause_words()
    noun_before = roles["determiner"] | roles["possessive"]  # "a say", "his vow": the noun reading
    changed = 0
    for sentence in doc.sentences:
        for i, word in enumerate(sentence.words):
            if word.upos not in ("NOUN", "PROPN"):
                continue
            hit = forms.get(word.text.lower())
            if hit is None:
                continue
            prev = sentence.words[i - 1] if i else None
            if prev is not None and prev.text.lower() in noun_before:
                continue
            xpos = hit[1]
            if xpos == "VBP" and prev is not None and (prev.xpos == "MD" or prev.text.lower() == "to"):
                xpos = "VB"  # "would insist", "to argue"
            word.upos, word.lemma = "VERB", hit[0]
            if word.xpos is not None:
                word.xpos = xpos
            if word.feats:
                word.feats = _VERB_FEATS.get(xpos)
            changed += 1
    return changed


def default_model_dir() -> str:
    """Where stanza keeps its models: ``$STANZA_RESOURCES_DIR`` or stanza's default."""
    return os.environ.get("STANZA_RESOURCES_DIR") or stanza.resources.common.DEFAULT_MODEL_DIR


def _download_command(lang: str, model_dir: str) -> str:
    return f"python -c \"import stanza; stanza.download('{lang}', dir='{model_dir}')\""


def _available_processors(model_dir: str, lang: str) -> dict[str, str] | None:
    """Processor -> package of the models present in ``model_dir`` (None if no resources.json)."""
    path = Path(model_dir) / "resources.json"
    try:
        resources = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    lang_res = resources.get(lang)
    if isinstance(lang_res, dict) and "alias" in lang_res:
        lang_res = resources.get(lang_res["alias"])
    if not isinstance(lang_res, dict):
        return {}
    defaults = lang_res.get("default_processors", {})
    found: dict[str, str] = {}
    for proc in REQUIRED_PROCESSORS + OPTIONAL_PROCESSORS:
        if isinstance(defaults, dict) and proc in defaults:
            packages = [defaults[proc]]
        else:
            entry = lang_res.get(proc)
            packages = list(entry) if isinstance(entry, (dict, list)) else []
        for package in packages:
            if (Path(model_dir) / lang / proc / f"{package}.pt").exists():
                found[proc] = package
                break
    return found


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


class Pipeline:
    """Parse text with stanza and extract attributed quotes.

    Parameters
    ----------
    lang:
        Language code (quoteattr's tables are English).
    model_dir:
        stanza resources folder; default ``$STANZA_RESOURCES_DIR`` or stanza's own.
    download:
        ``None`` (default): like stanza, download models that are missing,
        but reuse what is there without going online; ``True``: always let
        stanza refresh its resources; ``False``: never download, and raise
        :class:`ModelNotFoundError` naming the missing model if one is absent.
    processors:
        Processor -> package overrides, e.g. ``{"depparse": "combined_charlm"}``.
    model_paths:
        Explicit model files, e.g. ``{"depparse": "/models/parser.pt"}``
        (passed to stanza as ``depparse_model_path``).
    ner:
        ``None``: use NER when a model is available; ``True``: require it;
        ``False``: never.
    device:
        Torch device for stanza (``"cpu"``, ``"cuda"``); default as stanza.
    stanza_options:
        Any further keyword arguments for ``stanza.Pipeline``.

    The stanza pipeline is built on first use and kept (:attr:`stanza`).

    >>> nlp = Pipeline()
    >>> doc = nlp('"We are ready," the minister said.', id="a1")
    >>> [(q.kind, q.content_spans[0].text) for q in doc.quotes]
    [('direct', 'We are ready,')]
    """

    def __init__(
        self,
        lang: str = "en",
        *,
        model_dir: str | os.PathLike[str] | None = None,
        download: bool | None = None,
        processors: dict[str, str] | None = None,
        model_paths: dict[str, str] | None = None,
        ner: bool | None = None,
        device: str | None = None,
        **stanza_options: Any,
    ) -> None:
        self.lang = lang
        self.model_dir = str(model_dir) if model_dir is not None else default_model_dir()
        self.download = download
        self.processors = dict(processors or {})
        self.model_paths = dict(model_paths or {})
        self.ner = ner
        self.device = device
        self.stanza_options = stanza_options
        self._stanza: stanza.Pipeline | None = None

    def __repr__(self) -> str:
        return f"Pipeline(lang={self.lang!r}, model_dir={self.model_dir!r}, download={self.download!r})"

    # -- building -------------------------------------------------------------

    def _processor_spec(self) -> tuple[dict[str, str], bool]:
        """Processors to request and whether everything needed is present locally."""
        available = _available_processors(self.model_dir, self.lang)
        spec: dict[str, str] = {}
        local = available is not None
        for proc in REQUIRED_PROCESSORS:
            if proc in self.processors:
                spec[proc] = self.processors[proc]
            elif available and proc in available:
                spec[proc] = available[proc]
            elif proc in self.model_paths:
                spec[proc] = "default"
            else:
                spec[proc] = "default"
                local = False
        want_ner = self.ner is not False and (
            self.ner is True or "ner" in self.processors or (available or {}).get("ner") or "ner" in self.model_paths
        )
        if want_ner:
            spec["ner"] = self.processors.get("ner") or (available or {}).get("ner") or "default"
            if self.ner is True and not (available or {}).get("ner") and "ner" not in self.model_paths:
                local = False
        return spec, local

    def _missing_message(self, spec: dict[str, str], cause: BaseException | None) -> str:
        available = _available_processors(self.model_dir, self.lang) or {}
        missing = [
            f"{proc} ({pkg})" for proc, pkg in spec.items()
            if proc not in available and proc not in self.model_paths
        ]
        what = ", ".join(missing) if missing else "one of " + ", ".join(spec)
        msg = (
            f"stanza model(s) for {self.lang!r} not found in {self.model_dir}: {what}. "
            f"Get them with: {_download_command(self.lang, self.model_dir)} "
            f"(or pass model_dir= / set STANZA_RESOURCES_DIR to a folder that has them)"
        )
        if cause is not None:
            msg += f". stanza said: {type(cause).__name__}: {cause}"
        return msg

    @property
    def stanza(self) -> stanza.Pipeline:
        """The cached ``stanza.Pipeline`` (built on first access)."""
        if self._stanza is None:
            self._stanza = self._build()
        return self._stanza

    def _build(self) -> stanza.Pipeline:
        spec, local = self._processor_spec()
        options: dict[str, Any] = {"logging_level": "WARN", **self.stanza_options}
        for proc, path in self.model_paths.items():
            options[f"{proc}_model_path"] = str(path)
        if self.device is not None:
            options["device"] = self.device
        if self.download is True:
            method = stanza.DownloadMethod.DOWNLOAD_RESOURCES
        elif self.download is False or local:
            method = stanza.DownloadMethod.REUSE_RESOURCES
        else:
            method = stanza.DownloadMethod.DOWNLOAD_RESOURCES
        if self.download is False and not local:
            raise ModelNotFoundError(self._missing_message(spec, None))
        try:
            pipeline = stanza.Pipeline(
                self.lang,
                dir=self.model_dir,
                processors=spec,
                download_method=method,
                **options,
            )
        except Exception as exc:  # stanza raises many kinds here
            if isinstance(exc, (TypeError, ValueError)) and "model_path" not in str(exc) and local:
                raise
            raise ModelNotFoundError(self._missing_message(spec, exc)) from exc
        _guard_mwt(pipeline)
        return pipeline

    @property
    def has_ner(self) -> bool:
        """Whether the stanza pipeline runs named-entity recognition."""
        return "ner" in self.stanza.processors

    # -- running --------------------------------------------------------------

    def parse(self, text: "str | stanza.Document") -> stanza.Document:
        """Annotate ``text`` with stanza; a ``stanza.Document`` is checked and returned."""
        if isinstance(text, stanza.Document):
            check_document(text)
            return text
        if not isinstance(text, str):
            raise TypeError(f"expected str or stanza.Document, got {type(text).__name__}")
        if not text.strip():
            return stanza.Document([], text=text)
        return self._annotate([text])[0]

    def _annotate(self, texts: list[str]) -> list[stanza.Document]:
        """stanza Documents of non-blank ``texts``, parsed as one batch, each keeping its own text.

        When the pipeline tags and parses, the tags are repaired (:func:`repair_tags`)
        between the two steps, since the parser reads them.
        """
        docs = [stanza.Document([], text=parser_text(t)) for t in texts]
        names = list(self.stanza.processors)
        if "pos" in names and "depparse" in names:
            cut = names.index("depparse")
            docs = self.stanza.bulk_process(docs, processors=names[:cut])
            for doc in docs:
                repair_tags(doc)
            docs = self.stanza.bulk_process(docs, processors=names[cut:])
        else:
            docs = self.stanza.bulk_process(docs)
        for doc, text in zip(docs, texts):
            doc.text = text  # parser_text kept every offset
        return docs

    def __call__(
        self,
        text: "str | stanza.Document",
        id: str = "doc",
        *,
        source: str | None = None,
        date: str | None = None,
        nested: bool = False,
    ) -> AttributedDocument:
        """Extract the attributed quotes of one document (``nested``: see :func:`quoteattr.attribute`)."""
        from .extract import attribute

        return attribute(self.parse(text), id=id, source=source, date=date, nested=nested)

    def pipe(
        self,
        texts: Iterable["str | stanza.Document"],
        ids: Iterable[str] | None = None,
        *,
        batch_size: int = 16,
        nested: bool = False,
    ) -> Iterator[AttributedDocument]:
        """Extract quotes from many documents, parsing them in stanza batches.

        ``ids`` defaults to ``doc0``, ``doc1``, ...
        """
        from .extract import attribute

        id_iter = iter(ids) if ids is not None else None
        batch: list[tuple[str, Any]] = []

        def flush() -> Iterator[AttributedDocument]:
            todo = [k for k, (_, t) in enumerate(batch) if isinstance(t, str) and t.strip()]
            parsed = dict(zip(todo, self._annotate([batch[k][1] for k in todo]))) if todo else {}
            for k, (doc_id, t) in enumerate(batch):
                yield attribute(parsed[k] if k in parsed else self.parse(t), id=doc_id, nested=nested)
            batch.clear()

        for n, text in enumerate(texts):
            doc_id = next(id_iter) if id_iter is not None else f"doc{n}"
            batch.append((doc_id, text))
            if len(batch) >= batch_size:
                yield from flush()
        if batch:
            yield from flush()


_DEFAULT: dict[tuple, Pipeline] = {}


def get_pipeline(**settings: Any) -> Pipeline:
    """A cached :class:`Pipeline` for these settings (one per distinct settings)."""
    key = tuple(sorted((k, repr(v)) for k, v in settings.items()))
    if key not in _DEFAULT:
        _DEFAULT[key] = Pipeline(**settings)
    return _DEFAULT[key]


def extract(text: "str | stanza.Document", id: str = "doc", **settings: Any) -> AttributedDocument:
    """Extract attributed quotes from ``text`` with a cached default :class:`Pipeline`.

    >>> doc = extract('"Prices will fall," Ms. Ortega said.')
    >>> doc.quotes[0].speaker.text
    'Ms. Ortega'
    """
    return get_pipeline(**settings)(text, id=id)
