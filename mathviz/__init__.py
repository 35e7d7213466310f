"""mathviz: verified, narrated lecture videos for *Mathematics for Machine Learning*."""

__version__ = "0.1.0"
