"""Analyse: aggregate stored evidence into positions, timelines and changes."""
