#!/bin/sh
# Builds the libFuzzer targets with clang in a build folder of their own and
# runs them on seeds made from ../shared at run time (seeds.py). The large
# hostile inputs are not run here but by the tests fuzz-hostile-NAME of
# every build (see meson.build).
#
#   run.sh ci   [BUILDDIR]          each target for $FUZZ_SECONDS (20) s,
#                                   $FUZZ_JOBS (2) targets at a time
#   run.sh long [BUILDDIR] [TARGET...]  each target for $FUZZ_SECONDS
#                                   (3600) s, keeping its corpus,
#                                   $FUZZ_JOBS (1) at a time
#   run.sh merge [BUILDDIR] [TARGET...] files of the kept corpus that
#                                   reach code the seeds and regress/
#                                   do not, up to $MERGE_MAX_BYTES
#                                   (4096) each, copied into regress/
#
# $FUZZ_TIMEOUT (10) is the seconds one input may take: a long run on a
# loaded machine needs more (a unit that stalls behind other processes is
# reported as a timeout; replay it alone to tell). BUILDDIR defaults to
# build-fuzz at the top of the repository. Crashes,
# leaks and timeouts land in BUILDDIR/fuzz-artifacts/TARGET/ (crash-*,
# leak-*, timeout-*, oom-*); `long` keeps the grown corpus in
# BUILDDIR/fuzz-corpus/TARGET/. The shared data is $NW_SHARED, else
# ../shared beside the repository. Exits 0 when no target found anything,
# 1 when one did, 77 (meson's "skipped") when clang or libFuzzer is missing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
mode=${1:-ci}
[ $# -gt 0 ] && shift
builddir=${1:-$top/build-fuzz}
[ $# -gt 0 ] && shift
case $builddir in /*) ;; *) builddir=$(pwd)/$builddir ;; esac
shared=${NW_SHARED:-$top/../shared}
targets=${*:-html text pipeline date feed sitemap config replay}

case $mode in
ci)   seconds=${FUZZ_SECONDS:-20} ;;
long) seconds=${FUZZ_SECONDS:-3600} ;;
merge) seconds=0 ;;
*)    echo "usage: run.sh ci|long|merge [BUILDDIR] [TARGET...]" >&2
      exit 2 ;;
esac

# merge_into_regress TARGET: libFuzzer's -merge=1 adds to its first folder
# only the inputs that reach new code, so the first folder starts with
# the seeds and the reproducers kept so far; what it adds from the grown
# corpus (small files only: regress/ is in git) goes into regress/TARGET
# under its SHA-1.
merge_into_regress() {
	t=$1
	bin="$builddir/tests/fuzz/fuzz_$t"
	corpus="$builddir/fuzz-corpus/$t"
	keep="$here/regress/$t"
	if [ ! -d "$corpus" ]; then
		echo "skip fuzz_$t: no grown corpus in $corpus"
		return 0
	fi
	small="$probe/small-$t"
	base="$probe/base-$t"
	mkdir -p "$small" "$base"
	find "$corpus" -type f -size -"${MERGE_MAX_BYTES:-4096}"c \
	    -exec cp {} "$small/" \;
	cp "$work/$t"/* "$keep"/* "$base/" 2>/dev/null || true
	ls "$base" | sort >"$probe/before-$t"
	"$bin" -merge=1 -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
	    "$base" "$small" >"$builddir/fuzz-merge-$t.log" 2>&1 ||
	    { tail -20 "$builddir/fuzz-merge-$t.log" >&2; return 1; }
	ls "$base" | sort | comm -13 "$probe/before-$t" - >"$probe/new-$t"
	n=0
	while read -r f; do
		cp "$base/$f" "$keep/grown-$f"
		n=$((n + 1))
	done <"$probe/new-$t"
	echo "fuzz_$t: $n inputs of the grown corpus kept in regress/$t"
}

cc=${FUZZ_CC:-clang}
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "run.sh: $cc not found (apt-get install clang" \
	    "libclang-rt-14-dev): skipped" >&2
	exit 77
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'int LLVMFuzzerTestOneInput(const char *d, long n)\n{ return 0; }\n' \
    >"$probe/p.c"
if ! "$cc" -fsanitize=fuzzer,address,undefined -o "$probe/p" "$probe/p.c" \
    >/dev/null 2>&1; then
	echo "run.sh: $cc cannot link libFuzzer (apt-get install" \
	    "libclang-rt-14-dev): skipped" >&2
	exit 77
fi

if [ ! -f "$builddir/build.ninja" ]; then
	CC=$cc meson setup "$builddir" "$top" -Dfuzz=true \
	    -Dbuildtype=debugoptimized -Db_lundef=false \
	    -Db_sanitize=address,undefined \
	    -Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer' \
	    >"$probe/setup.log" 2>&1 || { cat "$probe/setup.log" >&2; exit 1; }
fi
bins=""
for t in $targets; do
	bins="$bins tests/fuzz/fuzz_$t"
done
# shellcheck disable=SC2086
ninja -C "$builddir" -j2 $bins >"$probe/build.log" 2>&1 ||
    { tail -50 "$probe/build.log" >&2; exit 1; }

work="$probe/seeds"
/usr/bin/python3 "$here/seeds.py" seeds "$shared" "$work"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
if [ "$mode" = merge ]; then
	for t in $targets; do
		merge_into_regress "$t"
	done
	exit 0
fi
# fuzz_one TARGET: fuzzes it; its line of result (ok or FAIL, with the
# sanitizer's report) into $probe/result-TARGET, and a file
# $probe/failed-TARGET when it found something.
fuzz_one() {
	t=$1
	bin="$builddir/tests/fuzz/fuzz_$t"
	art="$builddir/fuzz-artifacts/$t"
	mkdir -p "$art"
	if [ "$mode" = long ]; then
		corpus="$builddir/fuzz-corpus/$t"
	else
		corpus="$probe/corpus/$t"
	fi
	mkdir -p "$corpus"
	log="$builddir/fuzz-$t.log"
	# dictionaries help the grammar-heavy targets
	dict=""
	[ -f "$here/dict/$t.dict" ] && dict="-dict=$here/dict/$t.dict"
	# shellcheck disable=SC2086
	if "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 \
	    -timeout="${FUZZ_TIMEOUT:-10}" \
	    -max_len=65536 -print_final_stats=1 $dict \
	    -artifact_prefix="$art/" "$corpus" "$work/$t" >"$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
		echo "ok   fuzz_$t: $runs runs, $rate exec/s in ${seconds}s" \
		    >"$probe/result-$t"
	else
		{
			echo "FAIL fuzz_$t: see $log; reproducer in $art/"
			grep -A30 -m1 'ERROR\|runtime error\|==ERROR' "$log" ||
			    tail -40 "$log"
		} >"$probe/result-$t"
		: >"$probe/failed-$t"
	fi
}

# $FUZZ_JOBS targets at a time, each one process of its own (a libFuzzer
# run uses one core): the short run, which has the machine to itself
# (meson runs it alone), takes both cores, each target still fuzzed for
# its full time; a long run one at a time unless asked.
if [ "$mode" = long ]; then
	jobs=${FUZZ_JOBS:-1}
else
	jobs=${FUZZ_JOBS:-2}
fi
status=0
batch=""
n=0
for t in $targets END; do
	if [ "$t" != END ]; then
		batch="$batch $t"
		n=$((n + 1))
		fuzz_one "$t" &
		[ "$n" -lt "$jobs" ] && continue
	fi
	wait
	n=0
	for b in $batch; do
		if [ -f "$probe/failed-$b" ]; then
			cat "$probe/result-$b" >&2
			status=1
		else
			cat "$probe/result-$b"
		fi
	done
	batch=""
done
exit $status
