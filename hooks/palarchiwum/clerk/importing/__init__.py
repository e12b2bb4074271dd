"""Import: takes in a programme's plain text (as extracted from a PDF) and gives out a draft
``programme.md``, every word kept in reading order, and a draft ``programme.yml`` with what
was recognised, each item quoting the draft text.
"""
