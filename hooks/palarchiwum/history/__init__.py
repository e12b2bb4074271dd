"""History: the second stage. Takes in one ``git log -p`` of the archive and the ``Archive``,
and gives out the ``Chronicle``: every version of every text, the change registers, the
metryczka data and the comparisons between versions.
"""
