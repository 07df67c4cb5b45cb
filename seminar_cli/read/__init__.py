"""Meaning: blocks into a `Page` (sections, talks, schedule rows, dates and times as people write them)."""
