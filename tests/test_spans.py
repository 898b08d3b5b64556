"""Content spans hold the reported clause and nothing else (issue 13: span boundaries)."""

import pytest

pytestmark = pytest.mark.models


@pytest.mark.parametrize("text, content", [
    ("Democrats argue that the plan would fail, which the court has already put on hold.",
     "the plan would fail"),
    ("The mayor said the bridge would reopen in May, though she conceded that the work was late.",
     "the bridge would reopen in May"),
    ("The mayor said the ferry would stop at the border, forcing drivers to wait for hours.",
     "the ferry would stop at the border"),
    ("The mayor said the bridge, which opened in 1961, would close for repairs.",
     "the bridge, which opened in 1961, would close for repairs"),
    ("The mayor said the ferry would keep running while the bridge was closed.",
     "the ferry would keep running while the bridge was closed"),
])
def test_a_trailing_aside_set_off_by_a_comma_is_the_writers(nlp, text, content):
    assert [q.content for q in nlp(text).quotes if q.cue.text in ("said", "argue")] == [content]
