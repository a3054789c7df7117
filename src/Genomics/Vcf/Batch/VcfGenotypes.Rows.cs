using System.Runtime.CompilerServices;
using Genomics.Genotypes;

namespace Genomics.Vcf;

/// <summary>Writing one variant's calls: the record parser opens a row, fills it call by call or all at once, and closes it.</summary>
public sealed partial class VcfGenotypes
{
    private int rowStart;
    private int rowPhasedStart;
    private int rowPackedStart;
    private int rowPloidy;
    private bool rowPackable;

    // 2-bit codes of diploid calls over alleles {-1, 0, 1}, indexed (first + 1) × 3 + (second + 1): a table, because
    // genotypes are random and a branch on them mispredicts.
    private static ReadOnlySpan<byte> DiploidCodes =>
    [
        PackedGenotypes.MissingCode, PackedGenotypes.MissingCode, PackedGenotypes.MissingCode,
        PackedGenotypes.MissingCode, PackedGenotypes.HomRefCode, PackedGenotypes.HetCode,
        PackedGenotypes.MissingCode, PackedGenotypes.HetCode, PackedGenotypes.HomAltCode,
    ];

    /// <summary>The open row's allele slots (N × <see cref="Ploidy"/>).</summary>
    internal Span<sbyte> RowAlleles => alleles.Items.AsSpan(rowStart, SampleCount * Ploidy);

    /// <summary>The open row's phase words.</summary>
    internal Span<ulong> RowPhased => phased.Items.AsSpan(rowPhasedStart, PhasedWordsPerVariant);

    /// <summary>The open row's packed bytes.</summary>
    internal Span<byte> RowPacked => packed.Items.AsSpan(rowPackedStart, PackedBytesPerVariant);

    /// <summary>Whether the open row can still become a packed row.</summary>
    internal bool RowPackable => rowPackable;

    /// <summary>Opens a row for a site with GT; <paramref name="packable"/> when the site is biallelic (calls decide the rest).</summary>
    internal void BeginRow(bool packable)
    {
        rowStart = alleles.Count;
        rowPhasedStart = phased.Count;
        rowPackedStart = packed.Count;
        alleles.Extend(SampleCount * Ploidy);
        phased.Extend(PhasedWordsPerVariant).Clear();
        var packedRow = packed.Extend(PackedBytesPerVariant);
        rowPackable = packable && SampleCount > 0;
        if (rowPackable)
        {
            packedRow.Clear();
        }

        rowPloidy = 0;
    }

    /// <summary>Makes every call at least <paramref name="ploidy"/> slots wide, moving the calls already written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EnsurePloidy(int ploidy)
    {
        if (ploidy > Ploidy)
        {
            Widen(ploidy);
        }
    }

    private void Widen(int ploidy)
    {
        var calls = (VariantCount + 1) * SampleCount;
        var old = Ploidy;
        alleles.Extend(calls * (ploidy - old));
        var items = alleles.Items;
        for (var call = calls - 1; call >= 0; call--)
        {
            Array.Copy(items, call * old, items, call * ploidy, old);
            items.AsSpan((call * ploidy) + old, ploidy - old).Fill(-2);
        }

        Ploidy = ploidy;
        rowStart = VariantCount * SampleCount * ploidy;
    }

    /// <summary>Writes one call of the open row; <paramref name="callAlleles"/> must fit <see cref="Ploidy"/>.</summary>
    internal void SetCall(int sample, ReadOnlySpan<sbyte> callAlleles, bool isPhased)
    {
        var slots = alleles.Items.AsSpan(rowStart + (sample * Ploidy), Ploidy);
        callAlleles.CopyTo(slots);
        slots[callAlleles.Length..].Fill(-2);
        rowPloidy = Math.Max(rowPloidy, callAlleles.Length);
        if (isPhased)
        {
            phased.Items[rowPhasedStart + (sample >> 6)] |= 1UL << sample;
            AnyPhased = true;
        }

        if (rowPackable)
        {
            var code = PackedCode(callAlleles);
            if (code < 0)
            {
                rowPackable = false;
            }
            else
            {
                packed.Items[rowPackedStart + (sample >> 2)] |= (byte)(code << ((sample & 3) << 1));
            }
        }
    }

    /// <summary>Writes one diploid call with alleles in {-1, 0, 1, …} of the open row (<see cref="Ploidy"/> must be at least 2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void SetDiploidCall(int sample, sbyte first, sbyte second, bool isPhased)
    {
        var slot = rowStart + (sample * Ploidy);
        var items = alleles.Items;
        items[slot] = first;
        items[slot + 1] = second;
        if (Ploidy > 2)
        {
            items.AsSpan(slot + 2, Ploidy - 2).Fill(-2);
        }

        rowPloidy = Math.Max(rowPloidy, 2);
        if (isPhased)
        {
            phased.Items[rowPhasedStart + (sample >> 6)] |= 1UL << sample;
            AnyPhased = true;
        }

        if (rowPackable)
        {
            // Alleles above 1 cannot occur here: a packable row is biallelic.
            var code = DiploidCodes[((first + 1) * 3) + second + 1];
            packed.Items[rowPackedStart + (sample >> 2)] |= (byte)(code << ((sample & 3) << 1));
        }
    }

    /// <summary>Records that the fast path filled the open row with diploid calls (and, if it was packable, its packed bytes).</summary>
    internal void SetDiploidRow(bool anyPhased)
    {
        rowPloidy = 2;
        AnyPhased |= anyPhased;
    }

    /// <summary>Closes the open row.</summary>
    internal void EndRow()
    {
        hasCalls.Add(true);
        isPacked.Add(rowPackable);
        variantPloidy.Add((byte)rowPloidy);
    }

    /// <summary>Adds a row for a site whose FORMAT has no GT.</summary>
    internal void AddRowWithoutCalls()
    {
        // One missing allele per sample, the rest fill: an absent GT is a missing value ('.', as bcftools prints it), not
        // a missing call of the batch's ploidy ('./.').
        var row = alleles.Extend(SampleCount * Ploidy);
        row.Fill(-2);
        for (var sample = 0; sample < row.Length; sample += Ploidy)
        {
            row[sample] = -1;
        }

        phased.Extend(PhasedWordsPerVariant).Clear();
        packed.Extend(PackedBytesPerVariant);
        hasCalls.Add(false);
        isPacked.Add(false);
        variantPloidy.Add(0);
    }

    // The 2-bit code of a biallelic call, or -1 when the call keeps the row from being packed (not diploid, and not wholly missing).
    private static int PackedCode(ReadOnlySpan<sbyte> call)
    {
        if (call.Length == 2)
        {
            var (first, second) = (call[0], call[1]);
            if ((first | second) < 0)
            {
                return PackedGenotypes.MissingCode;
            }

            return (first + second) switch
            {
                0 => PackedGenotypes.HomRefCode,
                1 => PackedGenotypes.HetCode,
                _ => PackedGenotypes.HomAltCode,
            };
        }

        foreach (var allele in call)
        {
            if (allele >= 0)
            {
                return -1;
            }
        }

        return PackedGenotypes.MissingCode;
    }
}
