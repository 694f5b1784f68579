"""Candidate generation rules (English)."""

from __future__ import annotations

from conftest import SEED
from termkit.extract import ExtractOptions, extract_lines

from .conftest import english_keys, ranked


def test_function_words_never_at_the_edges() -> None:
    keys = english_keys("The counties in the province directly under the central government grew.")
    assert "counties" in keys
    assert "central government" in keys
    for key in keys:
        words = key.split()
        assert words[0] not in {"the", "in", "under", "of", "and", "directly"}
        assert words[-1] not in {"the", "in", "under", "of", "and"}
    assert not any(k.endswith(" in") or k.startswith("in ") for k in keys)


def test_links_inside_only() -> None:
    keys = english_keys("We promote poverty alleviation by science and technology here.")
    assert "poverty alleviation by science and technology" in keys
    assert "science and technology" in keys
    assert "poverty alleviation by" not in keys
    assert "and technology" not in keys


def test_hyphenated_compounds_stay_whole() -> None:
    keys = english_keys(
        "They support pastureland-to-grassland projects and ex-situ relocation, grain-to-green."
    )
    assert "pastureland-to-grassland projects" in keys
    assert "ex-situ relocation" in keys
    assert "grain-to-green" in keys
    assert "pastureland" not in keys
    assert "grassland projects" not in keys
    assert "situ relocation" not in keys


def test_long_names_are_allowed() -> None:
    keys = english_keys("the 35 key counties for national poverty alleviation and development reached")
    assert "key counties for national poverty alleviation and development" in keys


def test_verbs_do_not_start_candidates() -> None:
    keys = english_keys(
        "The state will improve pro-poor policies.",
        "Shanxi Province increased efforts on poverty reduction.",
        "Enhancing targeted poverty reduction efforts",
        "It issued special funds by strengthening grazing control.",
    )
    assert "pro-poor policies" in keys
    assert "improve pro-poor policies" not in keys
    assert "increased efforts" not in keys
    assert "province increased efforts" not in keys
    assert "enhancing targeted poverty reduction efforts" not in keys
    assert "issued special funds" not in keys
    assert "special funds" in keys
    assert "strengthening grazing control" not in keys  # (an -ing form of a policy verb)
    assert "grazing control" in keys


def test_an_ing_word_may_start_a_noun_phrase_after_a_comma_or_and() -> None:
    keys = english_keys(
        "It improved roads, drinking water safety and housing.",
        "Key projects and emerging industries should come first.",
        "Works began, enhancing targeted poverty reduction efforts.",
    )
    assert "drinking water safety" in keys
    assert "emerging industries" in keys
    # an -ing form of a policy verb there is a verb
    assert "enhancing targeted poverty reduction efforts" not in keys
    assert "poverty reduction efforts" in keys
    # after an adverb, an -ing word is a verb: "actively *promoting* innovation"
    assert "promoting innovation" not in english_keys("It will be actively promoting innovation.")
    # after a link word too: "by *banning grazing*" names the measure (禁牧)
    assert "banning grazing" in english_keys("It protected grassland by banning grazing.")


def test_an_ing_word_inside_a_noun_compound_stays() -> None:
    keys = english_keys("Small island developing States met.", "We support slum upgrading projects.")
    assert "small island developing states" in keys
    assert "slum upgrading projects" in keys


def test_an_ing_word_after_a_verb_with_an_object_starts_a_noun_phrase() -> None:
    keys = english_keys(
        "It will also widen financing channels of poor areas.",
        "They will continue improving rural roads.",
        "Funds will be promoting rural roads.",
    )
    assert "financing channels" in keys  # "widen" takes an object: a noun phrase
    # after "continue" or "be" the -ing word is a verb
    assert "improving rural roads" not in keys
    assert "promoting rural roads" not in keys
    assert "rural roads" in keys
    # in any regular form of the verb, whether termkit knows it as a verb or not
    more = english_keys(
        "The county continues improving rural roads.",
        "It involves relocating villagers.",
        "The county will keep improving rural roads.",
        "Governments should consider adopting training programmes.",
        "The county discusses improving rural roads.",
    )
    assert not any(k.startswith(("improving", "relocating", "adopting", "keep ", "consider ")) for k in more)
    assert not any(" improving" in k or " adopting" in k for k in more)
    assert "training programmes" in more and "rural roads" in more
    # in its irregular forms ("kept", "began"), and no candidate ends on the verb
    # ("county keeps")
    irregular = english_keys(
        "The county kept improving rural roads.",
        "They began building drinking water projects.",
        "The county keeps improving rural roads.",
    )
    assert not any(k.startswith(("improving", "building")) for k in irregular)
    assert not any(k.endswith(("keeps", "kept", "began")) for k in irregular)
    assert "rural roads" in irregular and "drinking water projects" in irregular


