#!/usr/bin/env bash
# Generates a SQL migration from the schema. drizzle-kit and drizzle-orm are both at the root
# (drizzle-orm is a root dependency too, so one copy serves the server, the benchmarks and the
# generator). Usage: npm run db:generate -- --name NAME
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/apps/server" && npx drizzle-kit generate "$@"
