"""HTML display of attributed documents and of linked clusters.

:func:`render` returns a self-contained HTML fragment: no JavaScript, no external
CSS or fonts (one scoped ``<style>`` element), every piece of text escaped, so it
shows the same offline, in JupyterLab, VS Code, a static HTML export or a report.

In a document, each quote is one ``<span class="qa-quote qa-KIND">`` with
``data-quote``, ``data-kind`` and ``data-speaker`` and a hover title; its speaker's
label follows it in a ``<span class="qa-who">``.  The three kinds differ in colour
(the Okabe-Ito colour-blind-safe palette) *and* in the style of their underline
(solid, dashed, dotted), so they stay apart in grey too.  Cues are underlined
(``qa-cue``), speaker mentions framed (``qa-mention``).  The speakers are listed
below the text with their name, title, organisation and quotes.

>>> from quoteattr.model import AttributedDocument
>>> doc = AttributedDocument.from_dict({"id": "d1", "text": 'Ana said: "<b>no</b>"',
...     "quotes": [{"id": "q1", "kind": "direct", "start": 10, "end": 21, "content_spans": [[11, 20]],
...                 "cue": {"start": 4, "end": 8, "text": "said"}, "speaker": {"start": 0, "end": 3, "text": "Ana"},
...                 "entity": "e1"}],
...     "entities": [{"id": "e1", "name": "Ana", "label": "Ana", "type": "person"}]})
>>> html = render(doc)
>>> "&lt;b&gt;no&lt;/b&gt;" in html and "<b>" not in html and "<script" not in html
True
"""

from __future__ import annotations

import html as _html
from typing import Any, Iterable

from .model import AttributedDocument, Quote

__all__ = ["KIND_STYLES", "STYLE", "render", "render_page"]

#: Colour and underline style of each quote kind (Okabe-Ito palette: blue, orange, bluish green).
KIND_STYLES: dict[str, tuple[str, str, str]] = {
    "direct": ("#0072B2", "#d6eaf8", "solid"),
    "indirect": ("#D55E00", "#fbe3d0", "dashed"),
    "mixed": ("#009E73", "#d2f0e5", "dotted"),
}

STYLE = (
    ".qa{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:14px;line-height:1.7;"
    "color:#1a1a1a;background:#fff;padding:12px 14px;border:1px solid #ddd;border-radius:6px;max-width:56em}"
    ".qa h3{font-size:15px;margin:0 0 6px}"
    ".qa .qa-meta{color:#555;font-size:12px;margin-bottom:8px}"
    ".qa .qa-text{white-space:pre-wrap}"
    ".qa .qa-quote{padding:1px 0;border-bottom-width:3px}"
    + "".join(
        f".qa .qa-{k}{{background:{bg};border-bottom:3px {line} {fg}}}"
        f".qa .qa-key-{k}{{background:{bg};border-bottom:3px {line} {fg};padding:0 4px}}"
        for k, (fg, bg, line) in KIND_STYLES.items()
    )
    + ".qa .qa-cue{text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px;font-weight:600}"
    ".qa .qa-mention{outline:1.5px solid #333;border-radius:3px;font-weight:600}"
    ".qa .qa-who{font-size:11px;color:#fff;background:#444;border-radius:3px;padding:0 4px;margin-left:3px;"
    "white-space:nowrap;vertical-align:1px}"
    ".qa table{border-collapse:collapse;margin-top:10px;font-size:13px}"
    ".qa th,.qa td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}"
    ".qa th{background:#f3f3f3}"
    ".qa .qa-conflict{color:#fff;background:#CC79A7;border-radius:3px;padding:0 4px}"
    ".qa ul{margin:0;padding-left:1.2em}"
)


def _e(value: Any) -> str:
    return _html.escape("" if value is None else str(value), quote=True)


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _label(doc: AttributedDocument, q: Quote) -> str:
    e = doc.speaker_of(q)
    if e is not None and e.label:
        return e.label
    return q.speaker.text if q.speaker else "unattributed"


def _marks(doc: AttributedDocument) -> list[tuple[int, int, int, str, str]]:
    """``(start, end, rank, open tag, close tag)`` of every highlight; rank orders equal spans (outer first)."""
    out: list[tuple[int, int, int, str, str]] = []
    seen: set[tuple[int, int, str]] = set()
    for q in doc.quotes:
        label = _label(doc, q)
        title = f"{q.kind} quote" + (f" ({q.cue_class})" if q.cue_class else "") + f" — {label}"
        out.append((q.start, q.end, 0,
                    f'<span class="qa-quote qa-{_e(q.kind)}" data-quote="{_e(q.id)}" data-kind="{_e(q.kind)}" '
                    f'data-speaker="{_e(label)}" title="{_e(title)}">',
                    f'</span><span class="qa-who" data-for="{_e(q.id)}">{_e(label)}</span>'))
        for span, cls, rank in ((q.speaker, "qa-mention", 1), (q.cue, "qa-cue", 2)):
            if span is None or (span.start, span.end, cls) in seen or span.end <= span.start:
                continue
            seen.add((span.start, span.end, cls))
            tip = f"speaker mention — {label}" if cls == "qa-mention" else f"cue ({q.cue_class or 'cue'})"
            out.append((span.start, span.end, rank, f'<span class="{cls}" title="{_e(tip)}">', "</span>"))
    out.sort(key=lambda m: (m[0], -m[1], m[2]))
    return out


