"""Variant grouping: case, number, hyphen/space, British/American spelling, typos."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from termkit.extract.variants import (
    MAX_TYPO_LENGTH,
    americanize,
    edit_distance_one,
    light_key,
    plausible_slip,
    singular,
    typo_pairs,
    variant_key,
)

from .conftest import ranked


def test_case_plural_hyphen_and_apostrophes_meet() -> None:
    forms = [
        "income-generating activities",
        "Income generating activity",
        "INCOME-GENERATING ACTIVITIES",
        "income generating activities",
    ]
    assert len({variant_key(f) for f in forms}) == 1
    assert variant_key("grass-roots") == variant_key("grassroots") == variant_key("grass roots")
    assert variant_key("farmers’ income") == variant_key("farmers' income") == variant_key("farmer income")
    assert variant_key("Industry & Commerce") == variant_key("industry and commerce")


def test_british_and_american_spelling() -> None:
    assert americanize("labour") == "labor"
    assert americanize("programme") == "program"
    assert americanize("organisation") == "organization"
    assert americanize("centre") == "center"
    # not British spellings: left alone
    assert americanize("hour") == "hour"
    assert americanize("enterprise") == "enterprise"
    assert americanize("exercise") == "exercise"
    assert variant_key("labour service") == variant_key("labor services")


def test_singular() -> None:
    assert singular("counties") == "county"
    assert singular("branches") == "branch"
    assert singular("funds") == "fund"
    for word in ("status", "analysis", "news", "series", "economics", "process"):
        assert singular(word) == word


def test_edit_distance_one() -> None:
    assert edit_distance_one("programing", "programming")
    assert edit_distance_one("county", "countey")
    assert edit_distance_one("form", "from")  # transposition
    assert not edit_distance_one("county", "county")
    assert not edit_distance_one("county", "country!!")


def test_typos_pair_only_when_one_side_is_no_word() -> None:
    groups = {
        "povertyreductionprogramming": ("poverty", "reduction", "programming"),
        "povertyreductionprograming": ("poverty", "reduction", "programing"),
        "keycounty": ("key", "county"),
        "keycountry": ("key", "country"),
        # "villager" is rare in general English, "villagers" is not: two words
        "poorvillage": ("poor", "village"),
        "poorvillager": ("poor", "villager"),
    }
    weight = {k: 1.0 for k in groups}
    weight["povertyreductionprogramming"] = 3.0
    assert typo_pairs(groups, weight) == [("povertyreductionprograming", "povertyreductionprogramming")]


def test_an_english_word_is_no_typo_of_a_commoner_non_word() -> None:
    groups = {
        "hammel": ("hammel",),
        "hammer": ("hammer",),
        "programing": ("programing",),
        "programming": ("programming",),
    }
    weight = {"hammel": 5.0, "hammer": 1.0, "programing": 1.0, "programming": 5.0}
    assert typo_pairs(groups, weight) == [("programing", "programming")]


def test_words_longer_than_any_english_word_are_never_typos() -> None:
    # (a run of letters in damaged text: its one-deletion forms would cost the square
    # of its length)
    long = "a" * (MAX_TYPO_LENGTH + 1)
    groups = {long: (long,), long + "b": (long + "b",), "x" * MAX_TYPO_LENGTH: ("x" * MAX_TYPO_LENGTH,)}
    weight = {k: 1.0 for k in groups}
    assert typo_pairs(groups, weight) == []
    at_limit = "x" * (MAX_TYPO_LENGTH - 1) + "y"
    groups["xy"] = (at_limit,)
    weight["xy"] = 0.5
    assert typo_pairs(groups, weight) == [("xy", "x" * MAX_TYPO_LENGTH)]


def test_a_slip_is_rarer_than_what_it_misspells() -> None:
    groups = {"aramo": ("aramo",), "arabo": ("arabo",)}
    assert typo_pairs(groups, {"aramo": 1.0, "arabo": 1.0}) == []
    assert typo_pairs(groups, {"aramo": 1.0, "arabo": 2.0}) == [("aramo", "arabo")]


def test_acronyms_and_names_are_no_typos_of_other_words() -> None:
    groups = {"unamid": ("unamid",), "unammid": ("unammid",)}
    weight = {"unamid": 5.0, "unammid": 1.0}
    assert typo_pairs(groups, weight) == [("unammid", "unamid")]
    assert typo_pairs(groups, weight, acronyms={"unammid"}) == []
    # a name the text capitalises beside a common word
    groups = {"letter": ("letter",), "leter": ("leter",)}
    weight = {"letter": 5.0, "leter": 1.0}
    assert typo_pairs(groups, weight) == [("leter", "letter")]
    assert typo_pairs(groups, weight, names={"leter"}) == []
    assert typo_pairs(groups, weight, names={"leter", "letter"}) == [("leter", "letter")]


def test_plausible_slips() -> None:
    # inside the word: a letter dropped, doubled or added, two letters swapped
    assert plausible_slip("programing", "programming")
    assert plausible_slip("goverment", "government")
    assert plausible_slip("recieve", "receive")
    # at either end, or one letter for another, only a non-word is a slip
    assert plausible_slip("ealth", "health")
    assert plausible_slip("leaguge", "league")
    assert not plausible_slip("manama", "panama")
    assert not plausible_slip("licit", "limit")
    assert not plausible_slip("rwandan", "rwanda")
    assert not plausible_slip("bureaux", "bureau")
    assert not plausible_slip("caving", "saving")
    # a plural -s is the same word
    assert plausible_slip("tsunamis", "tsunami")
    # a letter doubled or undoubled, at the end too
    assert plausible_slip("committe", "committee")
    assert plausible_slip("untill", "until")
    assert plausible_slip("tennesse", "tennessee")
    # but a final -ee is another word
    assert not plausible_slip("franchisee", "franchise")
    # one letter for another, or two swapped at the end, make another word unless
    # general English does not know it at all
    assert not plausible_slip("materiel", "material")
    assert not plausible_slip("thereon", "therein")
    assert not plausible_slip("kilter", "killer")
    assert not plausible_slip("minuet", "minute")
    assert plausible_slip("leaguge", "league")
    # the last letter of a common word dropped, in a form general English has only as a slip
    assert plausible_slip("healt", "health")
    assert not plausible_slip("olivera", "oliver")
    assert not plausible_slip("leaven", "leave")


def test_words_used_more_often_decide_what_is_a_slip() -> None:
    # two phrases seen once each: the word "health" used eight times, "healt" once
    groups = {
        "nationalhealtstrategy": ("national", "healt", "strategy"),
        "nationalhealthstrategy": ("national", "health", "strategy"),
    }
    weight = dict.fromkeys(groups, 1.0)
    assert typo_pairs(groups, weight) == []
    uses = {"national": 2.0, "healt": 1.0, "health": 8.0, "strategy": 2.0}
    assert typo_pairs(groups, weight, uses=uses) == [("nationalhealtstrategy", "nationalhealthstrategy")]


def test_two_words_used_as_often_are_no_slip_whatever_their_phrases() -> None:
    groups = {"arabogroup": ("arabo", "group"), "aramogroup": ("aramo", "group")}
    weight = {"arabogroup": 2.0, "aramogroup": 1.0}
    assert typo_pairs(groups, weight) == [("aramogroup", "arabogroup")]
    assert typo_pairs(groups, weight, uses={"arabo": 2.0, "aramo": 2.0, "group": 3.0}) == []


def test_uses_inside_compounds_count() -> None:
    cands = ranked(
        [
            "The government-led reform began in May.",
            "A government-led survey followed.",
            "The government-led review was published.",
            "Another government-led plan was announced.",
            "The goverment-led plan was announced.",
        ]
    )
    plan = next(c for c in cands if c.term == "government-led plan")
    assert "goverment-led plan" in plan.variants
    assert not any(c.term.startswith("goverment") for c in cands)


def test_a_name_is_no_typo_of_a_common_word_but_a_common_word_may_be_one_of_a_name() -> None:
    groups = {"government": ("government",), "goverment": ("goverment",)}
    weight = {"government": 5.0, "goverment": 1.0}
    assert typo_pairs(groups, weight, names={"government"}) == [("goverment", "government")]
    assert typo_pairs(groups, weight, names={"goverment"}) == []


def test_one_letter_apart_names_and_acronyms_stay_apart() -> None:
    lines = [
        "MINUSCA and MINUSCA staff met MINUSMA officers; MINUSCA reported to the Council.",
        'The detachments "Arabo" and "Aramo" crossed the line near Manama.',
        "Shipping through Panama grew, and Panama and Panama ports expanded.",
        "The Europa League final; the Europa League draw; the Europa Leaguge result.",
    ]
    cands = ranked(lines)
    by_term = {c.term.lower(): c for c in cands}
    assert {"minusca", "minusma", "arabo", "aramo", "manama", "panama"} <= set(by_term)
    assert not any(c.typos for c in cands if "League" not in c.term)
    assert "Europa Leaguge" in by_term["europa league"].variants


def test_typos_beside_capitals_in_headings_and_names_are_grouped() -> None:
    # a word once in a heading in capitals is no acronym; a lower-case slip of a
    # word the text capitalises is a slip; the slip is never the display form
    cands = ranked(
        [
            "1. POVERTY ALLEVIATION",
            "The poverty alleviation fund supports rural families.",
            "The poverty alleviation fund grew in 2019.",
            "The poverity alleviation fund was praised.",
            "We thank the Government. The Government agreed. The Committee asked the Government.",
            "Goverment policy on water was discussed.",
            "Government policy on water was discussed again; the Government policy on water held.",
        ]
    )
    fund = next(c for c in cands if "alleviation fund" in c.term.lower())
    assert fund.term == "poverty alleviation fund" and "poverity alleviation fund" in fund.variants
    policy = next(c for c in cands if c.term.lower() == "government policy on water")
    assert "goverment policy on water" in [v.lower() for v in policy.variants]
    assert not any(c.term.lower().startswith(("poverity ", "goverment ")) for c in cands)


def test_variants_are_grouped_into_one_candidate() -> None:
    lines = [
        "The East-Help-West Program helps. The East-Helps-West program helps.",
        "Income-generating activities and income generating activities and labour services.",
        "The labor service grew; development-oriented poverty reduction programing started.",
        "Development-oriented poverty reduction programming continued in development-oriented"
        " poverty reduction programming areas.",
    ]
    cands = ranked(lines)
    terms = [c.term for c in cands]
    east = next(c for c in cands if variant_key(c.term) == variant_key("East-Help-West Program"))
    assert {"East-Help-West Program", "East-Helps-West program"} <= set(east.variants)
    assert sum(1 for t in terms if variant_key(t) == variant_key("income-generating activities")) == 1
    labor = next(c for c in cands if variant_key(c.term) == variant_key("labor service"))
    assert {"labour services", "labor service"} <= set(labor.variants)
    prog = next(c for c in cands if variant_key(c.term) == variant_key("poverty reduction programming"))
    assert any("programing" in v for v in prog.variants)
    assert prog.typos


def test_light_key_folds_case_and_number_only() -> None:
    assert light_key("Poverty Alleviation Cadres") == light_key("poverty alleviation cadre")
    assert light_key("grass-roots") != light_key("grassroots")


words = st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), min_size=1, max_size=5)


@given(words)
def test_hyphen_space_and_case_never_matter(ws: list[str]) -> None:
    spaced = " ".join(ws)
    assert variant_key(spaced) == variant_key("-".join(ws))
    assert variant_key(spaced) == variant_key(spaced.upper())
    assert variant_key(spaced) == variant_key("  " + spaced.title() + " ")


@given(words, st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8), st.sampled_from("bdfgklmnprtvw"))
def test_regular_plurals_meet_their_singular(ws: list[str], stem: str, last: str) -> None:
    head = stem + last
    assert variant_key(" ".join([*ws, head + "s"])) == variant_key(" ".join([*ws, head]))


def test_a_name_that_opens_its_sentences_keeps_its_capital() -> None:
    lines = [
        "Pelosi said the vote was close.",
        "Pelosi spoke again on Monday.",
        "Later, Speaker Pelosi left the room.",
        "Cownie scored twice. Cownie was the best player.",
        "Drinking water is scarce. The drinking water project helps.",
    ]
    terms = {c.term for c in ranked(lines)}
    # opening words carry no case; inside a sentence "Pelosi" is capitalised, and
    # general English does not know "Cownie": names; "drinking water" is no name
    assert {"Pelosi", "Cownie", "drinking water"} <= terms
    assert not {"pelosi", "cownie", "Drinking water"} & terms
    # a rare word the text writes in lower case inside its sentences is no name
    lines = [
        "Dibao rose.",
        "Dibao helps.",
        "Dibao grew.",
        "The local dibao standard rose.",
        "Raising dibao helps.",
    ]
    assert "dibao" in {c.term for c in ranked(lines)}


def test_a_plural_in_men_meets_its_singular() -> None:
    assert variant_key("ex-servicemen") == variant_key("ex-serviceman")
    assert variant_key("rural women") == variant_key("rural woman")
    assert variant_key("specimen") != variant_key("speciman")
