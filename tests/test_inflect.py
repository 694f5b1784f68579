"""Compounds of "man": plurals in -men, with the regular -man words and the -men singulars apart."""

from __future__ import annotations

import pytest

from termkit.inflect import man_plural, men_singular


@pytest.mark.parametrize(
    ("singular", "plural"),
    [("serviceman", "servicemen"), ("herdsman", "herdsmen"), ("chairwoman", "chairwomen"), ("man", "men")],
)
def test_a_compound_of_man_and_its_plural(singular: str, plural: str) -> None:
    assert man_plural(singular) == plural
    assert men_singular(plural) == singular


@pytest.mark.parametrize("word", ["human", "superhuman", "german", "shaman", "oman"])
def test_words_in_man_that_are_no_compound(word: str) -> None:
    assert man_plural(word) is None


@pytest.mark.parametrize("word", ["specimen", "regimen", "abdomen", "omen", "yemen", "xiamen", "bremen"])
def test_singulars_in_men(word: str) -> None:
    assert men_singular(word) is None
