"""Manim mobjects built from the pure models in :mod:`mathviz.maths`.

Primitives never play anything: their methods return animations for the scene to play, and
their ``*_shown`` methods read values back from what is on screen.
"""
