#!/usr/bin/env bash
# Regenerates testdata/golden/plink2-make-bed/: what `plink2 --vcf F --make-bed` writes for the shared test VCFs
# with genotypes. The export tests convert each VCF to a dataset, export it with `genomics export-plink` and compare
# the three files byte for byte. `--max-alleles 2` drops multi-allelic sites, as export-plink skips them (plink2
# --make-bed refuses them otherwise). Files plink2 cannot read get no golden; their names and plink2's error go to
# plink2-make-bed/UNREADABLE.tsv. plink2 is needed only to run this script, never to run the tests.
#
#   apt-get update && apt-get install -y plink2
#   bash testdata/golden/regenerate-plink2-make-bed.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
testdata=$(dirname "$here")
out="$here/plink2-make-bed"

if ! command -v plink2 >/dev/null; then
    echo "plink2 is not installed: apt-get update && apt-get install -y plink2" >&2
    exit 1
fi

files=(
  sim/demo.vcf.gz
  bio2zarr/plink_sim_10s_100v_10pmiss.vcf
  bio2zarr/example.vcf
  bcftools/view.vcf
  bcftools/view.GT.vcf
  bcftools/vcf2sex.vcf
  bcftools/fixploidy.vcf
  bcftools/mendelian.vcf
  bcftools/convert.vcf
  bcftools/trio-stats.vcf
  bcftools/fill-tags-hemi.vcf
  bcftools/prune.2.vcf
  bcftools/setGT.2.vcf
  bcftools/many.alleles.vcf
  cyvcf2/test-haploidX.vcf
  hts-specs/examples/vcf/simple.vcf
)

rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'file\tplink2 error\n' > "$out/UNREADABLE.tsv"
for f in "${files[@]}"; do
  name=${f//\//__}
  if plink2 --vcf "$testdata/$f" --make-bed --max-alleles 2 --allow-extra-chr --threads 1 --out "$work/$name" > /dev/null 2>&1; then
    for ext in bed bim fam; do cp "$work/$name.$ext" "$out/$name.$ext"; done
  else
    printf '%s\t%s\n' "$f" "$(grep -m1 '^Error' "$work/$name.log" || tail -1 "$work/$name.log")" >> "$out/UNREADABLE.tsv"
  fi
done
plink2 --version > "$out/VERSION"
echo "wrote $(ls "$out"/*.bed 2>/dev/null | wc -l) goldens to $out"