def test_a_name_in_ed_is_no_participle() -> None:
    # "Ahmed", "Zayed": no known verb "ahm" or "zay" (wordfreq Zipf 2.4 and more)
    result = {c.term for c in ranked(["The meeting was chaired by Ahmed.", "Sheikh Zayed Road opened."])}
    assert "Ahmed" in result
    assert "Sheikh Zayed Road" in result


def test_participles_do_not_end_candidates() -> None:
    keys = english_keys("the funds raised by the masses were spent")
    assert "funds raised" not in keys
    assert "funds" in keys


def test_adverbs_and_generic_modifiers_break_candidates() -> None:
    keys = english_keys("relevant departments actively support rural cooperatives")
    assert "relevant departments" not in keys
    assert "departments" in keys
    assert not any("actively" in k for k in keys)


def test_heading_quote_title_and_numbered_signals() -> None:
    lines = [
        "【Rain Plan】 Targeting at graduates, the province organized trainings.",
        "Focusing on the key task of “one product for one village”, it worked.",
        "The government will implement policies under the Western Development Project.",
        "    36. Industrial support",
    ]
    by_term = {c.term: c for c in ranked(lines)}
    assert "heading" in by_term["Rain Plan"].signals
    assert "quoted" in by_term["one product for one village"].signals
    assert "title" in by_term["Western Development Project"].signals
    assert "numbered" in by_term["industrial support"].signals


def test_quotes_may_hold_any_word_but_no_sentence() -> None:
    keys = english_keys("through “one planning, concentrated investment and two-year implementation”, it")
    assert "one planning, concentrated investment and two-year implementation" in keys
    keys = english_keys("he said “This is it. We go now.” and left")
    assert not any(k.startswith("this is it") for k in keys)


def test_a_quotation_of_code_or_with_marks_at_its_edges() -> None:
    keys = english_keys(
        'Run "git add/rm <file>" first.',
        "The “*Star* Plan” helps.",
        'Set "repository=" in the file.',
        'The "(ADB)" loans.',
    )
    assert not any(set(k) & set("<>/*=()") for k in keys)
    assert "adb" in keys and "repository" in keys


def test_a_quotation_of_speech_is_no_name() -> None:
    # reported speech ends in an adjective, a participle, a determiner or pronoun or an
    # auxiliary; a quoted name in a noun or a particle
    lines = [
        'He called the move "mean and nasty and untruthful" on Monday.',
        'She said the rules were "badly drafted" before the vote.',
        "“bringing in and going out” and “one product for one village” helped.",
        # nor does a quoted name end in a determiner, a pronoun or an auxiliary (NTREX:
        # "Today, there's neither" ranked 8th of a news slice, "prefer not" was a term)
        '"Today, there\'s neither." he said.',
        'She wrote "our heart breaks to hear about this" on Monday.',
        'He said he would "prefer not" to answer.',
    ]
    quoted = {c.term for c in ranked(lines) if "quoted" in c.signals}
    assert quoted == {"bringing in and going out", "one product for one village"}


def test_a_name_in_the_possessive_is_the_name() -> None:
    lines = [
        "Hurricane Rosa's remnants reached Arizona.",
        "Officials tracked Hurricane Rosa's path.",
        "Flooding followed Hurricane Rosa's arrival.",
    ]
    by_term = {c.term: c for c in ranked(lines)}
    assert "title" in by_term["Hurricane Rosa"].signals
    assert "Hurricane Rosa's" not in by_term


def test_title_case_names_with_links() -> None:
    keys = english_keys(
        "institutions managed in accordance with the Law of the People's Republic of China on Civil Servants."
    )
    assert "law of the people's republic of china on civil servants" in keys


def test_title_case_names_may_open_with_a_modifier_or_ordinal_word() -> None:
    # "outstanding", "great", "second" are no term words in lower case, but open a
    # name when capitalised before capitalised words
    lines = [
        "The province won the Outstanding Organization Award at the exhibition.",
        "Tourists visit the Great Barrier Reef every year.",
        "The ambassador of the United Kingdom of Great Britain and Northern Ireland spoke.",
        "The Second World War ended in 1945.",
        "The Important Notice was issued.",
    ]
    keys = english_keys(" ".join(lines))
    for name in (
        "outstanding organization award",
        "great barrier reef",
        "united kingdom of great britain and northern ireland",
        "second world war",
    ):
        assert name in keys
    assert "important notice" not in keys  # one capitalised content word: no name
    assert "outstanding achievements" not in english_keys("It made outstanding achievements in Shanxi.")


