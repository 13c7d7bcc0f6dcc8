"""Output formats for ``checker check``: each turns a CheckResult into text."""
