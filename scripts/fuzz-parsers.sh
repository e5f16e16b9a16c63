#!/usr/bin/env bash
# libFuzzer on every reader of outside bytes (issue 42): the .xlsx and CSV readers, the
# multipart reader, the strict JSON reader, the edition import, the form and path decoders,
# codes and addresses. Each target (Fuzz/) runs under memory and time limits from a corpus
# seeded with the test fixtures; a crash stops the run, and its input is kept.
#
#   scripts/fuzz-parsers.sh [-runs N | -max_total_time S] [--release] [--jobs J] [--only FuzzCSV,...] [--seed S]
#
# --seed makes a run repeatable (CI uses one, so its corpus, and the XML differential read
# from it, are the same from run to run).
# CI: `scripts/fuzz-parsers.sh -runs 20000` (debug build, a fixed number of runs per target).
# The long run in docs/reliability.md: `scripts/fuzz-parsers.sh -max_total_time 900 --release --jobs 2`.
# Crashes and the grown corpora land in ci-artifacts/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."

LIMIT=(-runs=20000)
CONFIG=debug
JOBS=1
SEED=()
TARGETS=(FuzzXLSX FuzzCSV FuzzMultipart FuzzJSON FuzzImport FuzzForms FuzzCodes)
while [ $# -gt 0 ]; do
  case $1 in
    -runs) LIMIT=(-runs="$2"); shift 2 ;;
    -max_total_time) LIMIT=(-max_total_time="$2"); shift 2 ;;
    --release) CONFIG=release; shift ;;
    --jobs) JOBS=$2; shift 2 ;;
    --only) IFS=, read -r -a TARGETS <<< "$2"; shift 2 ;;
    --seed) SEED=(-seed="$2"); shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

# A trap is libFuzzer's to report (it saves the input); Swift's own backtracer would take it first.
export SWIFT_BACKTRACE=enable=no
OUT=ci-artifacts/fuzz
mkdir -p "$OUT"
BIN=.build-fuzz/$CONFIG
for target in "${TARGETS[@]}"; do
  swift build -c "$CONFIG" --scratch-path .build-fuzz --product "$target" -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld 2>&1 \
    | grep -E "error|warning: unre|Compiling|Build complete" | grep -vE "^\[[0-9]+/[0-9]+\] Compiling" || true
  [ -x "$BIN/$target" ] || { echo "no $BIN/$target: the build failed"; exit 1; }
done