def test_acronyms_and_their_expansions() -> None:
    lines = [
        "The Asian Development Bank (ADB) lent money.",
        "It used ADB loans for the comprehensive agricultural development project.",
    ]
    by_term = {c.term: c for c in ranked(lines)}
    assert by_term["ADB"].expansion == "Asian Development Bank"
    assert by_term["Asian Development Bank"].acronym == "ADB"
    assert "acronym" in by_term["ADB"].signals


def test_a_bracketed_expansion_keeps_its_capitals() -> None:
    # (UN dev set) the only expansion in brackets, "... Authority (IAEA)", was shown in
    # lower case, as no candidate of its own
    from termkit.extract.candidates import Counts
    from termkit.extract.english import EnglishExtractor

    found = EnglishExtractor(Counts())._link_acronyms(
        "States of the International Atomic Energy Authority (IAEA)"
    )
    assert found == [("iaea", "International Atomic Energy Authority")]


def test_of_two_expansions_as_frequent_the_one_that_is_a_candidate_wins() -> None:
    lines = [
        "The Asian Development Bank (ADB) lent money. The Asian Development Bank grew.",
        "The Asian Drought Bureau (ADB) met.",
        "ADB loans helped. ADB staff came.",
    ]
    by_term = {c.term: c for c in ranked(lines)}
    assert by_term["ADB"].expansion == "Asian Development Bank"


def test_acronym_expansion_by_initials() -> None:
    lines = [
        "The Leading Group Office of Poverty Reduction is responsible.",
        "The report won an award in the contest organized by LGOP.",
    ]
    by_term = {c.term: c for c in ranked(lines)}
    assert by_term["LGOP"].expansion == "Leading Group Office of Poverty Reduction"


def test_damaged_words_are_skipped() -> None:
    keys = english_keys("Thee\ufffdt (Cx\ufffd#ctively plan villages and rural housing")
    assert not any("thee" in k or "cx" in k for k in keys)
    assert "rural housing" in keys


def test_chinese_lines_are_skipped_in_english() -> None:
    keys = english_keys("版权所有©中国国际扶贫中心 京ICP备2020039194号-2")
    assert keys == set()


def test_per_capita_is_one_word() -> None:
    keys = english_keys("The per capita net income of poor counties rose.")
    assert "per\u00a0capita net income" in keys  # one token: its words joined by a no-break space


def test_directly_under_links_the_parts_of_a_name() -> None:
    keys = english_keys(
        "Provinces (autonomous regions and municipalities directly under the central government) act.",
        "Institutions Directly Under the State Council and enterprises directly under ministries report.",
        "Poor people live directly under the poverty line.",
    )
    joined = "directly\u00a0under\u00a0the"
    assert f"municipalities {joined} central government" in keys
    assert f"institutions {joined} state council" in keys
    assert "enterprises directly\u00a0under ministries" in keys
    # a hyphen glues the next word on: no link phrase ("directly under-funded")
    funded = english_keys("Rural schools remain directly under-funded by county governments.")
    assert not any("directly" in k for k in funded)
    assert "county governments" in funded
    # a link phrase, like "of", never stands at an edge
    assert not any(k.startswith("directly") or k.endswith(("under", "the")) for k in keys)


def test_evaluative_adjectives_and_worth_are_never_in_a_term() -> None:
    keys = english_keys(
        "The province made remarkable achievements under the overriding principle.",
        "It approved provincial projects worth 3 million Yuan.",
    )
    assert "achievements" in keys
    assert "remarkable achievements" not in keys
    assert "overriding principle" not in keys
    assert "provincial projects" in keys
    assert "provincial projects worth" not in keys


def test_verb_forms_at_the_edges() -> None:
    keys = english_keys(
        "The state advocates social responsibility and encourages enterprises to invest.",
        "It aims at doubling farmers' income and boosting the development.",
        "They solve poverty-related problems emerging in the west.",
        "Capacity building comes first.",
        "Grants support villages.",
    )
    assert "enterprises" in keys
    assert "encourages enterprises" not in keys
    assert not any(k.endswith(" boosting") for k in keys)
    assert "poverty-related problems" in keys
    assert "poverty-related problems emerging" not in keys
    assert "capacity building" in keys  # an -ing noun after a singular noun
    assert "grants" in keys  # an -s form that is also a plural noun is not taken for a verb


