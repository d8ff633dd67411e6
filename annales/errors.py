"""One error hierarchy. Every message names the input and says what to do."""
from __future__ import annotations


class AnnalesError(Exception):
    """Base of every error annales raises on purpose; the CLI prints it as ``Error: ...``."""


class InputError(AnnalesError):
    """An input cannot be read or understood (missing file, binary data, broken JSON)."""


class ModelError(AnnalesError):
    """The spaCy pipeline is missing or cannot be loaded."""


class LanguageDataError(AnnalesError):
    """A language table under ``annales/lang/`` is missing or does not match its schema."""


class StoreError(AnnalesError):
    """The database cannot be opened, migrated or written."""


class ExportError(AnnalesError):
    """An export cannot be written (unknown format, folder not writable)."""


class DamagedStoreError(StoreError):
    """SQLite finds the database file corrupt (a damaged page, a truncated file): restore or rebuild it."""


class SettingsError(AnnalesError):
    """A setting (an ``ANNALES_*`` environment variable) holds a value annales cannot use."""
