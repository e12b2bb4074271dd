"""pal-archiwum: the domain core of the archive of local activity programmes.

Loads, validates and cross-links the programmes kept under ``programmes/`` and renders the
archive's pages. Nothing here imports MkDocs: the adapter in ``hooks/archiwum_hooks.py`` does.
"""