def test_coordinated_noun_phrases_in_a_list_item_are_two_items() -> None:
    result = ranked(
        [
            "Five advancements: project progress, project quality, capacity building and project management, "
            "and water and soil conservation."
        ]
    )
    listed = {c.term for c in result if "listed" in c.signals}
    assert {"capacity building", "project management", "project progress"} <= listed
    assert "capacity building and project management" not in listed


def test_single_words_rare_in_general_english_are_not_penalised() -> None:
    result = {
        c.term: c
        for c in ranked(
            [
                "Desertification is a threat to the villages.",
                "The control of desertification is a task of the villages.",
            ]
        )
    }
    rare, common = result["desertification"], result["villages"]
    assert rare.parts["shape"] == 0.0
    assert rare.frequency == 2 and rare.parts["cvalue"] > 1.0  # counted where it heads a phrase
    assert common.parts["shape"] < -1.0
    assert rare.score > common.score


def test_a_plural_is_as_rare_as_its_singular() -> None:
    from termkit.extract.scoring import word_rarity

    assert word_rarity("trainings") == word_rarity("training")
    assert word_rarity("counties") == word_rarity("county")


def test_an_acronym_is_no_place_name() -> None:
    from termkit.extract.scoring import ACRONYM_PENALTY

    result = {c.term: c for c in ranked(["Shanxi used ADB loans.", "The ADB staff visited Huguan."])}
    assert result["ADB"].parts["shape"] == -ACRONYM_PENALTY
    assert result["Huguan"].parts["shape"] < -ACRONYM_PENALTY


def test_a_possessive_is_as_rare_as_its_noun() -> None:
    from termkit.extract.scoring import word_rarity

    assert word_rarity("farmer's") == word_rarity("farmer")
    assert word_rarity("farmers'") == word_rarity("farmers")


def test_a_conjunct_is_not_nested_in_its_coordination() -> None:
    # "income-generating activities" is joined by "and", not modified: it keeps its uses
    lines = [
        "Cadres' village living and income-generating activities were extended.",
        "Cadres' village living and income-generating activities were praised.",
        "Cadres' village living and income-generating activities go on.",
    ]
    result = {c.term: c for c in ranked(lines)}
    assert result["income-generating activities"].parts["independence"] == 0.0


def test_a_scope_modifier_is_a_weak_extension() -> None:
    result = {c.term: c for c in ranked(["They ran long-term vocational skills trainings."])}
    assert result["vocational skills trainings"].parts["independence"] == 0.0
    assert result["long-term vocational skills trainings"].parts["independence"] < 0.0
    assert result["vocational skills trainings"].score > result["long-term vocational skills trainings"].score


def test_an_acronym_counts_inside_a_longer_phrase() -> None:
    result = {c.term: c for c in ranked(["The project in Hechuan used ADB loans.", "More ADB loans came."])}
    assert result["ADB"].frequency == 2
    assert result["ADB"].parts["cvalue"] > 1.0  # both uses are the bank's, not only free-standing ones


def test_a_compass_point_makes_a_place_name() -> None:
    result = {
        c.term: c for c in ranked(["Projects in Western China grew.", "China and Western China gained."])
    }
    assert result["Western China"].parts["shape"] <= -3.0


def test_the_line_that_fills_a_batch_keeps_its_word_evidence() -> None:
    from termkit.extract.candidates import Counts
    from termkit.extract.english import FLUSH_LINES, EnglishExtractor

    counts = Counts()
    extractor = EnglishExtractor(counts)
    counts.add_source("t")
    lines = [f"poverty alleviation item {n}" for n in range(FLUSH_LINES - 1)]
    lines.append("They visited Huguan for poverty alleviation.")  # the line that fills the batch
    for n, line in enumerate(lines, 1):
        extractor.add_line(line, 0, n)
    extractor.finish()
    assert counts.cap_mid["huguan"] == 1


def test_a_full_name_at_the_first_mention_of_its_short_form_is_a_name() -> None:
    lines = [
        "The 35 key counties for national poverty alleviation and development grew.",
        "The key counties received funds.",
        "Two key counties were visited.",
    ]
    result = {c.term: c for c in ranked(lines)}
    full = result["key counties for national poverty alleviation and development"]
    assert "named" in full.signals
    assert full.parts["independence"] == 0.0
    assert "named" not in result["key counties"].signals


def test_a_long_phrase_after_its_short_form_is_no_name() -> None:
    lines = [
        "The key counties received funds.",
        "Two key counties were visited.",
        "The key counties for national poverty alleviation and development grew.",
    ]
    result = {c.term: c for c in ranked(lines)}
    assert "named" not in result["key counties for national poverty alleviation and development"].signals


