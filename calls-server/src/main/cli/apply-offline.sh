#!/usr/bin/env bash
# Applies configure.cli to the WildFly at $1 without starting it: the embedded CLI edits standalone.xml
# in place and opens no port.
set -euo pipefail
jboss_home=$1
here=$(cd "$(dirname "$0")" && pwd)
script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
    echo 'embed-server --std-out=discard --server-config=standalone.xml'
    cat "$here/configure.cli"
    echo 'stop-embedded-server'
} > "$script"
bash "$jboss_home/bin/jboss-cli.sh" --file="$script"
