"""The fixed words of the response template, shared by the document writers and the importers.

The documents write these labels and gaps; the importers read them back, so that a response
this program exported is recognised for what it is when it is imported again.
"""

from __future__ import annotations

INSPECTION_TITLE = "Inspection Title"
PUBLISHED_ON = "Published on"
PUBLICATION_TYPES = "Publication Types"
POLICE_FORCES = "Police Forces"
LINK_TO_REPORT = "Link to Report"
RESPONSE_DEADLINE = "Section 55 Response Deadline"
HEADER_LABELS = (
    INSPECTION_TITLE, PUBLISHED_ON, PUBLICATION_TYPES, POLICE_FORCES, LINK_TO_REPORT,
    RESPONSE_DEADLINE,
)  # fmt: skip
"""The header table's labels, in the template's order."""

NOT_RECORDED = "Not recorded"
"""An empty header field in the internal copy (the publication copy leaves the field out)."""
NO_RESPONSE = "No response has been recorded."
"""An empty response in the internal copy (the publication copy leaves the response out)."""
NO_KEY_FINDINGS = "No key findings have been recorded."
"""Empty Key Findings in the internal copy (the publication copy leaves the section out)."""
GAPS = (NOT_RECORDED, NO_RESPONSE, NO_KEY_FINDINGS)
"""Every gap the internal copy marks: none of them is a text anyone wrote."""
