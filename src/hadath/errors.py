"""User errors: shown as one line on stderr, never as a traceback."""


class HadathError(Exception):
    """Something the user can fix: an unreadable file, a bad date, an unknown option."""


class InputError(HadathError):
    """An input that cannot be read as an article (empty, binary, unknown encoding, too large)."""
