using System.Globalization;
using System.Text;

namespace Genomics.Tests.Conversion;

/// <summary>
/// A random PLINK fileset written as raw text and bytes, with the irregularities real files have: tabs, spaces or
/// runs of both between columns, leading and trailing blanks, CRLF or mixed terminators, no final newline, cM as
/// "0.0" or "1e-3", phenotypes -9/0/NA/numbers/words, '0' parents, '.' IDs, '0' alleles, positions above 2^31.
/// Everything follows from the parameters, so a failing case is reproduced from its printed form.
/// </summary>
internal sealed record RandomFileset(int Samples, int Variants, int MissingPercent, int Seed)
{
    private static readonly string[] Separators = [" ", "\t", "  ", " \t", "\t ", "\t\t", "   "];
    private static readonly string[] Chromosomes = ["1", "2", "22", "X", "Y", "XY", "MT", "chr3", "26", "0"];
    private static readonly string[] CentiMorgans = ["0", "0.0", "0.000", "1.5", "100.4", "-0", "1e-3", "2.5E2", "0.123456789"];
    private static readonly string[] Alleles = ["A", "C", "G", "T", "0", "AC", "GGT", "ACGTN", "I", "D", "1", "2", "<DEL>", "."];
    private static readonly string[] Phenotypes = ["-9", "0", "NA", "1", "2", "1.5", "-0.0768738", "red", "case", "-9.0", "3"];
    private static readonly string[] Sexes = ["0", "1", "2", "1", "2", "-9"];

    public override string ToString() => $"N={Samples} M={Variants} missing={MissingPercent}% seed={Seed}";

    /// <summary>
    /// Genotypes per row group for the conversion: for one case in four a small budget, so that row-group boundaries
    /// are crossed (one row group per variant at worst); otherwise the default, one row group.
    /// </summary>
    public long GenotypesPerRowGroup => Seed % 4 == 0 ? 1 + (Seed / 4 % 150) : new Genomics.Conversion.PlinkConversionOptions().GenotypesPerRowGroup;

    /// <summary>Per variant, N dosages (ALT copies), -1 missing.</summary>
    public sbyte[][] Dosages()
    {
        var random = new Random(Seed);
        return [.. Enumerable.Range(0, Variants).Select(_ => Enumerable.Range(0, Samples)
            .Select(_ => random.Next(100) < MissingPercent ? (sbyte)-1 : (sbyte)random.Next(3)).ToArray())];
    }

    /// <summary>Writes PREFIX.bed/.bim/.fam and returns the prefix.</summary>
    public string Write(string prefix)
    {
        var random = new Random(~Seed);
        File.WriteAllBytes(prefix + ".fam", Text(random, Samples, i =>
        [
            Pick(random, ["0", "0", "fam" + (i / 3), "F_" + i, "famille-é"]),
            "s" + i + Pick(random, ["", "", "_x", "-é", ".1"]),
            Pick(random, ["0", "0", "0", "dad" + i]),
            Pick(random, ["0", "0", "0", "mum" + i]),
            Pick(random, Sexes),
            Pick(random, Phenotypes),
        ]));
        File.WriteAllBytes(prefix + ".bim", Text(random, Variants, v =>
        [
            Pick(random, Chromosomes),
            Pick(random, ["rs" + (1000 + v), ".", "snp" + v, $"1:{v}:A:G"]),
            Pick(random, CentiMorgans),
            random.Next(5) == 0 ? random.NextInt64(1L << 31, 1L << 33).ToString(CultureInfo.InvariantCulture) : random.Next(0, 250_000_000).ToString(CultureInfo.InvariantCulture),
            Pick(random, Alleles),
            Pick(random, Alleles),
        ]));
        File.WriteAllBytes(prefix + ".bed", Bed(Dosages(), Samples));
        return prefix;
    }

    /// <summary>Packs dosages the PLINK way: 00 two A1 (ALT) copies, 01 missing, 10 het, 11 two A2; padding bits 0.</summary>
    public static byte[] Bed(sbyte[][] dosages, int samples)
    {
        var bytesPerVariant = (samples + 3) / 4;
        var bed = new byte[3 + (dosages.Length * bytesPerVariant)];
        (bed[0], bed[1], bed[2]) = ((byte)0x6c, (byte)0x1b, (byte)0x01);
        for (var v = 0; v < dosages.Length; v++)
        {
            for (var s = 0; s < samples; s++)
            {
                var code = dosages[v][s] switch { 2 => 0b00, 1 => 0b10, 0 => 0b11, _ => 0b01 };
                bed[3 + (v * bytesPerVariant) + (s / 4)] |= (byte)(code << (2 * (s % 4)));
            }
        }

        return bed;
    }

    private static byte[] Text(Random random, int lines, Func<int, string[]> columns)
    {
        // One style per file, as tools write them, and sometimes a mix line by line, as hand edits leave them.
        var separatorStyle = random.Next(4);
        var terminatorStyle = random.Next(4);
        var finalNewline = random.Next(3) > 0;
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            if (random.Next(12) == 0)
            {
                text.Append(Pick(random, [" ", "\t", "  "]));
            }

            var values = columns(i);
            for (var c = 0; c < values.Length; c++)
            {
                if (c > 0)
                {
                    text.Append(separatorStyle switch { 0 => "\t", 1 => " ", 2 => Separators[random.Next(Separators.Length)], _ => c % 2 == 0 ? "\t" : " " });
                }

                text.Append(values[c]);
            }

            if (random.Next(12) == 0)
            {
                text.Append(Pick(random, [" ", "\t", " \t"]));
            }

            if (i < lines - 1 || finalNewline)
            {
                text.Append(terminatorStyle switch { 0 or 1 => "\n", 2 => "\r\n", _ => random.Next(2) == 0 ? "\n" : "\r\n" });
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
