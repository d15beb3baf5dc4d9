"""The kiosk's and the board's screens, one per file."""
