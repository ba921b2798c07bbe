"""Marsad (مرصد): an observatory for Arabic news and extremist discourse."""

__version__ = "0.1.0"
