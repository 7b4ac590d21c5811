"""ui.composer."""
