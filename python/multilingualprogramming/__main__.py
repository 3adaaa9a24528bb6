"""``python -m multilingualprogramming`` runs the ``multilingual`` command."""

import sys

from .cli import main

sys.exit(main())
