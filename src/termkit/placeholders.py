"""Format placeholders in software strings (PO, XLIFF, TMX from localisation).

A placeholder stands for text filled in at run time: it is no word, no number and
no part of a term.  Recognised, as gettext's format flags and the common CAT tools
do (``c-format``, ``python-format``, ``python-brace-format``, ``qt-format``):

- C printf: ``%s``, ``%d``, ``%-25s``, ``%.2f``, ``%lu``, ``%1$s`` (positional),
  ``%<PRIu64>`` (C99 ``<inttypes.h>`` macros, as xgettext writes them), ``%%``;
  not the space flag, so that "20% in 2010" keeps its words;
- Python: ``%(name)s``, and braces ``{}``, ``{0}``, ``{name}``, ``{0.attr}``,
  ``{0!r}``, ``{0:>8}`` (also .NET, ICU and Java MessageFormat without nested
  choices);
- Qt: ``%1`` .. ``%99``, ``%L1``;
- OmegaT's tag shortcuts, which stand for the inline codes of a segment in the
  text of its TMX (``project_save.tmx``): ``<f0>``, ``</f0>``, ``<i2/>``, ``<br3/>``
  (one or two lower-case letters, then a number: no HTML tag without a digit, such
  as ``<b>``, and no metasyntactic variable, such as git's ``<name1>``);
- HTML character references left in the text of escaped markup: ``&raquo;``,
  ``&quot;``, ``&#40;``, ``&#x2014;`` (a named one not right after a word: "M&As;").

>>> PLACEHOLDER.findall("Size: %<PRIu64> bytes, %-25s and {0} of %(n)d, 100%%")
['%<PRIu64>', '%-25s', '{0}', '%(n)d', '%%']
>>> PLACEHOLDER.findall("up 20% in 2010, 5% of all")
[]
>>> PLACEHOLDER.findall("<e0><i1/>Adding files:</e0> see <a3>OmegaT</a3>, <b>not this</b>")
['<e0>', '<i1/>', '</e0>', '<a3>', '</a3>']
>>> PLACEHOLDER.findall("Learn more &raquo; &#40;M&As;&#x2014;&amp; easy&#41;")
['&raquo;', '&#40;', '&#x2014;', '&amp;', '&#41;']
>>> mask("could not open '%s' file", " | ")
"could not open ' | ' file"
"""

from __future__ import annotations

import re

#: An OmegaT tag shortcut: ``<e0>``, ``</e0>``, ``<i1/>``, ``<br2/>``.
OMEGAT_TAG = r"</?[a-z]{1,2}\d{1,3}/?>"
#: ``%%`` is matched first, so that ``%%d`` is a percent sign and a letter.
PLACEHOLDER = re.compile(
    r"%%"
    r"|%(?:\d+\$)?[-+#0']*(?:\d+|\*(?:\d+\$)?)?(?:\.(?:\d+|\*(?:\d+\$)?))?"
    r"(?:<PRI[A-Za-z0-9_]+>|(?:hh|ll|[hlLqjzZtI])?[diouxXeEfFgGaAcCsSpnm])"
    r"|%\([A-Za-z_]\w*\)[-+#0 ]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|\{(?:\d+|[A-Za-z_]\w*)?(?:\.\w+|\[\w+\])*(?:![rsa])?(?::[^{}\n]{0,20})?\}"
    r"|(?<![\d%])%L?\d{1,2}(?!\d)"
    rf"|{OMEGAT_TAG}"
    r"|&#(?:\d{1,7}|[xX][0-9A-Fa-f]{1,6});|(?<![\w&])&[A-Za-z][A-Za-z0-9]{1,31};"
)
#: Characters one of which every placeholder holds (the fast path of mask and blank).
_MARKS = ("%", "{", "<", "&")


def mask(text: str, by: str = " ") -> str:
    """``text`` with every placeholder replaced by ``by``."""
    if not any(c in text for c in _MARKS):
        return text
    return PLACEHOLDER.sub(by, text)


def blank(text: str, fill: str) -> str:
    """``text`` with each placeholder replaced by as many ``fill`` characters (offsets kept)."""
    if not any(c in text for c in _MARKS):
        return text
    return PLACEHOLDER.sub(lambda m: fill * len(m.group()), text)
