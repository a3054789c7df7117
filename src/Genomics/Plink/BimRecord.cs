using System.Globalization;

namespace Genomics.Plink;

/// <summary>
/// One .bim line (one variant). A2 (column 6) is taken as REF and A1 (column 5) as ALT, as plink2 treats a .bed;
/// the .bed codes count A1 copies, so this keeps dosage = ALT count.
/// </summary>
public sealed class BimRecord
{
    /// <summary>A variant; <paramref name="source"/> is the line it came from, if any (the writer then copies it verbatim).</summary>
    public BimRecord(string chromosome, string id, double centiMorgans, long position, string allele1, string allele2, SourceLine? source = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        Chromosome = chromosome;
        Id = id;
        CentiMorgans = centiMorgans;
        Position = position;
        Allele1 = allele1;
        Allele2 = allele2;
        Source = source;
    }

    /// <summary>Column 1, as written (e.g. '1', 'X', 'chr2', 'MT').</summary>
    public string Chromosome { get; }

    /// <summary>Column 2, as written ('.' included).</summary>
    public string Id { get; }

    /// <summary>Column 3: genetic position in centimorgans (0 when unknown).</summary>
    public double CentiMorgans { get; }

    /// <summary>Column 4: base-pair position, a non-negative integer.</summary>
    public long Position { get; }

    /// <summary>Column 5: the allele the .bed codes count; the ALT allele.</summary>
    public string Allele1 { get; }

    /// <summary>Column 6: the REF allele.</summary>
    public string Allele2 { get; }

    /// <summary>REF allele: <see cref="Allele2"/>.</summary>
    public string Ref => Allele2;

    /// <summary>ALT allele: <see cref="Allele1"/>.</summary>
    public string Alt => Allele1;

    /// <summary>The line this record was read from; null for a record built in code.</summary>
    public SourceLine? Source { get; }

    /// <summary>The line to write: <see cref="Source"/> when known, else PLINK's tab-separated form.</summary>
    public SourceLine ToLine() => Source ?? new SourceLine(
        string.Join(
            '\t',
            Chromosome,
            Id,
            CentiMorgans.ToString(CultureInfo.InvariantCulture),
            Position.ToString(CultureInfo.InvariantCulture),
            Allele1,
            Allele2),
        PlinkLineReader.Lf);
}
