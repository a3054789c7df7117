using System.Globalization;

namespace Genomics.Plink;

/// <summary>
/// One .fam line (one sample): the values the dataset keeps, with PLINK's missing-value forms already mapped to null,
/// plus the line as written so it can be exported byte for byte.
/// </summary>
public sealed class FamRecord
{
    /// <summary>A sample; <paramref name="source"/> is the line it came from, if any (the writer then copies it verbatim).</summary>
    public FamRecord(
        string? familyId, string individualId, string? fatherId, string? motherId, PlinkSex sex, string? phenotype, SourceLine? source = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(individualId);
        FamilyId = familyId;
        IndividualId = individualId;
        FatherId = fatherId;
        MotherId = motherId;
        Sex = sex;
        Phenotype = phenotype;
        Source = source;
    }

    /// <summary>Column 1; null when written as '0'.</summary>
    public string? FamilyId { get; }

    /// <summary>Column 2: the sample ID.</summary>
    public string IndividualId { get; }

    /// <summary>Column 3; null when written as '0'.</summary>
    public string? FatherId { get; }

    /// <summary>Column 4; null when written as '0'.</summary>
    public string? MotherId { get; }

    /// <summary>Column 5: 1 male, 2 female, anything else unknown.</summary>
    public PlinkSex Sex { get; }

    /// <summary>Column 6 as written (non-numeric values such as 'red' are kept); null for '-9', '0' or 'NA'.</summary>
    public string? Phenotype { get; }

    /// <summary>The line this record was read from; null for a record built in code.</summary>
    public SourceLine? Source { get; }

    /// <summary>The line to write: <see cref="Source"/> when known, else PLINK's space-separated form with missing values as 0 / -9.</summary>
    public SourceLine ToLine() => Source ?? Format(' ');

    /// <summary>The six fields joined by <paramref name="separator"/> (plink2 writes tabs; PLINK 1.9 spaces), missing values as 0 / -9.</summary>
    public SourceLine Format(char separator) => new(
        string.Join(separator, FamilyId ?? "0", IndividualId, FatherId ?? "0", MotherId ?? "0", ((int)Sex).ToString(CultureInfo.InvariantCulture), Phenotype ?? "-9"),
        PlinkLineReader.Lf);
}
