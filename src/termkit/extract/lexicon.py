"""Generic English resources for term extraction: function words, generic words, word rarity.

Nothing here is specific to one text.  The word classes are closed-class English
(determiners, pronouns, auxiliaries, prepositions, conjunctions) plus a short list of
generic words of policy prose that never make a term on their own ("work",
"efforts", "measures") or never start one ("relevant", "various").  Rarity in
general English comes from the ``wordfreq`` package (its word lists ship in the
wheel, so nothing is downloaded).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import math
from collections.abc import Iterable
from pathlib import Path


def words(text: str) -> frozenset[str]:
    """A word list written as text, one or more words a line."""
    return frozenset(text.split())


#: Phrases that link the parts of a name as "of" does, read as one token: the
#: English of 直辖/直属 ("municipalities *directly under the* central government",
#: "institutions directly under the State Council").  Alone, "under" and "the" cut
#: a candidate, so the name was never one and only its fragments were.
LINK_EXPRESSIONS = (("directly", "under", "the"), ("directly", "under"))

#: Inside a candidate only as a link between content words ("poverty alleviation
#: *by* science *and* technology"); never first or last.  A link phrase is one
#: token, its words joined by no-break spaces.
CONNECTORS = frozenset({"of", "for", "and", "in", "on", "by", "with", "&"}) | {
    "\u00a0".join(phrase) for phrase in LINK_EXPRESSIONS
}

#: Determiners and possessives: after them an -ed/-ing word is adjectival
#: ("the *targeted* help", "the *leading* groups").
DETERMINERS = words(
    """a an the this that these those its their our your his her my each every any some no
    all both either neither another such whose"""
)

#: Adverbs that are not in -ly: after them a word is a verb or an adjective.
ADVERBS = words(
    """further also still already again always often never even just only then thus very
    too quite rather soon together jointly mainly mostly well meanwhile moreover however
    therefore furthermore besides nevertheless"""
)

#: Words after which an -ed word is a verb ("it *issued*", "will be *improved*").
VERBAL = words(
    """i you he she it we they who which that what is are was were be been being am has
    have had having do does did will would shall should can could may might must ought
    not also then thus"""
) | words(
    # irregular forms of verbs whose complement is an -ing form: "kept *improving* roads"
    # (see CATENATIVES)
    """kept began begun went gone"""
)

#: Modal verbs: the next content word is a verb ("will *improve*").
MODALS = words("""will would shall should can could may might must""")

#: Prepositions and subordinators that are never part of a candidate (except in a
#: Title Case name or a quotation).  The connectors above are handled apart.
PREPOSITIONS = words(
    """about above across after against along alongside amid among amongst around as at
    before behind below beneath beside besides between beyond but despite down during
    except from into like near off onto out outside over past per since than through
    throughout till to toward towards under underneath unlike until unto up upon via
    whereby within without according regarding concerning including worth"""
)

#: Other closed-class words: pronouns, conjunctions, quantifiers, degree adverbs,
#: number words.
OTHER_FUNCTION_WORDS = words(
    """me him us them mine yours hers ours theirs myself itself themselves ourselves
    himself herself yourself one's there here where when whenever wherever why how
    whether if unless because although though while whereas so or nor yet also very too
    quite rather just only even still already again ever never always often sometimes
    not more most less least much many few fewer several enough own same other others
    else etc e.g i.e vs one two three four five six seven eight nine ten eleven twelve
    twenty thirty forty fifty hundred thousand million billion trillion first second
    third fourth fifth sixth seventh eighth ninth tenth half once twice what whatever
    whichever whoever whom something anything nothing everything someone anyone everyone
    nobody somebody anybody everybody yes okay ok please let lets must made took
    gave got came became brought bought chose did done drew drove fell felt found
    grew held knew laid lent lost meant met paid ran said saw sent shown sold spent
    stood taken told thought understood won wrote written given known seen shaken
    arisen chosen grown"""
)

#: Generic modifiers of policy prose: never part of a term ("*relevant* departments",
#: "*various* measures", "*last* year").
GENERIC_MODIFIERS = words(
    """relevant various respective corresponding certain further related given following
    previous same different diverse multiple numerous main important great necessary
    specific actual overall clear full proper effective appropriate possible existing
    present recent latest usual typical considerable significant substantial extensive
    strong positive good better best well able unable likely due last next past"""
) | words(
    # evaluative adjectives: praise, not classification ("*remarkable* achievements",
    # "the *overriding* principle"); a term never starts with one
    """remarkable outstanding overriding tremendous enormous huge vast notable impressive
    excellent striking unprecedented glorious arduous brilliant splendid fruitful
    gratifying commendable invaluable earnest greater greatest utmost crucial
    paramount pivotal meaningful similar eligible"""
)

#: Generic nouns of policy prose: never a term on their own (they may head one:
#: "income-generating *activities*").
GENERIC_NOUNS = words(
    """work works effort efforts measure measures activity activities aspect aspects area
    areas level levels way ways basis bases system systems situation situations issue
    issues problem problems role roles task tasks importance condition conditions means
    part parts term terms regard regards field fields thing things case cases number
    numbers amount amounts kind kinds type types form forms point points process
    processes result results end ends year years time times period periods total purpose
    purposes focus content contents principle principles requirement requirements people
    person persons state states country countries government governments department
    departments unit units side sides line lines matter matters method methods mode
    modes approach approaches step steps practice practices objective objectives object
    objects target targets goal goals plan plans program programs programme programmes
    project projects policy policies mechanism mechanisms support development
    implementation construction management promotion improvement increase increases
    ability abilities capacity capacities quality benefit benefits achievement
    achievements experience experiences effect effects effectiveness priority priorities
    attention favor favour help use uses need needs overview summary introduction
    conclusion example examples instance instances addition meanwhile first second third
    accordance view order light behalf strategy strategies scheme schemes"""
)

#: The same generic nouns in Chinese (their usual translations): never a Chinese
#: term on their own either (they may head one: 扶贫*工作*, 贫困*地区*).
ZH_GENERIC_NOUNS = words(
    """工作 努力 措施 举措 活动 方面 领域 区域 水平 层面 层级 方式 途径 基础 体系 制度
    系统 情况 局势 形势 状况 问题 作用 任务 重要性 条件 手段 部分 事情 事物 案例 数量
    数目 数额 金额 种类 类型 形式 要点 过程 进程 结果 年度 时间 期间 时期 阶段 总数
    总额 目的 重点 内容 原则 要求 人们 人员 个人 国家 政府 部门 单位 一方 事项 事宜
    方法 办法 模式 做法 步骤 实践 目标 对象 计划 规划 方案 项目 工程 政策 机制 支持
    支助 发展 执行 实施 落实 建设 管理 促进 推广 改进 改善 增加 增长 能力 质量 效益
    好处 成就 成绩 经验 效果 成效 关注 注意 帮助 使用 利用 需要 需求 概述 概况 摘要
    总结 导言 引言 结论 例子 实例 战略 策略"""
)

#: Number words: a word after them is a unit ("million *Yuan*").
NUMBER_WORDS = words(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty
    fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen
    hundreds thousands millions billions"""
)

