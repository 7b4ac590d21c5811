"""ui.planning."""
