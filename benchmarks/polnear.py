"""Score quoteattr on PolNeAR (converted jsonl) like the Gender Gap Tracker / citron.

Usage::

    python benchmarks/polnear.py [--data PATH] [--limit N] [--models DIR] [--cache DIR]

By default the dev split is read from ``../shared/data/polnear/dev.jsonl``
(found beside or above the checkout, or under ``$QUOTEATTR_SHARED``); the
script exits cleanly with a message when it is absent.  PolNeAR is
research-only: nothing of it is ever written into the repository (parses are
cached under ``/tmp`` unless ``--cache`` says otherwise).

Both profiles are scored (see ``quoteattr.attribution.profiles``): ``attribution``
(every quote) against every gold relation, and ``speech`` (what people said or wrote)
against every gold relation and against the *speech/writing relations* only: those
whose gold cue is a speech or writing cue by quoteattr's cue lexicon (see
:func:`gold_cue_class`).

Matching: a predicted quote matches a gold one when their content overlaps by
at least 30% of each (lenient) or 80% of each (strict), one-to-one, greedily
by overlap, after trimming quotation marks, edge punctuation and a leading
"that"; *exact* means identical trimmed content.

>>> text = 'He said that "taxes will rise."'
>>> trim_span(text, 8, 31)
(14, 29)
>>> g = [{"content_spans": [[8, 31]], "kind": "mixed"}]
>>> p = [{"content_spans": [[14, 29]]}]
>>> [(pi, gi) for pi, gi, _ in match(text, p, g, 0.3)]
[(0, 0)]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Sequence

import regex

#: Characters trimmed from both edges of a content span before scoring.
EDGE = set(" \t\n\r\"'“”‘’«»,.;:!?—–-()[]…")
PRONOUNS = {
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them",
    "this", "that", "these", "those", "one", "who", "which",
}
DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "most", "one",
    "two", "three", "his", "her", "its", "their", "our", "my", "your", "other", "another", "both",
    "all", "few", "more", "no", "each", "every", "any",
}
LEVELS = (("exact", None), ("strict", 0.8), ("lenient", 0.3))


# --------------------------------------------------------------------------- spans


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without edge quotation marks, punctuation, spaces and a leading "that".

    >>> t = ' that, "it is fine."'
    >>> s, e = trim_span(t, 0, len(t)); t[s:e]
    'it is fine'
    """
    while True:
        s0, e0 = start, end
        while start < end and text[start] in EDGE:
            start += 1
        while end > start and text[end - 1] in EDGE:
            end -= 1
        if text[start : start + 4].lower() == "that" and (end - start == 4 or not text[start + 4].isalnum()):
            start += 4
        if (start, end) == (s0, e0):
            return start, end


def char_set(text: str, spans: Iterable[Sequence[int]]) -> frozenset[int]:
    """The trimmed character offsets covered by ``spans`` (whitespace left out)."""
    out: set[int] = set()
    for s, e in spans:
        s, e = trim_span(text, int(s), int(e))
        out.update(i for i in range(s, e) if not text[i].isspace())
    return frozenset(out)


