"""Extract quotes from the example articles and link them across documents.

Run from the repository root:  python examples/extract_and_link.py
"""

from pathlib import Path

import quoteattr

here = Path(__file__).parent
nlp = quoteattr.Pipeline()
docs = [nlp(p.read_text(encoding="utf-8"), id=p.stem) for p in sorted(here.glob("*.txt"))]

for doc in docs:
    print(f"== {doc.id}")
    for quote in doc.quotes:
        speaker = doc.speaker_of(quote)
        print(f"  [{quote.kind:8}] {speaker.label if speaker else '?':40} {quote.content[:70]!r}")
