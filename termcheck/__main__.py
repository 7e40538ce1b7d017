"""`python -m termcheck` entry point."""

import sys

from termcheck.cli import main

sys.exit(main())
