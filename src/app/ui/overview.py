"""The Overview tab: one inspection for reading (header fields, then its text)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QTextDocument
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.deadlines import (
    DEADLINE_EXPLANATION,
    LEGAL_BASIS,
    deadline_state,
    statutory_deadline,
)
from app.domain.enums import AuthorRole, InspectionStatus, RagState
from app.domain.errors import NotFoundError
from app.domain.model import Inspection
from app.services.reading import get_inspection
from app.ui.context import AppContext
from app.ui.db_worker import LatestRead
from app.ui.formatting import long_date, plain_list
from app.ui.overview_text import inspection_markdown
from app.ui.rag import rag_style_sheet

PLACEHOLDER = "Choose an inspection in the register to read it here."
LOADING = "Loading…"
_SELECTABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


WEB_SCHEMES = ("http", "https")


def _inspection_or_none(db: Database, inspection_id: int) -> Inspection | None:
    """The inspection, or None when it is gone (runs on the database worker)."""
    try:
        return get_inspection(db, inspection_id)
    except NotFoundError:
        return None


def open_in_browser(url: str) -> bool:
    """Open a report's web address in the person's browser (a link they clicked)."""
    if QUrl(url).scheme().lower() not in WEB_SCHEMES:
        return False
    return QDesktopServices.openUrl(QUrl(url))


class _Field:
    """A caption and its value; the value is selectable and reachable with Tab."""

    def __init__(self, parent: QWidget, caption: str) -> None:
        self.caption = QLabel(caption + ":", parent)
        self.value = QLabel(parent)
        self.value.setWordWrap(True)
        self.value.setTextFormat(Qt.TextFormat.PlainText)  # titles and names stay literal
        self.value.setTextInteractionFlags(_SELECTABLE)
        self.value.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.caption.setBuddy(self.value)
        self.caption.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.name = caption

    def set_caption(self, caption: str, tooltip: str = "") -> None:
        self.name = caption
        self.caption.setText(caption + ":")
        self.caption.setToolTip(tooltip)

    def set(self, text: str, tooltip: str = "", style: str = "") -> None:
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setTextInteractionFlags(_SELECTABLE)
        self.value.setStyleSheet(style)  # before the text, so that the size fits both
        self.value.setText(text)
        self.value.setToolTip(tooltip)
        self.value.setAccessibleName(f"{self.name}: {text}")
        self.value.setAccessibleDescription(tooltip)

    def set_link(self, url: str, label: str) -> None:
        """A web address shown as a link that opens in the browser when clicked (only then,
        and only for http and https: the application itself never goes on the network)."""
        words = f"{label} ({url})" if label else url
        self.set(words)
        if QUrl(url).scheme().lower() not in WEB_SCHEMES:
            return
        self.value.setTextFormat(Qt.TextFormat.RichText)
        self.value.setText(f'<a href="{html.escape(url)}">{html.escape(words)}</a>')
        self.value.setTextInteractionFlags(
            _SELECTABLE | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )  # fmt: skip

    def set_visible(self, visible: bool) -> None:
        self.caption.setVisible(visible)
        self.value.setVisible(visible)


class OverviewTab(QWidget):
    """Implements :class:`~app.ui.inspection_page.InspectionTab`; it only reads."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.inspection: Inspection | None = None
        self._reads = LatestRead(self)

        self.title = QLabel(self)
        self.title.setAccessibleName("Inspection title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(_SELECTABLE)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)

        self.header = QWidget(self)
        grid = QGridLayout(self.header)  # QFormLayout clips wrapped values; a grid does not
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        self.fields: dict[str, _Field] = {}
        for row, name in enumerate((
            "Published", "Section 55 deadline", "Stated deadline", "Days left", "Status",
            "Comments requested by", "Publication types", "Forces", "Link",
        )):  # fmt: skip
            field = self.fields[name] = _Field(self.header, name)
            grid.addWidget(field.caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(field.value, row, 1)
        self.fields["Link"].value.linkActivated.connect(open_in_browser)
        # The coloured state is as wide as its words, not the whole row.
        chip = self.fields["Days left"].value
        chip.setWordWrap(False)
        chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)

        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Inspection text")
        self.browser.setOpenLinks(False)  # the application never goes on the network
        self.browser.setTabChangesFocus(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.header)
        layout.addWidget(self.browser, 1)
        context.organisationChanged.connect(self._refresh)
        self.show_inspection(None)

    # --- InspectionTab -------------------------------------------------------------------------

    def show_inspection(self, inspection_id: int | None) -> None:
        """Read ``inspection_id`` on the database worker and show it when it comes back, if it
        is still the one asked for. Meanwhile the inspection shown stays (when it is the same
        one, read again) or the tab says "Loading…"."""
        if not inspection_id:
            self._reads.supersede()
            self.inspection = None
            self._refresh()
            return
        if self.inspection is None or self.inspection.id != inspection_id:
            self.inspection = None
            self.title.hide()
            self.header.hide()
            self.browser.setPlainText(LOADING)
        db = self.context.db
        self._reads.run(lambda: _inspection_or_none(db, inspection_id), self._loaded)

    @property
    def loading(self) -> bool:
        """True while the inspection asked for is being read."""
        return self._reads.loading

    def _loaded(self, inspection: Inspection | None) -> None:
        self.inspection = inspection
        self._refresh()

    def save_pending(self) -> None:
        """Nothing to save: this tab only reads."""

    # --- rendering -----------------------------------------------------------------------------

    def header_text(self, name: str) -> str:
        """The value shown for a header field (tests and screen readers read the same)."""
        return self.fields[name].value.text()

    def _refresh(self) -> None:
        inspection = self.inspection
        self.title.setVisible(inspection is not None)
        self.header.setVisible(inspection is not None)
        if inspection is None:
            self.browser.setPlainText(PLACEHOLDER)
            return
        self.title.setText(inspection.title)
        self._fill_header(inspection)
        self.browser.document().setMarkdown(
            inspection_markdown(inspection), QTextDocument.MarkdownFeature.MarkdownNoHTML
        )

    def _fill_header(self, inspection: Inspection) -> None:
        f = self.fields
        deadline = statutory_deadline(inspection.published_on)
        published = inspection.status is InspectionStatus.PUBLISHED
        state = deadline_state(deadline, self.context.today(), published=published)
        f["Published"].set(long_date(inspection.published_on))
        if deadline:
            f["Section 55 deadline"].set(
                f"{long_date(deadline)}, the 56th day counting publication day as day 1 "
                "(section 55(5A) of the Police Act 1996)",
                DEADLINE_EXPLANATION + "\n\n" + LEGAL_BASIS + ".",
            )
        else:
            f["Section 55 deadline"].set("Not known until the publication date is recorded")
        f["Days left"].set(state.words, style=rag_style_sheet(state.state))
        status = inspection.status.label + (" (archived)" if inspection.archived else "")
        f["Status"].set(status)
        chief = self.context.organisation.role_title(AuthorRole.CHIEF_CONSTABLE)
        f["Comments requested by"].set_caption(
            f"{chief} to comment by",
            f"The date by which the {chief} is invited to comment (section 55(4)).",
        )
        f["Comments requested by"].set(long_date(inspection.cc_comments_requested_by, "Not set"))
        self._fill_stated_deadline(inspection)
        f["Publication types"].set(plain_list(inspection.publication_types) or "None recorded")
        f["Forces"].set(plain_list(inspection.forces) or "None recorded")
        link = inspection.url.strip()
        label = inspection.url_label.strip()
        if link:
            f["Link"].set_link(link, label)
        else:
            f["Link"].set(label or "None")

    def _fill_stated_deadline(self, inspection: Inspection) -> None:
        field = self.fields["Stated deadline"]
        stated, deadline = inspection.stated_deadline, statutory_deadline(inspection.published_on)
        field.set_visible(stated is not None)
        if stated is None:
            return
        if deadline is None or stated == deadline:
            field.set(long_date(stated))
            return
        days = abs((stated - deadline).days)
        word = "later" if stated > deadline else "earlier"
        field.set(
            f"⚠ {long_date(stated)}, {days} day{'s' * (days != 1)} {word} than the statutory "
            f"deadline: work to {long_date(deadline)}",
            DEADLINE_EXPLANATION,
            rag_style_sheet(RagState.DUE_SOON),
        )
