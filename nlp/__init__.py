"""Extraction of officials, units, places, dates, incidents and their relations (spaCy)."""