def test_a_place_after_in_is_no_part_of_a_name() -> None:
    lines = [
        "Relocation reached impoverished villages in remote mountainous areas.",
        "The impoverished villages received funds.",
        "Two impoverished villages were visited.",
    ]
    result = {c.term: c for c in ranked(lines)}
    assert "named" not in result["impoverished villages in remote mountainous areas"].signals
    assert result["remote mountainous areas"].parts["independence"] == 0.0


def test_lossy_counting_keeps_frequent_candidates_of_unique_runs_exact() -> None:
    from termkit.extract.candidates import Counts
    from termkit.extract.english import FLUSH_LINES, EnglishExtractor

    # every line makes a new run (a whole stretch of words) around a recurring term
    counts = Counts(prune_at=200)
    extractor = EnglishExtractor(counts, prune_at=100)
    counts.add_source("t")
    total = 3 * FLUSH_LINES
    for n in range(1, total + 1):
        word = "".join(chr(ord("a") + int(d)) for d in str(n))  # a new word on every line
        extractor.add_line(f"The {word}zorb mechanism supports poverty alleviation.", 0, n)
    extractor.finish()
    assert extractor.threshold >= 1 and counts.threshold >= 1  # runs and candidates were pruned
    assert counts.freq["poverty alleviation"] == total  # a dropped run's candidates still count
    assert counts.df["poverty alleviation"] == total
    assert "bzorb mechanism" not in counts.freq  # a run of the first batch, seen once, is gone
    assert len(counts.freq) < total


def test_a_key_keeps_its_first_three_locations_and_starts_over_when_pruned() -> None:
    from termkit.extract.candidates import MAX_LOCATIONS, Counts, unpack_location

    def lines_of(key: str) -> list[int]:
        return [unpack_location(p)[1] for p in counts.locs[key]]

    counts = Counts(prune_at=2)
    counts.add_source("t")
    for line in range(1, 6):
        counts.add(["整村推进", "整村推进"], 0, line)
    assert lines_of("整村推进") == [1, 2, 3][:MAX_LOCATIONS]
    assert counts.freq["整村推进"] == 10 and counts.df["整村推进"] == 5
    counts.add(["雨露计划"], 0, 6)
    counts.prune()  # the rarest key goes
    assert "雨露计划" not in counts.freq and "整村推进" in counts.located
    counts.freq["整村推进"] = 1  # now the frequent one is the rarest: pruned in turn
    counts.add(["易地扶贫搬迁", "易地扶贫搬迁"], 0, 7)
    counts.prune()
    assert "整村推进" not in counts.locs and "整村推进" not in counts.located
    counts.add(["整村推进"], 0, 9)  # seen again: its locations start over
    counts.add(["整村推进"], 0, 10)
    assert lines_of("整村推进") == [9, 10]


def test_a_title_case_name_cut_before_its_link_word_is_a_fragment() -> None:
    from termkit.extract.scoring import Candidate, _cut_name

    def cand(term: str, title: bool) -> Candidate:
        signals = {"title": 1} if title else {}
        return Candidate(term, term.lower(), 1.0, 1, 1, [term], [], signals=signals)

    name = ["china", "association", "of", "poverty", "alleviation", "and", "development"]
    short, full = cand("China Association", True), cand(" ".join(name), True)
    assert _cut_name(short, full, name, 0, 2)  # cut right before "of"
    assert not _cut_name(short, cand(" ".join(name), False), name, 0, 2)  # no name goes on
    assert not _cut_name(cand("Poverty Alleviation", True), full, name, 3, 2)  # not its head
    # on the seed, "China Association" no longer ranks: only its full names do
    seed = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    top = [c.term for c in ranked(seed)[:300]]
    assert "China Association of Poverty Alleviation and Development" in top
    assert "China Association" not in top


def test_a_word_the_text_uses_as_a_verb_is_a_weak_left_extension() -> None:
    lines = ["Officials will hold meetings.", "Officials who hold temporary posts in poor areas."]
    result = {c.term: c for c in ranked(lines)}
    assert result["temporary posts"].parts["independence"] == 0.0
    assert result["hold temporary posts"].parts["independence"] < 0.0
    # without the verb evidence "hold" would be a noun modifier and the longer cut the term
    result = {c.term: c for c in ranked(lines[1:])}
    assert result["hold temporary posts"].parts["independence"] == 0.0