# Seeds: the test fixtures, and a few hand-made inputs per format.
seed() {  # target, name, content (printf format)
  mkdir -p "$OUT/corpus/$1"
  printf "$3" > "$OUT/corpus/$1/$2"
}
for target in FuzzCSV FuzzImport; do
  mkdir -p "$OUT/corpus/$target"
  cp Tests/CredenceAppTests/Fixtures/* "$OUT/corpus/$target/"
done
# FuzzXLSX: a first byte says what the rest is (0: a whole file; 1, 2, 3: the sheet, shared strings, styles).
mkdir -p "$OUT/corpus/FuzzXLSX"
for fixture in Tests/CredenceAppTests/Fixtures/*.xlsx; do
  { printf '\x00'; cat "$fixture"; } > "$OUT/corpus/FuzzXLSX/$(basename "$fixture")"
done
seed FuzzXLSX sheet '\x01<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>entry</t></is></c><c r="B1" t="s"><v>1</v></c></row><row r="3"><c r="XFD3"/><c r="A3" s="2"><v>45000.5</v></c></row></sheetData></worksheet>'
seed FuzzXLSX strings '\x02<sst><si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r><rPh><t>d</t></rPh></si><si><t><![CDATA[<e>]]>&amp;&#x4e2d;</t></si></sst>'
seed FuzzXLSX styles '\x03<styleSheet><numFmts><numFmt numFmtId="164" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf/><xf numFmtId="22"/><xf numFmtId="164"/></cellXfs></styleSheet>'
seed FuzzCSV header 'entry (id or seq),holder name,nationality (ISO 3166-1 alpha-2),certificate number,holder consent (yes/no)\r\n'
seed FuzzCSV quoted 'a,"b ""c""\r\nd",e\r\n,,,\r\n'
seed FuzzImport json '\x00{"edition":{"id":"x","jurisdiction":"tianjin","title":{"zh":"x","en":"x"}},"entries":[]}'
seed FuzzImport csv '\x02id,seq,name_zh,name_en,abbreviations,region_zh,region_en,issuer_zh,issuer_en,fields,remarks_zh,remarks_en,title_level,min_experience_years,requires_local_registration\r\ncfa,1,特许金融分析师,CFA,CFA,,,CFA协会,CFA Institute,finance,,,,,false\r\n'
seed FuzzImport csvsources '\x02id,seq,name_zh,name_en,abbreviations,region_zh,region_en,issuer_zh,issuer_en,fields,remarks_zh,remarks_en,title_level,min_experience_years,requires_local_registration,keywords,supplementary\r\ncfa,1,特许金融分析师,CFA,CFA,,,CFA协会,CFA Institute,finance,x,x,,,false,注会|cfa,"{""name.en"":""Credence translation""}"\r\nx,2,\x27\x27=a,\x27-b,,,,c,d,law,e,f,,,true,,\r\n'
seed FuzzMultipart form 'multipart/form-data; boundary=b\n--b\r\nContent-Disposition: form-data; name="csrf"\r\n\r\ntoken\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\na,b\r\n--b--\r\n'
seed FuzzJSON object '{"entryId":"cfa","holder":{"name":"A","nationality":"GB"},"n":[1,2.5e3,-0,true,false,null],"s":"\\u4e2d\\ud83d\\ude00"}'
seed FuzzForms path '/api//v1/./x/../holder/%%2e%%2E/abc\ncsrf=a%%20b&name=%%E4%%B8%%AD+x&=&a'
seed FuzzCodes code ' tj-cxb4j-n47cz '
seed FuzzCodes v6 '2001:db8::ffff:198.51.100.7'

status=0
printf "\n%-14s %12s %8s %10s %8s\n" target executions seconds "exec/s" crashes
for target in "${TARGETS[@]}"; do
  max_len=4096
  case $target in FuzzXLSX|FuzzImport) max_len=65536 ;; FuzzCSV|FuzzMultipart) max_len=16384 ;; esac
  log="$OUT/$target.log"
  mkdir -p "$OUT/crashes/$target"
  started=$(date +%s.%N)
  set +e
  if [ "$JOBS" -gt 1 ]; then
    "$BIN/$target" "$OUT/corpus/$target" "${LIMIT[@]}" ${SEED[@]+"${SEED[@]}"} -jobs="$JOBS" -workers="$JOBS" -max_len=$max_len -rss_limit_mb=2048 \
      -malloc_limit_mb=1024 -timeout=10 -print_final_stats=1 -artifact_prefix="$OUT/crashes/$target/" > "$log" 2>&1
    cat fuzz-*.log >> "$log" 2>/dev/null; rm -f fuzz-*.log
  else
    "$BIN/$target" "$OUT/corpus/$target" "${LIMIT[@]}" ${SEED[@]+"${SEED[@]}"} -max_len=$max_len -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 \
      -print_final_stats=1 -artifact_prefix="$OUT/crashes/$target/" > "$log" 2>&1
  fi
  code=$?
  set -e
  seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
  runs=$(grep -h "stat::number_of_executed_units" "$log" | awk '{s += $2} END {print s + 0}')
  crashes=$(find "$OUT/crashes/$target" -type f | wc -l)
  printf "%-14s %12s %8.1f %10.0f %8s\n" "$target" "$runs" "$seconds" "$(awk -v r="$runs" -v s="$seconds" 'BEGIN {print r / s}')" "$crashes"
  if [ "$code" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    status=1
    echo "  $target failed (exit $code); the end of its log:"; tail -25 "$log" | sed 's/^/    /'
  fi
done
exit $status
