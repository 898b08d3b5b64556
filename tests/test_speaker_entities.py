"""What an entity may be: never a time, a date, a quantity or page furniture; a name ends at the
name; "X of Y" organisations stay whole. Our own short texts."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from quoteattr.attribution.speakers import is_time_or_quantity, split_mention

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text", ["Friday", "Nov. 27", "last week", "Many", "Some", "a dozen", "5"])
def test_time_words_dates_and_quantities_are_not_names(text):
    assert split_mention(text).name is None
    assert is_time_or_quantity(text)


@pytest.mark.parametrize("text,name", [
    ("Florida Friday", "Florida"),
    ("Theresa May", "Theresa May"),
    ("USA Today", "USA Today"),
    ("Mrs. Okafor in spite of the delays", "Okafor"),
    ("Ana Ruiz with a laugh", "Ana Ruiz"),
    ("Sen. Ann Lee of Ohio", "Ann Lee"),
])
def test_a_name_ends_at_the_name(text, name):
    assert split_mention(text).name == name


@pytest.mark.parametrize("text,name", [
    ("the Ministry of Transport", "Ministry of Transport"),
    ("Bank of England", "Bank of England"),
    ("the Department of Health", "Department of Health"),
    ("the University of Oxford", "University of Oxford"),
])
def test_x_of_y_organisations_stay_whole(text, name):
    p = split_mention(text)
    assert (p.name, p.kind, p.title) == (name, "organization", None)


def test_affiliation_after_a_name_is_the_organisation():
    p = split_mention("Chief Inspector Anna Berg of the Oslo police")
    assert (p.name, p.role, p.organization) == ("Anna Berg", "chief inspector", "Oslo police")


def test_a_time_after_the_speaker_is_not_part_of_the_mention(nlp):
    d = nlp("The port authority on Friday accused the union of blocking the harbour.")
    names = [e.name for e in d.entities] + [e.label for e in d.entities]
    assert not any("Friday" in (n or "") for n in names)
    assert all("Friday" not in q.speaker.text for q in d.quotes if q.speaker)


def test_page_furniture_is_neither_quote_nor_speaker(nlp):
    d = nlp("Mayor Ana Ruiz spoke on Monday.\n"
            "READ MORE: \u201cStrike\u201d blamed for delays, Mayor says\n"
            "Advertisement\n"
            "\u201cWe will reopen the port,\u201d she said.")
    assert not any("READ MORE" in (e.name or e.label) for e in d.entities)
    assert not any("Strike" in q.text or "Advertisement" in q.text for q in d.quotes)
    q = next(q for q in d.quotes if "reopen" in q.text)
    assert d.speaker_of(q).name == "Ana Ruiz"


def _check_module():
    spec = importlib.util.spec_from_file_location("entity_names", ROOT / "benchmarks" / "entity_names.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_entity_name_check_flags_what_it_should():
    bad = _check_module().bad_name
    assert [bad(n) for n in ("Thursday", "Dec. 3", "about a dozen", "Advertisement", "Ruiz with")] == [
        "time", "time", "quantity", "furniture", "preposition"]
    assert [bad(n) for n in ("Ana Ruiz", "USA Today", "Ministry of Transport", "Theresa May")] == [None] * 4


@pytest.mark.skipif(not (ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl").is_file(),
                    reason="PolNeAR data not present")
def test_no_entity_on_polnear_is_a_time_a_quantity_furniture_or_ends_in_a_preposition():
    mod = _check_module()
    data = ROOT.parent / "shared" / "data" / "polnear"
    # dev only: train (840 articles) takes too long to parse on a fresh machine; run
    # `python benchmarks/entity_names.py --data .../train.jsonl` for it
    found = list(mod.bad_entities(data / "dev.jsonl"))
    assert found == []


def test_generational_suffix_is_part_of_the_name():
    assert split_mention("Martin Luther King, Jr.").name == "Martin Luther King Jr."
    assert split_mention("Rep. John Smith III").name == "John Smith III"


def test_father_and_son_are_two_speakers(nlp):
    d = nlp("John Smith said the farm would be sold. John Smith Jr. said the farm would stay in the family.")
    sold, stay = (next(q for q in d.quotes if w in q.text) for w in ("sold", "stay"))
    assert d.speaker_of(sold).name == "John Smith"
    assert d.speaker_of(stay).name == "John Smith Jr."


def test_person_keeps_organisation_and_the_body_resolves_within_the_document(nlp):
    d = nlp("Port Authority Director Ana Ruiz said the harbour would close. The authority said fees would rise.")
    ruiz = d.speaker_of(next(q for q in d.quotes if "harbour" in q.text))
    body = d.speaker_of(next(q for q in d.quotes if "fees" in q.text))
    assert (ruiz.name, ruiz.organization) == ("Ana Ruiz", "Port Authority")
    assert body.name == "Port Authority" and body.type == "organization"
    assert ruiz.organization_entity == body.id
    assert ruiz.to_dict()["organization_entity"] == body.id


def test_spokesperson_for_an_acronym_points_to_the_organisation(nlp):
    d = nlp("The Northern Harbour Guard (NHG) said the pier had flooded. "
            "A spokesperson for the NHG said pumping went on.")
    sdf = d.speaker_of(next(q for q in d.quotes if "flooded" in q.text))
    spox = d.speaker_of(next(q for q in d.quotes if "pumping" in q.text))
    assert sdf.name == "Northern Harbour Guard" and "NHG" in sdf.aliases
    assert spox.name is None and spox.organization == "NHG" and spox.organization_entity == sdf.id


def test_spokesperson_for_the_ministry_points_to_the_named_ministry(nlp):
    d = nlp("The Ministry of Transport said trains would run. A spokesperson for the ministry said fares would rise.")
    ministry = d.speaker_of(next(q for q in d.quotes if "trains" in q.text))
    spox = d.speaker_of(next(q for q in d.quotes if "fares" in q.text))
    assert ministry.name == "Ministry of Transport"
    assert spox.organization_entity == ministry.id


def test_a_partner_at_a_firm_is_a_title_and_the_firm_its_organisation():
    p = split_mention("His old business partner at Bayline, Laurence T. Marsh")
    assert (p.name, p.role, p.organization) == ("Laurence T. Marsh", "business partner", "Bayline")
