"""Speaker relations in linking: compatible names, organisations, unknown speakers, conflicts."""

from __future__ import annotations

import numpy as np

from quoteattr.linking.linker import link
from quoteattr.linking.names import RELATIONS, SpeakerIndex, Traits, relation
from quoteattr.linking.store import Corpus
from quoteattr.model import AttributedDocument, Entity


def doc(id, said, kind, name=None, etype="person", organization=None, date="2024-03-04", label=None):
    text = f"{label or name or 'Someone'} said {said}."
    s = text.index(said)
    ent = {"id": "e1", "name": name, "type": etype, "organization": organization, "label": label or name or ""}
    return AttributedDocument.from_dict({"id": id, "text": text, "date": date,
        "quotes": [{"id": "q1", "kind": kind, "start": s, "end": s + len(said),
                    "content_spans": [[s, s + len(said)]], "entity": "e1"}],
        "entities": [ent]})


def clusters_of(result):
    return sorted(sorted(m.doc for m in c.members) for c in result.clusters)


# paraphrases of one statement: about half their content words shared
P1 = "that the ferry service to the northern islands would stop running in October because of rising fuel costs"
P2 = "that rising fuel costs would force the northern islands ferry service to stop running from October"


def test_relations_from_the_index():
    idx = SpeakerIndex()
    sids = [idx.add("d1", Entity("e1", name="Marta Lindqvist", type="person", organization="Harbour Board")),
            idx.add("d1", Entity("e2", name="Jon Lindqvist", type="person")),
            idx.add("d2", Entity("e1", name="Lindqvist", type="person")),
            idx.add("d3", Entity("e1", name="Harbour Board", type="organization")),
            idx.add("d4", Entity("e1", label="officials", type="unknown")),
            idx.add("d4", Entity("e2", name="Paul Okafor", type="person"))]
    t = Traits()
    t.update(idx, [(s, n) for n, s in enumerate(sids)])
    sa = np.array([0, 0, 0, 0, 0, 1])
    sb = np.array([0, 2, 3, 4, 5, 5])
    assert [RELATIONS[r] for r in relation(t, sa, sb)] == ["same", "compatible", "affiliated", "unknown",
                                                           "conflict", "conflict"]


def test_paraphrase_by_a_surname_the_index_left_apart():
    a = doc("a", P1, "indirect", "Marta Lindqvist")
    b = doc("b", "something else entirely about the weather", "indirect", "Jon Lindqvist")
    c = doc("c", P2, "indirect", "Lindqvist")  # two Lindqvists known: the index keeps it apart
    r = link([a, b, c])
    assert len({s.id for s in r.speakers}) == 3
    assert ["a", "c"] in clusters_of(r)


def test_person_and_the_body_they_speak_for():
    a = doc("a", P1, "indirect", "Marta Lindqvist", organization="Harbour Board")
    b = doc("b", P2, "indirect", "Harbour Board", etype="organization")
    r = link([a, b])
    assert clusters_of(r) == [["a", "b"]]
    assert {m.reason for c in r.clusters for m in c.members} == {"canonical", "paraphrase"}


def test_short_and_full_organisation_names_meet():
    a = doc("a", P1, "indirect", "The New York Ledger", etype="organization")
    b = doc("b", P2, "indirect", "The Ledger", etype="organization")
    assert clusters_of(link([a, b])) == [["a", "b"]]


def test_conflicting_named_speakers_never_link_a_paraphrase():
    a = doc("a", P1, "indirect", "Marta Lindqvist")
    b = doc("b", P2, "indirect", "Paul Okafor")
    assert clusters_of(link([a, b])) == [["a"], ["b"]]


def test_unknown_speaker_links_no_paraphrase():
    a = doc("a", P1, "indirect", "Marta Lindqvist")
    b = doc("b", P2, "indirect", None, etype="unknown", label="officials")
    assert clusters_of(link([a, b])) == [["a"], ["b"]]


def test_store_links_like_the_linker():
    docs = [doc("a", P1, "indirect", "Marta Lindqvist", organization="Harbour Board"),
            doc("b", P2, "indirect", "Harbour Board", etype="organization"),
            doc("c", P2, "indirect", "Lindqvist"),
            doc("d", "something else entirely about the weather", "indirect", "Jon Lindqvist")]
    corpus = Corpus(":memory:")
    for d in docs:
        corpus.add([d])
    stored = sorted(sorted(m.doc for m in c.members) for c in corpus.clusters())
    assert stored == clusters_of(link(docs))


def test_prolific_speaker_pairs_near_in_date_are_candidates():
    # every quote of the speaker holds "ferry", "islands", "fuel", "costs": with cap=3 those keys
    # are no evidence, so only the date-window pairs of the crowd bring the paraphrase together
    a = doc("a", "that the islands ferry would end because fuel costs were climbing", "indirect",
            "Marta Lindqvist", date="2024-03-04")
    b = doc("b", "that fuel costs would halt the ferry to the islands", "indirect",
            "Marta Lindqvist", date="2024-03-05")
    c = doc("c", "that the islands ferry fuel costs were paid by the council last winter", "indirect",
            "Marta Lindqvist", date="2024-05-20")
    d = doc("d", "that islands ferry fuel costs had been falling for a decade", "indirect",
            "Marta Lindqvist", date="2024-07-01")
    assert ["a", "b"] in clusters_of(link([a, b, c, d], cap=3))


def test_crowd_pairs_keep_to_the_window():
    from quoteattr.linking.features import featurize
    from quoteattr.linking.pairs import crowd_pairs

    import attrs

    F = featurize(["fuel costs rise", "fuel costs fall", "fuel costs stay"], ["direct"] * 3, [0, 0, 0])
    F = attrs.evolve(F, day=np.array([0, 3, 40], np.int32))
    codes, shared = crowd_pairs(F, cap=2, window=7)
    assert [(int(c) // 3, int(c) % 3) for c in codes] == [(0, 1)]
    assert shared.tolist() == [2]


# reported speech naming a topic in the reporter's words, and a longer report that mentions it
TOPIC = "the new harbour bridge toll"
REPORT = "that drivers would pay the new harbour bridge toll twice a day from next spring"


def test_short_reported_fragment_of_an_unknown_speaker_does_not_link():
    a = doc("a", TOPIC, "indirect", "Marta Lindqvist")
    b = doc("b", REPORT, "indirect", label="officials", etype="unknown")
    assert clusters_of(link([a, b])) == [["a"], ["b"]]


def test_short_reported_fragment_of_one_speaker_links():
    a = doc("a", TOPIC, "indirect", "Marta Lindqvist")
    b = doc("b", REPORT, "indirect", "Marta Lindqvist")
    assert clusters_of(link([a, b])) == [["a", "b"]]


def test_short_direct_fragment_of_an_unknown_speaker_still_links():
    a = doc("a", "pay the new harbour bridge toll twice a day", "direct", "Marta Lindqvist")
    b = doc("b", REPORT, "indirect", label="officials", etype="unknown")
    assert clusters_of(link([a, b])) == [["a", "b"]]
