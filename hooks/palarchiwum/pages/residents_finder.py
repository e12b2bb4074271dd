"""Data for the residents' finder: every programme with its place, period, status and groups.

The finder page filters this list in the browser; without JavaScript the page's own links to
term and municipality pages do the same job.
"""

from __future__ import annotations

import json

from palarchiwum.records.archive import Archive, programme_order
from palarchiwum.records.catalogue_records import Status

from .taxonomy import Taxonomy

FINDER_DATA_URI = "dla-mieszkancow/programy.json"


def finder_data(archive: Archive, taxonomy: Taxonomy) -> str:
    """Compact JSON, in the order of term pages: programmes in force first, then by municipality.

    Municipalities, status labels and addressee groups are given once and referred to by key or
    by position, which keeps the file at about 250 bytes per programme.
    """
    group_ids = [term.id for term in archive.vocabulary("adresaci").terms]
    position = {term_id: i for i, term_id in enumerate(group_ids)}
    rows = []
    for programme in sorted(archive.programmes, key=programme_order):
        terms = (t for v, found in taxonomy.terms_of(programme) if v.key == "adresaci" for t in found)
        groups = [position[t.id] for t in terms]
        rows.append(
            {
                "tytul": programme.title,
                "adres": programme.url,
                "gmina": programme.municipality.key,
                "okres": programme.period,
                "status": programme.status.code,
                "grupy": groups,
            }
        )
    places = {m.key: {"nazwa": m.short_name, "wojewodztwo": m.voivodeship} for m in archive.municipalities}
    data = {
        "stan_na": archive.as_of.isoformat(),
        "statusy": {status.code: status.label for status in Status},
        "gminy": places,
        "grupy": group_ids,  # a programme's "grupy" are positions in this list
        "programy": rows,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