def match(
    text: str, predicted: Sequence[dict], gold: Sequence[dict], threshold: float | None
) -> list[tuple[int, int, int]]:
    """One-to-one matches ``(pred index, gold index, overlap)``, greedy by overlap.

    ``threshold`` is the share of each side that must overlap (``None``: exact).
    Each quote is a dict with ``content_spans`` (pairs of offsets).
    """
    pc = [char_set(text, q["content_spans"]) for q in predicted]
    gc = [char_set(text, q["content_spans"]) for q in gold]
    pairs = []
    for i, p in enumerate(pc):
        if not p:
            continue
        for j, g in enumerate(gc):
            if not g:
                continue
            ov = len(p & g)
            if not ov:
                continue
            if threshold is None:
                ok = p == g
            else:
                ok = ov >= threshold * len(p) and ov >= threshold * len(g)
            if ok:
                pairs.append((ov, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for ov, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, ov))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 in percent.

    >>> prf(3, 4, 6)
    (75.0, 50.0, 60.0)
    """
    p = 100.0 * tp / n_pred if n_pred else 0.0
    r = 100.0 * tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 2), round(r, 2), round(f, 2)


# --------------------------------------------------------------------------- speakers


def mention_type(mention: str | None) -> str:
    """``pronoun``, ``description`` (a definite or indefinite description) or ``name``.

    >>> [mention_type(m) for m in ("he", "the spokesman", "Sen. Ann Lee", None)]
    ['pronoun', 'description', 'name', 'none']
    """
    if not mention or not mention.strip():
        return "none"
    words = mention.split()
    if len(words) == 1 and words[0].lower().strip(".,") in PRONOUNS:
        return "pronoun"
    if words[0].lower() in DETERMINERS or not any(w[:1].isupper() for w in words):
        return "description"
    return "name"


def _words(text: str | None) -> list[str]:
    """Lower-case words of ``text`` without edge punctuation or a possessive 's.

    >>> _words("Flynn, a top Trump surrogate,")
    ['flynn', 'a', 'top', 'trump', 'surrogate']
    """
    return regex.findall(r"\w[\w'’.-]*\w|\w", (text or "").replace("’s", " ").replace("'s", " ").lower())


def _last_token(name: str | None) -> str | None:
    toks = _words(name)
    return toks[-1] if toks else None


def speaker_correct(pred: dict, gold: dict) -> bool:
    """Whether the predicted speaker mention overlaps the gold source span, or the
    predicted entity's name (its last token) occurs in the gold source text.

    ``pred`` has ``speaker`` ([start, end] or None) and ``entity_name``;
    ``gold`` has ``speaker_spans`` and ``speaker``.
    """
    spans = gold.get("speaker_spans") or []
    sp = pred.get("speaker")
    if sp and any(min(sp[1], e) > max(sp[0], s) for s, e in spans):
        return True
    last = _last_token(pred.get("entity_name"))
    return bool(last and last in _words(gold.get("speaker")))


def entity_correct(pred: dict, gold: dict) -> bool | None:
    """Resolved-entity accuracy of one matched pair; ``None`` when it cannot be judged.

    Correct when a mention of the predicted entity overlaps the gold source span,
    or when the gold source is a name whose last token is the predicted entity's.
    """
    spans = gold.get("speaker_spans") or []
    for m in pred.get("entity_mentions") or []:
        if any(min(m[1], e) > max(m[0], s) for s, e in spans):
            return True
    if mention_type(gold.get("speaker")) != "name":
        return None
    last = _last_token(pred.get("entity_name"))
    glast = _last_token(gold.get("speaker"))
    if not last:
        return False
    return last == glast or last in _words(gold.get("speaker"))


# --------------------------------------------------------------------------- scoring


def score_article(text: str, predicted: Sequence[dict], gold: Sequence[dict]) -> dict[str, Any]:
    """Counts for one article (add them up with :func:`add_counts`)."""
    c: Counter = Counter()
    c["pred"] = len(predicted)
    c["gold"] = len(gold)
    for g in gold:
        c[f"gold_{g.get('kind', 'indirect')}"] += 1
    for p in predicted:
        c[f"pred_{p.get('kind', 'indirect')}"] += 1
    for level, thr in LEVELS:
        pairs = match(text, predicted, gold, thr)
        c[f"tp_{level}"] = len(pairs)
        if level == "lenient":
            for i, j, _ in pairs:
                g, p = gold[j], predicted[i]
                c[f"tp_gold_{g.get('kind', 'indirect')}"] += 1
                if not g.get("speaker_spans"):
                    continue
                mt = mention_type(p.get("speaker_text"))
                ok = speaker_correct(p, g)
                c["spk_n"] += 1
                c["spk_ok"] += ok
                c[f"spk_n_{mt}"] += 1
                c[f"spk_ok_{mt}"] += ok
                ent = entity_correct(p, g)
                if ent is None:
                    c["ent_skipped"] += 1
                else:
                    c["ent_n"] += 1
                    c["ent_ok"] += ent
    return dict(c)


def add_counts(total: Counter, counts: dict[str, Any]) -> Counter:
    total.update(counts)
    return total


def report(total: Counter, seconds: float = 0.0, articles: int = 0) -> str:
    """The benchmark table as text.

    >>> print(report(Counter(pred=2, gold=2, tp_lenient=1, gold_direct=2, tp_gold_direct=1)).splitlines()[5])
    lenient     50.00   50.00   50.00
    """
    lines = [f"articles {articles}  gold quotes {total['gold']}  predicted {total['pred']}", "",
             "level           P       R      F1"]
    for level, _ in LEVELS:
        p, r, f = prf(total[f"tp_{level}"], total["pred"], total["gold"])
        lines.append(f"{level:<9} {p:7.2f} {r:7.2f} {f:7.2f}")
    lines.append("")
    lines.append("lenient recall by gold kind")
    for kind in ("direct", "mixed", "indirect"):
        n = total[f"gold_{kind}"]
        r = 100.0 * total[f"tp_gold_{kind}"] / n if n else 0.0
        lines.append(f"  {kind:<9} {r:6.2f}  ({total[f'tp_gold_{kind}']}/{n}; predicted {total[f'pred_{kind}']})")
    lines.append("")
    n = total["spk_n"]
    lines.append(f"speaker accuracy (lenient matches with a gold source): "
                 f"{100.0 * total['spk_ok'] / n if n else 0.0:.2f}  ({total['spk_ok']}/{n})")
    for mt in ("pronoun", "description", "name", "none"):
        k = total[f"spk_n_{mt}"]
        if k:
            lines.append(f"  predicted {mt:<12} {100.0 * total[f'spk_ok_{mt}'] / k:6.2f}  ({total[f'spk_ok_{mt}']}/{k})")
    n = total["ent_n"]
    lines.append(f"resolved-entity accuracy: {100.0 * total['ent_ok'] / n if n else 0.0:.2f}  "
                 f"({total['ent_ok']}/{n}; {total['ent_skipped']} not judgeable)")
    if articles:
        lines.append(f"seconds per article: {seconds / articles:.2f}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- gold cue classes


def _phrase_classes() -> dict[tuple[str, ...], str]:
    """The words of each multi-word cue phrase without its speaker slot ("according to") -> its class."""
    from quoteattr.lexicon.cues import load_phrases

    return {p.before + p.after: p.cls for p in load_phrases()}


def gold_cue_class(doc: Any, gold: dict) -> str:
    """The class quoteattr's cue lexicon gives the gold cue of a PolNeAR relation.

    The cue words are the stanza words of ``doc`` inside the gold cue spans; the class is
    that of a multi-word cue phrase the cue text spells (*according to*), else that of the
    first cue word found by :func:`quoteattr.lexicon.cues.word_cue` (verbs before nouns
    and adjectives; *has said* → *say*).  A cue of punctuation alone (a colon or dash
    before a quotation) and a direct quotation whose cue is outside the lexicon count as
    ``speech``, as the ``speech`` profile counts such direct quotes; any other cue outside
    the lexicon is ``other``.
    """
    from quoteattr.lexicon.cues import word_cue

    spans = gold.get("cue_spans") or []
    text = " ".join(doc.text[s:e] for s, e in spans)
    words_of_text = tuple(_words(text))
    phrase = _phrase_classes().get(words_of_text)
    if phrase is not None:
        return phrase
    if not words_of_text:
        return "speech"  # no cue, or a colon or dash before a quotation
    from quoteattr.parsing.tree import word_span

    words = [w for sent in doc.sentences for w in sent.words if any(s <= word_span(w)[0] < e for s, e in spans)]
    found = [(w.upos != "VERB", c.cls) for w in words if (c := word_cue(w)) is not None]
    if found:
        return min(found)[1]
    return "speech" if gold.get("kind") == "direct" else "other"


def speech_gold(doc: Any, gold: Sequence[dict]) -> list[dict]:
    """The gold relations whose cue is a speech or writing cue (:func:`gold_cue_class`)."""
    return [g for g in gold if gold_cue_class(doc, g) in ("speech", "writing")]


# --------------------------------------------------------------------------- running quoteattr


def predictions(adoc: Any) -> list[dict]:
    """Scoring dicts for the quotes of a quoteattr ``AttributedDocument``."""
    out = []
    for q in adoc.quotes:
        ent = adoc.speaker_of(q)
        out.append({
            "kind": q.kind,
            "content_spans": [[s.start, s.end] for s in q.content_spans],
            "speaker": [q.speaker.start, q.speaker.end] if q.speaker else None,
            "speaker_text": q.speaker.text if q.speaker else None,
            "entity_name": (ent.name or ent.label) if ent else None,
            "entity_mentions": [[m.start, m.end] for m in ent.mentions] if ent else [],
        })
    return out


def find_data(name: str = "dev.jsonl") -> Path | None:
    """The PolNeAR file ``name`` under ``$QUOTEATTR_SHARED`` or a ``shared/`` folder above the repo."""
    env = os.environ.get("QUOTEATTR_SHARED")
    roots = [Path(env)] if env else []
    here = Path(__file__).resolve().parent
    roots += [folder / "shared" for folder in [here, *here.parents]]
    for root in roots:
        p = root / "data" / "polnear" / name
        if p.is_file():
            return p
    return None


def read_articles(path: Path, limit: int | None = None) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
                if limit is not None and len(out) >= limit:
                    break
    return out


def _cache_path(cache: Path, text: str, models: str) -> Path:
    from quoteattr.parsing.document import PARSE_VERSION, parser_text
    from quoteattr.parsing.wrapping import unwrap

    # keyed on what stanza is given, so a change to parser_text or unwrap invalidates the cache
    key = hashlib.sha1(f"{models}\0{PARSE_VERSION}\0{parser_text(unwrap(text))}".encode("utf-8")).hexdigest()
    return cache / f"{key}.pkl"


def parse_cached(pipeline: Any, text: str, cache: Path | None, models: str) -> tuple[Any, float]:
    """The stanza Document of ``text`` (from ``cache`` when there) and the seconds spent parsing."""
    import stanza

    if cache is not None:
        path = _cache_path(cache, text, models)
        if path.is_file():
            with open(path, "rb") as f:
                return stanza.Document.from_serialized(pickle.load(f)), 0.0
    t0 = time.perf_counter()
    doc = pipeline.parse(text)
    spent = time.perf_counter() - t0
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            pickle.dump(doc.to_serialized(), f)
    return doc, spent


#: What is scored: (name, profile, gold relations) where gold ``"speech"`` means :func:`speech_gold`.
RUNS = (("attribution", "attribution", "all"), ("speech", "speech", "all"), ("speech", "speech", "speech"))


def run(path: Path, limit: int | None = None, models: str | None = None, cache: Path | None = None,
        verbose: bool = False) -> tuple[dict[tuple[str, str, str], Counter], float, int, Counter]:
    """Run quoteattr over the articles of ``path``.

    Returns the counts of each of :data:`RUNS`, the seconds spent, the number of articles,
    and the classes of the gold cues (:func:`gold_cue_class`).
    """
    if models:
        os.environ["STANZA_RESOURCES_DIR"] = models
    import quoteattr
    from quoteattr.attribution.profiles import apply_profile

    pipeline = quoteattr.Pipeline(download=False)
    model_dir = pipeline.model_dir
    totals: dict[tuple[str, str, str], Counter] = {r: Counter() for r in RUNS}
    classes: Counter = Counter()
    seconds = 0.0
    articles = read_articles(path, limit)
    for n, art in enumerate(articles, 1):
        doc, parse_s = parse_cached(pipeline, art["text"], cache, str(model_dir))
        t0 = time.perf_counter()
        adoc = pipeline.attribute(doc, id=art["id"])
        seconds += parse_s + time.perf_counter() - t0
        gold_classes = [gold_cue_class(doc, g) for g in art["quotes"]]
        classes.update(gold_classes)
        gold = {"all": art["quotes"],
                "speech": [g for g, c in zip(art["quotes"], gold_classes) if c in ("speech", "writing")]}
        for run_key in RUNS:
            _, profile, which = run_key
            predicted = predictions(apply_profile(adoc, profile))
            add_counts(totals[run_key], score_article(art["text"], predicted, gold[which]))
        if verbose:
            print(f"{n}/{len(articles)} {art['id']}", file=sys.stderr)
    return totals, seconds, len(articles), classes


def report_profiles(totals: dict[tuple[str, str, str], Counter], classes: Counter) -> str:
    """The short table of both profiles: P, R and F1 at each level.

    >>> t = {r: Counter(pred=4, gold=5, tp_lenient=3, tp_strict=2, tp_exact=1) for r in RUNS}
    >>> print(report_profiles(t, Counter(speech=3, thought=2)).splitlines()[3])
    attribution  all gold          4     5   25.00 20.00 22.22   50.00 40.00 44.44   75.00 60.00 66.67
    """
    lines = ["profiles (P R F1 at each level)",
             "gold cue classes: " + ", ".join(f"{k} {v}" for k, v in classes.most_common()),
             f"{'profile':<12} {'gold':<13} {'pred':>5} {'gold':>5}   {'exact':^17}   {'strict':^17}   "
             f"{'lenient':^17}"]
    for (name, _, which), total in totals.items():
        gold = "all gold" if which == "all" else "speech/writing"
        cells = []
        for level in ("exact", "strict", "lenient"):
            p, r, f = prf(total[f"tp_{level}"], total["pred"], total["gold"])
            cells.append(f"{p:5.2f} {r:5.2f} {f:5.2f}")
        lines.append(f"{name:<12} {gold:<13} {total['pred']:5d} {total['gold']:5d}   " + "   ".join(cells))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, help="PolNeAR jsonl (default: shared/data/polnear/dev.jsonl)")
    ap.add_argument("--limit", type=int, help="score only the first N articles")
    ap.add_argument("--models", help="stanza model folder (default: $STANZA_RESOURCES_DIR or shared/models/stanza-en)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/quoteattr-polnear-cache"),
                    help="folder for cached parses (default: %(default)s)")
    ap.add_argument("--no-cache", action="store_true", help="parse every article afresh")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    path = args.data or find_data()
    if path is None or not Path(path).is_file():
        print("PolNeAR data not found (looked for shared/data/polnear/dev.jsonl; set --data or QUOTEATTR_SHARED).")
        return 0
    models = args.models
    if models is None and "STANZA_RESOURCES_DIR" not in os.environ:
        parents = Path(path).resolve().parents
        known = find_data()
        for shared in ([parents[2]] if len(parents) > 2 else []) + ([known.parents[2]] if known else []):
            if (shared / "models" / "stanza-en").is_dir():
                models = str(shared / "models" / "stanza-en")
                break
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    totals, seconds, n, classes = run(Path(path), args.limit, models, None if args.no_cache else args.cache,
                                      args.verbose)
    print(f"data {path}")
    print(report(totals[RUNS[0]], seconds, n))
    print()
    print(report_profiles(totals, classes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
