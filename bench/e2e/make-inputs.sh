#!/usr/bin/env bash
# Builds (and caches) the inputs of the end-to-end comparison in bench/work/inputs/.
# Every builder prints the path of what it built on stdout (and nothing else),
# so compare.py and people can both call it. An input is rebuilt only when its
# stamp file (NAME.ok) is missing: files are built under a temporary name and
# renamed when complete, so an interrupted build is redone next time.
#
# Usage:
#   make-inputs.sh dummy N M              PLINK 1 fileset from `plink2 --dummy`; prints the prefix
#   make-inputs.sh dummy-vcf N M          the same fileset exported as BGZF VCF; prints X.vcf.gz
#   make-inputs.sh sim N M SEED [OPTS]    simvcf.py N M SEED OPTS | bgzip; prints X.vcf.gz
#                                         (OPTS: --format GT:DP:GQ:AD, --chrx, --phased)
#   make-inputs.sh cohorts-bfile PREFIX K cohorts file for a fileset (K=1: a `sample_id`-only file,
#                                         i.e. just the ALL cohort) plus the plink2 --pheno file
#                                         with a categorical POP column; prints the cohorts file
#   make-inputs.sh cohorts-vcf VCF K      cohorts file for a VCF plus bcftools' -S pops file;
#                                         prints the cohorts file
#   make-inputs.sh textsize VCF           bytes of uncompressed VCF text (cached)
#
# Derived file names (next to the input):
#   PREFIX.cohortsK.tsv / PREFIX.phenoK.txt      (cohorts-bfile)
#   BASE.cohortsK.tsv   / BASE.popsK.txt         (cohorts-vcf, BASE = VCF without .vcf.gz)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
inputs=${BENCH_INPUTS:-$repo/bench/work/inputs}
# simvcf.py is shared by the projects of this workplace and lives beside the
# repository (../shared/tools/simvcf.py from the repository root).
simvcf=${SIMVCF:-$repo/../shared/tools/simvcf.py}
# Missing-call rate per variant for --dummy (plink2 picks one of the listed
# rates for each variant), so the inputs carry some missing genotypes.
dummy_missing=${DUMMY_MISSING:-0.01}
seed=${DUMMY_SEED:-1}

mkdir -p "$inputs"
log() { echo "make-inputs: $*" >&2; }

# simvcf.py needs numpy. Debian's python3-numpy is installed for /usr/bin/python3,
# which is not necessarily the `python3` first on PATH (pyenv shims, venvs).
pick_python() {
    local py
    for py in ${PYTHON:-} /usr/bin/python3 python3; do
        if "$py" -c 'import numpy' >/dev/null 2>&1; then echo "$py"; return; fi
    done
    log "no python3 with numpy found (apt-get install python3-numpy)"; exit 1
}

# Threads for the builders (bgzip, plink2). Building is not measured.
threads=${BUILD_THREADS:-2}

build_dummy() { # N M -> prefix
    local n=$1 m=$2
    local prefix=$inputs/dummy_n${n}_m${m}
    if [[ ! -f $prefix.ok ]]; then
        log "building $prefix.{bed,bim,fam} (plink2 --dummy $n $m)"
        local tmp=$prefix.tmp
        # --dummy N M MISSING acgt: N samples, M SNPs, MISSING = missing-call
        # frequency, acgt = real bases instead of A/B alleles (VCF needs them).
        # --dummy has no option for sex or chrX: every sample is female and
        # every variant is on chromosome 1 at positions 0..M-1 (note POS 0 in
        # the exported VCF). chrX/haploid coverage comes from simvcf --chrx.
        # --seed makes the fileset reproducible; --make-bed because --dummy
        # alone writes .pgen.
        plink2 --dummy "$n" "$m" "$dummy_missing" acgt --seed "$seed" --threads "$threads" \
            --make-bed --out "$tmp" >/dev/null
        for ext in bed bim fam; do mv -f "$tmp.$ext" "$prefix.$ext"; done
        mv -f "$tmp.log" "$prefix.build.log"
        touch "$prefix.ok"
    fi
    echo "$prefix"
}

build_dummy_vcf() { # N M -> vcf.gz
    local prefix
    prefix=$(build_dummy "$1" "$2")
    if [[ ! -f $prefix.vcf.ok ]]; then
        log "exporting $prefix.vcf.gz (plink2 --export vcf bgz)"
        # 'bgz' = BGZF-compressed output. No id-paste option needed: --dummy
        # sets FID to 0, so the VCF sample names are the IIDs (per0, per1, ...).
        plink2 --bfile "$prefix" --export vcf bgz --threads "$threads" --out "$prefix.tmp" >/dev/null
        mv -f "$prefix.tmp.vcf.gz" "$prefix.vcf.gz"
        rm -f "$prefix.tmp.log"
        touch "$prefix.vcf.ok"
    fi
    echo "$prefix.vcf.gz"
}