def test_an_action_and_its_object_are_cut_at_of() -> None:
    from termkit.extract.scoring import _object_of

    toks = ["construction", "of", "poverty", "alleviation", "institutions"]
    assert _object_of(toks, 2, 3)  # the object of "construction"
    toks = ["transfer", "employment", "of", "labor", "forces"]
    assert _object_of(toks, 0, 2)  # the action "employment", before its object
    toks = ["institutions", "of", "higher", "learning"]
    assert not _object_of(toks, 2, 2)  # "institutions" names no action
    # a section heading makes the whole a signalled phrase, yet its object is the term
    result = {
        c.term: c for c in ranked(["【Construction of poverty alleviation institutions】", "Work went on."])
    }
    assert result["poverty alleviation institutions"].parts["independence"] == 0.0
    assert result["construction of poverty alleviation institutions"].parts["independence"] < 0.0


def test_a_title_case_name_is_not_extended_by_a_lower_case_word() -> None:
    result = {c.term: c for c in ranked(["The state-designated Project of Assistance by Industries began."])}
    assert result["Project of Assistance by Industries"].parts["independence"] == 0.0
    assert result["state-designated Project of Assistance by Industries"].parts["independence"] < 0.0


def test_a_policy_head_is_a_weak_right_extension() -> None:
    result = {c.term: c for c in ranked(["It adopted a block advancement strategy."])}
    assert result["block advancement"].parts["independence"] == 0.0
    assert result["block advancement strategy"].parts["independence"] < 0.0
    # a single word is no term before its head: "pro-poor policies" stays whole
    result = {c.term: c for c in ranked(["It adopted pro-poor policies."])}
    assert result["pro-poor policies"].parts["independence"] == 0.0


def test_a_counted_modifier_is_no_unit() -> None:
    # "administrative" follows numbers but never ends a phrase: a counted noun phrase
    lines = [
        "The county has 12 administrative villages.",
        "Another 30 administrative villages joined.",
        "Funds of 200 Yuan went to each household.",
        "A further 300 Yuan came later.",
    ]
    result = {c.term: c for c in ranked(lines)}
    assert result["administrative villages"].parts["shape"] == 0.0
    # "Yuan" ends its phrase after numbers: a unit, not the start of a term
    lines += ["The 500 Yuan subsidy was paid.", "Each Yuan subsidy counts."]
    assert {c.term: c for c in ranked(lines)}["Yuan subsidy"].parts["shape"] < 0.0


def test_a_noun_seldom_seen_may_end_a_term_though_it_modifies_elsewhere() -> None:
    lines = [
        "They expanded anti-poverty discounted-interest loan policies.",
        "They saw loan projects grow.",
        "They saw loan guarantees grow.",
        "They saw loan funds grow.",
        "They saw loan rates grow.",
    ]
    loan = {c.term: c for c in ranked(lines)}["anti-poverty discounted-interest loan"]
    # a word seen many times and never as a head ends no term
    many = lines + [f"The loan office {n} opened." for n in ("one", "two", "three", "four")]
    loan_many = {c.term: c for c in ranked(many)}["anti-poverty discounted-interest loan"]
    assert loan_many.parts["shape"] < loan.parts["shape"] < 0.0
    # on the seed, the loan seen three times (always before "policies" or "projects") ranks
    seed = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    top = [c.term for c in ranked(seed)[:300]]
    assert "anti-poverty discounted-interest loan" in top


def test_a_candidate_cut_inside_a_word_pair_the_text_never_separates_is_a_fragment() -> None:
    lines = [f"Poverty alleviation projects reached village {n}." for n in ("one", "two", "three")]
    lines += [
        "The poverty alleviation project failed.",
        "Poverty alleviation goes on.",
        "The projects ended.",
    ]
    result = {c.term: c for c in ranked(lines)}
    # its uses are spread over two longer keys (plural, singular): no one of them dominates,
    # yet "alleviation" never comes without "poverty"
    assert result["alleviation projects"].parts["independence"] == -3.0
    assert result["poverty alleviation projects"].parts["independence"] == 0.0


def test_a_name_cut_before_its_link_word_is_a_fragment_without_title_evidence() -> None:
    lines = ["The state-designated Project of Assistance by Industries began."]
    result = {c.term: c for c in ranked(lines)}
    assert result["state-designated Project"].parts["independence"] == -3.0
    lines = ["It helps Contiguous Poor Areas with Particular Difficulties."]
    result = {c.term: c for c in ranked(lines)}
    assert result["Contiguous Poor Areas"].parts["independence"] == -3.0


