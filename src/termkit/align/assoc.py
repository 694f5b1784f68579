"""Association measures over a 2x2 contingency table of sentence pairs.

For an English term ``e`` and a Chinese string ``c`` over ``n`` pairs:
``a`` pairs contain both, ``fe`` contain ``e``, ``fc`` contain ``c``.
"""

from __future__ import annotations

import math


def dice(a: int, fe: int, fc: int) -> float:
    """Dice coefficient ``2a / (fe + fc)`` (1.0 when the two always occur together)."""
    return 2.0 * a / (fe + fc) if fe + fc else 0.0


def _xlogx(x: float) -> float:
    return x * math.log(x) if x > 0 else 0.0


def llr(a: int, fe: int, fc: int, n: int) -> float:
    """Dunning's log-likelihood ratio (G²) of the 2x2 table; 0 for independence.

    Positive association only: when ``a`` is below its expected value the result
    is negated.
    """
    b, c = fe - a, fc - a
    d = n - a - b - c
    if min(a, b, c, d) < 0 or n <= 0:
        return 0.0
    g2 = 2.0 * (
        _xlogx(a)
        + _xlogx(b)
        + _xlogx(c)
        + _xlogx(d)
        - _xlogx(a + b)
        - _xlogx(a + c)
        - _xlogx(b + d)
        - _xlogx(c + d)
        + _xlogx(n)
    )
    g2 = max(g2, 0.0)
    return g2 if a * n >= fe * fc else -g2
