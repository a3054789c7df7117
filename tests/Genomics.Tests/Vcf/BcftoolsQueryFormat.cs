using System.Globalization;
using System.Text;
using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

/// <summary>Renders parsed batches the way <c>bcftools query</c> prints the same fields, for comparing with the goldens.</summary>
internal static class BcftoolsQueryFormat
{
    /// <summary>One line of <c>[%GT\t]\n</c> per variant.</summary>
    public static IEnumerable<string> GenotypeLines(VcfBatch batch)
    {
        var genotypes = batch.Genotypes;
        for (var variant = 0; variant < batch.Count; variant++)
        {
            var line = new StringBuilder();
            for (var sample = 0; sample < batch.SampleCount; sample++)
            {
                line.Append(Call(genotypes, variant, sample)).Append('\t');
            }

            yield return line.ToString();
        }
    }

    /// <summary>One line of <c>%CHROM\t%POS\t%ID\t%REF\t%ALT\t%QUAL\t%FILTER[\t%INFO/key]</c> per variant.</summary>
    public static IEnumerable<string> SiteLines(VcfBatch batch, IReadOnlyList<string> infoKeys)
    {
        var positions = batch.Positions.ToArray();
        var contigs = batch.ContigIndexes.ToArray();
        var quals = batch.Quals.Values.ToArray();
        for (var variant = 0; variant < batch.Count; variant++)
        {
            var fields = new List<string>
            {
                batch.Contigs[contigs[variant]].Id,
                positions[variant].ToString(CultureInfo.InvariantCulture),
                batch.Ids.GetString(variant) ?? ".",
                batch.Refs.GetString(variant)!,
                Joined(batch.Alts, variant, ",") ?? ".",
                batch.Quals.IsNull(variant) ? "." : CFloatFormat.G(quals[variant]),
                Joined(batch.Filters, variant, ";") ?? ".",
            };
            foreach (var key in infoKeys)
            {
                fields.Add(batch.FindInfo(key) is { } column ? Info(column, variant) : ".");
            }

            yield return string.Join('\t', fields);
        }
    }

    /// <summary>
    /// One line of <c>[%KEY1 %KEY2 …\t]\n</c> per variant. The dataset keeps a missing value and a value a sample
    /// does not have (htslib's vector end) both as null, so trailing missing values are dropped here and, by the
    /// caller, from bcftools' output too (see <see cref="TrimTrailingMissing"/>).
    /// </summary>
    public static IEnumerable<string> FormatLines(VcfBatch batch, IReadOnlyList<string> keys)
    {
        var columns = keys.Select(batch.FindFormat).ToArray();
        for (var variant = 0; variant < batch.Count; variant++)
        {
            var line = new StringBuilder();
            for (var sample = 0; sample < batch.SampleCount; sample++)
            {
                line.Append(string.Join(' ', columns.Select(c => c is null ? "." : SampleValues(c, variant, sample)))).Append('\t');
            }

            yield return line.ToString();
        }
    }

    /// <summary>"1,.,." → "1", ".,." → ".": the part of a printed vector that survives the dataset's null padding.</summary>
    public static string TrimTrailingMissing(string vector)
    {
        var values = vector.Split(',');
        var kept = values.Length;
        while (kept > 0 && values[kept - 1] == ".")
        {
            kept--;
        }

        return kept == 0 ? "." : string.Join(',', values[..kept]);
    }

    private static string SampleValues(VcfFormatColumn column, int variant, int sample)
    {
        if (column.List.IsNull(variant))
        {
            return ".";
        }

        var perSample = column.ValuesPerSample.Span[variant];
        var (start, _) = column.List.GetRange(variant).GetOffsetAndLength(column.List.Values.Count);
        var first = start + (sample * perSample);
        return TrimTrailingMissing(string.Join(',', Enumerable.Range(first, perSample).Select(i => Value(column.List.Values, i))));
    }

    public static string Call(VcfGenotypes genotypes, int variant, int sample)
    {
        if (!genotypes.HasCalls.Span[variant] || genotypes.Ploidy == 0)
        {
            return ".";
        }

        var alleles = genotypes.GetAlleles(variant).Slice(sample * genotypes.Ploidy, genotypes.Ploidy);
        var separator = genotypes.IsPhased(variant, sample) ? '|' : '/';
        var text = new StringBuilder();
        foreach (var allele in alleles)
        {
            if (allele == -2)
            {
                break;
            }

            if (text.Length > 0)
            {
                text.Append(separator);
            }

            text.Append(allele < 0 ? "." : allele.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string Info(VcfInfoColumn column, int variant)
    {
        if (column.Scalar is { } scalar)
        {
            if (scalar is BooleanValues flags)
            {
                return flags.Values.Span[variant] ? "1" : ".";
            }

            return Value(scalar, variant);
        }

        var list = column.List!;
        if (list.IsNull(variant))
        {
            return ".";
        }

        var (start, length) = list.GetRange(variant).GetOffsetAndLength(list.Values.Count);
        return string.Join(',', Enumerable.Range(start, length).Select(i => Value(list.Values, i)));
    }

    private static string Value(VcfValues values, int index) => values.IsNull(index)
        ? "."
        : values switch
        {
            IntegerValues integers => integers.GetInt64(index).ToString(CultureInfo.InvariantCulture),
            FloatValues floats => CFloatFormat.G(floats.Values.Span[index]),
            StringValues strings => strings.GetString(index)!,
            _ => throw new InvalidOperationException(values.GetType().Name),
        };

    private static string? Joined(VcfListColumn list, int variant, string separator)
    {
        if (list.IsNull(variant))
        {
            return null;
        }

        var (start, length) = list.GetRange(variant).GetOffsetAndLength(list.Values.Count);
        return length == 0 ? null : string.Join(separator, Enumerable.Range(start, length).Select(i => ((StringValues)list.Values).GetString(i)));
    }
}
