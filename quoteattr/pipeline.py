"""The stanza pipeline quoteattr runs on.

:class:`Pipeline` builds one stanza pipeline with the processors quoteattr
needs (tokenize, mwt, pos, lemma, depparse, and ner when a model for it is
available), caches it, and runs the extraction stages over what it parses.
It also accepts a ``stanza.Document`` the user has already annotated.
"""

from __future__ import annotations

import contextlib
import copy
import datetime
import os
from typing import Any, ContextManager, Mapping

import attrs
import stanza

from .attribution.flow import attribute
from .attribution.profiles import DEFAULT_PROFILE, check_profile
from .errors import DocumentError, ModelNotFoundError, SettingsError
from .lexicon import tables
from .model import AttributedDocument
from .parsing.annotate import annotate
from .parsing.document import check_document, guard_mwt
from .parsing.models import REQUIRED_PROCESSORS, available_processors, default_model_dir, download_command
from .parsing.seed import fixed_seed
from .parsing.wrapping import unwrap
from .stream import process

__all__ = ["DEFAULT_MAX_CHARS", "Pipeline", "extract", "get_pipeline"]

#: Longest document a :class:`Pipeline` takes by default, in characters (a long novel chapter; news is far shorter).
DEFAULT_MAX_CHARS = 1_000_000


