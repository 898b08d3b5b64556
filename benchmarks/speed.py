"""Speed and memory of quoteattr on generated text (nothing here comes from a corpus).

Prints, for each case, the seconds spent in stanza (parsing) and in quoteattr's own stages
(``attribute``), and the peak memory of the process that ran it:

1. own-stage time at 10 KB, 100 KB and 1 MB of article text (the 10 KB article is parsed
   once; the larger documents repeat its parse with shifted offsets, so only the own stages
   run at full size);
2. hostile inputs, each in a fresh process for a true peak: 1,000 and 10,000 straight quote
   marks, a 100,000-character sentence without punctuation, a 7 KB single sentence, and a
   3 KB attribution (one speaker mention of many words);
3. throughput: articles and words per second one call at a time (stanza with its default torch
   threads), through ``pipe`` in this process and through ``pipe(n_process=W)`` (W worker
   processes, their start-up included), and the share of the time spent in stanza;
4. memory over many articles run through ``pipe`` (resident memory every 10% of the run).

Own-stage times are given as wall-clock and as CPU seconds of the process: on a shared machine the
CPU seconds are the steadier figure.

    PYTHONPATH=. python benchmarks/speed.py                 # quick: 40 articles, 200 for memory
    PYTHONPATH=. python benchmarks/speed.py --only memory --many 300   # memory over a few hundred
    PYTHONPATH=. python benchmarks/speed.py --many 5000     # memory over 5,000 articles
    PYTHONPATH=. python benchmarks/speed.py --only hostile --timeout 300
    PYTHONPATH=. python benchmarks/speed.py --profile       # top own-stage functions per size

A case that runs longer than ``--timeout`` seconds is stopped and printed as ``>T``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

# ---------------------------------------------------------------------------
# generated articles

_FIRST = ["Ana", "Tom", "Lena", "Omar", "Mei", "Kofi", "Sara", "Ivan", "Nia", "Paulo", "Hana", "Jonas"]
_LAST = ["Ruiz", "Berg", "Okafor", "Haddad", "Chen", "Mensah", "Novak", "Silva", "Tanaka", "Weber", "Costa"]
_TITLE = ["Mayor", "Senator", "Minister", "spokeswoman", "economist", "coach", "Judge", "Governor"]
_ORG = ["the city council", "the health ministry", "the central bank", "the union", "the police department"]
_SUBJ = ["the new bridge", "the budget", "the vaccine programme", "the trade deal", "the school reform",
         "the water supply", "the stadium project", "public transport"]
_PRED = ["would be delayed until spring", "was already over budget", "had support from most residents",
         "could not be finished without federal money", "was the best option the region had",
         "would create hundreds of jobs", "had been badly planned from the start"]
_FILLER = ["Work on {s} began in {y}, and officials expect it to take several more years.",
           "Residents gathered outside the town hall on {d} to hear the latest plans for {s}.",
           "Critics have long argued that {s} received too little attention from the national government.",
           "The debate over {s} dominated the last session of {o}, which ended late in the evening."]
_QUOTES = ['"{S} {p}," said {t} {n}.', '{t} {n} said that {s} {p}.', 'According to {o}, {s} {p}.',
           '“We have always said that {s} {p},” {n} told reporters on {d}.',
           '{n}, a member of {o}, said: "{S} {p}. We will keep fighting for it."',
           '"{S} {p}," {n} said, adding that the decision was "far from final."']
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(rng: random.Random, size: int) -> str:
    """A news-like article of about ``size`` characters: paragraphs of quotes and filler."""
    paras: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            template = rng.choice(_QUOTES if rng.random() < 0.6 else _FILLER)
            s = rng.choice(_SUBJ)
            sentences.append(template.format(
                n=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", t=rng.choice(_TITLE), o=rng.choice(_ORG),
                s=s, S=s[0].upper() + s[1:], p=rng.choice(_PRED), d=rng.choice(_DAYS), y=rng.randint(1990, 2024)))
        para = " ".join(sentences)
        paras.append(para)
        total += len(para) + 2
    return "\n\n".join(paras)


def hostile(name: str) -> str:
    """The hostile inputs of issue #16."""
    rng = random.Random(5)
    if name == "marks-1k":
        return '" ' * 1000
    if name == "marks-10k":
        return '" ' * 10_000
    if name == "sentence-100k":
        words = []
        while sum(len(w) + 1 for w in words) < 100_000:
            words.append(rng.choice(["the", "council", "bridge", "money", "river", "plan", "said", "would", "and"]))
        return " ".join(words)[:100_000]
    if name == "sentence-7k":
        clauses = [f"{rng.choice(_SUBJ)} {rng.choice(_PRED)}" for _ in range(200)]
        text = f"{rng.choice(_FIRST)} {rng.choice(_LAST)} said that " + ", and ".join(clauses)
        return text[:7000] + "."
    if name == "attribution-3k":
        names = " ".join(f"{rng.choice(_TITLE)} {rng.choice(_FIRST)} {rng.choice(_LAST)} of {rng.choice(_ORG)}"
                         for _ in range(90))
        return f'"We will rebuild the bridge," said {names[:3000]}.'
    raise ValueError(name)


