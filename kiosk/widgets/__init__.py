"""The kiosk's and the board's widgets, one per file."""
