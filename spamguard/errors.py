"""Errors spamguard raises on purpose; every one carries a message meant for the user."""


class SpamguardError(Exception):
    """Base class of spamguard's own errors."""


class ModelError(SpamguardError):
    """A model directory is missing, fails its hash check, or was made by an incompatible version."""


class TrainingDataError(SpamguardError):
    """Training or evaluation data is malformed (the message names the line and the problem)."""


class MemoryFileError(SpamguardError, ValueError):
    """A saved corpus memory cannot be read: damaged, truncated, not a memory file, or of another format version."""


class InputError(SpamguardError):
    """A file or record cannot be read as text (undecodable, binary, missing); the message says which and why."""
