#!/usr/bin/env bash
# The second, blind held-out set: see eval/README.md.
exec "$(dirname "$0")/run_heldout.sh" heldout2 "$@"
