using FsCheck;
using FsCheck.Fluent;
using Genomics.Genotypes;

namespace Genomics.Tests.Genotypes;

/// <summary>A random packed row: <see cref="Bytes"/> may carry random padding bits, which every kernel must ignore.</summary>
internal sealed record PackedRow(int SampleCount, byte[] Bytes)
{
    public override string ToString() => $"N={SampleCount} [{Convert.ToHexString(Bytes)}]";
}

/// <summary>Random dosages, mostly valid (-1..2) with some other values the packer must treat as missing.</summary>
internal sealed record DosageRow(sbyte[] Dosages)
{
    public override string ToString() => $"N={Dosages.Length} [{string.Join(',', Dosages)}]";
}

internal static class GenotypeGenerators
{
    /// <summary>Sample counts around every vector block size, with tiny and odd counts well represented.</summary>
    public static Gen<int> SampleCounts { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 9)),
        (4, Gen.Choose(10, 300)),
        (2, Gen.Elements(63, 64, 65, 127, 128, 129, 255, 256, 257, 511, 512, 513)),
        (1, Gen.Choose(300, 2100)));

    public static Arbitrary<PackedRow> PackedRows { get; } = SampleCounts
        .SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), PackedGenotypes.BytesPerRow(n)).Select(bytes => new PackedRow(n, bytes)))
        .ToArbitrary();

    public static Arbitrary<DosageRow> DosageRows { get; } = SampleCounts
        .SelectMany(n => Gen.ArrayOf(
            Gen.Frequency((12, Gen.Choose(-1, 2)), (1, Gen.Choose(-128, 127))).Select(d => (sbyte)d), n).Select(d => new DosageRow(d)))
        .ToArbitrary();

    /// <summary>The same row with its padding bits cleared, as a packer writes it.</summary>
    public static byte[] WithoutPadding(PackedRow row)
    {
        var copy = (byte[])row.Bytes.Clone();
        var used = row.SampleCount & 3;
        if (used != 0)
        {
            copy[^1] &= (byte)((1 << (2 * used)) - 1);
        }

        return copy;
    }
}
