"""Clerk: the clerks' command line (``bash scripts/archiwum``). Takes in a command and the
project folder, and gives out a check of every record (``check``), new folders to fill in
(``new``) or a draft programme from a document's text (``import``).
"""
