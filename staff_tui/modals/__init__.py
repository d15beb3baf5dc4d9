"""The staff terminal's dialogs, one per file."""
