"""The command line's exit codes (a module of its own, so the parser loads nothing else)."""

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2
