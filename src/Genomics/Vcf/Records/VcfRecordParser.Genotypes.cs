namespace Genomics.Vcf;

/// <summary>
/// GT: the fixed-width fast path for whole rows of one-digit diploid calls, and the general parser for everything
/// else (haploid, polyploid, '.', partial calls, multi-digit alleles, VCF 4.4 phase prefixes).
/// </summary>
internal sealed partial class VcfRecordParser
{
    /// <summary>The most alleles one call may have; beyond it the call is rejected as unsupported.</summary>
    private const int MaxPloidy = 64;

    private readonly bool allowPhasePrefix;
    private readonly sbyte[] callAlleles = new sbyte[MaxPloidy];

    /// <summary>Decodes the whole row with the SIMD kernel when it is nothing but "a/b" or "a|b" calls; false to fall back.</summary>
    private bool TryFastGenotypes(ReadOnlySpan<byte> samples, int altCount)
    {
        var genotypes = batch.Genotypes;
        if (altCount > 9 || sampleCount == 0 || samples.Length != (4 * sampleCount) - 1 || genotypes.Ploidy > 2)
        {
            return false;
        }

        genotypes.EnsurePloidy(2);
        var packed = genotypes.RowPackable ? genotypes.RowPacked : [];
        if (!callDecoder.TryDecode(samples, altCount, genotypes.RowAlleles, genotypes.RowPhased, packed))
        {
            // The general parser sets bits with OR, so it needs the row clean again.
            genotypes.RowPhased.Clear();
            packed.Clear();
            return false;
        }

        genotypes.SetDiploidRow(genotypes.RowPhased.IndexOfAnyExcept(0UL) >= 0);
        return true;
    }

    /// <summary>Parses one GT value into the open row and returns its ploidy.</summary>
    private int ReadGenotype(ReadOnlySpan<byte> text, int sample, int altCount)
    {
        if (text.Length == 3 && TryDiploid(text, altCount, out var first, out var second, out var phasedCall))
        {
            batch.Genotypes.EnsurePloidy(2);
            batch.Genotypes.SetDiploidCall(sample, first, second, phasedCall);
            return 2;
        }

        if (text.IsEmpty)
        {
            throw Fail($"sample {SampleName(sample)}: GT is empty (use '.' for a missing call)");
        }

        var at = 0;
        var prefixed = false;
        var firstPhased = false;
        if (text[0] is (byte)'/' or (byte)'|')
        {
            if (!allowPhasePrefix)
            {
                throw Fail($"sample {SampleName(sample)}: GT {Quote(text)} starts with a separator (a phase prefix is VCF 4.4 and later)");
            }

            prefixed = true;
            firstPhased = text[0] == (byte)'|';
            at = 1;
        }

        var ploidy = 0;
        var separatorsPhased = true;
        while (true)
        {
            if (ploidy == MaxPloidy)
            {
                throw Fail($"sample {SampleName(sample)}: GT {Quote(text)} has more than {MaxPloidy} alleles", InputErrorKind.Unsupported);
            }

            callAlleles[ploidy++] = ReadAllele(text, ref at, sample, altCount);
            if (at == text.Length)
            {
                break;
            }

            var separator = text[at++];
            separatorsPhased &= separator == (byte)'|';
            if ((separator != (byte)'/' && separator != (byte)'|') || at == text.Length)
            {
                throw Fail($"sample {SampleName(sample)}: GT {Quote(text)} is not a genotype (allele indexes or '.' separated by '/' or '|')");
            }
        }

        // One bit per call: phased when every separator, and an explicit prefix if there is one, says so. A lone allele
        // without a prefix states no phase.
        var phased = ploidy > 1 ? separatorsPhased && (!prefixed || firstPhased) : prefixed && firstPhased;
        var genotypes = batch.Genotypes;
        genotypes.EnsurePloidy(ploidy);
        genotypes.SetCall(sample, callAlleles.AsSpan(0, ploidy), phased);
        return ploidy;
    }

    // The common "a/b" and "a|b" with one-digit alleles in range ('.' for missing); anything else goes the long way.
    private static bool TryDiploid(ReadOnlySpan<byte> text, int altCount, out sbyte first, out sbyte second, out bool phased)
    {
        var separator = text[1];
        phased = separator == (byte)'|';
        first = OneDigitAllele(text[0], altCount);
        second = OneDigitAllele(text[2], altCount);
        return (phased || separator == (byte)'/') && first != -3 && second != -3;
    }

    // -1 for '.', the index for a digit within range, -3 for anything else.
    private static sbyte OneDigitAllele(byte text, int altCount)
    {
        if (text == (byte)'.')
        {
            return -1;
        }

        var digit = text - '0';
        return (uint)digit <= (uint)Math.Min(altCount, 9) ? (sbyte)digit : (sbyte)-3;
    }

    private sbyte ReadAllele(ReadOnlySpan<byte> text, ref int at, int sample, int altCount)
    {
        if (text[at] == (byte)'.')
        {
            at++;
            return -1;
        }

        var start = at;
        long index = 0;
        while (at < text.Length && text[at] - (uint)'0' <= 9)
        {
            index = Math.Min((index * 10) + (text[at] - '0'), int.MaxValue);
            at++;
        }

        if (at == start)
        {
            throw Fail($"sample {SampleName(sample)}: GT {Quote(text)} is not a genotype (allele indexes or '.' separated by '/' or '|')");
        }

        if (index > altCount && altCount == 0)
        {
            // ALT '.' with calls that carry an ALT allele: the VCF test suite's valid files (and htslib's) have such
            // records, so the calls are kept as written, with a warning, rather than rejected.
            warnings.Warn("GT without ALT", lineNumber, $"sample {SampleName(sample)}: GT {Quote(text)} refers to allele {index}, but ALT is '.'; the calls are kept as written");
        }
        else if (index > altCount)
        {
            throw Fail($"sample {SampleName(sample)}: GT {Quote(text)} refers to allele {index}, but the site has {altCount} ALT allele{(altCount == 1 ? "" : "s")}");
        }

        if (index > sbyte.MaxValue)
        {
            throw Fail($"sample {SampleName(sample)}: GT allele index {index} does not fit the dataset's int8 genotype column (at most 127)", InputErrorKind.Unsupported);
        }

        return (sbyte)index;
    }
}
