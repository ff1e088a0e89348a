"""The municipal citizen advisor (borgerrådgiver) and veteran coordinator for Wagtail."""

__version__ = "0.1.0"
