# Helpers shared by the benchmark scripts (sourced, not run). They expect TMP to be set
# before `timed` is called.

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# need_packages "COMMAND-OR-PATH:PACKAGE" ...: installs with apt-get the packages whose
# command (or executable path) is missing; apt-get update only if the first try fails.
need_packages() {
    local missing=() pair tool package
    for pair in "$@"; do
        tool="${pair%%:*}"; package="${pair#*:}"
        if [[ "$tool" == /* ]]; then [[ -x "$tool" ]] || missing+=("$package")
        else command -v "$tool" >/dev/null 2>&1 || missing+=("$package"); fi
    done
    ((${#missing[@]})) || return 0
    echo "Installing ${missing[*]} ..." >&2
    local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get install -y "${missing[@]}" >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "${missing[@]}" >/dev/null; }
}

# timed NAME CMD...: runs CMD under GNU time -v; stdout to $TMP/NAME.out, stderr to $TMP/NAME.err.
# Sets T (wall seconds, ns clock) and RSS_KB (peak RSS from GNU time). Fails on a non-zero exit.
timed() {
    local name="$1"; shift
    local start end rc=0
    start=$(date +%s%N)
    /usr/bin/time -v -o "$TMP/$name.time" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" || rc=$?
    end=$(date +%s%N)
    if ((rc != 0)); then
        echo "FAILED ($rc): $*" >&2
        tail -n 20 "$TMP/$name.err" "$TMP/$name.out" >&2 || true
        exit 1
    fi
    T=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    RSS_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/$name.time")
}

# median of the arguments
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) printf "%.3f", a[(NR + 1) / 2]; else printf "%.3f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# pass EXPR: "yes" when the awk expression holds, else "**no**" (for the targets tables)
pass() { if awk "BEGIN { exit !($1) }"; then echo "yes"; else echo "**no**"; fi; }