#: Verbs of policy prose in their base form: a candidate starting with one is a
#: verb phrase ("*improve* pro-poor policies", "*summarize* anti-poverty practices").
GENERIC_VERBS = words(
    """accelerate achieve adhere adjust adopt advance advocate allocate alleviate allow
    apply appoint arrange assess assist attach attend attract boost broaden build carry
    cater combine complete comply conduct consolidate continue contribute coordinate
    cover create crack cultivate deal deepen define deliver deploy design develop
    dispatch do encourage enforce engage enhance enlarge enrich ensure enable establish
    expand explore extend facilitate favor favour focus formulate foster further gain
    give grant guarantee implement improve include increase inspire integrate intensify
    introduce invest launch learn lift make mobilize mobilise nurture optimize optimise
    organize organise participate perfect popularize popularise prioritize promote
    protect provide pursue raise reach realize realise reclaim redouble reduce
    regularize reinforce release remove renovate require resolve revitalize satisfy
    secure select send settle shake shoulder solve spur stabilize standardize stimulate
    strengthen strive summarize summarise supervise take tackle upgrade urge utilize
    widen exploit publicize recover monitor devise encourage complement affect attract
    obtain absorb transform restore relieve eliminate eradicate fight formulate
    incorporate intensify involve maintain meet mobilise narrow overcome persist prevent
    propose raise regulate reinforce remain respond strive unify win
    know think want believe seem tell ask become get say expect"""
)

