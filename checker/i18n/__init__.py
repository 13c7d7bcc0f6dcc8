"""Translation workflow: gettext catalogs for every article, kept in step with the source."""
