#!/usr/bin/env bash
# Regenerates testdata/golden/summary/: what plink2 and bcftools report as allele frequencies, genotype counts and
# HWE p-values for the shared test data, per cohort. The summary tests (tests/Genomics.Tests/Stats/*Golden*) compute
# the same with `genomics summarize` and compare; plink2 and bcftools are needed only to run this script.
#
#   apt-get update && apt-get install -y plink2 bcftools
#   bash testdata/golden/regenerate-summary.sh
#
# Written here:
#   summary_dummy.{bed,bim,fam}  plink2 --dummy 200 × 300 (--seed, --threads 1: reproducible), then made to hold
#                                chrX (variants 201-240, some inside the hg19 PAR1), chrY (241-270) and MT (271-300)
#                                sites, and sexes 1/2/0 by sample (every third sample male), with awk.
#   summary_dummy.vcf            plink2 --export vcf of that fileset (the dated header line dropped).
#   summary_dummy.cohorts.tsv    sample_id, pop (5 values) and site (2 values); 8 samples unlisted, one listed sample
#                                absent from the data.
#   plink/par_hg19_summary_dummy.ALL.*  the same with --split-par hg19.
#   plink/NAME.COHORT.{afreq,gcount,hardy[,hardy.x]}  plink2 --freq --geno-counts --hardy, COHORT = ALL or
#                                column=value (with --keep of its members) for summary_dummy.
#   vcf/PATH.pops.txt            the populations (bcftools -S form, with the VCF's own sample names): samples in order, pops A, B, C in turn, the last sample unlisted.
#   vcf/PATH.tsv                 bcftools annotate -x INFO | +fill-tags -- -S pops -t AC,AN,AF,AC_Het,AC_Hom,AC_Hemi,HWE,NS
#                                printed by bcftools query: CHROM POS REF ALT, then NS AN AC AF AC_Het AC_Hom AC_Hemi HWE
#                                for all samples and for each pop (the first line, '#', names the columns).
#   VERSIONS                     plink2 --version and bcftools --version.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
testdata=$(dirname "$here")
out="$here/summary"

for tool in plink2 bcftools; do
    if ! command -v "$tool" >/dev/null; then
        echo "$tool is not installed: apt-get update && apt-get install -y plink2 bcftools" >&2
        exit 1
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out/plink" "$out/vcf"
{ plink2 --version; bcftools --version | head -2; } > "$out/VERSIONS"

# --- the dummy fileset with X/Y/MT and males -------------------------------------------------------------------------
plink2 --dummy 200 300 0.05 acgt --seed 20261207 --threads 1 --make-bed --out "$work/d" >/dev/null
awk 'BEGIN { OFS = "\t" }
     NR <= 200 { $1 = 1 + int((NR - 1) / 10); $4 = 1000 * NR; print; next }
     NR <= 240 { $1 = "X"; $4 = (NR <= 205) ? 100000 + 1000 * NR : 5000000 + 1000 * NR; print; next }
     NR <= 270 { $1 = "Y"; $4 = 3000000 + 1000 * NR; print; next }
               { $1 = "MT"; $4 = NR; print }' "$work/d.bim" > "$out/summary_dummy.bim"
awk 'BEGIN { OFS = " " } { $5 = (NR % 3 == 0) ? 1 : (NR % 3 == 1) ? 2 : 0; print }' "$work/d.fam" > "$out/summary_dummy.fam"
cp "$work/d.bed" "$out/summary_dummy.bed"
# The same genotypes as VCF text (males haploid on X and Y, as plink2 exports them), for the VCF = .bed = dataset test.
plink2 --bfile "$out/summary_dummy" --export vcf --threads 1 --out "$work/dv" >/dev/null
grep -v '^##fileDate' "$work/dv.vcf" > "$out/summary_dummy.vcf"
awk 'BEGIN { OFS = "\t"; print "sample_id", "pop", "site" }
     NR % 25 != 7 { print $2, "P" (1 + NR % 5), (NR % 2 ? "north" : "south") }
     END { print "not_in_data", "P1", "north" }' "$out/summary_dummy.fam" > "$out/summary_dummy.cohorts.tsv"

