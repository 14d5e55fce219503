#!/usr/bin/env bash
# drizzle-kit (hoisted to the root) imports drizzle-orm, which npm keeps nested under
# apps/server; a link lets the generator find it. Usage: npm run db:generate -- --name NAME
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -d "$root/apps/server/node_modules/drizzle-orm" ] && [ ! -e "$root/node_modules/drizzle-orm" ]; then
  ln -s ../apps/server/node_modules/drizzle-orm "$root/node_modules/drizzle-orm"
fi
cd "$root/apps/server" && npx drizzle-kit generate "$@"
