"""The glossary: entries, loading (CSV/TSV/TBX), matching, lint."""
