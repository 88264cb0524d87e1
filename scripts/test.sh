#!/usr/bin/env bash
# The whole suite. Servers the tests need (PostgreSQL, Dask, Chromium) are installed and started by
# the test set-up itself (tests/conftest.py) on loopback and stopped after.
set -uo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest -q --timeout=600 "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "make test: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit "$status"
