"""Pure maths behind the primitives: numpy/sympy/contourpy only, never manim."""
