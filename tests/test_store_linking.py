"""The store decides links exactly as the linker does: tie-breaks, common keys, speakers."""

from __future__ import annotations

from quoteattr.linking.linker import Linker, link
from quoteattr.model import AttributedDocument, Entity, Quote, Span
from quoteattr.linking.store import Corpus


def one_quote(doc_id: str, text: str, said: str, name: str = "Ona Petrauskas") -> AttributedDocument:
    s = text.index(said)
    e = s + len(said)
    q = Quote("q1", "direct", s, e, text[s:e], (Span(s, e, text[s:e]),), entity="e1")
    return AttributedDocument(doc_id, text, (q,), (Entity("e1", name=name, type="person"),))


SAID = "taxes on bread will fall, and wages will rise next year"
REORDERED = "and wages will rise next year, and taxes on bread will fall"  # longer: the canonical one
DOCS = [
    one_quote("a", f'"{SAID.capitalize()}," said Ona Petrauskas.', SAID.capitalize()),
    one_quote("b", f'Petrauskas said: "{REORDERED}."', REORDERED, "Petrauskas"),
    one_quote("c", f'"{SAID}," she said, Ona Petrauskas.', SAID),
]


def reasons(clusters) -> dict[str, str]:
    return {m.doc: m.reason for c in clusters for m in c.members}


def test_equal_scores_keep_the_better_reason_in_linker_and_store():
    # a: reordered against b (score 1.0) first, then identical to c (score 1.0): identical is the better reason
    linker = Linker()
    for d in DOCS:
        linker.add([d])
    corpus = Corpus(":memory:")
    for d in DOCS:
        corpus.add([d])
    assert reasons(linker.result().clusters) == {"a": "identical", "b": "canonical", "c": "identical"}
    assert reasons(corpus.clusters()) == reasons(linker.result().clusters)
    assert reasons(link(DOCS).clusters) == reasons(corpus.clusters())


NOISE = "harbour tunnel tolls"
STORED = [
    one_quote("t1", f'"The {NOISE} will double next spring for freight lorries," said Ona Petrauskas.',
              f"The {NOISE} will double next spring for freight lorries"),
    one_quote("t2", f'"Fishermen say {NOISE} remain a burden in every season," said Lina Kask.',
              f"Fishermen say {NOISE} remain a burden in every season", "Lina Kask"),
    one_quote("t3", f'"Nobody in this town likes {NOISE} during the long winter," said Ivo Tamm.',
              f"Nobody in this town likes {NOISE} during the long winter", "Ivo Tamm"),
]
PROBE = f"{NOISE} will double"


def test_find_ignores_keys_too_common_like_the_linker():
    # with only t1 stored, the probe is a fragment of it
    alone = Corpus(":memory:", cap=2)
    alone.add(STORED[:1])
    assert [c.docs for c in alone.find(PROBE)] == [("t1",)]
    # with three quotes holding "harbour tunnel tolls" (more than cap=2), its bigrams are no evidence
    corpus = Corpus(":memory:", cap=2)
    corpus.add(STORED)
    assert corpus.find(PROBE) == []
    # the linker agrees: the probe added as a quote links to nothing
    probe = one_quote("p", f'"{PROBE}," said Mart Sepp.', PROBE, "Mart Sepp")
    r = link(STORED + [probe], cap=2)
    assert r.cluster_of("p", "q1").docs == ("p",)


def test_store_keeps_honorific_mentions_with_their_speaker_across_sessions(tmp_path):
    path = str(tmp_path / "names.db")
    with Corpus(path) as corpus:
        corpus.add([one_quote("a", f'"{SAID}," said Ona Petrauskas.', SAID)])
    with Corpus(path) as corpus:
        corpus.add([one_quote("b", f'Ms. Petrauskas said: "{REORDERED}."', REORDERED, "Ms. Petrauskas")])
        corpus.add([one_quote("c", f'Mr. Petrauskas said: "{REORDERED}."', REORDERED, "Mr. Petrauskas")])
        assert [q.doc for q in corpus.quotes_of("Ona Petrauskas")] == ["a", "b"]
        assert corpus.speaker_ids("Mr. Petrauskas") != corpus.speaker_ids("Ona Petrauskas")


def test_speaker_traits_kept_by_batch_equal_traits_derived_afresh(tmp_path):
    """The store keeps its speakers' traits from batch to batch (a speaker a later batch changes,
    "Petrauskas" gaining a first name and an organisation, is updated) and derives them again after
    reading another writer's speakers: they are always those derived from the index afresh."""
    import numpy as np

    from quoteattr.linking.names import Traits, speaker_number

    def fresh(c: Corpus) -> Traits:
        t = Traits()
        t.update(c.speaker_index, ((s, speaker_number(s)) for s in c.speaker_index.records))
        return t

    def same(x: Traits, y: Traits) -> bool:
        return all(np.array_equal(getattr(x, f), getattr(y, f)) for f in ("named", "family", "given", "org"))

    path = str(tmp_path / "t.sqlite")
    first, other = Corpus(path), Corpus(path)
    first.add([DOCS[1]])  # "Petrauskas" alone
    # she gains a first name and an organisation in a document that quotes someone else
    text = 'Tom Berg said: "The quay will open in May." Ona Petrauskas of the Port Authority agreed.'
    s = text.index("The quay")
    q = Quote("q1", "direct", s, s + 27, text[s:s + 27], (Span(s, s + 27, text[s:s + 27]),), entity="e1")
    first.add([AttributedDocument("d", text, (q,), (Entity("e1", name="Tom Berg", type="person"),
                                                    Entity("e2", name="Ona Petrauskas", organization="Port Authority",
                                                           type="person")))])
    assert same(first._current_traits(), fresh(first))
    other.add([DOCS[0]])  # another writer: its index reads first's speakers
    assert same(other._current_traits(), fresh(other))
    first.add([DOCS[2]])
    assert same(first._current_traits(), fresh(first))
