"""Pages: takes in the ``Site`` and gives out the archive's generated pages as Markdown from the
Jinja templates in ``overrides/strony/`` (programmes, listings, terms, registers, finders),
and the hand-written pages with the publisher's details filled in.
"""
