"""core.services."""