def test_a_phrase_the_same_word_always_follows_is_a_fragment() -> None:
    lines = [
        "It backed provincial poverty alleviation leading enterprises.",
        "Ten provincial poverty alleviation leading enterprises grew.",
        "All provincial poverty alleviation leading enterprises grew.",
        "Poverty alleviation went on.",
    ]
    result = {c.term: c for c in ranked(lines)}
    assert result["provincial poverty alleviation"].parts["independence"] == -3.0
    # followed by different words, it keeps its uses
    lines[1] = "Ten provincial poverty alleviation cooperatives grew."
    lines[2] = "All provincial poverty alleviation offices grew."
    result = {c.term: c for c in ranked(lines)}
    assert result["provincial poverty alleviation"].parts["independence"] > -3.0
    # on the seed it is seen twice, before "leading enterprises" both times; the cut
    # before "leading" (a verb form) would keep it, the rule makes it a fragment
    seed = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = {c.term: c for c in ranked(seed)}
    assert result["provincial poverty alleviation"].parts["independence"] == -3.0


def test_a_place_kind_head_is_no_weak_extension() -> None:
    result = {c.term: c for c in ranked(["Compensation for key ecological function areas grew."])}
    assert result["key ecological function"].parts["independence"] == -3.0
    # ("key" is a common adjective: "ecological function areas" is the cut that keeps its score)
    assert result["ecological function areas"].parts["independence"] == 0.0


def test_a_verb_before_its_object_is_no_part_of_a_term() -> None:
    lines = ["Such projects will not receive supporting funds from the government."]
    result = {c.term: c for c in ranked(lines)}
    assert result["receive supporting funds"].parts["independence"] == -3.0
    assert result["supporting funds"].parts["independence"] == 0.0


def test_a_title_case_name_may_start_with_a_generic_noun_and_a_link() -> None:
    lines = ["The state-designated Project of Assistance by Industries began."]
    name = {c.term: c for c in ranked(lines)}["Project of Assistance by Industries"]
    assert "title" in name.signals
    assert name.parts["shape"] > -1.0  # links in a name cost nothing; "Project of" neither


def test_a_numbered_title_in_title_case_vouches_for_its_link_words() -> None:
    lines = [
        "VI. Social Involvement in Poverty Reduction",
        "26. Attaching importance to energy and ecological environment protection",
        "Work went on.",
    ]
    result = {c.term: c for c in ranked(lines)}
    assert result["Social Involvement in Poverty Reduction"].parts["shape"] == 0.0
    # a numbered title in sentence case does not: "and" still costs
    assert result["energy and ecological environment protection"].parts["shape"] < 0.0


def test_a_quotation_closes_without_its_punctuation() -> None:
    # American style puts the comma or period inside the quotes: no part of the term
    lines = [
        'He called the claims "fake news," and left.',
        'The report said it was "fake news." Nobody agreed.',
        "Fake news spreads fast.",
    ]
    by_term = {c.term: c for c in ranked(lines)}
    news = by_term["fake news"]
    assert news.signals.get("quoted") == 2
    assert not any(v.endswith((",", ".")) for v in news.variants)


def test_temporal_modifiers_make_no_term() -> None:
    lines = [
        "Last year the rural road grew.",
        "The rural road grew last year and next year.",
        "In the past year it grew.",
    ]
    terms = {c.term for c in ranked(lines)}
    assert "rural road" in terms
    assert not {"last year", "next year", "past year"} & terms


def test_contractions_and_common_verbs_make_no_term() -> None:
    keys = english_keys(
        "We don't know what they've decided.",
        "I don't know and it's fine.",
        "Officials don't know the figures; experts say more.",
    )
    assert not keys & {"don't", "don't know", "know", "they've", "it's", "experts say"}
    assert "figures" in keys or "officials" in keys


def test_a_piece_after_an_adjective_and_link_is_nested() -> None:
    # "Economic and Social Council": "and" joins two modifiers of one head, so "Social
    # Council" is a fragment
    lines = [
        "The Economic and Social Council met.",
        "It reported to the Economic and Social Council in June.",
        "The Economic and Social Council adopted the text.",
    ]
    by_term = {c.term: c for c in ranked(lines)}
    assert by_term["Social Council"].parts["independence"] < -2
    assert by_term["Social Council"].score < by_term["Economic and Social Council"].score


