"""quoteattr: quotation attribution for news.

Finds direct, indirect and mixed quotations in news articles, resolves their
speakers to people and organisations with their titles, and links repeated
quotes across documents.

>>> import quoteattr
>>> doc = quoteattr.extract('"It is over," said the coach, Ana Ruiz.')
>>> doc.quotes[0].kind
'direct'
"""

from .attribution.flow import attribute
from .errors import AnnotationError, DocumentError, ModelNotFoundError, QuoteattrError, SettingsError
from .linking.linker import link as link_documents
from .linking.results import LinkResult
from .linking.store import Corpus
from .model import AttributedDocument, Candidate, Entity, Quote, Span
from .pipeline import Pipeline, extract
from .records import to_pandas, to_records
from .display import render
from .stream import stream

__all__ = [
    "AnnotationError",
    "AttributedDocument",
    "DocumentError",
    "Candidate",
    "Corpus",
    "Entity",
    "LinkResult",
    "ModelNotFoundError",
    "Pipeline",
    "Quote",
    "QuoteattrError",
    "SettingsError",
    "Span",
    "attribute",
    "extract",
    "link_documents",
    "render",
    "stream",
    "to_pandas",
    "to_records",
]
__version__ = "0.1.0"
