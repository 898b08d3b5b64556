"""The stanza pipeline quoteattr runs on.

:class:`Pipeline` builds one stanza pipeline with the processors quoteattr
needs (tokenize, mwt, pos, lemma, depparse, and ner when a model for it is
available), caches it, and runs the extraction stages over what it parses.
It also accepts a ``stanza.Document`` the user has already annotated.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Iterator

import stanza

from .attribution.flow import attribute
from .errors import ModelNotFoundError
from .model import AttributedDocument
from .parsing.annotate import annotate
from .parsing.document import check_document, guard_mwt
from .parsing.models import REQUIRED_PROCESSORS, available_processors, default_model_dir, download_command
from .parsing.seed import fixed_seed

__all__ = ["Pipeline", "extract", "get_pipeline"]


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
            f"stanza model(s) for {self.lang!r} not found in {self.model_dir}: {what}. "
            f"Get them with: {download_command(self.lang, self.model_dir)} "
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
        """stanza Documents of non-blank ``texts``, each keeping its own text (see :func:`annotate`)."""
        return annotate(self.stanza, texts)

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
