using Genomics.Bgzf;
using Genomics.Vcf.Kernels;

namespace Genomics.Vcf;

/// <summary>
/// Reads a VCF file (uncompressed, plain gzip or BGZF, told apart by its first bytes; BGZF is inflated in parallel)
/// into <see cref="VcfBatch"/>es of consecutive records, checking the header and every record as it goes.
/// </summary>
/// <example>
/// <code>
/// using var reader = VcfReader.Open("calls.vcf.gz");
/// var batch = reader.CreateBatch();
/// while (reader.ReadBatch(batch)) { /* use batch, then reuse it */ }
/// </code>
/// </example>
internal sealed partial class VcfReader : IDisposable
{
    private readonly DecompressedInput input;
    private readonly VcfLineReader lines;
    private readonly VcfFieldCatalog catalog;
    private readonly VcfRecordParser parser;
    private readonly WarningSink warnings;
    private readonly VcfReaderOptions options;
    private bool finished;

    private VcfReader(DecompressedInput input, VcfReaderOptions options)
    {
        this.input = input;
        this.options = options;
        warnings = new WarningSink(input.FilePath, options.OnWarning);
        var scanner = options.KernelLevel is { } level ? VcfKernels.CreateDelimiterScanner(level) : VcfKernels.DelimiterScanner;
        var callDecoder = options.KernelLevel is { } decoderLevel ? VcfKernels.CreateDiploidCallDecoder(decoderLevel) : VcfKernels.DiploidCallDecoder;
        lines = new VcfLineReader(input.Stream, input.FilePath, scanner, options.BufferSize, input.Format != CompressionFormat.Uncompressed, warnings);
        Header = ReadHeader();
        catalog = new VcfFieldCatalog(Header, warnings);
        parser = new VcfRecordParser(input.FilePath, Header, catalog, warnings, callDecoder, options);
    }

    /// <summary>The file's name as errors show it.</summary>
    public string FilePath => input.FilePath;

    /// <summary>How the file is compressed.</summary>
    public CompressionFormat Compression => input.Format;

    /// <summary>The header.</summary>
    public VcfHeader Header { get; }

    /// <summary>The header's contigs, then those met in records without a declaration, in order of appearance.</summary>
    public IReadOnlyList<VcfContig> Contigs => catalog.Contigs;

    /// <summary>The header's INFO keys, then undeclared keys in order of appearance (the order of <see cref="VcfBatch.Info"/>).</summary>
    public IReadOnlyList<VcfFieldDefinition> InfoFields => catalog.InfoFields;

    /// <summary>The header's FORMAT keys other than GT, then undeclared keys (the order of <see cref="VcfBatch.Format"/>).</summary>
    public IReadOnlyList<VcfFieldDefinition> FormatFields => catalog.FormatFields;

    /// <summary>
    /// INFO and FORMAT Integer keys that have needed 64 bits in some batch read so far (their batch columns then say
    /// <see cref="IntegerValues.IsInt64"/>); at the end of the file, the keys whose dataset column must be INT64.
    /// </summary>
    public IReadOnlyCollection<VcfFieldDefinition> Int64Fields => catalog.Int64Fields;

    /// <summary>Warnings so far (undeclared keys, contigs and filters, duplicate header lines), each topic once.</summary>
    public IReadOnlyList<VcfWarning> Warnings => warnings.All;

    /// <summary>Records read so far.</summary>
    public long VariantsRead { get; private set; }

    /// <summary>Lines read so far, header included.</summary>
    public long LinesRead => lines.LineNumber;

    /// <summary>Opens a file.</summary>
    /// <exception cref="GenomicsFormatException">The file is empty, not VCF, or its header is malformed.</exception>
    public static VcfReader Open(string path, VcfReaderOptions? options = null)
    {
        options ??= VcfReaderOptions.Default;
        options.Validate();
        var input = DecompressedInput.Open(path, options.Bgzf);
        return Create(input, options);
    }

    /// <summary>Reads from a stream (which need not be seekable: standard input works).</summary>
    /// <param name="stream">The file's bytes, compressed or not.</param>
    /// <param name="name">The name errors should show (e.g. "-" or "&lt;stdin&gt;").</param>
    /// <param name="options">Null for <see cref="VcfReaderOptions.Default"/>.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="stream"/> open.</param>
    /// <exception cref="GenomicsFormatException">The input is empty, not VCF, or its header is malformed.</exception>
    public static VcfReader Open(Stream stream, string name, VcfReaderOptions? options = null, bool leaveOpen = false)
    {
        options ??= VcfReaderOptions.Default;
        options.Validate();
        var input = DecompressedInput.Open(stream, name, options.Bgzf, leaveOpen);
        return Create(input, options);
    }

    /// <summary>A batch to pass to <see cref="ReadBatch"/>; a reader can fill several in turn (e.g. one being written while the next is read).</summary>
    public VcfBatch CreateBatch() => new(Header);

    /// <summary>
    /// Hands every batch to <paramref name="body"/> in order while the next one is parsed on another thread (two
    /// batches alternate, so memory stays at two batches). On a failure the read in flight finishes before the
    /// exception leaves, so the caller may dispose the input at once.
    /// </summary>
    internal void ForEachBatch(Action<VcfBatch> body)
    {
        var batches = new[] { CreateBatch(), CreateBatch() };
        var turn = 0;
        var pending = Task.Run(() => ReadBatch(batches[0]) ? batches[0] : null);
        try
        {
            while (pending.GetAwaiter().GetResult() is { } batch)
            {
                turn ^= 1;
                var next = batches[turn];
                pending = Task.Run(() => ReadBatch(next) ? next : null);
                body(batch);
            }
        }
        catch
        {
            pending.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            throw;
        }
    }

    /// <summary>
    /// Empties <paramref name="batch"/> and fills it with the next records, up to the byte budget or variant limit.
    /// </summary>
    /// <returns>False when no records were left (the batch is then empty).</returns>
    /// <exception cref="GenomicsFormatException">A record is malformed, out of order, or the file is cut short.</exception>
    public bool ReadBatch(VcfBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Header != Header)
        {
            throw new ArgumentException("The batch was created by another reader.", nameof(batch));
        }

        batch.Begin(VariantsRead, catalog.Contigs);
        parser.Attach(batch);
        while (!finished && batch.Count < options.MaxVariantsPerBatch && (batch.Count == 0 || batch.ByteSize < options.BatchByteBudget))
        {
            if (!lines.MoveNext())
            {
                finished = true;
                break;
            }

            if (lines.Line.IsEmpty)
            {
                continue;
            }

            parser.Parse(lines);
            VariantsRead++;
        }

        batch.Complete();
        foreach (var column in batch.Info)
        {
            if (column.Values is IntegerValues { IsInt64: true })
            {
                catalog.Int64Fields.Add(column.Definition);
            }
        }

        foreach (var column in batch.Format)
        {
            if (column.List.Values is IntegerValues { IsInt64: true })
            {
                catalog.Int64Fields.Add(column.Definition);
            }
        }

        return batch.Count > 0;
    }

    public void Dispose() => input.Dispose();

    private static VcfReader Create(DecompressedInput input, VcfReaderOptions options)
    {
        try
        {
            return new VcfReader(input, options);
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }
}
