"""ui.imports."""
