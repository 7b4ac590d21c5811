"""Word (.docx) output helpers built on python-docx.

The footnotes module is imported here because importing it registers the footnotes part
with python-docx's part factory, which must happen before any document or template that
already contains footnotes is opened. Importing anything from this package does that.
"""

from desktop.core.docx import footnotes

__all__ = ["footnotes"]