stats() { # fileset prefix, output prefix, extra plink2 arguments…
    local bfile=$1 prefix=$2
    shift 2
    # --nonfounders: --freq and --hardy count every sample, as --geno-counts does (a .fam with parents has founders only otherwise).
    plink2 --bfile "$bfile" "$@" --nonfounders --freq --geno-counts --hardy --threads 1 --out "$work/o" >/dev/null 2>"$work/err" || {
        echo "plink2 failed on $bfile: $(grep -m1 -i error "$work/err")" >&2
        return 1
    }
    for ext in afreq gcount hardy hardy.x; do
        [[ -f "$work/o.$ext" ]] && mv "$work/o.$ext" "$prefix.$ext"
    done
    rm -f "$work"/o.*
}

stats "$out/summary_dummy" "$out/plink/summary_dummy.ALL"
# chrX sites 201-205 lie inside the hg19 PAR1: plink2 --split-par hg19 makes them diploid for males (summarize --par hg19).
stats "$out/summary_dummy" "$out/plink/par_hg19_summary_dummy.ALL" --split-par hg19
for column in 2 3; do
    name=$(head -1 "$out/summary_dummy.cohorts.tsv" | cut -f"$column")
    for value in $(tail -n +2 "$out/summary_dummy.cohorts.tsv" | cut -f"$column" | sort -u); do
        awk -v c="$column" -v v="$value" 'NR == FNR { if (FNR > 1 && $c == v) keep[$1] = 1; next } ($2 in keep) { print $1, $2 }' \
            "$out/summary_dummy.cohorts.tsv" "$out/summary_dummy.fam" > "$work/keep"
        stats "$out/summary_dummy" "$out/plink/summary_dummy.$name=$value" --keep "$work/keep"
    done
done

# Every shared PLINK fileset that plink2 reads (sample-major and deliberately broken ones are left out).
filesets=(
    bed-reader/small bed-reader/some_missing bed-reader/sparse
    bio2zarr/example bio2zarr/example_with_fam pandas-plink/data
    golden/plink2/dummy_n1_m9 golden/plink2/dummy_n2_m11 golden/plink2/dummy_n3_m17 golden/plink2/dummy_n4_m12
    golden/plink2/dummy_n5_m20 golden/plink2/dummy_n7_m13 golden/plink2/dummy_n9_m31 golden/plink2/dummy_n16_m8
    golden/plink2/dummy_n33_m40 golden/plink2/dummy_n70_m25
)
for fileset in "${filesets[@]}"; do
    stats "$testdata/$fileset" "$out/plink/$(echo "$fileset" | tr '/' '_').ALL" --allow-extra-chr || continue
done
# plink2 refuses IID '0', which plink_sim_10s_100v_10pmiss.fam uses: it reads a copy whose IIDs carry an "S_" prefix
# (same .bed and .bim; the summary of ALL does not depend on sample names).
cp "$testdata/bed-reader/plink_sim_10s_100v_10pmiss.bed" "$testdata/bed-reader/plink_sim_10s_100v_10pmiss.bim" "$work/"
awk 'BEGIN { OFS = "\t" } { $2 = "S_" $2; print }' "$testdata/bed-reader/plink_sim_10s_100v_10pmiss.fam" > "$work/plink_sim_10s_100v_10pmiss.fam"
stats "$work/plink_sim_10s_100v_10pmiss" "$out/plink/bed-reader_plink_sim_10s_100v_10pmiss.ALL"

