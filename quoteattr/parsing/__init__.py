"""From text to a checked stanza ``Document``:

* :mod:`~quoteattr.parsing.models` — where stanza's models are and what they provide;
* :mod:`~quoteattr.parsing.document` — the text stanza is given, repaired multi-word tokens, the
  check of a user's own Document;
* :mod:`~quoteattr.parsing.repairs` — tags retagged before the dependency parser runs;
* :mod:`~quoteattr.parsing.wrapping` — hard-wrapped text read with its lines joined;
* :mod:`~quoteattr.parsing.tree` — the one read-only view of a parsed sentence.
"""

__all__: list[str] = []
