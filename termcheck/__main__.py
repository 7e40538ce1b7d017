"""`python -m termcheck` entry point."""

import sys

try:
    from termcheck.cli import main
except ModuleNotFoundError as e:  # run from a checkout without its dependencies installed
    sys.stderr.write(f"termcheck: error: a dependency is missing ({e}); install termcheck with its "
                     "dependencies: pip install -e .\n")
    sys.exit(3)

sys.exit(main())
