"""The Textual app: screens, widgets and styles. Reads and writes only through the store."""
