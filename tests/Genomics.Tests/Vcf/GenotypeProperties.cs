using FsCheck;
using FsCheck.Fluent;
using Genomics.Genotypes;

namespace Genomics.Tests.Vcf;

/// <summary>A random site: ALT count and the calls of each sample (alleles, -1 missing, and the separator used).</summary>
internal sealed record RandomSite(int AltCount, RandomCall[] Calls, bool WithDepth)
{
    public override string ToString() => $"alts={AltCount} depth={WithDepth} [{string.Join(' ', Calls.Select(c => c.Text))}]";
}

internal sealed record RandomCall(int[] Alleles, char Separator)
{
    public string Text => string.Join(Separator, Alleles.Select(a => a < 0 ? "." : a.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>How this reader prints the call back: phased only when there is a '|' separator.</summary>
    public string Printed => string.Join(Alleles.Length > 1 && Separator == '|' ? '|' : '/', Alleles.Select(a => a < 0 ? "." : a.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

internal static class GenotypeProperties
{
    /// <summary>Mostly diploid one-digit calls (the fast path), with haploid, polyploid, missing and multi-digit ones mixed in.</summary>
    public static Arbitrary<RandomSite[]> Sites { get; } =
        (from samples in Gen.Frequency((3, Gen.Choose(1, 8)), (2, Gen.Choose(9, 70)))
         from count in Gen.Choose(1, 6)
         from sites in Gen.ArrayOf(Site(samples), count)
         select sites).ToArbitrary();

    private static Gen<RandomSite> Site(int samples) =>
        from altCount in Gen.Frequency((6, Gen.Constant(1)), (2, Gen.Choose(2, 4)), (1, Gen.Choose(10, 14)))
        from diploidOnly in Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false)))
        from calls in Gen.ArrayOf(Call(altCount, diploidOnly), samples)
        from withDepth in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new RandomSite(altCount, calls, withDepth);

    private static Gen<RandomCall> Call(int altCount, bool diploidOnly) =>
        from ploidy in diploidOnly ? Gen.Constant(2) : Gen.Frequency((4, Gen.Constant(2)), (2, Gen.Constant(1)), (1, Gen.Choose(3, 4)))
        from alleles in Gen.ArrayOf(Gen.Frequency((8, Gen.Choose(0, altCount)), (1, Gen.Constant(-1))), ploidy)
        from separator in Gen.Elements('/', '|')
        select new RandomCall(alleles, separator);

    public static string Text(RandomSite[] sites)
    {
        string[] meta = ["##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"d\">"];
        var records = new List<string>();
        for (var i = 0; i < sites.Length; i++)
        {
            var site = sites[i];
            var alts = string.Join(',', Enumerable.Range(1, site.AltCount).Select(a => "A" + new string('C', a)));
            var calls = site.Calls.Select(c => site.WithDepth ? c.Text + ":7" : c.Text);
            records.Add($"1\t{i + 1}\t.\tA\t{alts}\t.\t.\t.\t{(site.WithDepth ? "GT:DP" : "GT")}\t{string.Join('\t', calls)}");
        }

        return VcfSnippet.File(meta, [.. Enumerable.Range(0, sites[0].Calls.Length).Select(s => $"S{s}")], [.. records]);
    }

    /// <summary>The packed row a site should have, or null when it should have none.</summary>
    public static byte[]? ExpectedPacked(RandomSite site)
    {
        if (site.AltCount != 1 || site.Calls.Any(c => c.Alleles.Length != 2 && c.Alleles.Any(a => a >= 0)))
        {
            return null;
        }

        var packed = new byte[PackedGenotypes.BytesPerRow(site.Calls.Length)];
        for (var sample = 0; sample < site.Calls.Length; sample++)
        {
            var alleles = site.Calls[sample].Alleles;
            var code = alleles.Any(a => a < 0) ? PackedGenotypes.MissingCode
                : alleles.Sum() switch { 0 => PackedGenotypes.HomRefCode, 1 => PackedGenotypes.HetCode, _ => PackedGenotypes.HomAltCode };
            packed[sample >> 2] |= (byte)(code << ((sample & 3) << 1));
        }

        return packed;
    }
}

public sealed class GenotypePropertyTests
{
    [Fact]
    public void Random_calls_read_back_as_written_with_packed_rows_where_biallelic_diploid()
    {
        Prop.ForAll(GenotypeProperties.Sites, sites =>
        {
            var batch = VcfSnippet.Batch(GenotypeProperties.Text(sites));
            var calls = VcfSnippet.Calls(batch);
            for (var variant = 0; variant < sites.Length; variant++)
            {
                var expected = sites[variant].Calls.Select(c => c.Printed);
                if (!expected.SequenceEqual(calls[variant]))
                {
                    return false;
                }

                var packed = GenotypeProperties.ExpectedPacked(sites[variant]);
                if (batch.Genotypes.IsPacked.Span[variant] != packed is not null
                    || (packed is not null && !packed.AsSpan().SequenceEqual(batch.Genotypes.GetPacked(variant))))
                {
                    return false;
                }
            }

            return batch.Genotypes.Ploidy == sites.Max(s => s.Calls.Max(c => c.Alleles.Length));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_fast_path_and_the_general_parser_agree()
    {
        // The same diploid calls with FORMAT GT (fast path) and GT:DP (general parser) give the same batch.
        Prop.ForAll(GenotypeProperties.Sites, sites =>
        {
            var diploid = sites.Select(s => s with { Calls = [.. s.Calls.Select(c => c.Alleles.Length == 2 ? c : c with { Alleles = [0, 1] })], WithDepth = false }).ToArray();
            var fast = VcfSnippet.Batch(GenotypeProperties.Text(diploid)).Genotypes;
            var general = VcfSnippet.Batch(GenotypeProperties.Text([.. diploid.Select(s => s with { WithDepth = true })])).Genotypes;
            return fast.Alleles.Span.SequenceEqual(general.Alleles.Span)
                && fast.PhasedBits.Span.SequenceEqual(general.PhasedBits.Span)
                && fast.IsPacked.Span.SequenceEqual(general.IsPacked.Span)
                && Enumerable.Range(0, fast.VariantCount).All(v => !fast.IsPacked.Span[v] || fast.GetPacked(v).SequenceEqual(general.GetPacked(v)))
                && fast.AnyPhased == general.AnyPhased;
        }).QuickCheckThrowOnFailure();
    }
}
