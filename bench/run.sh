#!/usr/bin/env bash
# Runs the urlshot benchmark end to end on this machine; builds nothing.
#
#   bench/run.sh [BUILD_DIR]          BUILD_DIR defaults to ../build beside this script
#
# For each of RUNS repetitions: starts a fresh urlshot (new temporary data dir, --port 0),
# runs urlshot-bench (idle latency, then a burst of mixed jobs, with CPU and memory of
# urlshot's process tree), loads the status route of one completed job with wrk, stops
# urlshot with SIGTERM, then loads the trivial QHttpServer route of `urlshot-bench
# --serve-trivial` with the same wrk as the ceiling. Prints a summary with medians.
#
# Settings (environment): URLSHOT_BIN, BENCH_BIN (default: inside BUILD_DIR), RUNS (3),
# IDLE_JOBS (20), BURST_JOBS (60), CONCURRENCY (2), IDLE_POLL_MS (10), BURST_POLL_MS (50),
# WRK_THREADS (2), WRK_CONNECTIONS (32), WRK_DURATION (10s), BENCH_TIMEOUT (600 s per run),
# RESULTS_DIR (default: a new /tmp/urlshot-bench.XXXXXX, kept and printed at the end).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-$here/../build}
urlshot=${URLSHOT_BIN:-$build/src/app/urlshot}
bench=${BENCH_BIN:-$build/bench/urlshot-bench}
runs=${RUNS:-3}
idle_jobs=${IDLE_JOBS:-20}
burst_jobs=${BURST_JOBS:-60}
concurrency=${CONCURRENCY:-2}
idle_poll_ms=${IDLE_POLL_MS:-10}
burst_poll_ms=${BURST_POLL_MS:-50}
wrk_threads=${WRK_THREADS:-2}
wrk_connections=${WRK_CONNECTIONS:-32}
wrk_duration=${WRK_DURATION:-10s}
bench_timeout=${BENCH_TIMEOUT:-600}
out=${RESULTS_DIR:-$(mktemp -d /tmp/urlshot-bench.XXXXXX)}
mkdir -p "$out"

die() { echo "run.sh: $*" >&2; exit 1; }
[[ -x $urlshot ]] || die "no urlshot at $urlshot (build the project first, or set URLSHOT_BIN)"
[[ -x $bench ]] || die "no urlshot-bench at $bench (build the urlshot-bench target, or set BENCH_BIN)"
for tool in wrk jq; do
    if ! command -v "$tool" >/dev/null; then
        [[ $(id -u) == 0 ]] || die "$tool is missing: apt-get install -y $tool"
        echo "run.sh: installing $tool" >&2
        apt-get install -y "$tool" >/dev/null
    fi
done

# Every process this script starts, to stop them all whatever happens.
declare -a started=()
declare -a data_dirs=()

