"""The course as a static site: pages, captions, verified values and a machine-readable index."""
