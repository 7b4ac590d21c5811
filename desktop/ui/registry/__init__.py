"""ui.registry."""
