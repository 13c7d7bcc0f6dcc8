"""Readability, plain-language and translation checker for health content."""

__version__ = "0.1.0"
