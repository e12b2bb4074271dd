"""A programme described for search engines: schema.org ``Legislation`` as JSON-LD.

Only what the record states goes in; a fact the document does not give is left out, never
guessed (schema.org has no "unknown", and an absent property says the same).
"""

from __future__ import annotations

from typing import Any

from palarchiwum.history.chronicle import Chronicle
from palarchiwum.records.archive import Archive
from palarchiwum.records.catalogue_records import Programme, Status

# Adopted and not repealed, superseded or over: the act is in force (even before it starts).
_IN_FORCE = {Status.IN_FORCE, Status.PLANNED}
LEGISLATION_TYPE = "program aktywności lokalnej"


def legislation(
    programme: Programme, archive: Archive, chronicle: Chronicle, site_url: str
) -> dict[str, Any]:
    municipality = programme.municipality
    resolution = programme.resolution
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": programme.title,
        "alternateName": programme.short_name,
        "legislationType": LEGISLATION_TYPE,
        "inLanguage": "pl",
        "identifier": programme.key,
        "legislationJurisdiction": {
            "@type": "AdministrativeArea",
            "name": municipality.name,
            "identifier": {"@type": "PropertyValue", "propertyID": "TERYT", "value": municipality.teryt},
            "containedInPlace": {
                "@type": "AdministrativeArea",
                "name": f"województwo {municipality.voivodeship}",
            },
        },
        "legislationLegalForce": (
            "https://schema.org/InForce" if programme.status in _IN_FORCE else "https://schema.org/NotInForce"
        ),
        "temporalCoverage": f"{programme.start.text}/{programme.end.text}",
        "audience": [
            {"@type": "Audience", "audienceType": archive.vocabulary("adresaci").term(term).name}
            for term in dict.fromkeys(t for item in programme.items.get("adresaci", ()) for t in item.terms)
        ],
    }
    if site_url:
        data["url"] = site_url + programme.url
    if resolution.number:
        data["legislationIdentifier"] = resolution.number
    if resolution.date:
        data["legislationDate"] = resolution.date.isoformat()
    if resolution.organ:
        data["legislationPassedBy"] = {"@type": "GovernmentOrganization", "name": resolution.organ}
    if programme.repealed_on:
        data["expires"] = programme.repealed_on.isoformat()
    changes = chronicle.changes(programme)
    if changes:
        data["datePublished"] = changes[-1].version.commit.day.isoformat()
        data["dateModified"] = changes[0].version.commit.day.isoformat()
    return data
