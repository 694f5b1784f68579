"""Term extraction (English and Chinese)."""
