namespace Genomics.Vcf;

/// <summary>
/// A VCF header: the full text as read, every <c>##</c> line, the typed definitions it declares, and the sample names
/// from the <c>#CHROM</c> line. Contigs and INFO/FORMAT keys that records use without declaring are not here but in
/// the <see cref="VcfReader"/>, which appends them as it meets them.
/// </summary>
public sealed class VcfHeader
{
    internal VcfHeader(VcfHeaderParts parts)
    {
        FileFormat = parts.FileFormat;
        Version = parts.Version;
        Text = parts.Text;
        MetaLines = parts.MetaLines;
        Contigs = parts.Contigs;
        InfoFields = parts.InfoFields;
        FormatFields = parts.FormatFields;
        Filters = parts.Filters;
        AltAlleles = parts.AltAlleles;
        MetaDefinitions = parts.MetaDefinitions;
        Samples = parts.Samples;
        HasFormatColumn = parts.HasFormatColumn;
        LineCount = parts.LineCount;
    }

    /// <summary>The <c>##fileformat</c> value, e.g. <c>VCFv4.3</c>.</summary>
    public string FileFormat { get; }

    /// <summary>The version from <see cref="FileFormat"/>.</summary>
    public VcfVersion Version { get; }

    /// <summary>Every header line including <c>#CHROM</c>, each ending with '\n' (a '\r' before it is dropped).</summary>
    public string Text { get; }

    /// <summary>Every <c>##</c> line in order.</summary>
    public IReadOnlyList<VcfMetaLine> MetaLines { get; }

    /// <summary>The <c>##contig</c> lines in order; <see cref="VcfContig.Index"/> is the position here.</summary>
    public IReadOnlyList<VcfContig> Contigs { get; }

    /// <summary>The <c>##INFO</c> lines in order (the first of duplicate IDs).</summary>
    public IReadOnlyList<VcfFieldDefinition> InfoFields { get; }

    /// <summary>The <c>##FORMAT</c> lines in order (the first of duplicate IDs), GT included when declared.</summary>
    public IReadOnlyList<VcfFieldDefinition> FormatFields { get; }

    /// <summary>The <c>##FILTER</c> lines in order.</summary>
    public IReadOnlyList<VcfFilterDefinition> Filters { get; }

    /// <summary>The <c>##ALT</c> lines in order.</summary>
    public IReadOnlyList<VcfAltDefinition> AltAlleles { get; }

    /// <summary>The <c>##META</c> lines in order.</summary>
    public IReadOnlyList<VcfMetaDefinition> MetaDefinitions { get; }

    /// <summary>Sample names from the <c>#CHROM</c> line, in column order.</summary>
    public IReadOnlyList<string> Samples { get; }

    /// <summary>Whether the <c>#CHROM</c> line has a FORMAT column (it then has at least one sample).</summary>
    public bool HasFormatColumn { get; }

    /// <summary>Lines the header takes, the <c>#CHROM</c> line included; the first record is on the next line.</summary>
    public long LineCount { get; }

    /// <summary>The <c>##INFO</c> definition of <paramref name="id"/>, or null.</summary>
    public VcfFieldDefinition? FindInfo(string id) => InfoFields.FirstOrDefault(d => d.Id == id);

    /// <summary>The <c>##FORMAT</c> definition of <paramref name="id"/>, or null.</summary>
    public VcfFieldDefinition? FindFormat(string id) => FormatFields.FirstOrDefault(d => d.Id == id);

    /// <summary>The <c>##contig</c> called <paramref name="id"/>, or null.</summary>
    public VcfContig? FindContig(string id) => Contigs.FirstOrDefault(c => c.Id == id);
}
