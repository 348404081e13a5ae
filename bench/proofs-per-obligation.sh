#!/usr/bin/env bash
# Per-obligation proof times: runs `persona prove` RUNS times in one go and prints the median time of each
# obligation, the median total, and the slowest obligations, as markdown (used for bench/results/proofs.md).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
out=$(mktemp -d)
dotnet build src/Persona.Cli -c Release -v q -nologo >/dev/null
for i in $(seq 1 "$runs"); do
  ./src/Persona.Cli/bin/Release/net10.0/persona prove --results "$out/run$i.json" --failures-only >/dev/null
done
python3 - "$out" "$runs" <<'PY'
import json, statistics, sys, collections
out, runs = sys.argv[1], int(sys.argv[2])
per = collections.defaultdict(list); totals = []; kinds = collections.defaultdict(list)
for i in range(1, runs + 1):
    run = json.load(open(f"{out}/run{i}.json"))
    totals.append(run["TotalMilliseconds"])
    for r in run["Results"]:
        per[r["Id"]].append(r["Milliseconds"])
        assert r["Status"] == "Proved", r["Id"]
med = {k: statistics.median(v) for k, v in per.items()}
for k, v in med.items(): kinds[k.split(".")[0]].append(v)
print(f"- obligations: {len(med)}, runs: {runs}")
print(f"- total wall time per run: median {statistics.median(totals)/1000:.2f} s (min {min(totals)/1000:.2f}, max {max(totals)/1000:.2f})")
print(f"- sum of per-obligation medians: {sum(med.values())/1000:.2f} s\n")
print("| kind | obligations | median per obligation (ms) | max (ms) | sum (s) |\n|---|---|---|---|---|")
for k in sorted(kinds):
    v = kinds[k]; print(f"| {k} | {len(v)} | {statistics.median(v):.1f} | {max(v):.1f} | {sum(v)/1000:.2f} |")
print("\nSlowest 15 obligations (median ms):\n\n| obligation | ms |\n|---|---|")
for k, v in sorted(med.items(), key=lambda kv: -kv[1])[:15]: print(f"| {k} | {v:.1f} |")
PY
rm -rf "$out"
