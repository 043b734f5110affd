#!/usr/bin/env bash
# Runs one libFuzzer target of Fuzz/ for a number of seconds:
#   Scripts/fuzz.sh delimited|xml|text|document SECONDS
# The seed corpus is built from ../shared/data when it is there (nothing of it is committed),
# plus the inputs kept in Fuzz/regressions/TARGET (earlier crashes, small hand-made files).
# A crash leaves its input in Fuzz/findings/TARGET and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?give a target: delimited, xml or text}
seconds=${2:-30}
case "$target" in delimited|xml|text|document) ;; *) echo "unknown fuzz target '$target': delimited, xml, text or document" >&2; exit 2 ;; esac

if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then export PATH=/opt/swift/usr/bin:$PATH; fi
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=fuzzer-no-link,address)
build_log=$(mktemp)
if ! (cd Fuzz && swift build -q --product "fuzz-$target" "${flags[@]}") >"$build_log" 2>&1; then
    grep -v "ld.gold: warning" "$build_log" | tail -n 30 >&2
    exit 1
fi
rm -f "$build_log"
binary=Fuzz/.build/debug/fuzz-$target

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
shared=../shared/data
seed() { [ -f "$1" ] && head -c "${2:-65536}" "$1" > "$corpus/$(basename "$1")" || true; }
set +o pipefail  # seeds are cut with head, which ends the pipes early
case "$target" in
    delimited)
        seed Glossaries/news-politics.ar-en.tsv
        seed "$shared/glossary-sources/freedict-ara-eng.tsv" 20000
        if [ -f "$shared/tatoeba/tatoeba-test-v2021-08-07.ara" ]; then paste "$shared/tatoeba/tatoeba-test-v2021-08-07.ara" "$shared/tatoeba/tatoeba-test-v2021-08-07.eng" | head -300 > "$corpus/tatoeba.tsv"; fi
        ;;
    xml)
        seed Glossaries/news-politics.ar-en.tbx 20000
        seed "$shared/glossary-sources/iso3166_ar_en.tbx" 20000
        for file in $(ls "$shared"/tmx-conformance/src/test/resources/data/tmx/*.tmx 2>/dev/null | head -20); do seed "$file" 20000; done
        ;;
    document)
        for file in Tests/Fixtures/html/*.html; do seed "$file"; done
        ;;
    text)
        seed seeds/000_d30af9c42a70480b.txt
        seed "$shared/ntrex128/NTREX-128/newstest2019-ref.arb.txt" 8000
        seed "$shared/flores/flores200_dataset/devtest/arb_Arab.devtest" 8000
        ;;
esac
set -o pipefail
if [ -d "Fuzz/regressions/$target" ]; then cp Fuzz/regressions/"$target"/* "$corpus"/ 2>/dev/null || true; fi
mkdir -p "Fuzz/findings/$target"
echo "fuzz-$target: $(ls "$corpus" | wc -l) seed files, $seconds s"
log=$(mktemp)
status=0
LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
"$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="Fuzz/findings/$target/" -print_final_stats=1 >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
    grep -v -E '^"|Uses: |^\s*$' "$log" | grep -v -E '^\s+[0-9]+ +0x' | tail -n 40 >&2
    echo "fuzz-$target failed (exit $status); the input is in Fuzz/findings/$target/: add it to Fuzz/regressions/$target once fixed" >&2
else
    grep -E '^Done|stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log"
fi
rm -f "$log"
exit "$status"
