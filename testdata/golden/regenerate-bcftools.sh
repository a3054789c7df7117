#!/usr/bin/env bash
# Regenerates the bcftools golden outputs the VCF reader's differential tests compare against:
#   bcftools/<file>.GT.tsv     bcftools query -f '[%GT\t]\n'
#   bcftools/<file>.sites.tsv  bcftools query -f '%CHROM\t%POS\t%ID\t%REF\t%ALT\t%QUAL\t%FILTER[\t%INFO/KEY for each ##INFO key]\n'
#   bcftools/<file>.FORMAT.tsv bcftools query -f '[%KEY1 %KEY2 …\t]\n' over the ##FORMAT keys other than GT (when there are any)
# The first line of each .sites.tsv and .FORMAT.tsv is "# <the format string>", so the tests know which keys it lists.
# Files bcftools cannot read get no goldens; their names and bcftools' first error go to bcftools/UNREADABLE.tsv.
#
# Made with bcftools 1.16 (htslib 1.16), Debian 12 package. Other versions may print some values differently;
# the script refuses to run with another unless BCFTOOLS_ANY_VERSION=1.
# Run from anywhere: testdata/golden/regenerate-bcftools.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
testdata=$(dirname "$here")
out="$here/bcftools"
expected_version="1.16"

version=$(bcftools --version | head -1 | awk '{print $2}')
if [[ "$version" != "$expected_version" && "${BCFTOOLS_ANY_VERSION:-0}" != 1 ]]; then
  echo "bcftools $version found; the goldens were made with $expected_version (set BCFTOOLS_ANY_VERSION=1 to override)" >&2
  exit 1
fi

# Every shared test VCF that has samples and GT calls (the rows of testdata/MANIFEST.tsv they come from say why each is interesting).
files=(
  htslib/vcf44_1.vcf
  htslib/noroundtrip.vcf
  htslib/noroundtrip-out.vcf
  htslib/test-vcf-hdr-in.vcf
  htslib/vcf_file.vcf
  bcftools/view.vcf
  bcftools/view.GT.vcf
  bcftools/view.chrs.vcf
  bcftools/view.vectors.vcf
  bcftools/view.omitgenotypes.vcf
  bcftools/vcf2sex.vcf
  bcftools/fixploidy.vcf
  bcftools/checkploidy.2.vcf
  bcftools/mendelian.vcf
  bcftools/convert.vcf
  bcftools/convert.hap-missing.vcf
  bcftools/norm.vcf
  bcftools/norm.phased-split.vcf
  bcftools/many.alleles.vcf
  bcftools/query.filter.4.vcf
  bcftools/trio-stats.vcf
  bcftools/fill-tags-hemi.vcf
  bcftools/fill-tags-AN0.vcf
  bcftools/merge.symbolic.1.b.vcf
  bcftools/consensus.16.vcf
  bcftools/prune.2.vcf
  bcftools/setGT.2.vcf
  bcftools/roh.1.vcf.gz
  bcftools/gvcfz.vcf
  bcftools/dosage.vcf
  hts-specs/examples/vcf/simple.vcf
  hts-specs/examples/vcf/sv44.vcf
  cyvcf2/test-haploidX.vcf
  cyvcf2/test-format-string.vcf
  cyvcf2/test-genotypes.vcf
  cyvcf2/test.comp_het.3.vcf
  cyvcf2/test-alt-repr.vcf
  cyvcf2/test-strict-gt-option-flag.vcf.gz
  cyvcf2/test.warnings.vcf.gz
  cyvcf2/test-invalid-header.vcf
  cyvcf2/issue_44.vcf
  cyvcf2/multi-contig.vcf.gz
  cyvcf2/o.vcf.gz
  cyvcf2/test.mnp.vcf
  bio2zarr/1kg_2020_chrM.vcf.gz
  bio2zarr/chr_m_indels.vcf.gz
  bio2zarr/mixed_ploidy.vcf.gz
  bio2zarr/triploid.vcf.gz
  bio2zarr/triploid2.vcf.gz
  bio2zarr/triploid3.vcf.gz
  bio2zarr/sample.vcf.gz
  bio2zarr/sample_all_missing_gts.vcf.gz
  bio2zarr/sample_missing_contig.vcf.gz
  bio2zarr/example.vcf
  bio2zarr/example_with_fam.vcf
  bio2zarr/plink_sim_10s_100v_10pmiss.vcf
  sgkit/allele_overflow.vcf
  sgkit/mixed.vcf
  sgkit/info_name_clash.vcf
  sgkit/no_filter_defined.vcf
  sgkit/sample_multiple_filters.vcf
  sgkit/simple.output.mixed_depth.likelihoods.vcf
  hts-specs/test/vcf/4.3/passed/complexfile_passed_000.vcf
  hts-specs/test/vcf/4.3/passed/passed_body_alt.vcf
  hts-specs/test/vcf/4.3/passed/passed_body_chrom.vcf
  hts-specs/test/vcf/4.3/passed/passed_body_filter.vcf
  hts-specs/test/vcf/4.3/passed/passed_body_id.vcf
  hts-specs/test/vcf/4.3/passed/passed_body_info.vcf
  hts-specs/test/vcf/4.3/passed/passed_body_pos.vcf
  hts-specs/test/vcf/4.3/passed/passed_body_qual.vcf
  hts-specs/test/vcf/4.3/passed/passed_body_ref.vcf
  hts-specs/test/vcf/4.3/passed/passed_body_samples.vcf
  hts-specs/test/vcf/4.3/passed/passed_fileformat_header_002.vcf
  hts-specs/test/vcf/4.3/passed/passed_ploidy_000.vcf
  hts-specs/test/vcf/4.3/passed/passed_ploidy_001.vcf
  hts-specs/test/vcf/4.3/passed/passed_symbolic_duplicates.vcf
)

