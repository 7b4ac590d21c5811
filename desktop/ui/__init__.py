"""The Qt user interface (built on desktop.core; the core never imports this)."""
