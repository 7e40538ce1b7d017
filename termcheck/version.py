"""The version of termcheck (what every report's signature names)."""

__version__ = "0.1.0"
