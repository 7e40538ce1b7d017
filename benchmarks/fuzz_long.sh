#!/bin/sh
# The long fuzz run: tests/test_fuzz.py with the "long" hypothesis profile (5,000 examples a property,
# random seeds; a failure prints the example and a @reproduce_failure blob). CI runs the bounded "ci" profile.
# Usage: benchmarks/fuzz_long.sh [pytest options]   (from the project root, in the project's venv)
set -eu
cd "$(dirname "$0")/.."
HYPOTHESIS_PROFILE=long exec python -m pytest -q -p no:cacheprovider tests/test_fuzz.py --hypothesis-show-statistics "$@"
