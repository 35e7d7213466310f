"""Render pipeline: profiles, scene runs, captions and atomic outputs."""
