"""Page generators for the guidance site: each module turns part of the catalog into
Markdown pages (English ``x.md`` and Chinese ``x.zh.md``) under ``docs/``."""
