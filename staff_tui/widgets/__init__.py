"""The staff terminal's widgets, one per file."""
