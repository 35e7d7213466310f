"""Render profiles (TOML), installed as ``mathviz.render_config``: copy one to make your own."""
