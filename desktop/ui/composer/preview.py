"""The live preview: the letter as edited, through its template, shown as the Word file will be.

Typing restarts a short timer; when it runs out the edited (unsaved) letter goes to the
database thread, which renders the template, parses the Markdown into the letter model and
makes HTML of it. Only the newest request is shown: older ones are cancelled, and a late
answer to an older one is dropped. A template that cannot be rendered shows its Dutch
message in the pane, in a red box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.drafting.templates import TemplateLibrary
from desktop.core.errors import TemplateProblem, UserError
from desktop.core.services.letters import preview_document
from desktop.ui.common.tasks import TaskControl, TaskManager
from desktop.ui.composer.document import ComposerDocument
from desktop.ui.composer.preview_html import letter_html, placeholder_html, problem_html

PREVIEW_DELAY_MS = 250
MUTED_STYLE = "color: #5f6368; padding: 2px 4px;"


class PreviewPane(QWidget):
    """The preview pane; ``rendered`` is emitted each time it shows a new result."""

    rendered = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        library: TemplateLibrary,
        document: ComposerDocument,
        parent: QWidget | None = None,
        *,
        delay_ms: int = PREVIEW_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voorvertoning")
        self.tasks = tasks
        self.library = library
        self.document = document
        self.html = ""
        self.problem: str | None = None
        # The title of the section being edited (None: keep the reader's scroll position).
        self.follow: Callable[[], str | None] | None = None
        # How the paragraph being edited begins (a motion's, the introduction): shown at the top.
        self.follow_paragraph: Callable[[], str | None] | None = None
        self._generation = 0
        self._control: TaskControl | None = None
        self.title = QLabel("<b>Voorvertoning</b>", self)
        self.state = QLabel("", self)
        self.state.setStyleSheet(MUTED_STYLE)
        self.state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("voorvertoning_tekst")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        self.browser.setHtml(placeholder_html("De voorvertoning wordt gemaakt…"))
        self.browser.document().setDocumentMargin(18)
        top = QHBoxLayout()
        top.setContentsMargins(4, 0, 4, 0)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.render_now)
        document.changed.connect(self.schedule)

    @property
    def pending(self) -> bool:
        """True while an edit waits for the timer or its rendering is under way."""
        return self._timer.isActive() or self._control is not None

    def schedule(self) -> None:
        """Render again after a short pause in typing."""
        self.state.setText("Bijwerken…")
        self._timer.start()

    def render_now(self) -> None:
        """Render the letter as it is now (dropping any older request)."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        if self._control is not None:
            self._control.cancel()
        letter = self.document.letter(strict=False)
        library = self.library
        self.state.setText("Bijwerken…")
        self._control = self.tasks.run(
            lambda store: letter_html(preview_document(store, letter, library)),
            lambda html: self._on_rendered(generation, html),
            lambda error: self._on_failed(generation, error),
            interruptible=True,
            on_crash=lambda _error: self._on_failed(
                generation, UserError("De voorvertoning kon niet worden gemaakt door een fout.")
            ),
        )

    def _finished(self, generation: int) -> bool:
        if generation != self._generation:
            return False
        self._control = None
        return True

    def _show(self, html: str) -> None:
        scroll = self.browser.verticalScrollBar()
        position = scroll.value()
        self.browser.setHtml(html)
        if not self.scroll_to_followed():
            scroll.setValue(min(position, scroll.maximum()))

    def scroll_to_followed(self) -> bool:
        """Show the paragraph (else the heading of the section) being edited at the top.

        False when there is none.
        """
        title = self.follow() if self.follow is not None else None
        start = self.follow_paragraph() if self.follow_paragraph is not None else None
        if start:
            after = self.heading_top(title) if title else None
            top = self.paragraph_top(start, after or 0)
            if top is not None:
                # The section's first paragraph: keep its heading in view with it.
                first = after is not None and self.paragraph_top("", after + 1) == top
                self._scroll_to(after if first and after is not None else top)
                return True
        return bool(title) and self.scroll_to_heading(str(title))

    def paragraph_top(self, start: str, after: int = 0) -> int | None:
        """Where the first paragraph beginning with ``start`` at or below ``after`` starts."""
        wanted = " ".join(start.split())
        document = self.browser.document()
        layout = document.documentLayout()
        block = document.begin()
        while block.isValid():
            top = int(layout.blockBoundingRect(block).top())
            if top >= after and " ".join(block.text().split()).startswith(wanted):
                return top
            block = block.next()
        return None

    def _scroll_to(self, top: int) -> None:
        scroll = self.browser.verticalScrollBar()
        scroll.setValue(min(max(top - 8, 0), scroll.maximum()))

    def heading_top(self, title: str) -> int | None:
        """Where the heading ``title`` starts in the pane's document (None: not shown)."""
        wanted = " ".join(title.split())
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            if " ".join(block.text().split()) == wanted:
                rect = document.documentLayout().blockBoundingRect(block)
                return int(rect.top())
            block = block.next()
        return None

    def scroll_to_heading(self, title: str) -> bool:
        """Scroll so the heading ``title`` is at the top; False when the preview lacks it."""
        top = self.heading_top(title) if title.strip() else None
        if top is None:
            return False
        self._scroll_to(top)
        return True

    def _on_rendered(self, generation: int, html: str) -> None:
        if not self._finished(generation):
            return
        self.html, self.problem = html, None
        self._show(html)
        self.state.setText("Bijgewerkt")
        self.rendered.emit()

    def _on_failed(self, generation: int, error: UserError) -> None:
        if not self._finished(generation):
            return
        self.problem = str(error)
        title = (
            "Het sjabloon geeft een fout"
            if isinstance(error, TemplateProblem)
            else "De voorvertoning kan niet worden gemaakt"
        )
        self.html = problem_html(str(error), title)
        self._show(self.html)
        self.state.setText("Niet bijgewerkt")
        self.rendered.emit()

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        if url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())

    def plain_text(self) -> str:
        """What the pane shows, as text (tests read it)."""
        return self.browser.toPlainText()
