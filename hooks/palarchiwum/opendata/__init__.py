"""Open data: takes in the ``Site`` and gives out the data files (every programme's record as
JSON, one file each and all in one, and as CSV, with their JSON Schemas) and the programme
pages' schema.org JSON-LD.
"""
