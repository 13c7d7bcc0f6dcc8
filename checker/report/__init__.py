"""The HTML report: a dashboard, a page per article and a page per translation.

:func:`checker.report.site.write_report` writes it; :mod:`~checker.report.views`
works out what each page shows and :mod:`~checker.report.highlight` places the
findings in the article text.
"""
