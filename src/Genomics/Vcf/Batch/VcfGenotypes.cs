using CommunityToolkit.HighPerformance;
using Genomics.Genotypes;

namespace Genomics.Vcf;

/// <summary>
/// The GT calls of a batch in two forms.
/// <list type="bullet">
/// <item><b>Wide</b>: an int8 allele index per haplotype, <see cref="Ploidy"/> slots per call (the largest ploidy in the
/// batch), -1 for a missing allele and -2 filling the unused slots of a lower-ploidy call; plus one phased bit per call.
/// Variant v, sample s, haplotype h is at <c>(v × SampleCount + s) × Ploidy + h</c>.</item>
/// <item><b>Packed</b>: where every call of a biallelic site is diploid or wholly missing (<see cref="IsPacked"/>), also a
/// 2-bit row in PLINK .bed code order with ALT as A1 and REF as A2 (00 hom ALT, 01 missing, 10 het, 11 hom REF); a call
/// with any missing allele (e.g. <c>./1</c>) is missing there, as plink2 reads it.</item>
/// </list>
/// A variant whose FORMAT has no GT has <see cref="HasCalls"/> false; its wide row holds only -1 and -2.
/// </summary>
public sealed partial class VcfGenotypes
{
    private readonly ValueBuffer<sbyte> alleles = new(1024);
    private readonly ValueBuffer<ulong> phased = new();
    private readonly ValueBuffer<byte> packed = new(256);
    private readonly ValueBuffer<bool> hasCalls = new();
    private readonly ValueBuffer<bool> isPacked = new();
    private readonly ValueBuffer<byte> variantPloidy = new();

    internal VcfGenotypes(int sampleCount)
    {
        SampleCount = sampleCount;
        PhasedWordsPerVariant = (int)(((uint)sampleCount + 63u) >> 6);
        PackedBytesPerVariant = PackedGenotypes.BytesPerRow(sampleCount);
    }

    /// <summary>Samples per variant (N).</summary>
    public int SampleCount { get; }

    /// <summary>Variants in the batch.</summary>
    public int VariantCount => hasCalls.Count;

    /// <summary>Allele slots per call: the largest ploidy of any call in this batch (0 when no variant has GT).</summary>
    public int Ploidy { get; private set; }

    /// <summary>Whether any call in the batch is phased.</summary>
    public bool AnyPhased { get; private set; }

    /// <summary>All allele indexes, <see cref="VariantCount"/> × <see cref="SampleCount"/> × <see cref="Ploidy"/>.</summary>
    public ReadOnlyMemory<sbyte> Alleles => alleles.AsMemory();

    /// <summary>Words of phase bits per variant: ceil(N / 64).</summary>
    public int PhasedWordsPerVariant { get; }

    /// <summary>Phase bits: bit s % 64 of word v × <see cref="PhasedWordsPerVariant"/> + s / 64 is set when call (v, s) is phased.</summary>
    public ReadOnlyMemory<ulong> PhasedBits => phased.AsMemory();

    /// <summary>Bytes of a packed row: ceil(N / 4).</summary>
    public int PackedBytesPerVariant { get; }

    /// <summary>Packed rows, <see cref="PackedBytesPerVariant"/> bytes per variant (meaningful where <see cref="IsPacked"/>).</summary>
    public ReadOnlyMemory<byte> Packed => packed.AsMemory();

    /// <summary>Whether the variant's FORMAT has GT.</summary>
    public ReadOnlyMemory<bool> HasCalls => hasCalls.AsMemory();

    /// <summary>Whether the variant also has a packed row.</summary>
    public ReadOnlyMemory<bool> IsPacked => isPacked.AsMemory();

    /// <summary>The largest ploidy among each variant's calls (0 without GT).</summary>
    public ReadOnlyMemory<byte> VariantPloidy => variantPloidy.AsMemory();

    /// <summary>Approximate bytes in memory.</summary>
    public long ByteSize => alleles.Count + (phased.Count * 8L) + packed.Count + (VariantCount * 3L);

    /// <summary>The wide calls as a 2D view: one row per variant, <see cref="SampleCount"/> × <see cref="Ploidy"/> columns.</summary>
    public ReadOnlySpan2D<sbyte> AllelesByVariant => new(alleles.Items, 0, VariantCount, SampleCount * Ploidy, 0);

    /// <summary>The wide row of <paramref name="variant"/>: N × <see cref="Ploidy"/> allele indexes.</summary>
    public ReadOnlySpan<sbyte> GetAlleles(int variant) => alleles.AsSpan().Slice(variant * SampleCount * Ploidy, SampleCount * Ploidy);

    /// <summary>
    /// Copies the wide row of <paramref name="variant"/> laid out for <paramref name="ploidy"/> slots per call (at least
    /// <see cref="Ploidy"/>; the extra slots get -2), e.g. to write every batch of a file with the file's largest ploidy.
    /// </summary>
    public void CopyAlleles(int variant, int ploidy, Span<sbyte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ploidy, Ploidy);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, SampleCount * ploidy, nameof(destination));
        if (ploidy == Ploidy)
        {
            GetAlleles(variant).CopyTo(destination);
            return;
        }

        var row = GetAlleles(variant);
        for (var sample = 0; sample < SampleCount; sample++)
        {
            var call = destination.Slice(sample * ploidy, ploidy);
            row.Slice(sample * Ploidy, Ploidy).CopyTo(call);
            call[Ploidy..].Fill(-2);
        }
    }

    /// <summary>The packed row of <paramref name="variant"/> (meaningful only where <see cref="IsPacked"/>).</summary>
    public ReadOnlySpan<byte> GetPacked(int variant) => packed.AsSpan().Slice(variant * PackedBytesPerVariant, PackedBytesPerVariant);

    /// <summary>Whether call (<paramref name="variant"/>, <paramref name="sample"/>) is phased.</summary>
    public bool IsPhased(int variant, int sample) =>
        (phased[(variant * PhasedWordsPerVariant) + (sample >> 6)] & (1UL << sample)) != 0;

    /// <summary>Expands the phase bits of <paramref name="variant"/> into one bool per sample.</summary>
    public void GetPhased(int variant, Span<bool> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, SampleCount, nameof(destination));
        var words = phased.AsSpan().Slice(variant * PhasedWordsPerVariant, PhasedWordsPerVariant);
        for (var sample = 0; sample < SampleCount; sample++)
        {
            destination[sample] = (words[sample >> 6] & (1UL << sample)) != 0;
        }
    }

    internal void Clear()
    {
        alleles.Clear();
        phased.Clear();
        packed.Clear();
        hasCalls.Clear();
        isPacked.Clear();
        variantPloidy.Clear();
        Ploidy = 0;
        AnyPhased = false;
    }
}