#: Endings of contractions: "don't", "we're", "they've", "I'll", "she'd", "I'm".
CONTRACTION_ENDINGS = ("n't", "'re", "'ve", "'ll", "'d", "'m")
#: Pronoun (and adverb) contractions with "is"/"us" ("it's", "let's"), unlike a noun's possessive.
IS_CONTRACTIONS = words(
    """it's that's there's here's what's let's he's she's who's where's how's when's
    why's this's"""
)


def is_contraction(word: str) -> bool:
    """A contracted verb or pronoun ("don't", "it's"): a function word, never in a term."""
    return word.endswith(CONTRACTION_ENDINGS) or word in IS_CONTRACTIONS


#: Policy verbs whose -s form is also a common plural noun ("increases", "grants"):
#: only after a noun is that form read as a verb.
NOUN_VERBS = words(
    """increase release design advance deal grant guarantee upgrade monitor launch fight
    focus cover win gain reach take meet complement transform shoulder spur favor favour
    help need use plan support effort measure secure select settle"""
)

#: Fixed multiword expressions read as one token ("per capita net income"); the
#: link phrases are read so too.
FIXED_EXPRESSIONS = {
    ("per", "capita"): "per capita",
    ("ad", "hoc"): "ad hoc",
    ("de", "facto"): "de facto",
    ("ex", "post"): "ex post",
    ("ex", "ante"): "ex ante",
    ("in", "situ"): "in situ",
    ("ex", "situ"): "ex situ",
    ("pro", "rata"): "pro rata",
    ("per", "cent"): "per cent",
}

#: Words ending in -ly that are not adverbs.
LY_NOUNS = words(
    """family supply assembly monopoly anomaly ally rally reply apply multiply italy july
    fly belly jelly bully holy ugly silly lily poly early daily weekly monthly yearly
    quarterly elderly friendly orderly"""
)

#: Words ending in -s that are not plurals (for singularising).
S_SINGULARS = words(
    """news means series species physics mathematics economics politics statistics ethics
    logistics electronics genetics linguistics aesthetics diabetes measles mumps gas bus
    lens bias alias canvas atlas chaos cosmos ethos pathos thesis analysis crisis basis
    status census virus campus bonus focus corpus apparatus consensus surplus stimulus
    radius nexus its this his yes thus perhaps always whereas towards afterwards besides
    sometimes headquarters premises"""
)

#: Roman numerals (section numbers such as "VI.").
ROMAN = words("""i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx""")


def _list_path(lang: str) -> Path | None:
    """Where wordfreq 3 keeps its "best" (large) list of ``lang``; None if not there."""
    spec = importlib.util.find_spec("wordfreq")  # (finds the package without importing it)
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    path = Path(folders[0], "data", f"large_{lang}.msgpack.gz") if folders else None
    return path if path is not None and path.is_file() else None