def _check_device(device: str | None) -> None:
    """Refuse a CUDA device that this machine's torch cannot use (stanza would blame the models)."""
    if device is None:
        return
    if not isinstance(device, str):
        raise SettingsError(f"device must be a str such as 'cpu' or 'cuda', got {device!r}")
    if device.startswith("cuda"):
        import torch

        if not torch.cuda.is_available():
            raise SettingsError(f"device={device!r}, but this torch has no CUDA device; use device='cpu' (or None)")


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
        A CUDA device on a machine whose torch has no CUDA is a :class:`SettingsError`.
    max_chars:
        Longest document accepted, in characters (``None``: no limit); a longer
        one is a :class:`DocumentError` (in :meth:`pipe`, handled per ``errors=``).
    profile:
        Which attributions count as quotes (see :mod:`quoteattr.attribution.profiles`):
        ``"attribution"`` (default): every attribution, PARC/PolNeAR style (what people
        said, wrote, think, want, and what reports show); ``"speech"``: only what people
        said or wrote.  Another name is a :class:`SettingsError`.
    lexicon:
        A folder of your own data tables (``cues.tsv``, ``titles.tsv``, … with the columns of the
        packaged ones in ``quoteattr/data/``): each table found there is read instead of the
        packaged one, the others stay as packaged (see :func:`quoteattr.lexicon.tables.lexicon`).
        A folder that does not exist is a :class:`SettingsError`.
    stanza_options:
        Further keyword arguments for ``stanza.Pipeline``, as a dict.

    Any other keyword is a ``TypeError``.

    The stanza pipeline is built on first use and kept (:attr:`stanza`).

    >>> nlp = Pipeline()
    >>> doc = nlp('"We are ready," the minister said.', id="a1")
    >>> [(q.kind, q.content_spans[0].text) for q in doc.quotes]
    [('direct', 'We are ready,')]

    The ``"speech"`` profile keeps what people said or wrote, not what they think or want:

    >>> text = "The mayor said the bridge will open in May. Residents believe it will be late."
    >>> [(q.cue.text, q.cue_class) for q in nlp(text).quotes]
    [('said', 'speech'), ('believe', 'thought')]
    >>> [(q.cue.text, q.cue_class) for q in Pipeline(profile="speech")(text).quotes]
    [('said', 'speech')]
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
        max_chars: int | None = DEFAULT_MAX_CHARS,
        profile: str = DEFAULT_PROFILE,
        lexicon: str | os.PathLike[str] | None = None,
        stanza_options: Mapping[str, Any] | None = None,
    ) -> None:
        _check_device(device)
        self.profile = check_profile(profile)
        if lexicon is not None and not os.path.isdir(lexicon):
            raise SettingsError(f"lexicon folder {str(lexicon)!r} does not exist")
        #: The user's folder of data tables read over the packaged ones (``None``: packaged only).
        self.lexicon = os.fspath(lexicon) if lexicon is not None else None
        if max_chars is not None and (not isinstance(max_chars, int) or max_chars < 1):
            raise SettingsError(f"max_chars must be a positive int or None, got {max_chars!r}")
        self.lang = lang
        self.model_dir = str(model_dir) if model_dir is not None else default_model_dir()
        self.download = download
        self.processors = dict(processors or {})
        self.model_paths = dict(model_paths or {})
        self.ner = ner
        self.device = device
        self.max_chars = max_chars
        self.stanza_options = dict(stanza_options or {})
        #: How the model folder is set, as the user's interface names it (the CLI says ``--models DIR``).
        self.dir_option = "model_dir="
        self._stanza: stanza.Pipeline | None = None
        self._shares: Pipeline | None = None  # the pipeline whose stanza pipeline this one uses

    def settings(self) -> dict[str, Any]:
        """The keyword arguments that build a pipeline like this one (what a worker process of
        :meth:`pipe` builds its own from).

        >>> Pipeline(profile="speech", max_chars=5000).settings()["profile"]
        'speech'
        """
        return {"lang": self.lang, "model_dir": self.model_dir, "download": self.download,
                "processors": self.processors, "model_paths": self.model_paths, "ner": self.ner,
                "device": self.device, "max_chars": self.max_chars, "profile": self.profile,
                "lexicon": self.lexicon, "stanza_options": self.stanza_options}

    def __repr__(self) -> str:
        return (f"Pipeline(lang={self.lang!r}, model_dir={self.model_dir!r}, download={self.download!r}, "
                f"profile={self.profile!r})")

    # -- building -------------------------------------------------------------

    def _processor_spec(self) -> tuple[dict[str, str], bool]:
        """Processors to request and whether everything needed is present locally."""
        available = available_processors(self.model_dir, self.lang)
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
        available = available_processors(self.model_dir, self.lang) or {}
        missing = [
            f"{proc} ({pkg})" for proc, pkg in spec.items()
            if proc not in available and proc not in self.model_paths
        ]
        what = ", ".join(missing) if missing else "one of " + ", ".join(spec)
        msg = (
            f"stanza's {self.lang!r} models are not in {self.model_dir} (missing: {what}). "
            f"Set STANZA_RESOURCES_DIR or {self.dir_option} to a folder that has them, "
            f"or, where a network exists, run: {download_command(self.lang, self.model_dir)}"
        )
        if cause is not None:
            said = (str(cause).strip().splitlines() or [""])[0]
            said = said if len(said) <= 200 else said[:197] + "..."
            msg += f" (stanza said: {type(cause).__name__}: {said})"
        return msg

    @property
    def stanza(self) -> stanza.Pipeline:
        """The cached ``stanza.Pipeline`` (built on first access)."""
        if self._stanza is None:
            self._stanza = self._shares.stanza if self._shares is not None else self._build()
        return self._stanza

    def with_profile(self, profile: str) -> "Pipeline":
        """A pipeline with these settings and another ``profile``, sharing this one's stanza pipeline.

        >>> nlp = Pipeline()
        >>> speech = nlp.with_profile("speech")
        >>> speech.profile, speech.stanza is nlp.stanza
        ('speech', True)
        """
        other = copy.copy(self)
        other.profile = check_profile(profile)
        other._shares = self
        return other

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
            with fixed_seed():  # weights stanza leaves to random initialisation: the same in every process
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
        guard_mwt(pipeline)
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
        """stanza Documents of non-blank ``texts``, each keeping its own text.

        Each document is tokenized on its own and the sentences of all of them tagged and
        parsed together (the same annotation as alone), the tags repaired before the dependency
        parser and long sentences parsed in pieces (:func:`quoteattr.parsing.annotate.annotate`);
        a hard-wrapped text is parsed with its wrapped lines joined
        (:func:`quoteattr.parsing.wrapping.unwrap`).
        """
        with self._tables():
            docs = annotate(self.stanza, [unwrap(t) for t in texts])
        for doc, text in zip(docs, texts):
            doc.text = text  # unwrap kept every offset
        return docs

    def __call__(
        self,
        text: "str | stanza.Document",
        id: str = "doc",
        *,
        source: str | None = None,
        date: "str | datetime.date | None" = None,
        nested: bool = False,
        metadata: Mapping[str, Any] | None = None,
    ) -> AttributedDocument:
        """Extract the attributed quotes of one document (``nested``: see :func:`quoteattr.attribute`).

        Raises :class:`DocumentError` for a text longer than :attr:`max_chars`.
        """
        if isinstance(text, str):
            self._check_length(text)
        doc = self.attribute(self.parse(text), id=id, source=source, date=date, nested=nested)
        return attrs.evolve(doc, metadata=metadata) if metadata else doc

    def attribute(
        self,
        doc: stanza.Document,
        id: str = "doc",
        *,
        source: str | None = None,
        date: "str | datetime.date | None" = None,
        nested: bool = False,
    ) -> AttributedDocument:
        """The attributed quotes of a parsed ``doc`` under this pipeline's settings (its :attr:`profile`).

        This is :func:`quoteattr.attribute` with this pipeline's profile and lexicon;
        :meth:`__call__` and :meth:`pipe` run it after parsing.  When ``doc.text`` is
        hard-wrapped, the stages read it with its wrapped lines joined
        (:func:`quoteattr.parsing.wrapping.unwrap`), and the result indexes and quotes the
        original text:

        >>> nlp = Pipeline()
        >>> wrapped = ('The mayor said on Monday that the new ferry will run all\\n'
        ...            'winter, whatever the weather, and that the fares will not\\n'
        ...            'rise before the spring. “We have the boats and the crews,”\\n'
        ...            'she told reporters at the quay, “and the town needs them.”\\n')
        >>> [[s.text for s in q.content_spans] for q in nlp(wrapped).quotes]  # doctest: +NORMALIZE_WHITESPACE
        [['the new ferry will run all\\nwinter, whatever the weather, and that the fares will not\\nrise before the spring'],
         ['We have the boats and the crews,', 'and the town needs them.']]
        """
        with self._tables():
            return attribute(doc, id=id, source=source, date=date, nested=nested, profile=self.profile)

    def _tables(self) -> ContextManager[None]:
        """The context in which this pipeline's stages read their tables: its :attr:`lexicon`
        folder over the packaged tables, or, without one, whatever folder is in effect."""
        return tables.lexicon(self.lexicon) if self.lexicon is not None else contextlib.nullcontext()

    def _check_length(self, text: str) -> None:
        if self.max_chars is not None and len(text) > self.max_chars:
            raise DocumentError(f"{len(text)} characters, over the limit of {self.max_chars} (max_chars)")

    #: Extract quotes from a stream of documents, lazily, in input order: :func:`quoteattr.stream.process`
    #: with this pipeline (``nlp.pipe(items, ...)``).
    pipe = process


