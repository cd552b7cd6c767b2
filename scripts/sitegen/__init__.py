"""Page generators for the guidance site: each module turns part of the catalog into
Markdown pages (Chinese ``x.md`` and English ``x.en.md``) under ``docs/``."""
