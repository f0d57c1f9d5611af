"""Organisation settings: names, titles and branding are data, not code.

See docs/product.md, "Vocabulary" and "Decisions that settle common questions".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.deadlines import DEFAULT_CC_COMMENTS_DAYS
from app.domain.enums import AuthorRole, ProtectiveMarking

DEFAULT_OFFICE_STEPS: tuple[str, ...] = (
    "Sent to the Chief Constable for comments",
    "Chief Constable's comments received",
    "Sent to HMICFRS (portal)",
    "Sent to the Home Secretary",
    "Sent to the Police and Crime Panel",
    "Published on the website",
)


@dataclass(slots=True)
class OrganisationSettings:
    opcc_name: str = ""
    commissioner_title: str = "Police and Crime Commissioner"
    commissioner_name: str = ""
    force_name: str = ""
    chief_title: str = "Chief Constable"
    chief_name: str = ""
    website: str = ""
    logo: bytes = b""
    logo_filename: str = ""
    cc_comments_days: int = DEFAULT_CC_COMMENTS_DAYS
    protective_marking: ProtectiveMarking = ProtectiveMarking.NONE
    office_step_names: list[str] = field(default_factory=lambda: list(DEFAULT_OFFICE_STEPS))

    def role_title(self, role: AuthorRole) -> str:
        """The title shown for an author role ("Chief Constable", "Mayor", …)."""
        title = self.chief_title if role is AuthorRole.CHIEF_CONSTABLE else self.commissioner_title
        return title.strip() or _FALLBACK_TITLES[role]

    def is_blank(self) -> bool:
        """True when nobody has filled in the organisation's own names yet."""
        return not (self.opcc_name.strip() or self.force_name.strip())


_FALLBACK_TITLES = {
    AuthorRole.CHIEF_CONSTABLE: "Chief Constable",
    AuthorRole.COMMISSIONER: "Police and Crime Commissioner",
}