build_sim() { # N M SEED [opts...] -> vcf.gz
    local n=$1 m=$2 s=$3; shift 3
    local tag=""
    local a
    for a in "$@"; do tag+="_${a#--}"; done
    tag=${tag//:/-}
    local out=$inputs/sim_n${n}_m${m}_s${s}${tag}.vcf.gz
    if [[ ! -f ${out%.vcf.gz}.ok ]]; then
        [[ -f $simvcf ]] || { log "simvcf.py not found at $simvcf (set SIMVCF=...)"; exit 1; }
        local py
        py=$(pick_python)
        log "building $out (simvcf.py $n $m $s $*)"
        "$py" "$simvcf" "$n" "$m" "$s" "$@" | bgzip -@ "$threads" -c > "$out.tmp"
        mv -f "$out.tmp" "$out"
        touch "${out%.vcf.gz}.ok"
    fi
    echo "$out"
}

vcf_samples() { # vcf.gz -> one sample name a line
    bcftools query -l "$1"
}

# Populations get unequal sizes, as real cohorts do: POPj is drawn with weight
# 1/(j+1) (for 5 pops about 35/23/17/14/11 %), from awk's generator with a fixed
# seed, so the files are reproducible.
# awk prints: sample <TAB> popname
assign_pops() { # K < names
    awk -v k="$1" 'BEGIN { srand(7); tot = 0
                          for (j = 1; j <= k; j++) { w[j] = 1.0 / (j + 1); tot += w[j] } }
                   { r = rand() * tot; c = 0
                     for (j = 1; j <= k; j++) { c += w[j]; if (r < c || j == k) break }
                     print $0 "\tPOP" j }'
}

build_cohorts_bfile() { # prefix K -> cohorts tsv
    local prefix=$1 k=$2
    local tsv=$prefix.cohorts$k.tsv pheno=$prefix.pheno$k.txt
    if [[ ! -f $tsv || ! -f $pheno || $prefix.fam -nt $tsv ]]; then
        log "building $tsv and $pheno"
        if [[ $k -le 1 ]]; then
            # One cohort = ALL only: a cohorts file with no categorical column.
            { printf 'sample_id\n'; awk '{print $2}' "$prefix.fam"; } > "$tsv.tmp"
            { printf '#FID\tIID\tPOP\n'; awk '{print $1 "\t" $2 "\tALL"}' "$prefix.fam"; } > "$pheno.tmp"
        else
            # .fam: FID IID ... ; pops keyed by IID (the engine's sample_id).
            awk '{print $1 "\t" $2}' "$prefix.fam" | assign_pops "$k" > "$prefix.pops.tmp"
            { printf 'sample_id\tpop\n'; awk -F'\t' '{print $2 "\t" $3}' "$prefix.pops.tmp"; } > "$tsv.tmp"
            # plink2 --pheno: header names FID and IID so samples match the .fam
            # exactly; the values start with a letter so plink2 reads POP as a
            # categorical phenotype, which --loop-cats requires.
            { printf '#FID\tIID\tPOP\n'; cat "$prefix.pops.tmp"; } > "$pheno.tmp"
            rm -f "$prefix.pops.tmp"
        fi
        mv -f "$tsv.tmp" "$tsv"; mv -f "$pheno.tmp" "$pheno"
    fi
    echo "$tsv"
}

build_cohorts_vcf() { # vcf K -> cohorts tsv
    local vcf=$1 k=$2
    local base=${vcf%.vcf.gz}
    local tsv=$base.cohorts$k.tsv pops=$base.pops$k.txt
    if [[ ! -f $tsv || ! -f $pops || $vcf -nt $tsv ]]; then
        log "building $tsv and $pops"
        vcf_samples "$vcf" | assign_pops "$k" > "$pops.tmp"
        { printf 'sample_id\tpop\n'; cat "$pops.tmp"; } > "$tsv.tmp"
        # bcftools +fill-tags -S: sample name, whitespace, population name.
        mv -f "$pops.tmp" "$pops"; mv -f "$tsv.tmp" "$tsv"
    fi
    echo "$tsv"
}

textsize() { # vcf.gz -> bytes of text
    local vcf=$1
    local f=${vcf%.vcf.gz}.textbytes
    if [[ ! -s $f || $f -ot $vcf ]]; then
        bgzip -dc -@ "$threads" "$vcf" | wc -c | tr -d ' ' > "$f"
    fi
    cat "$f"
}

cmd=${1:-}
[[ -n $cmd ]] || { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 2; }
shift
case $cmd in
    dummy) build_dummy "$@" ;;
    dummy-vcf) build_dummy_vcf "$@" ;;
    sim) build_sim "$@" ;;
    cohorts-bfile) build_cohorts_bfile "$@" ;;
    cohorts-vcf) build_cohorts_vcf "$@" ;;
    textsize) textsize "$@" ;;
    *) log "unknown builder '$cmd'"; exit 2 ;;
esac
