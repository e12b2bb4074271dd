"""Build: the last stage of the core. Takes in the ``Site`` and runs one build's share of the
work: the generated files in a working folder on disk, the search index fed as pages are
rendered, the texts and freed memory let go once they are no longer read.
"""
