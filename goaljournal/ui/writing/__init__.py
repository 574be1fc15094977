"""Reflection prompts and entry templates: the lists the palette opens, and their forms."""
