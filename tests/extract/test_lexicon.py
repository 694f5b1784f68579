"""General-language resources: wordfreq's lists read directly."""

from __future__ import annotations

import pytest
import wordfreq

from termkit.extract.lexicon import frequencies, zipf


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_frequencies_are_wordfreqs_own(lang: str) -> None:
    # the direct reader of wordfreq's cBpack list gives its dictionary exactly
    assert frequencies(lang) == wordfreq.get_frequency_dict(lang, wordlist="best")


def test_frequencies_fall_back_to_wordfreq_when_its_list_is_not_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util

    frequencies.cache_clear()
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    try:
        assert frequencies("zh") == wordfreq.get_frequency_dict("zh", wordlist="best")
    finally:
        frequencies.cache_clear()


def test_zipf_of_known_unknown_and_hyphenated_words() -> None:
    assert zipf("the") == pytest.approx(wordfreq.zipf_frequency("the", "en", wordlist="best"), abs=0.01)
    assert zipf("zzqxj") == 0.0
    assert zipf("grain-to-green") == pytest.approx(max(0.0, zipf("grain") - 2.0))