@functools.lru_cache(maxsize=2)
def frequencies(lang: str) -> dict[str, float]:
    """wordfreq's "best" (large) word list of ``lang``: word -> frequency (0..1).

    The same dictionary as ``wordfreq.get_frequency_dict(lang, "best")``, read
    straight from the list wordfreq ships (its documented "cBpack" format: gzipped
    msgpack, a header, then one list of words per centibel of frequency) with
    wordfreq's own loop, without importing wordfreq: that import alone costs about
    0.2 s a process.  Falls back to wordfreq's own reader if the file is not where,
    or not what, wordfreq 3 keeps there.
    """
    path = _list_path(lang)
    if path is not None:
        import msgpack

        with gzip.open(path, "rb") as fp:
            pack = msgpack.load(fp, raw=False)
        if pack and pack[0] == {"format": "cB", "version": 1}:
            freqs: dict[str, float] = {}
            # (wordfreq's loop: list i holds the words of frequency 10 ** (-i / 100))
            for index, bucket in enumerate(pack[1:]):
                freq = 10 ** (-index / 100)
                for word in bucket:
                    freqs[word] = freq
            return freqs
    import wordfreq

    freqs = wordfreq.get_frequency_dict(lang, wordlist="best")
    return freqs


@functools.lru_cache(maxsize=2)
def _packed_buckets(lang: str) -> list[list[bytes]] | None:
    """The buckets of wordfreq's "best" list of ``lang`` as it ships them (list i: the
    words of frequency 10 ** (-i / 100), in UTF-8); None if the list is not there or not
    in that form.  Bytes, not text: decoding its 334,000 Chinese words costs more than
    looking up the few thousand a text uses."""
    path = _list_path(lang)
    if path is None:
        return None
    import msgpack

    with gzip.open(path, "rb") as fp:
        pack = msgpack.load(fp, raw=True)
    if pack and pack[0] == {b"format": b"cB", b"version": 1}:
        buckets: list[list[bytes]] = pack[1:]
        return buckets
    return None


def frequencies_of(lang: str, words: Iterable[str]) -> dict[str, float]:
    """The frequencies that :func:`frequencies` gives those of ``words`` it lists
    (the others are left out), without building its whole dictionary: one set
    intersection with each bucket of the list."""
    buckets = _packed_buckets(lang)
    if buckets is None:
        table = frequencies(lang)
        return {w: table[w] for w in words if w in table}
    # (a word that is no valid UTF-8, a lone surrogate, is in no bucket)
    wanted = {w.encode("utf-8", "surrogatepass"): w for w in words}
    keys = set(wanted)
    found: dict[str, float] = {}
    for index, bucket in enumerate(buckets):
        hits = keys.intersection(bucket)
        if hits:
            freq = 10 ** (-index / 100)  # (as frequencies computes it: the same float)
            for word in hits:
                found[wanted[word]] = freq  # (a later bucket wins, as in frequencies)
    return found


