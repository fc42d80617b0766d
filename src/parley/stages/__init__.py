"""Pipeline stages, in order: read -> extract -> annotate -> actors -> events -> time -> store."""
