"""Which words count when quotes are compared: negations as one lemma, names apart (short hand-made texts)."""

from __future__ import annotations

from test_link import make, same_cluster

from quoteattr.linking.features import featurize
from quoteattr.linking.linker import link
from quoteattr.linking.normalize import name_words, stem, tokens

LIND = [("e1", "Marta Lind", "Prime Minister")]
RAILING = ("that Ruiz had both hands on the railing", "her with both hands on the railing seconds before she slipped")


def reports(speaker, said_a, said_b, verb="said"):
    """Two one-quote documents, a day apart, reporting ``said_a`` / ``said_b`` of one speaker
    (``speaker``: an entity tuple as :func:`test_link.make` takes it)."""
    name = speaker[1]
    a = make("a", f"{name} said {said_a}.", [(said_a, "indirect", "e1")], [speaker], date="2024-03-01")
    b = make("b", f"{name} {verb} {said_b}.", [(said_b, "indirect", "e1")], [speaker], date="2024-03-02")
    return a, b


def test_negations_compare_as_one_lemma():
    assert {stem(w) for w in ("no", "never", "nothing", "didn't", "won\u2019t", "cannot")} == {"not"}
    # "never backed" and "didn't back": the shorter report is all in the longer one
    a = make("a", "Lind said she never backed the dam plan.", [("she never backed the dam plan", "indirect", "e1")],
             LIND, date="2024-03-01")
    b = make("b", "Lind said she didn't back the dam.", [("she didn't back the dam", "indirect", "e1")], LIND,
             date="2024-03-02")
    r = link([a, b])
    assert same_cluster(r, ("a", "q1"), ("b", "q1"))


def test_a_negation_is_still_a_content_word():
    f = featurize(["the dam plan was backed", "the dam plan was never backed"], ["indirect"] * 2, [0, 0])
    assert f.nlem.tolist() == [3, 4]


def test_name_words():
    texts = ["we met Lena Voss in Oslo", "Harbour Commissioner Lena Voss met us", "THE PORT WILL CLOSE",
             "The Port Will Close On Monday", "Harbour Commissioner Lena Voss"]
    toks = [tokens(t) for t in texts]
    # we met Lena Voss in Oslo / Harbour Commissioner Lena Voss met us: not a first word, a headline,
    # capitals, nothing but names
    assert name_words(texts, [len(t) for t in toks]) == [2, 3, 5, 8, 9, 10]


def test_quotes_sharing_only_a_name_do_not_link():
    x = "Harbour Commissioner Lena Voss as a tireless reformer"
    y = "Harbour Commissioner Lena Voss and other officials"
    a = make("a", f"Berg praised {x}.", [(x, "mixed", "e1")], [("e1", "Tom Berg", None)], date="2024-03-01")
    b = make("b", f"Critics named {y}.", [(y, "indirect", None)], date="2024-03-02")
    assert not same_cluster(link([a, b]), ("a", "q1"), ("b", "q1"))
    # the same words in lower case are a claim, not a name: a near-duplicate
    lo = x.lower().replace("as a tireless reformer", "and other officials")
    c = make("c", f"Critics named {lo}.", [(lo, "indirect", None)], date="2024-03-02")
    assert same_cluster(link([b, c]), ("b", "q1"), ("c", "q1"))


def test_a_fragment_links_whatever_name_one_outlet_gives():
    """One outlet names the person ("Ruiz"), another says "her": the fragment is all in the other
    quote but for the name."""
    a, b = reports(("e1", "Ola Nyberg", "witness"), *RAILING, verb="described")
    r = link([a, b])
    assert same_cluster(r, ("a", "q1"), ("b", "q1"))
    assert {m.reason for m in r.cluster_of("a", "q1").members} == {"canonical", "containment"}
    # the fragment reported of another named speaker: another statement
    c = make("c", f"Tom Berg described {RAILING[1]}.", [(RAILING[1], "indirect", "e1")], [("e1", "Tom Berg", "guard")],
             date="2024-03-02")
    assert not same_cluster(link([a, c]), ("a", "q1"), ("c", "q1"))


def test_the_store_links_a_fragment_by_its_names_as_the_linker_does(tmp_path):
    from quoteattr.linking.store import Corpus

    a, b = reports(("e1", "Ola Nyberg", "witness"), *RAILING, verb="described")
    path = str(tmp_path / "s.sqlite")
    with Corpus(path) as c:
        c.add([a])
    with Corpus(path) as c:  # the first quote's names read back from the store
        c.add([b])
        assert [m.doc for m in c.cluster_of("a", "q1").members] == ["a", "b"]
        assert c.db.execute("SELECT nname FROM quotes WHERE doc = 'a'").fetchone() == (1,)


def test_a_shared_number_is_evidence_of_one_claim(tmp_path):
    from quoteattr.linking.store import Corpus

    port = ("e1", "Port Authority", None, "organization")
    a, b = reports(port, "the harbour lost 412 million crowns in 2019",
                   "the harbour had a deficit of 412 million crowns that year, which forced it to sell two cranes",
                   verb="reported")
    r = link([a, b])
    assert same_cluster(r, ("a", "q1"), ("b", "q1"))
    assert {m.reason for m in r.cluster_of("a", "q1").members} == {"canonical", "paraphrase"}
    with Corpus(str(tmp_path / "s.sqlite")) as c:  # the number read back from the store
        c.add([a])
        c.add([b])
        assert [m.doc for m in c.cluster_of("a", "q1").members] == ["a", "b"]
    # the same words without the number: too loose a paraphrase
    c, d = reports(port, "the harbour lost many million crowns last year",
                   "the harbour had a deficit of million crowns that year, which forced it to sell two cranes",
                   verb="reported")
    assert not same_cluster(link([c, d]), ("a", "q1"), ("b", "q1"))
