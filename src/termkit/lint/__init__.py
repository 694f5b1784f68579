"""``termkit lint``: flag inconsistent term usage in texts and translations.

* :mod:`.matcher` finds glossary terms in one pass (Aho-Corasick over normalised text);
* :mod:`.numbers` reads numbers in English and Chinese as comparable values;
* :mod:`.documents` holds what the rules read (a text, or the pairs of a bitext);
* :mod:`.rules` registers the rules (id, severity, description);
* :mod:`.engine` reads inputs of every kind and runs the rules;
* :mod:`.config` reads ``termkit.toml`` / ``[tool.termkit]``; :mod:`.sarif` writes SARIF 2.1.0.
"""

from __future__ import annotations

from .engine import Linter, LintOptions, LintResult, lint_paths
from .matcher import GlossaryIndex
from .rules import RULES, all_rules

__all__ = ["RULES", "GlossaryIndex", "LintOptions", "LintResult", "Linter", "all_rules", "lint_paths"]