# --- bcftools +fill-tags on the shared VCFs with genotypes -------------------------------------------------------------
vcfs=(
    bcftools/fill-tags-hemi.vcf bcftools/fill-tags-AN0.vcf bcftools/view.vcf bcftools/view.GT.vcf bcftools/vcf2sex.vcf
    bcftools/fixploidy.vcf bcftools/checkploidy.2.vcf bcftools/mendelian.vcf bcftools/convert.vcf
    bcftools/convert.hap-missing.vcf bcftools/norm.vcf bcftools/many.alleles.vcf bcftools/trio-stats.vcf
    bcftools/prune.2.vcf bcftools/setGT.2.vcf bcftools/query.filter.4.vcf
    bio2zarr/example.vcf bio2zarr/plink_sim_10s_100v_10pmiss.vcf bio2zarr/mixed_ploidy.vcf.gz bio2zarr/triploid.vcf.gz
    bio2zarr/sample.vcf.gz bio2zarr/1kg_2020_chrM.vcf.gz
    cyvcf2/test-haploidX.vcf cyvcf2/test-genotypes.vcf cyvcf2/test.comp_het.3.vcf
    hts-specs/examples/vcf/simple.vcf sim/demo.vcf.gz
)
tags=(NS AN AC AF AC_Het AC_Hom AC_Hemi HWE)
for vcf in "${vcfs[@]}"; do
    input="$testdata/$vcf"
    mkdir -p "$out/vcf/$(dirname "$vcf")"
    pops="$out/vcf/$vcf.pops.txt"
    bcftools query -l "$input" | awk '{ line[NR] = $1 } END { for (i = 1; i <= NR; i++) if (i < NR || NR < 4) print line[i] "\t" substr("ABC", 1 + (i - 1) % 3, 1) }' > "$pops"
    format='%CHROM\t%POS\t%REF\t%ALT'
    header='CHROM\tPOS\tREF\tALT'
    for suffix in "" $(cut -f2 "$pops" | sort -u | sed 's/^/_/'); do
        for tag in "${tags[@]}"; do
            format+="\\t%INFO/$tag$suffix"
            header+="\\t$tag$suffix"
        done
    done
    # bcftools 1.16 refuses a -S file naming a sample of fewer than three characters, so it reads a copy whose
    # samples carry an "S_" prefix (same order, same calls) with the same prefix in its -S file.
    bcftools query -l "$input" | awk '{ print $1 " S_" $1 }' > "$work/names"
    bcftools reheader -s "$work/names" -o "$work/renamed" "$input"
    awk -F'\t' '{ print "S_" $1 "\t" $2 }' "$pops" > "$work/pops"
    if ! bcftools annotate -x INFO "$work/renamed" 2>"$work/err" \
        | bcftools +fill-tags -- -S "$work/pops" -t AC,AN,AF,AC_Het,AC_Hom,AC_Hemi,HWE,NS 2>>"$work/err" \
        | bcftools query -f "$format\n" > "$work/q" 2>>"$work/err"; then
        echo "bcftools failed on $vcf: $(head -1 "$work/err")" >&2
        rm -f "$pops"
        continue
    fi
    { printf "#$header\n"; cat "$work/q"; } > "$out/vcf/$vcf.tsv"
done

# MANIFEST rows of the generated inputs (the outputs are goldens, described here).
manifest="$testdata/MANIFEST.tsv"
grep -v '^golden/summary/' "$manifest" > "$work/manifest"
license='NA (generated by plink2; no third-party data)'
for file in summary_dummy.bed summary_dummy.bim summary_dummy.fam summary_dummy.vcf summary_dummy.cohorts.tsv; do
    case "$file" in
        *.bed) what='plink2 --dummy 200 x 300, missing 0.05, acgt, seed 20261207; .bim/.fam edited for chrX (incl. hg19 PAR1)/Y/MT and sexes' ;;
        *.bim) what='chromosomes 1-20, X (201-240), Y (241-270), MT (271-300)' ;;
        *.fam) what='sex 2, 0, 1 in turn (every third sample male)' ;;
        *.vcf) what='plink2 --export vcf of summary_dummy (haploid male X/Y calls)' ;;
        *) what='cohorts file: pop (5 values), site (2 values), 8 samples unlisted, one listed sample absent from the data' ;;
    esac
    printf 'golden/summary/%s\tgenerated\ttestdata/golden/regenerate-summary.sh\tNA\t%s\t%s\t200\t300\t%s\n' \
        "$file" "$license" "$what" "$(wc -c < "$out/$file")" >> "$work/manifest"
done
cp "$work/manifest" "$manifest"

echo "goldens written to $out: $(ls "$out/plink" | wc -l) plink2 files, $(find "$out/vcf" -name '*.tsv' | wc -l) bcftools tables"
