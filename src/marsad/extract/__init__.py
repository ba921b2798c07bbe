"""Analysers that find who did what, where and when (text, model and resources only)."""
