namespace Genomics.Vcf;

/// <summary>
/// K consecutive VCF records in columns, ready to become Parquet columns without reshaping: fixed fields as arrays
/// (strings and lists Arrow style, with validity masks), one <see cref="VcfInfoColumn"/> per INFO key, one
/// <see cref="VcfFormatColumn"/> per FORMAT key other than GT, and the calls in <see cref="Genotypes"/>. A reader fills a
/// batch with <see cref="VcfReader.ReadBatch"/>, reusing its storage, so keep a batch only until it is handed back.
/// </summary>
public sealed partial class VcfBatch
{
    private readonly ValueBuffer<int> contigIndexes = new();
    private readonly ValueBuffer<long> positions = new();
    private readonly ValueBuffer<long> lineNumbers = new();
    private readonly List<VcfInfoColumn> info = [];
    private readonly List<VcfFormatColumn> format = [];

    internal VcfBatch(VcfHeader header)
    {
        Header = header;
        Genotypes = new VcfGenotypes(header.Samples.Count);
        Alts = new VcfListColumn(new StringValues());
        Filters = new VcfListColumn(new StringValues());
    }

    /// <summary>The header of the file the batch comes from.</summary>
    public VcfHeader Header { get; }

    /// <summary>Variants in the batch (K).</summary>
    public int Count => positions.Count;

    /// <summary>Samples per variant (N).</summary>
    public int SampleCount => Genotypes.SampleCount;

    /// <summary>0-based index of the first variant in the file.</summary>
    public long FirstVariantIndex { get; private set; }

    /// <summary>The contigs <see cref="ContigIndexes"/> refer to (the header's, then undeclared ones in order of appearance).</summary>
    public IReadOnlyList<VcfContig> Contigs { get; private set; } = [];

    /// <summary>Each variant's contig, an index into <see cref="Contigs"/>.</summary>
    public ReadOnlyMemory<int> ContigIndexes => contigIndexes.AsMemory();

    /// <summary>Each variant's 1-based POS (may exceed 2^31).</summary>
    public ReadOnlyMemory<long> Positions => positions.AsMemory();

    /// <summary>Each variant's 1-based line number in the file (for messages that point back at the input).</summary>
    public ReadOnlyMemory<long> LineNumbers => lineNumbers.AsMemory();

    /// <summary>The ID column; null where it is '.'.</summary>
    public StringValues Ids { get; } = new();

    /// <summary>The REF column.</summary>
    public StringValues Refs { get; } = new();

    /// <summary>The ALT alleles of each variant; an empty list where ALT is '.'.</summary>
    public VcfListColumn Alts { get; }

    /// <summary>The QUAL column; null where it is '.'.</summary>
    public FloatValues Quals { get; } = new();

    /// <summary>The FILTER names of each variant; a null list where FILTER is '.'.</summary>
    public VcfListColumn Filters { get; }

    /// <summary>
    /// One column per INFO key, in the order of the reader's <see cref="VcfReader.InfoFields"/> when the batch was filled
    /// (header keys first, then undeclared keys as met). A key met first in a later batch is absent here: all null.
    /// </summary>
    public IReadOnlyList<VcfInfoColumn> Info => info;

    /// <summary>One column per FORMAT key other than GT, in the order of the reader's <see cref="VcfReader.FormatFields"/>.</summary>
    public IReadOnlyList<VcfFormatColumn> Format => format;

    /// <summary>The GT calls.</summary>
    public VcfGenotypes Genotypes { get; }

    /// <summary>Approximate bytes the batch holds (what the reader's byte budget counts).</summary>
    public long ByteSize
    {
        get
        {
            var bytes = Genotypes.ByteSize + (Count * 28L) + Ids.ByteSize + Refs.ByteSize + Alts.ByteSize + Filters.ByteSize;
            foreach (var column in info)
            {
                bytes += column.ByteSize;
            }

            foreach (var column in format)
            {
                bytes += column.ByteSize;
            }

            return bytes;
        }
    }

    /// <summary>The INFO column of <paramref name="id"/>, or null.</summary>
    public VcfInfoColumn? FindInfo(string id) => info.FirstOrDefault(c => c.Definition.Id == id);

    /// <summary>The FORMAT column of <paramref name="id"/>, or null.</summary>
    public VcfFormatColumn? FindFormat(string id) => format.FirstOrDefault(c => c.Definition.Id == id);
}
