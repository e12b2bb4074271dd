"""pal-archiwum: the domain core of the archive of local activity programmes.

Nothing here imports MkDocs: the adapter in ``hooks/archiwum_hooks.py`` does. The build's
stages, in the order they run; a stage imports only the stages before it:

- ``records/``: the programmes folder, read and checked into an ``Archive``;
- ``history/``: one ``git log`` of the archive, into a ``Chronicle`` of versions and registers;
- the site model, here at the top: ``settings``, ``publisher``, ``site`` (the ``Site`` one build
  is made from) and ``generated_files`` (what a build adds to the site);
- ``opendata/`` and ``search/``, side by side: the data files and JSON-LD; the Pagefind index;
- ``pages/``: the generated pages (one of them documents the data files);
- ``build/``: one build's run: its working folder, the search index fed, memory let go;
- ``clerk/``: the clerks' command line, a tool beside the adapter (``python -m palarchiwum``).
"""
