using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Genomics.Tests.Vcf;

/// <summary>Text for the delimiter scanner: where to start and how much room the caller gives.</summary>
internal sealed record ScanInput(byte[] Text, int Start, int Room)
{
    public override string ToString() => $"start={Start} room={Room} \"{Encoding.ASCII.GetString(Text).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"";
}

/// <summary>Sample columns for the GT fast path, mostly well formed, sometimes with one byte changed.</summary>
internal sealed record CallsInput(byte[] Text, int MaxAllele, bool Pack)
{
    public int Calls => (Text.Length + 1) / 4;

    public override string ToString() => $"max={MaxAllele} pack={Pack} \"{Encoding.ASCII.GetString(Text).Replace("\t", "\\t", StringComparison.Ordinal)}\"";
}

internal static class KernelInputs
{
    private static readonly Gen<byte> ScanBytes = Gen.Frequency(
        (4, Gen.Constant((byte)'\t')),
        (1, Gen.Constant((byte)'\n')),
        (8, Gen.Elements("0123456789/|:.,ACGT"u8.ToArray())),
        (1, Gen.Choose(0, 255).Select(b => (byte)b)));

    public static Arbitrary<ScanInput> Scans { get; } =
        (from length in Gen.Frequency((3, Gen.Choose(0, 40)), (3, Gen.Choose(41, 300)), (1, Gen.Choose(301, 2000)))
         from text in Gen.ArrayOf(ScanBytes, length)
         from start in Gen.Choose(0, length)
         from room in Gen.Frequency((3, Gen.Choose(0, 40)), (1, Gen.Constant(4096)))
         select new ScanInput(text, start, room)).ToArbitrary();

    public static Arbitrary<CallsInput> Calls { get; } =
        (from calls in Gen.Frequency((3, Gen.Choose(1, 9)), (4, Gen.Choose(10, 100)), (2, Gen.Elements(15, 16, 17, 31, 32, 33, 63, 64, 65, 129)), (1, Gen.Choose(100, 2100)))
         from maxAllele in Gen.Frequency((4, Gen.Constant(1)), (2, Gen.Choose(0, 9)))
         from pack in maxAllele == 1 ? Gen.Elements(true, false) : Gen.Constant(false)
         from alleles in Gen.ArrayOf(Allele(maxAllele), 2 * calls)
         from phased in Gen.ArrayOf(Gen.Elements((byte)'/', (byte)'|'), calls)
         from damage in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, (4 * calls) - 2)))
         from damageByte in Gen.Frequency((2, Gen.Elements("0123456789./|\t: ,"u8.ToArray())), (1, Gen.Choose(0, 255).Select(b => (byte)b)))
         select new CallsInput(Build(alleles, phased, damage, damageByte), maxAllele, pack)).ToArbitrary();

    private static Gen<byte> Allele(int maxAllele) => Gen.Frequency(
        (10, Gen.Choose(0, maxAllele).Select(a => (byte)('0' + a))),
        (2, Gen.Constant((byte)'.')),
        (1, Gen.Choose(0, 9).Select(a => (byte)('0' + a))));

    private static byte[] Build(byte[] alleles, byte[] separators, int damage, byte damageByte)
    {
        var calls = separators.Length;
        var text = new byte[(4 * calls) - 1];
        for (var call = 0; call < calls; call++)
        {
            text[4 * call] = alleles[2 * call];
            text[(4 * call) + 1] = separators[call];
            text[(4 * call) + 2] = alleles[(2 * call) + 1];
            if (call != calls - 1)
            {
                text[(4 * call) + 3] = (byte)'\t';
            }
        }

        if (damage >= 0)
        {
            text[damage] = damageByte;
        }

        return text;
    }
}