HOSTILE = ["marks-1k", "marks-10k", "sentence-100k", "sentence-7k", "attribution-3k"]

# ---------------------------------------------------------------------------
# measuring


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return float("nan")


def pipeline():
    from quoteattr.pipeline import Pipeline

    nlp = Pipeline(download=False if _models_present() else None)
    nlp.parse("Warm up.")
    return nlp


def _models_present() -> bool:
    from quoteattr.parsing.models import available_processors, default_model_dir

    return bool(available_processors(default_model_dir(), "en"))


def timed(fn, *args, **kwargs) -> tuple[Any, float]:
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def replicate(doc, copies: int):
    """A stanza Document of ``copies`` copies of ``doc``'s text and parse, offsets shifted."""
    import stanza

    sep = "\n\n"
    step = len(doc.text) + len(sep)
    base = doc.to_dict()
    sentences = []
    for k in range(copies):
        for sent in base:
            new = []
            for w in sent:
                w = dict(w)
                for key in ("start_char", "end_char"):
                    if key in w:
                        w[key] += k * step
                new.append(w)
            sentences.append(new)
    return stanza.Document(sentences, text=sep.join([doc.text] * copies))


def own_stages(doc, profile: bool = False) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of the own stages over ``doc`` (and their profile, if asked)."""
    from quoteattr.attribution.flow import attribute

    prof = cProfile.Profile() if profile else None
    t0, c0 = time.perf_counter(), time.process_time()
    if prof is not None:
        prof.enable()
    attribute(doc, id="x")
    if prof is not None:
        prof.disable()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    if prof is None:
        return seconds, cpu, ""
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(8)
    return seconds, cpu, out.getvalue()


# ---------------------------------------------------------------------------
# the cases


def case_sizes(nlp, args) -> None:
    print("\n## Own stages by document size (stanza parse of 10 KB repeated)")
    base_text = article(random.Random(1), 10_000)
    base, parse_s = timed(nlp.parse, base_text)
    print(f"stanza parse of {len(base_text) / 1000:.0f} KB: {parse_s:.2f} s")
    print(f"{'size':>8} {'own s':>8} {'own cpu s':>10} {'cpu s/100KB':>12}")
    for kb in args.sizes:
        copies = max(1, round(kb * 1000 / (len(base_text) + 2)))
        doc = replicate(base, copies) if copies > 1 else base
        seconds, cpu, prof = own_stages(doc, args.profile)
        print(f"{len(doc.text) / 1000:>6.0f}KB {seconds:>8.2f} {cpu:>10.2f} {cpu / (len(doc.text) / 100_000):>12.2f}",
              flush=True)
        if prof:
            print(prof)


def run_hostile(name: str, profile: bool) -> dict[str, Any]:
    """One hostile case in this process (called in a fresh child by :func:`case_hostile`)."""
    nlp = pipeline()
    text = hostile(name)
    before = peak_mb()
    doc, parse_s = timed(nlp.parse, text)
    own_s, _, prof = own_stages(doc, profile)
    return {"case": name, "chars": len(text), "words": sum(len(s.words) for s in doc.sentences),
            "longest_sentence": max((len(s.words) for s in doc.sentences), default=0),
            "stanza_s": round(parse_s, 2), "own_s": round(own_s, 2), "peak_mb": round(peak_mb()),
            "base_mb": round(before), "profile": prof}


def case_hostile(nlp, args) -> None:
    print(f"\n## Hostile inputs (each in a fresh process; stopped after {args.timeout} s)")
    print(f"{'case':>15} {'chars':>7} {'words':>6} {'longest':>7} {'stanza s':>9} {'own s':>8} {'peak MB':>8}")
    for name in HOSTILE:
        cmd = [sys.executable, __file__, "--child", name] + (["--profile"] if args.profile else [])
        t0 = time.perf_counter()
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{name:>15} {'':>7} {'':>6} {'':>7} {'':>9} {'>' + str(args.timeout):>8}", flush=True)
            continue
        if run.returncode != 0:
            print(f"{name:>15} failed after {time.perf_counter() - t0:.0f} s: {run.stderr.strip()[-300:]}")
            continue
        r = json.loads(run.stdout.strip().splitlines()[-1])
        print(f"{name:>15} {r['chars']:>7} {r['words']:>6} {r['longest_sentence']:>7} {r['stanza_s']:>9} "
              f"{r['own_s']:>8} {r['peak_mb']:>8}", flush=True)
        if r["profile"]:
            print(r["profile"])


def case_throughput(nlp, args) -> None:
    workers = args.workers or os.cpu_count() or 1
    print(f"\n## Throughput over {args.articles} generated articles of about 3 KB")
    rng = random.Random(2)
    texts = [article(rng, 3000) for _ in range(args.articles)]
    words = sum(len(t.split()) for t in texts)
    from quoteattr.attribution.flow import attribute

    parse_s = own_s = parse_cpu = own_cpu = 0.0
    t0 = time.perf_counter()
    for t in texts:
        c0 = time.process_time()
        doc, s = timed(nlp.parse, t)
        c1 = time.process_time()
        parse_s += s
        own_s += timed(attribute, doc, id="x")[1]
        parse_cpu += c1 - c0
        own_cpu += time.process_time() - c1
    call_s = time.perf_counter() - t0
    _, pipe_s = timed(lambda: list(nlp.pipe(texts, batch_size=16, progress=False)))
    _, workers_s = timed(lambda: list(nlp.pipe(texts, batch_size=8, progress=False, n_process=workers)))
    print(f"per call: {args.articles / call_s:6.2f} articles/s {words / call_s:8.0f} words/s")
    print(f"pipe:     {args.articles / pipe_s:6.2f} articles/s {words / pipe_s:8.0f} words/s"
          f"  ({call_s / pipe_s:.2f}x per call)")
    print(f"pipe, {workers} worker processes: {args.articles / workers_s:6.2f} articles/s {words / workers_s:8.0f} words/s"
          f"  ({call_s / workers_s:.2f}x per call; start-up included)")
    print(f"time in stanza {parse_s:.1f} s, in own stages {own_s:.2f} s (own = {100 * own_s / parse_s:.1f}% of stanza); "
          f"CPU: stanza {parse_cpu:.1f} s, own {own_cpu:.2f} s (own = {100 * own_cpu / parse_cpu:.1f}%)")


def case_memory(nlp, args) -> None:
    print(f"\n## Memory over {args.many} articles through pipe (resident MB)")
    rng = random.Random(3)
    step = max(1, args.many // 10)
    marks = []
    t0 = time.perf_counter()
    for n, _ in enumerate(nlp.pipe((article(rng, 3000) for _ in range(args.many)), batch_size=16, progress=False), 1):
        if n % step == 0:
            marks.append(f"{n}: {rss_mb():.0f}")
    print("  ".join(marks))
    print(f"{args.many} articles in {time.perf_counter() - t0:.0f} s; peak {peak_mb():.0f} MB")
    if len(marks) >= 3:
        first, last = (float(m.split(": ")[1]) for m in (marks[1], marks[-1]))
        print(f"growth from {marks[1].split(':')[0]} articles to the end: {last - first:+.0f} MB")


CASES = {"sizes": case_sizes, "hostile": case_hostile, "throughput": case_throughput, "memory": case_memory}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=sorted(CASES), action="append", help="run only these cases")
    ap.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[10, 100, 1000],
                    help="document sizes in KB for the own-stage case (default 10,100,1000)")
    ap.add_argument("--articles", type=int, default=40, help="articles for the throughput case")
    ap.add_argument("--many", type=int, default=200, help="articles for the memory case (5000 for the full run)")
    ap.add_argument("--workers", type=int, default=0,
                    help="worker processes for pipe(n_process=...) in the throughput case (default: one per core)")
    ap.add_argument("--timeout", type=int, default=300, help="seconds allowed for each hostile input")
    ap.add_argument("--profile", action="store_true", help="print the slowest own-stage functions")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if "STANZA_RESOURCES_DIR" not in os.environ:
        for folder in [HERE.parent, *HERE.parents]:
            if (folder / "shared" / "models" / "stanza-en").is_dir():
                os.environ["STANZA_RESOURCES_DIR"] = str(folder / "shared" / "models" / "stanza-en")
                break
    if args.child:
        print(json.dumps(run_hostile(args.child, args.profile)))
        return 0
    nlp = pipeline()
    for name in args.only or list(CASES):
        CASES[name](nlp, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
