"""The errors quoteattr raises: one base class, :class:`QuoteattrError`."""

from __future__ import annotations

__all__ = ["AnnotationError", "DocumentError", "ModelNotFoundError", "QuoteattrError", "RecordError", "SettingsError"]


class QuoteattrError(Exception):
    """Base class of quoteattr's errors."""


class ModelNotFoundError(QuoteattrError):
    """A stanza model quoteattr needs is not installed (and may not be downloaded)."""


class AnnotationError(QuoteattrError, ValueError):
    """A stanza ``Document`` given by the user lacks annotations quoteattr needs."""


class DocumentError(QuoteattrError, ValueError):
    """One document cannot be processed (empty, not UTF-8, longer than the configured limit)."""


class SettingsError(QuoteattrError, ValueError):
    """A :class:`~quoteattr.Pipeline` setting is unknown or cannot work here (``device="cuda"`` without CUDA)."""


class RecordError(QuoteattrError, ValueError):
    """An extract record read back from JSON is malformed (wrong type, offsets outside the text, ...)."""
