namespace Genomics.Vcf;

/// <summary>A contig: from a <c>##contig</c> header line, or first seen in a record's CHROM column.</summary>
public sealed class VcfContig
{
    internal VcfContig(int index, string id, long? length, VcfMetaLine? line)
    {
        Index = index;
        Id = id;
        Length = length;
        Line = line;
    }

    /// <summary>0-based position in the reader's contig list: header contigs first, then undeclared ones in order of appearance.</summary>
    public int Index { get; }

    /// <summary>The name as written in CHROM.</summary>
    public string Id { get; }

    /// <summary>The length attribute, if given.</summary>
    public long? Length { get; }

    /// <summary>The header line, or null for a contig the header does not declare.</summary>
    public VcfMetaLine? Line { get; }

    /// <summary>Whether the header declares the contig.</summary>
    public bool IsDeclared => Line is not null;

    public override string ToString() => Id;
}
