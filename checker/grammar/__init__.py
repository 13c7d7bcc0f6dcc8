"""Grammar, spelling and style from LanguageTool (the GRM rules).

:mod:`~checker.grammar.server` finds a server, :mod:`~checker.grammar.client` talks
to it, :mod:`~checker.grammar.batches` decides what is sent and maps answers back,
:mod:`~checker.grammar.cache` keeps answers, and :mod:`~checker.grammar.checker`
runs it all for each article and records how the run went.
"""
