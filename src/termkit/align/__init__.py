"""Bilingual alignment: term equivalents and sentence alignment."""