def _highlight(text: str, marks: list[tuple[int, int, int, str, str]]) -> str:
    """``text`` escaped, with the marks as properly nested elements.

    A mark that would cross the end of an enclosing one is cut there (quotes never
    cross each other unless nested reports are listed; then the inner one is cut).
    """
    parts: list[str] = []
    stack: list[tuple[int, str]] = []  # (end, close tag)
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1][0] <= limit:
            end, close = stack.pop()
            parts.append(_e(text[pos:end]))
            pos = end
            parts.append(close)

    for start, end, _, open_tag, close_tag in marks:
        close_until(start)
        if start < pos:  # starts inside text already written (overlap with an earlier sibling): skip
            continue
        parts.append(_e(text[pos:start]))
        pos = start
        if stack and end > stack[-1][0]:
            end = stack[-1][0]  # cut at the enclosing element's end
        stack.append((end, close_tag))
        parts.append(open_tag)
    close_until(len(text))
    parts.append(_e(text[pos:]))
    return "".join(parts)


def _legend() -> str:
    keys = "".join(f'<span class="qa-key-{k}">{k}</span> ' for k in KIND_STYLES)
    return (f'<div class="qa-meta">{keys}<span class="qa-cue">cue</span> '
            f'<span class="qa-mention">speaker mention</span></div>')


def _entities_table(doc: AttributedDocument) -> str:
    if not doc.entities:
        return ""
    rows = []
    for e in doc.entities:
        quotes = [q for q in doc.quotes if q.entity == e.id]
        items = "".join(f'<li><span class="qa-key-{_e(q.kind)}">{_e(q.kind)}</span> {_e(_short(q.content))}</li>'
                        for q in quotes)
        rows.append(f'<tr data-entity="{_e(e.id)}"><td>{_e(e.label)}</td><td>{_e(e.name)}</td><td>{_e(e.title)}</td>'
                    f"<td>{_e(e.organization)}</td><td>{_e(e.type)}</td><td><ul>{items}</ul></td></tr>")
    return ('<table class="qa-entities"><thead><tr><th>speaker</th><th>name</th><th>title</th><th>organisation</th>'
            "<th>type</th><th>quotes</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _document(doc: AttributedDocument) -> str:
    meta = [f"{len(doc.quotes)} quotes", f"{len(doc.entities)} speakers"]
    meta += [v for v in (doc.source, doc.date) if v]
    error = f'<div class="qa-meta">error: {_e(doc.error)}</div>' if doc.error else ""
    return (f'<div class="qa qa-document" data-doc="{_e(doc.id)}"><style>{STYLE}</style>'
            f"<h3>{_e(doc.id)}</h3><div class=\"qa-meta\">{_e(' · '.join(meta))}</div>{error}{_legend()}"
            f'<div class="qa-text">{_highlight(doc.text, _marks(doc))}</div>{_entities_table(doc)}</div>')


def _clusters(obj: Any) -> str:
    from .records import clusters_of

    clusters, speakers = clusters_of(obj)
    rows = []
    for c in clusters:
        sp = speakers.get(c.speaker) if c.speaker else None
        who = sp.label if sp else (c.speaker or "")
        members = "".join(
            f"<li>{_e(m.doc)}{' · ' + _e(m.date) if m.date else ''} · {_e(m.reason)}"
            f' <span class="qa-key-{_e(m.kind)}">{_e(m.kind)}</span></li>'
            for m in c.members)
        flag = '<span class="qa-conflict">conflict</span>' if c.conflict else ""
        rows.append(f'<tr data-cluster="{_e(c.id)}"><td>{_e(c.id)}</td><td>{_e(c.canonical)}</td><td>{_e(who)}</td>'
                    f"<td>{len(c.members)}<ul>{members}</ul></td><td>{flag}</td></tr>")
    return (f'<div class="qa qa-clusters"><style>{STYLE}</style>'
            f'<div class="qa-meta">{len(clusters)} clusters</div>'
            '<table><thead><tr><th>cluster</th><th>canonical text</th><th>speaker</th><th>members (document · date · '
            "reason)</th><th>conflict</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>")


def render(obj: Any) -> str:
    """HTML of an :class:`AttributedDocument` (the text with its quotes), or a table of clusters
    for a ``LinkResult``, a ``Corpus``, a ``Cluster`` or a list of clusters (``Corpus.find``)."""
    if isinstance(obj, AttributedDocument):
        return _document(obj)
    return _clusters(obj)


def render_page(items: Iterable[Any], title: str = "quoteattr") -> str:
    """A whole HTML page with :func:`render` of each item (what ``quoteattr extract --html`` writes)."""
    body = "\n".join(f'<section style="margin:0 0 18px">{render(x)}</section>' for x in items)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title></head>'
            f'<body style="margin:16px">\n{body}\n</body></html>\n')
