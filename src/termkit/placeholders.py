"""Format placeholders in software strings (PO, XLIFF, TMX from localisation).

A placeholder stands for text filled in at run time: it is no word, no number and
no part of a term.  Recognised, as gettext's format flags and the common CAT tools
do (``c-format``, ``python-format``, ``python-brace-format``, ``qt-format``):

- C printf: ``%s``, ``%d``, ``%-25s``, ``%.2f``, ``%lu``, ``%1$s`` (positional),
  ``%<PRIu64>`` (C99 ``<inttypes.h>`` macros, as xgettext writes them), ``%%``;
  not the space flag, so that "20% in 2010" keeps its words;
- Python: ``%(name)s``, and braces ``{0}``, ``{name}``, ``{0:>8}`` (also .NET,
  ICU and Java MessageFormat without nested choices);
- Qt: ``%1`` .. ``%99``, ``%L1``.

>>> PLACEHOLDER.findall("Size: %<PRIu64> bytes, %-25s and {0} of %(n)d, 100%%")
['%<PRIu64>', '%-25s', '{0}', '%(n)d', '%%']
>>> PLACEHOLDER.findall("up 20% in 2010, 5% of all")
[]
>>> mask("could not open '%s' file", " | ")
"could not open ' | ' file"
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(
    r"""
    %<PRI[a-zA-Z0-9]+>                                  # %<PRIu64>
  | %\([A-Za-z_][A-Za-z0-9_]*\)[-+ #0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]   # %(name)s
  | %(?:\d+\$)?[-+#0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?     # printf flags, width, precision
       (?:hh|ll|[hlLqjzt]|I64|I32)?[diouxXeEfFgGaAcspn]  #   length and conversion
  | %L?[1-9][0-9]?(?![0-9])                              # Qt %1, %L1
  | %%
  | \{[0-9]{1,2}(?:[:,][^{}]{0,20})?\}                   # {0}, {0:>8}, {1,number}
  | \{[A-Za-z_][A-Za-z0-9_]{0,30}(?:[:!][^{}]{0,20})?\}  # {name}, {name:.2f}
    """,
    re.VERBOSE,
)


def mask(text: str, by: str = " ") -> str:
    """``text`` with every placeholder replaced by ``by``."""
    if "%" not in text and "{" not in text:
        return text
    return PLACEHOLDER.sub(by, text)
