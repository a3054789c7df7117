namespace Genomics.Vcf;

/// <summary>What <see cref="VcfHeaderParser"/> collects, handed to <see cref="VcfHeader"/> in one piece.</summary>
internal sealed class VcfHeaderParts
{
    public string FileFormat { get; set; } = "";

    public VcfVersion Version { get; set; }

    public string Text { get; set; } = "";

    public List<VcfMetaLine> MetaLines { get; } = [];

    public List<VcfContig> Contigs { get; } = [];

    public List<VcfFieldDefinition> InfoFields { get; } = [];

    public List<VcfFieldDefinition> FormatFields { get; } = [];

    public List<VcfFilterDefinition> Filters { get; } = [];

    public List<VcfAltDefinition> AltAlleles { get; } = [];

    public List<VcfMetaDefinition> MetaDefinitions { get; } = [];

    public List<string> Samples { get; } = [];

    public bool HasFormatColumn { get; set; }

    public long LineCount { get; set; }
}
