"""From a parsed document to attributed quotes; :mod:`~quoteattr.attribution.flow` runs the stages
in order: quotation marks (:mod:`~quoteattr.attribution.quotations`) → direct and indirect candidates
(:mod:`~quoteattr.attribution.direct`, :mod:`~quoteattr.attribution.indirect` with
:mod:`~quoteattr.attribution.frames`, :mod:`~quoteattr.attribution.layout` and
:mod:`~quoteattr.attribution.subjects`) → merged (:mod:`~quoteattr.attribution.merge`) → speakers
resolved to entities (:mod:`~quoteattr.attribution.speakers`, :mod:`~quoteattr.attribution.resolve`)
→ a profile applied (:mod:`~quoteattr.attribution.profiles`).
"""

__all__: list[str] = []
