#!/usr/bin/env bash
# Makes (up) or removes (down) the network namespace in which the load tool's simulated participants live
# with --client-namespace NAME: a second host on this machine, joined to it by a veth pair.
#
# On loopback the kernel delivers each datagram into the receiving socket inside the sender's own send, so
# the simulated clients' receive work is counted as the server's CPU. Here the client end of the veth pair
# polls with NAPI in a kernel thread of its own (threaded NAPI), which does that work instead, as the clients'
# own machines would; the server's send ends when the datagram is queued for that thread.
#
#   client-namespace.sh up [NAME]     (default NAME: calls-clients; needs root, iproute2, ethtool, chrt)
#   client-namespace.sh down [NAME]
#
# CALLS_CLIENT_NAPI_PRIORITY (default 10) is the NAPI thread's SCHED_RR priority; 0 leaves it an ordinary thread.
#
# Addresses: the link is 198.19.0.1 (this host) - 198.19.0.2 (the namespace); participants take addresses
# in 198.18.0.0/16, local to the namespace and routed to it from here (RFC 2544's range for benchmarks, so
# clear of real networks). One such namespace at a time.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"

action=${1:-}
name=${2:-calls-clients}
# Interface names are at most 15 characters, and so is the NAPI thread's name napi/<interface>-<id>.
host_if="vh-${name:0:12}"
client_if="vc-${name:0:12}"
napi_thread=$(printf 'napi/%s' "$client_if" | cut -c1-15)
# The tool's network threads run at this real-time priority by default (--network-priority).
priority=${CALLS_CLIENT_NAPI_PRIORITY:-10}

case "$action" in
up)
    ip netns add "$name"
    ip link add "$host_if" type veth peer name "$client_if" netns "$name"
    ip addr add 198.19.0.1/30 dev "$host_if"
    ip link set "$host_if" up
    # The client end holds 256 datagrams between polls, fewer than one fan-out of a large call. With a queue
    # on this end a recent kernel (veth stops the queue while the ring is full) holds the rest back until the
    # poll has room, instead of dropping them.
    tc qdisc replace dev "$host_if" root pfifo limit 10000
    ip -n "$name" link set lo up
    ip -n "$name" addr add 198.19.0.2/30 dev "$client_if"
    ip -n "$name" link set "$client_if" up
    ip -n "$name" route add local 198.18.0.0/16 dev lo
    ip -n "$name" route add default via 198.19.0.1
    ip route add 198.18.0.0/16 via 198.19.0.2 dev "$host_if"
    # NAPI on the client end needs GRO, and UDP GRO forwarding so that this end's offloads do not exclude
    # the datagrams from it; then it polls in a kernel thread of its own.
    ip netns exec "$name" ethtool -K "$client_if" gro on rx-udp-gro-forwarding on
    ip netns exec "$name" sh -c "echo 1 > /sys/class/net/$client_if/threaded"
    # Behind the server's real-time media threads an ordinary thread would deliver late, and the latency the
    # tool measures ends at the delivery: the thread runs as the tool's network threads do.
    if [ "$priority" -gt 0 ]; then
        for pid in $(pgrep "^$napi_thread"); do
            chrt -r -p "$priority" "$pid"
        done
    fi
    echo "network namespace $name: participants in 198.18.0.0/16, NAPI thread(s) $(pgrep "^$napi_thread" | tr '\n' ' ')"
    ;;
down)
    # Deleting the namespace deletes the veth pair, and with it the route.
    ip netns delete "$name"
    ;;
*)
    echo "usage: $0 up|down [NAME]" >&2
    exit 2
    ;;
esac
