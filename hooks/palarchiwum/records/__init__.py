"""Records: the first stage. Takes in the programmes folder (YAML records, Markdown texts,
vocabularies) and gives out the checked, cross-linked ``Archive`` with statuses as of a day, or
every problem found, in Polish, with file and line. Imports no other stage.
"""
