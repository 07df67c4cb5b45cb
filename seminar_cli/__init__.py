"""seminar: keep a seminar series' markdown page in order."""

__version__ = "0.2.0"
