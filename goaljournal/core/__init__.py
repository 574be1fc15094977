"""Pure domain logic: no SQL, no Textual, nothing slow to import."""
