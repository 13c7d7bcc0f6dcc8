"""``python -m checker``: the same command-line interface as ``checker``."""

from checker.cli import main

main()