@functools.lru_cache(maxsize=500_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in general English (0 for unknown words).

    A hyphenated compound that wordfreq does not list ("ex-situ", "grain-to-green")
    is rarer than its rarest part: that part's value minus two.
    """
    f = frequencies("en").get(word)
    if f is not None:
        return math.log10(f * 1e9)
    if "-" in word or " " in word:
        parts = [p for p in word.replace(" ", "-").split("-") if p]
        if parts:
            return max(0.0, min(zipf(p) for p in parts) - 2.0)
    return 0.0


def is_known(word: str, threshold: float = 3.0) -> bool:
    """Whether ``word`` is an ordinary English word (Zipf frequency >= threshold)."""
    return zipf(word) >= threshold


def is_adverb(word: str) -> bool:
    """An -ly adverb built on a known word ("actively", "basically", "possibly")."""
    if len(word) < 5 or not word.endswith("ly") or word in LY_NOUNS:
        return False
    stem = word[:-2]
    bases = (stem, stem + "e", word[:-3] + "y", word[:-1] + "e", word[:-4], stem + "le")
    return any(len(b) > 2 and is_known(b) for b in bases)


def is_base_verb(word: str) -> bool:
    """A base-form verb of policy prose, or a word in -ize/-ify ("popularize", "intensify")."""
    return word in GENERIC_VERBS or (len(word) > 5 and word.endswith(("ize", "ify")))


def _verb_base_known(bases: tuple[str, ...]) -> bool:
    return any(len(b) > 2 and is_known(b, 2.4) for b in bases)


def is_past_participle(word: str) -> bool:
    """A regular -ed form of a known verb ("increased", "targeted", "unoccupied")."""
    if len(word) < 5 or not word.endswith("ed") or "-" in word:
        return False
    if word.startswith("un") and len(word) > 6 and is_past_participle(word[2:]):
        return True
    bases: tuple[str, ...] = (word[:-2], word[:-1], word[:-3] + "y")
    if len(word) > 5 and word[-3] == word[-4]:
        bases += (word[:-3],)
    return _verb_base_known(bases)


def is_gerund(word: str) -> bool:
    """A regular -ing form of a known verb ("enhancing", "training", "grazing")."""
    if len(word) < 6 or not word.endswith("ing") or "-" in word:
        return False
    stem = word[:-3]
    bases: tuple[str, ...] = (stem, stem + "e")
    if len(stem) > 2 and stem[-1] == stem[-2]:
        bases += (stem[:-1],)
    return _verb_base_known(bases)


_ADJECTIVE_SUFFIXES = ("al", "ive", "ous", "ic", "ful", "ent", "ant", "ary", "ible", "able", "less", "ar")


def looks_adjectival(word: str) -> bool:
    """A word shaped like an adjective ("large", "competitive", "rural")."""
    return word in _SHORT_ADJECTIVES or (len(word) > 4 and word.endswith(_ADJECTIVE_SUFFIXES))


_STRICT_ADJECTIVE_SUFFIXES = ("ous", "ic", "ical", "ive", "al", "ary", "ful", "less", "able", "ible")


def is_adjective(word: str) -> bool:
    """A word that is an adjective, not a noun: it cannot end a term.

    Adjective suffixes ("mountainous", "ecological", "competitive") when the word
    takes no plural in general English ("officials", "initiatives" are nouns); a
    hyphenated compound ending in a participle or an adjective ("poverty-stricken",
    "development-oriented", "labor-intensive"); a possessive ("province's").
    """
    if word.endswith(("'s", "s'")):
        return True
    if "-" in word:
        last = word.rsplit("-", 1)[1]
        return (
            last in _HYPHEN_ADJECTIVE_ENDS
            or is_past_participle(last)
            or (len(last) > 4 and last.endswith(_STRICT_ADJECTIVE_SUFFIXES) and zipf(last + "s") < 3.0)
        )
    if word in _SHORT_ADJECTIVES - _NOUN_TOO:
        return True
    return len(word) > 4 and word.endswith(_STRICT_ADJECTIVE_SUFFIXES) and zipf(word + "s") < 3.0


#: Last parts of hyphenated adjectives ("pollution-free", "village-level", "large-scale").
_HYPHEN_ADJECTIVE_ENDS = words(
    """stricken friendly efficient oriented free based related level scale sized term wide
    like aged style intensive poor rich specific sensitive led driven owned funded
    related"""
)

_NOUN_TOO = words("key green red black white poor rich young old")

#: Verbs an -ing verb follows as their complement ("continue *improving*"); after
#: other verbs an -ing word starts their object ("widen *financing* channels").
CATENATIVES = words(
    """continue keep start begin stop avoid finish consider resume quit enjoy suggest
    recommend mind risk deny admit imagine go try include involve complete discuss
    postpone delay mention practise practice recall regret"""
)
#: Semantically light heads: "poverty reduction *efforts*", "anti-poverty *work*".
LIGHT_NOUNS = words(
    """effort efforts endeavor endeavors endeavour endeavours work task tasks issue issues
    practice practices measure measures aspect aspects situation situations matter matters
    thing things way ways manner role roles step steps attempt attempts undertaking
    undertakings level levels"""
)


_SHORT_ADJECTIVES = words(
    """large small big high low poor rich rural urban new old young key deep wide broad
    long short green red black white dry wet open free fair safe"""
)
