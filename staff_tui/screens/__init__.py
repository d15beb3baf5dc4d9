"""The staff terminal's screens, one per file."""