def test_a_term_plus_a_generic_head_is_a_loose_extension() -> None:
    from termkit.extract.scoring import EXTENSION_PENALTY

    lines = [
        "Entire village advancement went on in 2011.",
        "Entire village advancement covered 3,000 villages.",
        "Counties pushed entire village advancement.",
        "The entire village advancement project reached Huguan.",
        "The Western Development Project began.",
    ]
    result = {c.term: c for c in ranked(lines)}
    longer = result["entire village advancement project"]
    assert longer.parts["independence"] == -EXTENSION_PENALTY
    assert longer.score < result["entire village advancement"].score
    # a name stays a name
    assert result["Western Development Project"].parts["independence"] == 0.0


def test_a_unit_before_of_is_a_quantity() -> None:
    lines = [
        "It spent 2.66 billion Yuan of anti-poverty funds.",
        "They put in 1.8 billion Yuan of anti-poverty funds.",
        "The province issued 4.15 million Yuan of anti-poverty funds.",
        "Another 5 million Yuan went to villages.",
        "Anti-poverty funds were audited.",
        "Counties managed anti-poverty funds well.",
    ]
    result = {c.term: c for c in ranked(lines)}
    assert result["Yuan of anti-poverty funds"].score < result["anti-poverty funds"].score
    assert result["Yuan of anti-poverty funds"].parts["shape"] <= -4.0


def test_dispersion_is_never_more_than_the_lines() -> None:
    # one line, the term in two stretches between function words, and in two spellings
    result = ranked(["The Rain Plan trains rural labors, and the rain plan pays rural labors well."])
    assert result and all(c.dispersion <= 1 for c in result)
    assert {c.term: c.frequency for c in result}["Rain Plan"] == 2


def test_invisible_characters_split_no_word() -> None:
    keys = english_keys(
        "The rural cred\u00adit cooperative lends.", "A rural\u200b credit cooperative lends."
    )
    assert "rural credit cooperative" in keys
    assert not any("cred " in k or k.endswith("cred") for k in keys)


def test_capitals_joined_by_an_ampersand_are_one_word() -> None:
    result = ranked(
        ["The R&D budget rose.", "R&D investment grew.", "More R&D investment helps.", "Re&place A & B"]
    )
    by_term = {c.term: c for c in result}
    assert "R&D" in by_term and "acronym" in by_term["R&D"].signals
    assert "R&D investment" in by_term
    assert not any(t.startswith(("D ", "R ")) or t in ("D", "R") for t in by_term)
    assert "Re&place" not in by_term


def test_a_lower_case_spelling_beside_a_title_case_name_is_a_variant() -> None:
    # the Title Case name counts twice for the display (the run and the name
    # signal); the lower-case spelling the text also uses must not vanish from the
    # variants for it
    result = ranked(
        ["The Rain Plan works, and the rain plan works.", "The Charter of the United Nations holds."]
    )
    by_term = {c.term: c for c in result}
    assert by_term["Rain Plan"].variants == ["Rain Plan", "rain plan"]
    # a name only its signal saw has no lower-case spelling
    assert by_term["Charter of the United Nations"].variants == ["Charter of the United Nations"]


def test_a_noun_that_is_also_a_catenative_verb_keeps_its_phrase() -> None:
    # "risk", "practice", "stop" before an -ing word are nouns more often than verbs
    keys = english_keys(
        "Disaster risk financing grew.", "Flood risk mapping helps the disaster risk financing."
    )
    assert "disaster risk" in keys and "flood risk" in keys


def test_a_capital_that_starts_a_sentence_opens_no_name() -> None:
    keys = english_keys(
        "Similar Rain Plan projects started in Henan.",
        "Great Lawn visitors came to Central Park's Great Lawn.",
        "Last Monday Shanxi Province launched a fund.",
    )
    assert "similar rain plan" not in keys and "rain plan" in keys
    assert "last monday shanxi province" not in keys
    assert "central park's great lawn" not in keys


def test_a_heading_with_into_is_a_title_line() -> None:
    from termkit.extract.english import TITLE_LINE

    assert TITLE_LINE.match("Integrating Poverty Alleviation into Rural Development")
    assert TITLE_LINE.match("Moving onto the Next Stage")
    assert not TITLE_LINE.match("Report ofthe Year")


def test_words_of_other_scripts_are_no_english_words() -> None:
    """A Tibetan or Cyrillic word in English text is no English term (nor part of
    one); accented Latin names are words."""
    lines = [
        "The Tibetan text ཕཊ ཕཊ and Путин met the Rain Plan team in Đà Nẵng.",
        "ཕཊ Путин Đà Nẵng Rain Plan",
    ]
    terms = {c.term for c in extract_lines(lines, ExtractOptions(lang="en")).candidates}
    assert "Rain Plan" in terms and "Đà Nẵng" in terms
    assert not [t for t in terms if "ཕ" in t or "Путин" in t]
