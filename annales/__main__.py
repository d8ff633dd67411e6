"""``python -m annales`` is the ``annales`` command."""
from annales.cli import main

raise SystemExit(main())
