#!/usr/bin/env bash
# Runs WildFly in the foreground with calls.ear deployed (the README's run command calls this through
# Maven). The server runs on a base directory of its own, so its data — the H2 database under
# data/calls — survives between runs while its configuration follows the project's CLI scripts.
# Ctrl-C stops it cleanly. The server inherits this environment: choose the admin password of the first start
# with CALLS_ADMIN_PASSWORD or CALLS_ADMIN_PASSWORD_FILE, never with -Dcalls.admin.password, which every local
# user can read in the server's command line.
set -euo pipefail
jboss_home=$1
ear=$2
base="$jboss_home/calls-run"

mkdir -p "$base/deployments" "$base/data"
rm -rf "$base/configuration"
cp -r "$jboss_home/standalone/configuration" "$base/configuration"
cp "$ear" "$base/deployments/calls.ear"

cat <<BANNER

  Calls is starting. When the log below says "WFLYSRV0025: WildFly ... started":
    open        http://localhost:8080/calls/
    health      http://localhost:8080/calls/api/v1/system/ping
    media       UDP 8443 (open it in your firewall for other machines)
    data        $base/data/calls
  The demo accounts and their passwords are printed in the log once the application has started.
  Stop with Ctrl-C.

BANNER

# CALLS_BIND_ADDRESS=0.0.0.0 lets other machines reach the web server; the default keeps it local.
exec bash "$jboss_home/bin/standalone.sh" -Djboss.server.base.dir="$base" -Dcalls.demo=true \
    -b "${CALLS_BIND_ADDRESS:-127.0.0.1}"
