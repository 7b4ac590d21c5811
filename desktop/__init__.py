"""Voortgang: the registry and letter drafting assistant for voortgangsbrieven."""

__version__ = "0.1.0"
