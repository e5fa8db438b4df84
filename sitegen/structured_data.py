"""schema.org description of the qualification, for search engines (JSON-LD in the page head)."""

from __future__ import annotations


def credential_json_ld(data: dict) -> dict:
    """schema.org's EducationalOccupationalCredential; `validFor` only when the certificate expires."""
    outcomes = [outcome for qset in data["sets"] for outcome in qset["outcomes"]]
    credential = {
        "@context": "https://schema.org",
        "@type": "EducationalOccupationalCredential",
        "name": data["name"],
        "description": data["characteristics"],
        "inLanguage": "pl",
        "credentialCategory": {
            "@type": "DefinedTerm",
            "name": data["kind"],
            "inDefinedTermSet": "Zintegrowany System Kwalifikacji",
        },
        "educationalLevel": {
            "@type": "DefinedTerm",
            "name": f"Poziom {data['prk_level']} Polskiej Ramy Kwalifikacji",
            "termCode": str(data["prk_level"]),
            "inDefinedTermSet": "Polska Rama Kwalifikacji",
        },
        "competencyRequired": [
            {"@type": "DefinedTerm", "termCode": outcome["id"], "name": outcome["text"]}
            for outcome in outcomes
        ],
        "timeRequired": f"PT{data['effort']['hours']}H",
        "recognizedBy": {"@type": "GovernmentOrganization", "name": data["institutions"]["minister"]},
        "offers": {
            "@type": "Offer",
            "name": "Koszt uzyskania dokumentu potwierdzającego otrzymanie kwalifikacji",
            "price": data["cost_pln"],
            "priceCurrency": "PLN",
        },
    }
    if data["certificate"].get("validity_years") is not None:
        credential["validFor"] = f"P{data['certificate']['validity_years']}Y"
    return credential