rm -rf "$out"
mkdir -p "$out"
printf 'file\tbcftools_error\n' > "$out/UNREADABLE.tsv"
for file in "${files[@]}"; do
  input="$testdata/$file"
  mkdir -p "$out/$(dirname "$file")"
  format='%CHROM\t%POS\t%ID\t%REF\t%ALT\t%QUAL\t%FILTER'
  for key in $(bcftools view -h "$input" 2>/dev/null | sed -n 's/^##INFO=<ID=\([^,>]*\).*/\1/p' | awk '!seen[$0]++'); do
    format+="\\t%INFO/$key"
  done
  format+='\n'
  if ! gt=$(bcftools query -f '[%GT\t]\n' "$input" 2>/tmp/bcftools.err) || grep -q '^\[E::' /tmp/bcftools.err \
     || ! sites=$(bcftools query -f "$format" "$input" 2>>/tmp/bcftools.err); then
    printf '%s\t%s\n' "$file" "$(grep -m1 -E 'E::|Error|Failed' /tmp/bcftools.err | tr '\t' ' ')" >> "$out/UNREADABLE.tsv"
    continue
  fi
  printf '%s\n' "$gt" > "$out/$file.GT.tsv"
  keys=$(bcftools view -h "$input" 2>/dev/null | sed -n 's/^##FORMAT=<ID=\([^,>]*\).*/\1/p' | awk '$0 != "GT" && !seen[$0]++' | sed 's/^/%/' | paste -sd' ')
  if [[ -n "$keys" ]] && samples=$(bcftools query -f "[$keys\t]\n" "$input" 2>/dev/null); then
    { printf '# [%s\\t]\n' "$keys"; printf '%s\n' "$samples"; } > "$out/$file.FORMAT.tsv"
  fi
  { printf '# %s\n' "$format" | sed 's/\\n$//'; printf '%s\n' "$sites"; } > "$out/$file.sites.tsv"
done
echo "goldens written to $out ($(find "$out" -name '*.GT.tsv' | wc -l) files; unreadable: $(($(wc -l < "$out/UNREADABLE.tsv") - 1)))"
