"""termkit: bilingual English-Chinese glossary and translation-memory toolkit.

The library never imports click; the command line lives in :mod:`termkit.cli`.
"""

__version__ = "0.1.0"
