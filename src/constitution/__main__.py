from constitution.cli import main

raise SystemExit(main())