_DEFAULT: dict[tuple, Pipeline] = {}


def get_pipeline(**settings: Any) -> Pipeline:
    """A cached :class:`Pipeline` for these settings (one per distinct settings).

    Pipelines that differ only in their ``profile`` share one stanza pipeline.
    """
    profile = check_profile(settings.pop("profile", DEFAULT_PROFILE))
    key = tuple(sorted((k, repr(v)) for k, v in settings.items()))
    if key not in _DEFAULT:
        _DEFAULT[key] = Pipeline(**settings)
    if profile == DEFAULT_PROFILE:
        return _DEFAULT[key]
    if key + (profile,) not in _DEFAULT:
        _DEFAULT[key + (profile,)] = _DEFAULT[key].with_profile(profile)
    return _DEFAULT[key + (profile,)]


def extract(
    text: "str | stanza.Document",
    id: str = "doc",
    *,
    source: str | None = None,
    date: "str | datetime.date | None" = None,
    nested: bool = False,
    metadata: Mapping[str, Any] | None = None,
    **settings: Any,
) -> AttributedDocument:
    """Extract attributed quotes from ``text`` with a cached default :class:`Pipeline`.

    ``settings`` are :class:`Pipeline` settings (``model_dir``, ``download``, ``profile``, ...);
    an unknown one is a ``TypeError``.

    >>> doc = extract('"Prices will fall," Ms. Ortega said.', source="Daily Post", date="2024-05-01")
    >>> doc.quotes[0].speaker.text, doc.source, doc.date
    ('Ms. Ortega', 'Daily Post', '2024-05-01')
    >>> text = "Ms. Ortega said prices will fall. Traders fear that a slump is coming."
    >>> [q.cue.text for q in extract(text).quotes], [q.cue.text for q in extract(text, profile="speech").quotes]
    (['said', 'fear'], ['said'])
    """
    return get_pipeline(**settings)(text, id=id, source=source, date=date, nested=nested, metadata=metadata)
