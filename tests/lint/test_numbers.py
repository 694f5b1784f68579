"""Numbers as values: separators, 万/亿 scales, percentages, Chinese numerals, words as evidence."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termkit.lint import GlossaryIndex, Linter, LintOptions
from termkit.lint.numbers import number_mismatches, numbers_en, numbers_zh, parse_zh_numeral

from ..conftest import SHARED, require_shared


def values(nums: list) -> list[Decimal]:  # type: ignore[type-arg]
    return [n.key for n in nums if n.figures]


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        ("5,000 people", "5000人"),
        ("2.07 billion Yuan", "20.7亿元"),
        ("2.070495 billion Yuan", "20.70495亿元"),
        ("431.172 million Yuan", "4.31172亿元"),
        ("121,000 cadres", "12.1万名干部"),
        ("up 24%", "增长24%"),
        ("24 per cent", "百分之二十四"),
        ("ten thousand students", "1万名学生"),
        ("one million Yuan", "100万元"),
        ("1.5 million people", "1.5百万人"),
        ("26. Attaching importance", "二十六、重视"),
        ("as at 31 December 2013", "截至2013年12月31日"),
        ("Over 2,000 men", "2 000多人"),
        ("at 10.23 a.m.", "上午10时23分"),
        ("the 12th Five-Year Plan", "十二五规划"),
        ("(2011-2020)", "（2011—2020年）"),
        ("１２３ units", "123个"),
        ("1,000 yuan", "１，０００元"),  # a full-width comma between full-width digits
        ("1,000,000 yuan", "１，０００，０００元"),
        # ... but not one that separates the numbers of a list
        ("in 2010, 2011 and 2012", "在２０１０，２０１１和２０１２年"),
        ("items 1, 2 and 3", "第１，２，３项"),
        ("rose 5 or 6 times", "增长５，６倍"),
        # decimals and per mille in words; a time of day with 点 is none
        ("12.5 percent", "百分之十二点五"),
        ("350 million", "三点五亿"),
        ("1.2 trillion yuan", "一点二万亿元"),
        ("0.5 percent", "千分之五"),
        ("It is 7:45.", "现在是七点四十五分。"),
        ("at 7:05", "七点五分"),
        # Traditional characters (zh-TW, zh-HK): 萬, 億, 兩, 多萬, 時, 號
        ("121,000 cadres", "12.1萬名幹部"),
        ("2.07 billion Yuan", "20.7億元"),
        ("more than 5.5 million Syrians", "550多萬敘利亞人"),
        ("at 10.23 a.m.", "上午10時23分"),
        ("resolution 2118 (2013)", "第2118(2013)號決議"),
        ("20,000 people", "兩萬人"),
        ("Build the 5G network.", "建设５Ｇ网络。"),  # full-width letters: the code 5G
        ("7.5 percent of IPv6 hosts", "７．５％的ＩＰｖ６主机"),
        ("21. The Council decided", "理事会决定"),
        # (UN dev set) 千 before a unit is kilo-, no scale; thousands grouped by spaces
        # take decimals; a currency glued to a figure where "€" was lost
        ("Iran had fed 156,734 kg of UF6", "伊朗已将156 734千克六氟化铀"),
        ("a 50,000 kW plant", "5万千瓦的电站"),
        ("totalling HRK 33,776,130.00.", "共计33 776 130.00库纳。"),
        ("some 2 000.", "约2 000."),
        ("Euro131 million from the regular budget", "正常预算1.31亿欧元"),
    ],
)
def test_same_numbers(src: str, tgt: str) -> None:
    assert number_mismatches(src, tgt, "en", "zh-CN") == ([], [])


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        ("A market worth 2.8bn pounds.", "价值28亿英镑的市场。"),
        ("the UK's £2.8bn beauty market", "英国美容市场达到 28亿 英镑的规模"),
        ("A 3.5m deal.", "一笔350万的交易。"),
        ("for £125m, three years ago", "以 1.25 亿英镑的价格"),
        ("a £11million deal", "价值1100 万英镑交易"),
        ("€3.1billion ($3.6bn)", "31亿欧元（36亿美元）"),
        ("US$ 10k a year", "每年1万美元"),
        ("USD 5M", "500万美元"),
        ("$1.2tn of debt", "1.2万亿美元的债务"),
        ("20mn people", "2000万人"),
        ("a wall 5m high", "5米高的墙"),  # metres
        ("a 10k run", "10公里跑"),  # kilometres
        ("more than 5.5 million Syrians", "550多万叙利亚人"),
        ("over 2 million people", "200余万人"),
    ],
)
def test_glued_scales(src: str, tgt: str) -> None:
    """Scales glued to the figures (2.8bn, 3.5m, £11million) and 550多万 are magnitudes."""
    assert number_mismatches(src, tgt, "en", "zh-CN") == ([], [])


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        ("The wall is 5m high and 20cm thick.", "这堵墙高5米，厚20厘米。"),
        ("He ran the 400m in 45s.", "他45秒跑完400米。"),
        ("It weighs 5kg; 2.8bn were spent.", "它重5公斤；花费了28亿。"),
        ("The firm raised $5m.", "该公司筹集了$5m。"),  # kept as written
        ("A 3.5m deal.", "一笔3.5m的交易。"),
    ],
)
def test_other_units_beside_a_glued_scale(src: str, tgt: str) -> None:
    """A segment with a glued scale goes the full way; the numbers there written with
    another unit ("20cm", "45s") are numbers too, and a Chinese side that keeps an
    English sum as written reads it as English does (they were reported missing)."""
    assert number_mismatches(src, tgt, "en", "zh-CN") == ([], [])


@pytest.mark.parametrize(
    ("src", "tgt", "only_src", "only_tgt"),
    [
        ("A market worth 2.8bn pounds.", "价值2.8亿英镑的市场。", ["2.8bn"], ["2.8亿"]),
        ("for £125m", "以125英镑的价格", ["125m"], ["125"]),
        ("a 3.5m deal", "一笔35万的交易", ["3.5m"], ["35万"]),
    ],
)
def test_glued_scales_still_compared(src: str, tgt: str, only_src: list[str], only_tgt: list[str]) -> None:
    """A sum under a currency is only the scaled value; an unsure "3.5m" still needs one reading."""
    a, b = number_mismatches(src, tgt, "en", "zh-CN")
    assert ([n.text for n in a], [n.text for n in b]) == (only_src, only_tgt)


def test_glued_scale_values() -> None:
    assert values(numbers_en("£2.8bn, £125m, 10k, 5m, €3.1billion", words=False)) == [
        Decimal("2.8E+9"),
        Decimal("1.25E+8"),
        Decimal("1E+4"),
        Decimal("5E+6"),
        Decimal("3.1E+9"),
    ]
    assert [n.keys for n in numbers_en("a 5m wall", words=False)] == [(Decimal("5E+6"), Decimal(5))]
    assert [n.text for n in numbers_zh("达到 28亿 英镑", words=False)] == ["28亿"]


@pytest.mark.parametrize(
    ("src", "tgt", "only_src", "only_tgt"),
    [
        ("In 2011, 57 poor counties", "2012年，57个贫困县", ["2011"], ["2012"]),
        ("2.07 billion Yuan", "2.07亿元", ["2.07 billion"], ["2.07亿"]),
        ("660 villages", "600个村", ["660"], ["600"]),
        ("up 24%", "增长42%", ["24%"], ["42%"]),
        ("5,000 people", "500人", ["5,000"], ["500"]),
    ],
)
def test_different_numbers(src: str, tgt: str, only_src: list[str], only_tgt: list[str]) -> None:
    a, b = number_mismatches(src, tgt, "en", "zh-CN")
    assert ([n.text for n in a], [n.text for n in b]) == (only_src, only_tgt)


def test_figures_in_words_are_not_required_on_the_other_side() -> None:
    # "one product for one village" is 一村一品: the Chinese numerals are evidence, never required.
    assert number_mismatches("one product for one village", "一村一品", "en", "zh-CN") == ([], [])


def test_parts_of_codes_are_not_numbers() -> None:
    assert values(numbers_en("A4 paper, version 1.2.3, x_3")) == [Decimal("1.2")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三千八百", 3800),
        ("二十六", 26),
        ("十", 10),
        ("一九九八", 1998),
        ("两万", 20000),
        ("一百零五", 105),
        ("一亿二千万", 120000000),
    ],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert parse_zh_numeral(text) == Decimal(value)


def test_scaled_chinese_figures() -> None:
    assert values(numbers_zh("共3.5万亿元，其中5000万元")) == [Decimal("3.5E+12"), Decimal("5E+7")]


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_do_not_change_the_value(n: int) -> None:
    assert number_mismatches(f"{n:,} Yuan", f"{n}元", "en", "zh-CN") == ([], [])


@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=1, max_value=9))
def test_wan_scaling(n: int, frac: int) -> None:
    # n.frac 万 == n*10000 + frac*1000
    zh = f"{n}.{frac}万"
    en = f"{n * 10000 + frac * 1000:,}"
    assert number_mismatches(en, zh, "en", "zh-CN") == ([], [])


@pytest.mark.parametrize(
    ("src", "tgt"),
    [("12 5", "12.5"), ("1,000", "1000.5"), ("in May 2014", "2014年6月"), ("1.5 million", "1.5千万")],
)
def test_the_fast_path_never_hides_a_difference(src: str, tgt: str) -> None:
    from termkit.lint.numbers import _dedupe, _unnumbered, numbers

    a, b = number_mismatches(src, tgt, "en", "zh-CN")
    s = {n.key for n in _unnumbered(src, numbers(src, "en"))}
    t = {n.key for n in _unnumbered(tgt, numbers(tgt, "zh-CN"))}
    full = (
        [n for n in _dedupe(numbers(src, "en", words=False)) if n.key not in t],
        [n for n in _dedupe(numbers(tgt, "zh-CN", words=False)) if n.key not in s],
    )
    assert ([n.text for n in a], [n.text for n in b]) == (
        [n.text for n in full[0]],
        [n.text for n in full[1]],
    )
    assert a or b


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        ("Size: %<PRIu64> bytes", "尺寸：%<PRIu64> 字节"),
        ("%-25s %s", "%-25s %s"),
        ("%s is %s", "%2$s 是 %1$s"),
        ("%.2f%% done", "完成 %.2f%%"),
        ("%08lx at %*d", "%*d 处的 %08lx"),
        ("{0} of {name}", "{name} 的 {0}"),
        ("{0:.2f} seconds", "{0:.2f} 秒"),
        ("%(count)d files", "%(count)d 个文件"),
        ("%1 of %2", "%2 的 %1"),
        ("%L1 items", "%L1 项"),
    ],
)
def test_format_placeholders_are_not_numbers(src: str, tgt: str) -> None:
    assert number_mismatches(src, tgt, "en", "zh-CN") == ([], [])


def test_numbers_beside_placeholders_are_still_compared() -> None:
    a, b = number_mismatches("%d of 5 disks, 64 bytes", "%d / 6 个磁盘，%<PRIu64> 字节", "en", "zh-CN")
    assert ([n.text for n in a], [n.text for n in b]) == (["5", "64"], ["6"])
    a, b = number_mismatches("up 24% of 50%% share", "增长24%，占50%%", "en", "zh-CN")
    assert (a, b) == ([], [])


def test_placeholders_of_a_real_catalogue(index: GlossaryIndex) -> None:
    """git's Chinese catalogue reorders its placeholders (%s -> %1$s) and uses %<PRIu32>:
    306 number findings before placeholders were masked, 2 after (both real: "0 or 1")."""
    po = require_shared(SHARED / "formats" / "po" / "git__zh_CN.po")
    diags = Linter(index, LintOptions(select={"number-mismatch"})).lint_file(str(po))
    assert [d.matched for d in diags] == ["0", "0"]


def test_kilo_is_no_scale_of_the_figure_before_it() -> None:
    # 5千克 is 5 kg: 5,000 kg in the source is another number
    assert values(numbers_zh("重5千克")) == [Decimal(5)]
    assert number_mismatches("It weighs 5,000 kg.", "它重5千克。", "en", "zh-CN") != ([], [])
    assert values(numbers_zh("5千人")) == [Decimal(5000)]


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        # (UN dev set) 24-hour times written as one number, and UTC's "Z"
        ("1. At 0300, the subversive group attacked", "1. 凌晨3时，颠覆团体发动袭击"),
        ("2. At 1310, near the village", "2. 13时10分，在村附近"),
        ("Between 1100 and 1200 hours on 18 June 2014", "2014年6月18日11时至12时"),
        ("no longer in orbit as at 2359Z on 31 July 2013:", "截至2013年7月31日23时59分已不在轨道上："),
        # p.m. is 12 hours on; :00 is no minutes; 半 is half past (Tatoeba, UN)
        ("Bars are forbidden to stay open later than 10 p.m.", "禁止酒吧在22时后营业。"),
        ("She had gone to bed when I called her at 11:00 p.m.", "23点我打电话给她的时候，她已经去睡觉了。"),
        ("It's 3:30.", "3点半了。"),
        ("I usually get up at 6:00.", "我一般六点起床。"),
        ("School begins at 8:30 a.m.", "学校8点半开始上课。"),
        ("The meeting ended at 4:00 p.m.", "会议于下午4点结束。"),
        ("at 7 p.m.", "19:00"),
    ],
)
def test_times_of_day(src: str, tgt: str) -> None:
    assert number_mismatches(src, tgt, "en", "zh-CN") == ([], [])


@pytest.mark.parametrize(
    ("src", "tgt", "only_src", "only_tgt"),
    [
        ("2. At 1310, near the village", "2. 14时10分，在村附近", ["1310"], ["14", "10"]),
        ("It's 3:30.", "3点了。", ["3:30"], []),
        ("later than 10 p.m.", "21时后", ["10 p.m."], ["21"]),
    ],
)
def test_times_still_compared(src: str, tgt: str, only_src: list[str], only_tgt: list[str]) -> None:
    a, b = number_mismatches(src, tgt, "en", "zh-CN")
    assert ([n.text for n in a], [n.text for n in b]) == (only_src, only_tgt)


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        # (OmegaT, Packet Tracer, vim) figures inside a code the source has too
        (
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN" "http://www.w3.org/TR/REC-html40/strict.dtd">',
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN" "http://www.w3.org/TR/REC-html40/strict.dtd">',
        ),
        ("E1035: % requires number arguments", "E1035: % 需要整数参数"),
        ("Requires Linux, w3m and tcl/tk.", "需要 Linux、w3m 和 tcl/tk。"),
        ("to the same target IPv6 address", "向相同的目标IPv6地址"),
        ("The 100BASE-FX SFP operates", "100BASE-FX SFP在以太网端口上运行"),
        ("change -Xmx1024M", "改变-Xmx1024M中的内容"),
        ("the European Cybercrime Centre (EC3)", "欧洲网络犯罪中心（EC3）"),
        ("observed IVO B18.", "在B18附近观察到。"),
    ],
)
def test_codes_in_chinese(src: str, tgt: str) -> None:
    """In Chinese text a figure glued to Latin letters is a part of a code, present when the
    source has the same code (they were each reported as numbers the source lacks)."""
    assert number_mismatches(src, tgt, "en", "zh-CN") == ([], [])


@pytest.mark.parametrize(
    ("src", "tgt", "only_tgt"),
    [
        ("Two armed men were observed IVO B60.", "在B30附近观察到两名武装男子。", ["30"]),
        ("notes the time of reception (t4).", "记录接收时间(t3)。", ["3"]),
        ("Reserved1", "保留2", ["2"]),
    ],
)
def test_codes_in_chinese_still_compared(src: str, tgt: str, only_tgt: list[str]) -> None:
    """A code the source does not have is still a mismatch (UN: B60 translated B30)."""
    b = number_mismatches(src, tgt, "en", "zh-CN")[1]
    assert [n.text for n in b] == only_tgt


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        # (NTREX) decades and abbreviated months
        ("The congregation moved out in the 1930s.", "会众在 20 世纪 30 年代由此撤出。"),
        ("while studying at Yale in the 1980s.", "于20世纪80年代在耶鲁学习期间"),
        ("with widespread 80s", "温度会普遍达到80华氏度"),
        ("in the late 1990s", "在90年代末"),
        ("Troops fired on Oct. 2, 1968, killing 300", "1968年10月2日，军队开枪,击毙了300人"),
        ("after enlisting on Sept.", "9月份入伍后"),
        ("the Nov. 6 U.S. congressional elections", "11月6日美国国会选举"),
    ],
)
def test_decades_and_abbreviated_months(src: str, tgt: str) -> None:
    assert number_mismatches(src, tgt, "en", "zh-CN") == ([], [])


@pytest.mark.parametrize(
    ("src", "tgt", "only_tgt"),
    [
        ("in the 1930s", "在20世纪40年代", ["20", "40"]),
        ("the Nov. 6 elections", "12月6日选举", ["12"]),
    ],
)
def test_decades_and_months_still_compared(src: str, tgt: str, only_tgt: list[str]) -> None:
    assert [n.text for n in number_mismatches(src, tgt, "en", "zh-CN")[1]] == only_tgt


@pytest.mark.parametrize(
    ("src", "tgt", "only_src", "only_tgt"),
    [
        # (UN dev set) the year UN translations add to a resolution's or recommendation's number
        ("a violation of resolution 2118,", "这违反了第2118(2013)号决议，", [], []),
        ("general recommendation No. 29 on article 16", "第29（2013）号一般性建议", ["16"], []),
        ("resolution 2182 (2014)", "第2182(2014)号决议", [], []),
        ("resolution 2182 (2014)", "第2182(2015)号决议", ["2014"], ["2015"]),
        # (a review) a wrong year there is found though the source's year stands elsewhere too
        (
            "Recalling its resolution 2118 (2013) of 27 September 2013,",
            "回顾其2013年9月27日第2118(2014)号决议，",
            [],
            ["2014"],
        ),
        ("resolution 2182 (2014), adopted in 2014", "2014年通过的第2182(2015)号决议", [], ["2015"]),
        # an added year matches none of the other side's numbers
        ("resolution 2118 of 27 September 2013", "第2118(2013)号决议", ["27", "2013"], []),
    ],
)
def test_year_of_a_symbol(src: str, tgt: str, only_src: list[str], only_tgt: list[str]) -> None:
    a, b = number_mismatches(src, tgt, "en", "zh-CN")
    assert ([n.text for n in a], [n.text for n in b]) == (only_src, only_tgt)


@pytest.mark.parametrize(
    ("src", "tgt", "only_src", "only_tgt"),
    [
        # (a review of the rules above) wrong numbers they must not hide
        ("In 1980, the plan began.", "80年代，该计划开始。", ["1980"], ["80"]),  # a year is no decade
        ("In 1930, the office moved.", "20世纪30年代，办公室搬迁。", ["1930"], ["20", "30"]),
        ("The 5 trucks arrived.", "5千卡车抵达。", ["5"], ["5千"]),  # 卡车 is no kilocalorie
        ("A grant of Euro5m", "5米的赠款", ["5m"], ["5"]),  # after a currency, 5m is a sum
        ("Upgrade from IPv4 to IPv6.", "从IPv6升级到IPv6。", [], ["6"]),  # one IPv6 too many
        ("At the same time, 30 members voted.", "同时半数成员投票。", ["30"], []),  # 同时半 is no time
        ("A grant of EURO 5m", "5米的赠款", ["5m"], ["5"]),  # any case
    ],
)
def test_wrong_numbers_near_the_new_readings_are_found(
    src: str, tgt: str, only_src: list[str], only_tgt: list[str]
) -> None:
    a, b = number_mismatches(src, tgt, "en", "zh-CN")
    assert ([n.text for n in a], [n.text for n in b]) == (only_src, only_tgt)


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        ("In the 1980s, the plan began.", "80年代，该计划开始。"),
        ("They paid 5,000 kronor.", "他们支付了5千克朗。"),
        ("Upgrade from IPv4 to IPv6.", "从IPv4升级到IPv6。"),
        # (a second review) 千 before Croatia, carats, Qatar; a Chinese code for English "it"
        ("5,000 Croatians", "5千克罗地亚人"),
        ("5,000 carats", "5千克拉"),
        ("5,000 Qatari riyals", "5千卡塔尔里亚尔"),
        # (a third review) and the same words read as kilo-: both readings count there
        ("5 kg of ramen", "5千克拉面"),
        ("5 kg Croatian cheese", "5千克罗地亚奶酪"),
        ("Three new IPv6 features: it is faster.", "3个IPv6新功能：IPv6更快。"),
    ],
)
def test_the_new_readings_still_match(src: str, tgt: str) -> None:
    assert number_mismatches(src, tgt, "en", "zh-CN") == ([], [])


def test_character_references_are_no_numbers() -> None:
    """Escaped markup in localisation strings: "&#40;" and "&#41;" are brackets, not
    the numbers 40 and 41 missing from the translation."""
    src = "questions &#40;easy to understand&#41; get answers in 3 days"
    assert number_mismatches(src, "问题（容易理解）3天内得到回答", "en", "zh-CN") == ([], [])


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        # NTREX-128 line 1185: the same score on both sides was "14" and "13 in the target
        # is not in the source" (English skipped 14½, Chinese read 14)
        ("a five-point lead, winning 14½-13½.", "领先5分，以14½-13½赢得了比赛。"),
        ("Add 1½ cups and ¾ spoon.", "加1.5杯和0.75勺。"),
        ("Add ½ cup.", "加半杯。"),
    ],
)
def test_vulgar_fractions_are_one_value(src: str, tgt: str) -> None:
    assert number_mismatches(src, tgt, "en", "zh-CN") == ([], [])


@pytest.mark.parametrize(
    ("src", "tgt", "only_src", "only_tgt"),
    [
        ("Add 1½ cups.", "加1杯。", ["1½"], ["1"]),
        ("Add 1 cup.", "加1½杯。", ["1"], ["1½"]),
        ("Add 1½ cups.", "加2.5杯。", ["1½"], ["2.5"]),
    ],
)
def test_vulgar_fractions_still_compared(
    src: str, tgt: str, only_src: list[str], only_tgt: list[str]
) -> None:
    a, b = number_mismatches(src, tgt, "en", "zh-CN")
    assert ([n.text for n in a], [n.text for n in b]) == (only_src, only_tgt)
    assert [(n.text, n.key) for n in numbers_zh("比分14½-13½，⅓")] == [
        ("14½", Decimal("14.5")),
        ("13½", Decimal("13.5")),
        ("⅓", Decimal("0.3333")),
    ]


def test_a_vulgar_fraction_alone_is_compared() -> None:
    """With no digit on either side the pair was passed unread: ¾ against ¼ went unreported."""
    a, b = number_mismatches("Add ¾ cup of sugar.", "加入¼杯糖。", "en", "zh-CN")
    assert ([n.text for n in a], [n.text for n in b]) == (["¾"], ["¼"])
    a, b = number_mismatches("Add ¾ cup.", "加入三分之二杯。", "en", "zh-CN")
    assert ([n.text for n in a], b) == (["¾"], [])


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        # Chinese writes a fraction in words, and a half after the measure word
        ("Add ¾ cup.", "加入四分之三杯。"),
        ("About ½ of them.", "大约一半。"),
        ("the ⅓ rule", "三分之一规则"),
        ("2½ years", "两年半"),
        ("2½ years", "2年半"),
        ("2.5 years", "两年半"),
        ("1½ hours", "一个半小时"),
    ],
)
def test_chinese_fractions_in_words_match_a_vulgar_fraction(src: str, tgt: str) -> None:
    assert number_mismatches(src, tgt, "en", "zh-CN") == ([], [])
