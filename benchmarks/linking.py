"""Benchmark of cross-document quote linking.

1. Synthetic corpora with known truth: statements by speakers, repeated with the mutations
   news copies show (case, quote marks, punctuation, a misspelt word, truncation to a fragment,
   reordered clauses or words, paraphrase by word substitution in an indirect quote of the same
   speaker), among many distinct statements (distractors, some on the same speaker's topic
   words).  Prints linking time, peak memory and pairwise precision/recall of links.
2. Hand-labelled cross-document pairs among PolNeAR dev articles (``linking_pairs.tsv``: only
   document ids, offsets and labels; ``--pairs`` another file, e.g. pairs among train articles,
   read from the split its document ids name).  The linker runs over the gold quotes of the labelled
   documents; skips when the data is absent.

    python benchmarks/linking.py --sizes 10000,100000,1000000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from quoteattr.linking import features  # noqa: E402
from quoteattr.linking.features import PART  # noqa: E402
from quoteattr.linking.linker import Linker  # noqa: E402
from quoteattr.model import AttributedDocument, Entity, Quote, Span  # noqa: E402
from quoteattr.linking.normalize import STOPWORDS  # noqa: E402

# ---------------------------------------------------------------------------
# synthetic corpus

_SYL = ["ba", "ko", "ri", "tan", "mel", "su", "dor", "vi", "pen", "la", "gro", "shi", "mar", "tu", "nex", "ol",
        "fra", "ze", "qui", "lom", "ha", "bre", "sto", "ca", "wen", "dy", "pol", "ar", "ist", "ent"]
_FUNC = sorted(STOPWORDS - {"s", "t"})


def make_vocab(rng: np.random.Generator, n: int) -> list[str]:
    words = set()
    while len(words) < n:
        k = rng.integers(2, 5)
        words.add("".join(_SYL[j] for j in rng.integers(0, len(_SYL), k)))
    return sorted(words)


def synthetic(n_quotes: int, seed: int = 7, repeat_share: float = 0.35):
    """(texts, kinds, speakers, truth statement ids) of ``n_quotes`` quotes."""
    rng = np.random.default_rng(seed)
    vocab = make_vocab(rng, 60_000)
    V = len(vocab)
    zipf = 1.0 / np.arange(1, V + 1) ** 0.9
    zipf /= zipf.sum()
    cdf = np.cumsum(zipf)
    synonym = rng.permutation(V)  # a fixed "synonym" for each word
    n_speakers = max(10, n_quotes // 25)
    topics = rng.integers(0, V, size=(n_speakers, 40))
    texts: list[str] = []
    kinds: list[str] = []
    speakers: list[str | None] = []
    truth: list[int] = []
    sid = 0
    mutations = ["case", "quotes", "punct", "spelling", "truncate", "reorder_words", "reorder_clauses", "paraphrase",
                 "truncate_punct"]
    while len(texts) < n_quotes:
        spk = int(rng.integers(0, n_speakers))
        length = int(rng.integers(8, 30))
        cw = np.minimum(np.searchsorted(cdf, rng.random(length)), V - 1)
        topical = rng.random(length) < 0.3
        cw[topical] = topics[spk, rng.integers(0, 40, topical.sum())]
        words = []
        fpos = rng.random(length) < 0.45
        fw = rng.integers(0, len(_FUNC), length)
        for j, w in enumerate(cw.tolist()):
            if fpos[j]:
                words.append(_FUNC[fw[j]])
            words.append(vocab[w])
        cut = int(rng.integers(len(words) // 3, 2 * len(words) // 3 + 1))
        words[cut - 1] = words[cut - 1] + ","
        base = " ".join(words)
        base = base[0].upper() + base[1:] + "."
        spk_id = f"p{spk}"
        variants = [(base, "direct", spk_id)]
        if rng.random() < repeat_share:
            for _ in range(int(rng.integers(1, 6))):
                m = mutations[int(rng.integers(0, len(mutations)))]
                variants.append(mutate(m, base, words, cut, rng, vocab, synonym, spk_id))
        for text, kind, s in variants:
            if len(texts) >= n_quotes:
                break
            if rng.random() < 0.08:
                s = None  # unattributed copy
            texts.append(text)
            kinds.append(kind)
            speakers.append(s)
            truth.append(sid)
        sid += 1
    return texts, kinds, speakers, np.array(truth)


def mutate(m, base, words, cut, rng, vocab, synonym, spk):
    if m == "case":
        return base.upper() if rng.random() < 0.3 else base.lower(), "direct", spk
    if m == "quotes":
        return "\u201c" + base.replace(",", " \u2014") + "\u201d", "direct", spk
    if m == "punct":
        return base.replace(",", ";").rstrip(".") + "!", "direct", spk
    if m == "spelling":
        w = list(words)
        for _ in range(int(rng.integers(1, 3))):
            i = int(rng.integers(0, len(w)))
            if len(w[i]) > 3:
                j = int(rng.integers(1, len(w[i]) - 1))
                w[i] = w[i][:j] + w[i][j + 1] + w[i][j] + w[i][j + 2:]
        return " ".join(w), "direct", spk
    if m in ("truncate", "truncate_punct"):
        k = len(words)
        size = int(rng.integers(max(6, k // 2), k + 1))
        s = int(rng.integers(0, k - size + 1))
        frag = " ".join(words[s:s + size])
        if m == "truncate_punct":
            frag = "\u2018" + frag.replace(",", "") + "\u2019"
        return frag, ("direct" if rng.random() < 0.7 else "mixed"), spk
    if m == "reorder_words":
        w = list(words)
        i = int(rng.integers(0, len(w) - 1))
        w[i], w[i + 1] = w[i + 1], w[i]
        return " ".join(w), "direct", spk
    if m == "reorder_clauses":
        a, b = " ".join(words[:cut]).rstrip(","), " ".join(words[cut:])
        return b + ", " + a, "direct", spk
    # paraphrase: an indirect quote of the same speaker with about a fifth of its words substituted
    idx = {v: i for i, v in enumerate(vocab)} if not hasattr(mutate, "_idx") else mutate._idx
    mutate._idx = idx
    w = []
    for t in words:
        tt = t.rstrip(",")
        if tt in idx and rng.random() < 0.2:
            w.append(vocab[synonym[idx[tt]]])
        else:
            w.append(tt)
    return "that " + " ".join(w), "indirect", spk


def pairwise(pred: np.ndarray, truth: np.ndarray) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of clustering ``pred`` against ``truth``."""

    def pairs(labels):
        _, c = np.unique(labels, return_counts=True)
        return int((c * (c - 1) // 2).sum())

    joint = pred.astype(np.int64) * (int(truth.max()) + 1) + truth
    tp = pairs(joint)
    pp, tt = pairs(pred), pairs(truth)
    return (tp / pp if pp else 1.0), (tp / tt if tt else 1.0), pp, tt


def run_one(n: int, batches: int = 1, workers: int = 1) -> dict:
    features.WORKERS = workers
    t0 = time.perf_counter()
    texts, kinds, speakers, truth = synthetic(n)
    gen = time.perf_counter() - t0
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    c0 = time.process_time()
    linker = Linker()
    step = -(-n // batches)
    for s in range(0, n, step):
        linker.add_texts(texts[s:s + step], kinds[s:s + step], speakers[s:s + step])
    labels = linker.labels()
    secs = time.perf_counter() - t0
    cpu = time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    p, r, pp, tt = pairwise(labels, truth)
    return {"quotes": n, "batches": batches, "workers": workers, "link_s": round(secs, 2), "cpu_s": round(cpu, 2), "gen_s": round(gen, 1),
            "peak_rss_mb": round(rss / 1024), "rss_before_link_mb": round(rss0 / 1024),
            "precision": round(p, 4), "recall": round(r, 4), "pred_pairs": pp, "true_pairs": tt}


# ---------------------------------------------------------------------------
# hand-labelled PolNeAR pairs

_SHARED = Path(os.environ.get("QUOTEATTR_SHARED", HERE.parent.parent / "shared"))
for _c in (_SHARED, Path("/work/shared")):
    if (_c / "data" / "polnear" / "dev.jsonl").exists():
        _SHARED = _c
        break
POLNEAR_DEV = _SHARED / "data" / "polnear" / "dev.jsonl"
PAIRS = HERE / "linking_pairs.tsv"


def read_pairs(path: Path = PAIRS) -> list[tuple[str, int, int, str, int, int, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("doc_a\t"):
            continue
        da, sa, ea, db, sb, eb, label = line.split("\t")[:7]
        out.append((da, int(sa), int(ea), db, int(sb), int(eb), label.strip()))
    return out


def gold_document(art: dict) -> AttributedDocument:
    """An AttributedDocument from a PolNeAR article's gold quotes, with entities made from the gold
    source texts the way a document's speaker layer makes them, without a parse: each source
    split by :func:`quoteattr.attribution.speakers.split_mention` (name, title, organisation,
    kind; a bare possessive, "Trump's", is its possessor); one entity per person (a surname alone
    joins the one full name with that surname in the article, and the entity is named by that
    full name) and per organisation; a personal pronoun ("she") is the person of the nearest quote
    before it with a named person as source whose gender (honorific, given name) does not
    conflict (an organisational one, "it", the latest organisation's);
    any other source (a description, "officials") an unnamed entity of its own.
    """
    from quoteattr.attribution.speakers import split_mention
    from quoteattr.linking.names import person_name

    text = art["text"]
    gold = sorted(enumerate(art["quotes"], 1), key=lambda x: (int(x[1]["start"]), x[0]))
    mentions = {n: split_mention(_possessor((g.get("speaker") or "").strip())) if (g.get("speaker") or "").strip()
                else None for n, g in gold}
    full: dict[str, set[str]] = {}  # surname key -> given names seen with it
    full_name: dict[tuple[str, str], str] = {}  # (surname key, given name) -> the longest such name
    for p in mentions.values():
        pn = person_name(p.name) if p is not None and p.name and p.kind == "person" else None
        if pn is not None and pn.given:
            full.setdefault(pn.key, set()).add(pn.given[0])
            if len(p.name) > len(full_name.get((pn.key, pn.given[0]), "")):
                full_name[(pn.key, pn.given[0])] = p.name
    entities: dict[tuple[str, str], Entity] = {}
    last: dict[str, str] = {}  # "organization" -> entity id of the latest named one
    persons: list[tuple[str, str | None]] = []  # named persons so far: entity id, gender
    by_quote: dict[int, str | None] = {}

    def entity(key: tuple[str, str], **fields) -> str:
        if key not in entities:
            entities[key] = Entity(f"e{len(entities) + 1}", **fields)
        else:  # a later mention may add a title or an organisation
            e = entities[key]
            entities[key] = Entity(e.id, name=e.name or fields.get("name"), title=e.title or fields.get("title"),
                                   organization=e.organization or fields.get("organization"),
                                   label=e.label, type=e.type)
        return entities[key].id

    for n, g in gold:
        p = mentions[n]
        if p is None:
            by_quote[n] = None
            continue
        src = (g.get("speaker") or "").strip()
        if p.pronoun is not None:
            if p.kind == "person":  # the nearest person before whose gender does not conflict
                eid = next((e for e, gd in reversed(persons) if not (p.gender and gd and gd != p.gender)), None)
            else:
                eid = last.get("organization") if p.kind == "organization" else None
            by_quote[n] = eid or entity(("unnamed", src.casefold()), label=src, type="unknown")
            continue
        pn = person_name(p.name) if p.name and p.kind != "organization" else None
        if pn is not None:
            given = pn.given[0] if pn.given else (next(iter(full[pn.key])) if len(full.get(pn.key, ())) == 1 else "")
            person = p.kind == "person" or pn.key in full
            # the entity is named by its fullest name in the article, as the speaker layer names it
            eid = entity(("person", f"{pn.key}:{given}"), name=full_name.get((pn.key, given), p.name), title=p.title,
                         organization=p.organization,
                         label=p.label or src, type="person" if person else "unknown")
            persons.append((eid, p.gender or pn.gender))
        elif p.name and p.kind == "organization":
            eid = entity(("organization", p.name.casefold()), name=p.name, label=p.label or src, type="organization")
            last["organization"] = eid
        else:
            eid = entity(("unnamed", src.casefold()), title=p.title, organization=p.organization, label=src,
                         type="person" if p.kind == "person" else "unknown")
        by_quote[n] = eid
    quotes = []
    for n, g in enumerate(art["quotes"], 1):
        spans = tuple(Span(int(s), int(e), text[int(s):int(e)]) for s, e in g.get("content_spans") or [[g["start"], g["end"]]])
        quotes.append(Quote(f"q{n}", g["kind"], int(g["start"]), int(g["end"]), text[int(g["start"]):int(g["end"])],
                            spans, entity=by_quote[n]))
    return AttributedDocument(art["id"], text, tuple(quotes), tuple(entities.values()), date=art.get("publication_date"))


def _possessor(source: str) -> str:
    """A source that is a bare possessive ("Trump's", of "Trump's call for a ban") names its
    possessor: the quote is the possessor's.

    >>> _possessor("Trump’s"), _possessor("Clinton's campaign"), _possessor("Sanders")
    ('Trump', "Clinton's campaign", 'Sanders')
    """
    import re

    m = re.fullmatch(r"(.*\w)['’]s?", source)
    return m.group(1) if m else source


#: How kinds are grouped for the kind-pair figures: a mixed quote (reported speech with quoted
#: words) counts as indirect, as the linker treats it (only ``direct`` is direct speech).
KIND_GROUP = {"direct": "direct", "indirect": "indirect", "mixed": "indirect"}


def verbatim(x: str, y: str) -> bool:
    """Whether two quotes share words verbatim: a run of at least four words (two of them content
    words) in both, or all of a shorter quote of two or more content words ("makes me smart").
    Decided on the words alone, whatever the linker does: the pairs a verbatim or fragment rule
    should link when they are the same statement.

    >>> verbatim("makes me smart", "Not paying taxes makes me smart")
    True
    >>> verbatim("She would no longer back the plan", "she had withdrawn her support for the scheme")
    False
    """
    from quoteattr.linking.normalize import is_stopword, tokens

    a, b = tokens(x), tokens(y)
    if len(a) > len(b):
        a, b = b, a
    grams = {}
    best = 0
    for n in range(len(a), 1, -1):  # the longest run of a found in b
        bs = {tuple(b[i:i + n]) for i in range(len(b) - n + 1)}
        hit = next((a[i:i + n] for i in range(len(a) - n + 1) if tuple(a[i:i + n]) in bs), None)
        if hit is not None:
            grams = hit
            best = n
            break
    content = sum(1 for t in grams if not is_stopword(t))
    whole = sum(1 for t in a if not is_stopword(t))
    return (best >= 4 and content >= 2) or (best == len(a) and content >= 2 and whole >= 2)


def _tally(rows: list[tuple[bool, bool]]) -> dict:
    tp = sum(s and g for s, g in rows)
    fp = sum(s and not g for s, g in rows)
    fn = sum(g and not s for s, g in rows)
    tn = len(rows) - tp - fp - fn
    return {"pairs": len(rows), "same": tp + fn, "different": fp + tn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None}


def run_pairs(path: Path = PAIRS, semantic=None, show: bool = False) -> dict | None:
    """Pairwise precision/recall on judged pairs: ``all``, by kind pair (``kinds:`` as annotated,
    ``group:`` with mixed counted as indirect), ``verbatim`` pairs (:func:`verbatim`) and the rest.
    ``semantic``: the encoder of the semantic extra (None: without it)."""
    if not path.exists():
        return None
    pairs = read_pairs(path)
    need = {p[0] for p in pairs} | {p[3] for p in pairs}
    docs = {}
    for split in sorted({d.split("/")[1] for d in need if d.count("/") >= 2}):  # polnear/<split>/<name>
        data = POLNEAR_DEV.with_name(f"{split}.jsonl")
        if not data.exists():
            return None
        with data.open(encoding="utf-8") as f:
            for line in f:
                art = json.loads(line)
                if art["id"] in need:
                    docs[art["id"]] = gold_document(art)
    linker = Linker(semantic=semantic)
    linker.add([docs[d] for d in sorted(docs)])
    lab = linker.labels()
    where = {(q.doc, q.start, q.end): i for i, q in enumerate(linker.info) if q.kind != PART}
    groups: dict[str, list[tuple[bool, bool]]] = {}
    found: list[tuple[tuple, tuple, bool]] = []  # the "same" pairs: their quotes and whether linked
    unsure = 0
    for da, sa, ea, db, sb, eb, label in pairs:
        if label == "unsure":
            unsure += 1
            continue
        ia, ib = where[(da, sa, ea)], where[(db, sb, eb)]
        qa, qb = linker.info[ia], linker.info[ib]
        same = bool(lab[ia] == lab[ib])
        gold = label == "same"
        if show and same != gold:
            print(f"{'FN' if gold else 'FP'} {qa.kind}/{qb.kind} {qa.speaker}/{qb.speaker} r={linker.best_reason[ia]},"
                  f"{linker.best_reason[ib]}\n   {da} {sa}\n   {db} {sb}", file=sys.stderr)
        keys = ["all", "kinds: " + "-".join(sorted((qa.kind, qb.kind))),
                "group: " + "-".join(sorted((KIND_GROUP[qa.kind], KIND_GROUP[qb.kind]))),
                "verbatim/fragment" if verbatim(qa.text, qb.text) else "other (paraphrase)"]
        for key in keys:
            groups.setdefault(key, []).append((same, gold))
        if gold:
            found.append(((da, sa, ea), (db, sb, eb), same))
    out = {k: _tally(v) for k, v in groups.items()}
    out["all"]["unsure"] = unsure
    out["statements"] = by_statement(found)
    return out


def by_statement(found: list[tuple[tuple, tuple, bool]]) -> dict:
    """Recall counted per statement: the "same" pairs grouped into statements (connected through
    shared quotes), each statement's recall, and their mean, so one statement judged in many pairs
    does not dominate; the largest statement's recall and the pairwise recall of all the others.

    >>> r = by_statement([("a", "b", True), ("b", "c", False), ("x", "y", False)])
    >>> r["statements"], r["mean_recall"], r["largest_pairs"], r["largest_recall"], r["recall_without_largest"]
    (2, 0.25, 2, 0.5, 0.0)
    """
    parent: dict = {}

    def root(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y, _ in found:
        parent[root(x)] = root(y)
    per: dict = {}
    for x, _, linked in found:
        per.setdefault(root(x), []).append(linked)
    recalls = [sum(v) / len(v) for v in per.values()]
    largest = max(per.values(), key=len, default=[])
    rest = [x for v in per.values() if v is not largest for x in v]
    return {"statements": len(per), "mean_recall": round(sum(recalls) / len(recalls), 3) if recalls else None,
            "largest_pairs": len(largest), "largest_recall": round(sum(largest) / len(largest), 3) if largest else None,
            "recall_without_largest": round(sum(rest) / len(rest), 3) if rest else None}


def print_pairs(pr: dict, title: str) -> None:
    a = pr["all"]
    print(f"{title}: {a['pairs']} scored ({a['same']} same, {a['different']} different; "
          f"{a['unsure']} unsure left out): precision {a['precision']} recall {a['recall']} "
          f"(tp {a['tp']} fp {a['fp']} fn {a['fn']} tn {a['tn']})")
    st = pr.get("statements")
    if st:
        print(f"  recall per statement: mean {st['mean_recall']} over {st['statements']} statements "
              f"(the largest judged in {st['largest_pairs']} same pairs: recall {st['largest_recall']}; "
              f"the others' pairs: recall {st['recall_without_largest']})")
    order = sorted((k for k in pr if k not in ("all", "statements")), key=lambda k: (not k.startswith("group"), not k.startswith("verb"),
                                                              not k.startswith("other"), k))
    for key in order:
        r = pr[key]
        print(f"  {key:<28} {r['pairs']:>4} pairs ({r['same']:>3} same): precision {r['precision']} "
              f"recall {r['recall']} (tp {r['tp']} fp {r['fp']} fn {r['fn']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000", help="synthetic corpus sizes ('' for none)")
    ap.add_argument("--batches", type=int, default=1, help="add the corpus in this many incremental batches")
    ap.add_argument("--workers", type=int, default=1, help="processes for featurising (fork)")
    ap.add_argument("--pairs", type=Path, default=PAIRS, help="judged pairs to score (default: %(default)s)")
    ap.add_argument("--semantic", metavar="MODEL",
                    help="also score the pairs with the semantic extra (a sentence-transformers model name or path)")
    ap.add_argument("--show", action="store_true", help="list the pairs linked wrongly (stderr)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.batches, args.workers)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if sizes:
        print(f"{'quotes':>9} {'batches':>7} {'workers':>7} {'link s':>8} {'cpu s':>8} {'peak RSS MB':>11} "
              f"{'precision':>9} {'recall':>7}  pairs pred/true")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--batches", str(args.batches),
                              "--workers", str(args.workers)],
                             capture_output=True, text=True)
        if out.returncode:
            print(out.stderr, file=sys.stderr)
            return out.returncode
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['quotes']:>9} {r['batches']:>7} {r['workers']:>7} {r['link_s']:>8} {r['cpu_s']:>8} {r['peak_rss_mb']:>11} "
              f"{r['precision']:>9} "
              f"{r['recall']:>7}  {r['pred_pairs']}/{r['true_pairs']}  (generation {r['gen_s']} s, "
              f"RSS before linking {r['rss_before_link_mb']} MB)")
    pr = run_pairs(args.pairs, show=args.show)
    if pr is None:
        print(f"PolNeAR judged pairs: skipped (data or {args.pairs} absent)")
        return 0
    print_pairs(pr, f"PolNeAR judged pairs ({args.pairs.name}), without the semantic extra")
    if args.semantic:
        from quoteattr.linking.semantic import Encoder

        pr = run_pairs(args.pairs, semantic=Encoder(args.semantic), show=args.show)
        print_pairs(pr, f"PolNeAR judged pairs ({args.pairs.name}), with the semantic extra ({args.semantic})")
    else:
        print("  (with the semantic extra: give --semantic MODEL)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
