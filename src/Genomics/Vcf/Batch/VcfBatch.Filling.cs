namespace Genomics.Vcf;

/// <summary>What the reader does to a batch: empty it, add columns for new keys, append fixed fields, and finish.</summary>
public sealed partial class VcfBatch
{
    internal List<VcfInfoColumn> InfoColumns => info;

    internal List<VcfFormatColumn> FormatColumns => format;

    internal void Begin(long firstVariantIndex, IReadOnlyList<VcfContig> contigs)
    {
        FirstVariantIndex = firstVariantIndex;
        Contigs = contigs;
        contigIndexes.Clear();
        positions.Clear();
        lineNumbers.Clear();
        Ids.Clear();
        Refs.Clear();
        Alts.Clear();
        Quals.Clear();
        Filters.Clear();
        Genotypes.Clear();
        foreach (var column in info)
        {
            column.Clear();
        }

        foreach (var column in format)
        {
            column.Clear();
        }
    }

    /// <summary>Makes sure there is a column for every definition the reader knows (keys met since the last batch).</summary>
    internal void SyncColumns(IReadOnlyList<VcfFieldDefinition> infoFields, IReadOnlyList<VcfFieldDefinition> formatFields)
    {
        while (info.Count < infoFields.Count)
        {
            info.Add(new VcfInfoColumn(infoFields[info.Count]));
        }

        while (format.Count < formatFields.Count)
        {
            format.Add(new VcfFormatColumn(formatFields[format.Count], SampleCount));
        }
    }

    internal void SetContigs(IReadOnlyList<VcfContig> contigs) => Contigs = contigs;

    internal void AddSite(int contig, long position, long line)
    {
        contigIndexes.Add(contig);
        positions.Add(position);
        lineNumbers.Add(line);
    }

    /// <summary>Pads every column to <see cref="Count"/> variants.</summary>
    internal void Complete()
    {
        foreach (var column in info)
        {
            column.PadTo(Count);
        }

        foreach (var column in format)
        {
            column.PadTo(Count);
        }
    }
}
