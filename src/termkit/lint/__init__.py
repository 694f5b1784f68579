"""Terminology lint for texts and translations."""
