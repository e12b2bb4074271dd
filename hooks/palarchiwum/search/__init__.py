"""Search: takes in the searchable pages as MkDocs renders them and gives out the Pagefind
index, in parts, with the words Polish readers type without Polish letters.
"""
