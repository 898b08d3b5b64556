"""Cross-document speakers: names compared with the name rules of attribution/speakers.py (honorifics,
particles, Arabic articles, gender), conservatively."""

from __future__ import annotations

from quoteattr.linking.linker import link
from quoteattr.linking.names import PersonName, SpeakerIndex, person_name
from quoteattr.model import AttributedDocument, Entity, Quote, Span


def person(eid: str, name: str | None, title: str | None = None, label: str | None = None) -> Entity:
    return Entity(eid, name=name, title=title, label=label, type="person")


def test_person_name_peels_honorifics_and_roles():
    assert person_name("Mr. Okafor") == PersonName("okafor", (), "m")
    assert person_name("Ms. Okafor").gender == "f"
    assert person_name("Richard Okafor") == PersonName("okafor", ("richard",), "m")
    assert person_name("Mayor Okafor").key == "okafor" and person_name("Mayor Okafor").given == ()
    assert person_name("R. Okafor").given == ("r",)


def test_person_name_particles_and_arabic_articles():
    for n in ("Thomas van Dijk", "van Dijk", "Van Dijk", "Dijk"):
        assert person_name(n).key == "dijk", n
    assert person_name("Thomas van Dijk").given == ("thomas",)
    for n in ("Khalid al-Rashidi", "al-Rashidi", "Al-Rashidi", "Rashidi"):
        assert person_name(n).key == "rashidi", n
    assert person_name("Khalid al-Rashidi").given == ("khalid",)


def test_person_name_keeps_a_surname_that_is_a_role_word():
    assert person_name("Elena King") == PersonName("king", ("elena",), "f")
    assert person_name("Peter Bishop Jr.").key == "bishop"


def test_person_name_refuses_descriptions():
    for n in ("the spokesman", "a senior official", "officials", "", None):
        assert person_name(n) is None, n


def test_honorific_mention_joins_the_full_name():
    idx = SpeakerIndex()
    full = idx.add("d1", person("e1", "Richard Okafor", "port authority spokesman"))
    assert idx.add("d2", person("e3", "Mr. Okafor")) == full
    assert idx.add("d3", person("e1", "Okafor", label="Mr. Okafor")) == full
    assert set(idx.records[full].names) == {"Richard Okafor", "Mr. Okafor", "Okafor"}


def test_honorific_mention_first_then_full_name():
    idx = SpeakerIndex()
    short = idx.add("d1", person("e1", "Mr. Okafor"))
    assert idx.add("d2", person("e1", "Richard Okafor")) == short
    assert idx.records[short].firsts == ("richard",)


def test_gender_of_the_honorific_must_agree():
    idx = SpeakerIndex()
    elena = idx.add("d1", person("e1", "Elena Varga"))
    assert idx.add("d2", person("e1", "Mr. Varga")) != elena
    assert idx.add("d3", person("e1", "Varga", label="Mr. Varga")) != elena
    assert idx.add("d4", person("e1", "Ms. Varga")) == elena


def test_gender_picks_the_one_speaker_an_honorific_fits():
    idx = SpeakerIndex()
    elena = idx.add("d1", person("e1", "Elena Varga"))
    peter = idx.add("d2", person("e1", "Peter Varga"))
    assert elena != peter
    assert idx.add("d3", person("e1", "Mr. Varga")) == peter
    assert idx.add("d4", person("e1", "Ms. Varga")) == elena


def test_two_first_names_stay_apart_and_make_an_honorific_ambiguous():
    idx = SpeakerIndex()
    peter = idx.add("d1", person("e1", "Peter Varga"))
    paul = idx.add("d2", person("e1", "Paul Varga"))
    assert peter != paul
    assert idx.add("d3", person("e1", "Mr. Varga")) not in (peter, paul)


def test_particles_do_not_split_a_speaker():
    idx = SpeakerIndex()
    s = idx.add("d1", person("e1", "Thomas van Dijk", "harbour master"))
    assert idx.add("d2", person("e1", "van Dijk")) == s
    assert idx.add("d3", person("e1", "Van Dijk")) == s
    assert idx.add("d4", person("e1", "Anna van Dijk")) != s


def test_hyphenated_arabic_names():
    idx = SpeakerIndex()
    s = idx.add("d1", person("e1", "Khalid al-Rashidi", "militia commander"))
    assert idx.add("d2", person("e1", "al-Rashidi")) == s
    assert idx.add("d3", person("e1", "Rashidi")) == s
    assert idx.add("d4", person("e1", "Omar al-Rashidi")) != s


def test_restore_derives_keys_again():
    idx = SpeakerIndex()
    idx.restore("s7", "person", ["Mr. Okafor", "Richard Okafor"], ["port official"], [], ["Mr. Okafor"],
                [("d1", "e1"), ("d2", "e1")])
    assert idx.records["s7"].surname == "per:okafor" and idx.records["s7"].firsts == ("richard",)
    assert idx.of_entity[("d2", "e1")] == "s7"
    assert idx.add("d3", person("e1", "Okafor", label="Mr. Okafor")) == "s7"
    assert idx.add("d4", person("e1", "Ms. Okafor")) == "s8"  # new ids continue after restored ones
    made, changed = idx.take_changed()
    assert [r.id for r in made] == ["s8"] and [r.id for r in changed] == ["s7"]
    assert idx.take_changed() == ([], [])


def test_restore_replaces_a_speaker_another_writer_changed():
    idx = SpeakerIndex()
    idx.restore("s1", "person", ["Okafor"], members=[("d1", "e1")])
    idx.restore("s2", "person", ["Ada Okafor"], members=[("d2", "e1")])
    idx.restore("s1", "person", ["Okafor", "Richard Okafor"], members=[("d1", "e1"), ("d3", "e2")])
    assert idx.records["s1"].firsts == ("richard",) and idx.by_key["per:okafor"] == ["s1", "s2"]
    assert idx.of_entity[("d3", "e2")] == "s1" and len(idx.speakers()) == 2
    assert idx.add("d4", person("e1", "Richard Okafor")) == "s1"


def _doc(doc_id: str, text: str, said: str, name: str) -> AttributedDocument:
    s = text.index(said)
    e = s + len(said)
    q = Quote("q1", "direct", s, e, text[s:e], (Span(s, e, text[s:e]),), entity="e1")
    return AttributedDocument(doc_id, text, (q,), (person("e1", name),))


def test_linked_quotes_of_an_honorific_mention_are_no_conflict():
    said = "The night ferry will stop at every island harbour this summer"
    a = _doc("a", f'"{said}," said Richard Okafor.', said, "Richard Okafor")
    b = _doc("b", f'Mr. Okafor said: "{said}."', said, "Mr. Okafor")
    r = link([a, b])
    c = r.cluster_of("a", "q1")
    assert c.docs == ("a", "b") and not c.conflict
    assert len(r.speakers) == 1 and r.speakers[0].label == "Richard Okafor"