stop_pid() { # pid [seconds]: SIGTERM, then SIGKILL after the grace period; reaps it
    local pid=$1 grace=${2:-30} i
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "run.sh: pid $pid ignored SIGTERM for ${grace}s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

forget() { # pid: stopped, so cleanup must not signal it again (the pid could be reused)
    local pid kept=()
    for pid in "${started[@]}"; do [[ $pid == "$1" ]] || kept+=("$pid"); done
    started=("${kept[@]}")
}

cleanup() {
    local pid dir
    for pid in "${started[@]}"; do stop_pid "$pid" 15; done
    started=()
    for dir in "${data_dirs[@]}"; do rm -rf "$dir"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for_port() { # file pid what: the port of the first "listening on http://H:P" line
    local file=$1 pid=$2 what=$3 i port
    for ((i = 0; i < 600; i++)); do
        port=$(sed -n '1s|.*listening on http://[^:]*:\([0-9]*\).*|\1|p' "$file" 2>/dev/null)
        [[ -n $port ]] && { echo "$port"; return 0; }
        kill -0 "$pid" 2>/dev/null || die "$what exited before listening; see $file"
        sleep 0.1
    done
    die "$what did not print its port within 60 s"
}

wrk_rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }

for ((run = 1; run <= runs; run++)); do
    echo "== run $run of $runs ==" >&2
    data=$(mktemp -d /tmp/urlshot-bench-data.XXXXXX)
    data_dirs+=("$data")
    # Per-capture debug lines (loading, loaded in, captured in), with UTC wall-clock times
    # comparable to the jobs' created_at/finished_at.
    TZ=UTC QT_LOGGING_RULES="urlshot.capture.debug=true" \
        QT_MESSAGE_PATTERN='%{time yyyy-MM-ddTHH:mm:ss.zzz} %{category}: %{message}' \
        "$urlshot" --data-dir "$data" --port 0 --concurrency "$concurrency" \
        >"$out/urlshot-$run.out" 2>"$out/urlshot-$run.log" &
    urlshot_pid=$!
    started+=("$urlshot_pid")
    port=$(wait_for_port "$out/urlshot-$run.out" "$urlshot_pid" urlshot)
    server=http://127.0.0.1:$port
    echo "urlshot pid $urlshot_pid on $server" >&2

    # Two invocations against the same urlshot: the idle phase polls every 10 ms (one job
    # at a time: negligible load, finer client-side figure), the burst every 50 ms.
    rc=0
    timeout $((bench_timeout + 60)) "$bench" --server "$server" --pid "$urlshot_pid" \
        --idle-latency "$idle_jobs" --jobs 0 --poll-ms "$idle_poll_ms" \
        --jobs-out "$out/jobs-idle-$run.jsonl" --timeout "$bench_timeout" \
        >"$out/idle-$run.txt" 2>"$out/idle-$run.err" || rc=$?
    tail -n 1 "$out/idle-$run.txt" >"$out/idle-$run.json"
    [[ $rc == 0 ]] || echo "run.sh: idle bench exited $rc; see $out/idle-$run.txt" >&2
    rc=0
    timeout $((bench_timeout + 60)) "$bench" --server "$server" --pid "$urlshot_pid" \
        --jobs "$burst_jobs" --burst --poll-ms "$burst_poll_ms" \
        --jobs-out "$out/jobs-burst-$run.jsonl" --timeout "$bench_timeout" \
        >"$out/burst-$run.txt" 2>"$out/burst-$run.err" || rc=$?
    tail -n 1 "$out/burst-$run.txt" >"$out/burst-$run.json"
    [[ $rc == 0 ]] || echo "run.sh: burst bench exited $rc; see $out/burst-$run.txt" >&2

    # The status route of one completed job against the ceiling, a trivial QHttpServer route
    # (urlshot-bench --serve-trivial), back to back with the same wrk so that both see the
    # same machine (urlshot idle, its Chromium processes up).
    job=$(jq -r '.sample_job_id // empty' "$out/burst-$run.json")
    [[ -n $job ]] || die "no completed job to poll; see $out/burst-$run.txt"
    "$bench" --serve-trivial 0 --timeout 300 \
        >"$out/trivial-$run.out" 2>"$out/trivial-$run.err" &
    trivial_pid=$!
    started+=("$trivial_pid")
    trivial_port=$(wait_for_port "$out/trivial-$run.out" "$trivial_pid" "the trivial server")
    wrk -t"$wrk_threads" -c"$wrk_connections" -d"$wrk_duration" --latency \
        "$server/screenshots/$job/status" >"$out/wrk-status-$run.txt"
    wrk -t"$wrk_threads" -c"$wrk_connections" -d"$wrk_duration" --latency \
        "http://127.0.0.1:$trivial_port/ping" >"$out/wrk-ping-$run.txt"
    stop_pid "$trivial_pid" 10
    forget "$trivial_pid"

    stop_pid "$urlshot_pid" 30
    forget "$urlshot_pid"
    grep -q 'urlshot.service: stopped' "$out/urlshot-$run.log" \
        || echo "run.sh: urlshot did not log a clean stop; see $out/urlshot-$run.log" >&2
done

# ---- summary -------------------------------------------------------------------------------
median='def median: sort | if length == 0 then null elif length % 2 == 1 then .[length / 2 | floor]
        else (.[length / 2 - 1] + .[length / 2]) / 2 end;
        def median2: median | if type == "number" then . * 100 | round / 100 else . end;'

row() { # label file-prefix jq-expression
    local label=$1 prefix=$2 expr=$3 values
    values=$(for ((run = 1; run <= runs; run++)); do jq "$expr" "$out/$prefix-$run.json"; done)
    printf '%-52s' "$label"
    printf '%10s' $values
    printf '%10s\n' "$(printf '%s\n' $values | jq -s "$median median2")"
}

wrk_row() { # label file-prefix
    local label=$1 prefix=$2 values
    values=$(for ((run = 1; run <= runs; run++)); do wrk_rps "$out/$prefix-$run.txt"; done)
    printf '%-52s' "$label"
    printf '%10s' $values
    printf '%10s\n' "$(printf '%s\n' $values | jq -s "$median median2")"
}

ratio_row() {
    local values=() run s p
    for ((run = 1; run <= runs; run++)); do
        s=$(wrk_rps "$out/wrk-status-$run.txt")
        p=$(wrk_rps "$out/wrk-ping-$run.txt")
        values+=("$(jq -n "$s / $p * 100 | round")")
    done
    printf '%-52s' "status route / trivial route (%)"
    printf '%10s' "${values[@]}"
    printf '%10s\n' "$(printf '%s\n' "${values[@]}" | jq -s "$median median2")"
}

# Where the time of each capture goes: the jobs' server timestamps (from --jobs-out) joined
# with urlshot's per-capture debug lines ("loading", "loaded in", "captured"), all UTC ms.
capture_events() { # urlshot logs -> {"t","id","event"} per line
    sed -n -E 's/^([0-9T:.-]+) urlshot\.capture: "([^"]+)" (loading|loaded|captured) .*/{"t":"\1","id":"\2","event":"\3"}/p' "$@"
}
stages='
    def ms: (.[0:19] + "Z" | fromdateiso8601) * 1000 + (.[20:23] | tonumber);
    (map(select(.event)) | map({ key: (.id + " " + .event), value: (.t | ms) }) | from_entries) as $ev
    | [ .[] | select(.phase and .status == "completed" and (.warmup | not))
        | . as $j | [$ev[$j.id + " loading"], $ev[$j.id + " loaded"], $ev[$j.id + " captured"]]
        | select(all(. != null))
        | { group: ($j.phase + " " + $j.kind),
            queue: (($j.started_at | ms) - ($j.created_at | ms)),
            setup: (.[0] - ($j.started_at | ms)),
            load: (.[1] - .[0]),
            settle: (.[2] - .[1]),
            save: (($j.finished_at | ms) - .[2]),
            total: (($j.finished_at | ms) - ($j.created_at | ms)) } ]
    | group_by(.group)[]
    | [ .[0].group, length ] + ([ "queue", "setup", "load", "settle", "save", "total" ] as $k
        | [ $k[] as $name | map(.[$name]) | median | round ])
    | @tsv'

{
    echo "urlshot bench, $(date -u +%Y-%m-%d), $(nproc) CPUs, $runs runs; results in $out"
    printf '%-52s' "metric"
    for ((run = 1; run <= runs; run++)); do printf '%10s' "run $run"; done
    printf '%10s\n' median
    row "idle trivial p50 ms (server created->finished)" idle '.phases[0].latency_server_ms.p50'
    row "idle trivial p95 ms (server)" idle '.phases[0].latency_server_ms.p95'
    row "idle trivial max ms (server)" idle '.phases[0].latency_server_ms.max'
    row "idle trivial p50 ms (client POST->seen, 10 ms poll)" idle '.phases[0].latency_client_ms.p50'
    row "idle trivial p95 ms (client)" idle '.phases[0].latency_client_ms.p95'
    row "idle cold first job ms (server)" idle '.phases[0].warmup[0].server_ms'
    row "idle urlshot CPU s per capture" idle '.phases[0].resources.tree_cpu_s_per_capture'
    row "burst captures/min" burst '.phases[0].captures_per_min'
    row "burst span s (server)" burst '.phases[0].span_server_s'
    row "burst p50 ms submit->completed (server)" burst '.phases[0].latency_server_ms.p50'
    row "burst p95 ms (server)" burst '.phases[0].latency_server_ms.p95'
    row "burst max ms (server)" burst '.phases[0].latency_server_ms.max'
    row "burst p50 ms (client, 50 ms poll)" burst '.phases[0].latency_client_ms.p50'
    row "burst p95 ms (client)" burst '.phases[0].latency_client_ms.p95'
    for kind in trivial images canvas long slow; do
        row "burst $kind: capture p50 ms (started->finished)" burst ".phases[0].by_kind.$kind.capture_ms.p50"
        row "burst $kind: capture p95 ms" burst ".phases[0].by_kind.$kind.capture_ms.p95"
        row "burst $kind: p50 ms submit->completed (server)" burst ".phases[0].by_kind.$kind.latency_server_ms.p50"
        row "burst $kind: p95 ms submit->completed (server)" burst ".phases[0].by_kind.$kind.latency_server_ms.p95"
    done
    row "burst urlshot CPU s per capture" burst '.phases[0].resources.tree_cpu_s_per_capture'
    row "burst urlshot tree cores busy (mean)" burst '.phases[0].resources.tree_cores_mean'
    row "burst urlshot tree cores busy (p50 of 100 ms)" burst '.phases[0].resources.tree_cores_p50'
    row "burst whole machine busy (%)" burst '.phases[0].resources.machine_busy_fraction * 100 | round'
    row "burst bench's own CPU s" burst '.phases[0].resources.bench_cpu_s'
    row "burst urlshot tree PSS peak MiB" burst '.phases[0].resources.pss_peak_mib'
    row "burst urlshot tree processes peak" burst '.phases[0].resources.processes_peak'
    row "failed jobs (idle)" idle '.failures'
    row "failed jobs (burst)" burst '.failures'
    wrk_row "status route req/s (wrk -t$wrk_threads -c$wrk_connections -d$wrk_duration)" wrk-status
    wrk_row "trivial QHttpServer /ping req/s (same wrk)" wrk-ping
    ratio_row
    echo
    echo "where the time goes, median ms per stage (server timestamps + urlshot capture log, all runs):"
    echo "  queue = created->started, setup = started->'loading' (profile, page, view),"
    echo "  load = 'loading'->'loaded' (loadFinished), settle = 'loaded'->'captured' (readiness"
    echo "  probes, painted frame, grab), save = 'captured'->finished (PNG encode, file, database)"
    printf '  %-16s %4s %7s %7s %7s %7s %7s %7s\n' "phase kind" n queue setup load settle save total
    { capture_events "$out"/urlshot-*.log; cat "$out"/jobs-*.jsonl; } \
        | jq -s -r "$median $stages" \
        | awk -F'\t' '{ printf "  %-16s %4s %7s %7s %7s %7s %7s %7s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
} | tee "$out/summary.txt"
