from constitution.cli import entry

raise SystemExit(entry())
