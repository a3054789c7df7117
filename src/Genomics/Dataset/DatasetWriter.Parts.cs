using Genomics.Parquet;

namespace Genomics.Dataset;

/// <summary>
/// Schema changes while streaming. A streamed input can reveal late that its columns must differ from what the first
/// row groups were written with (a VCF key first met halfway, an Integer that needs 64 bits, a larger ploidy). Row
/// groups of one Parquet file share a schema, so the writer closes the part and continues in a new one with the new
/// schema; <see cref="RewriteParts"/> later brings the earlier parts to the final schema, reading back only our own
/// files (the input may have been standard input).
/// </summary>
public sealed partial class DatasetWriter
{
    /// <summary>The schema the next row group of the variants table is written with.</summary>
    public ParquetSchema VariantsSchema => _variantsSchema;

    /// <summary>Parts of the variants table opened so far; the next row group goes to part <see cref="PartCount"/> after a schema change.</summary>
    public int PartCount => _parts.Count;

    /// <summary>Whether the next row group continues the current part (false after a schema change or before the first).</summary>
    public bool PartOpen => _part is not null;

    /// <summary>
    /// Writes the following row groups with <paramref name="schema"/>: the current part is closed and the next row group
    /// starts a new one. Nothing happens when the schema is the current one and <paramref name="force"/> is false.
    /// </summary>
    /// <param name="schema">The variants schema from now on.</param>
    /// <param name="force">Start a new part even when the schema is unchanged (a layout change the schema does not show).</param>
    public void ChangeVariantsSchema(ParquetSchema schema, bool force = false)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (!force && SameSchema(schema, _variantsSchema))
        {
            return;
        }

        _part?.Close();
        _part = null;
        _variantsSchema = schema;
    }

    /// <summary>
    /// Rewrites every closed part that <paramref name="needsRewrite"/> selects, row group by row group, through
    /// <paramref name="adapt"/> (old schema and columns → columns of the current schema). Call after the last row group.
    /// </summary>
    /// <param name="needsRewrite">Given a part's index and schema, whether it must be rewritten.</param>
    /// <param name="adapt">Maps one row group of an old part (its index, schema and columns) to the current schema.</param>
    /// <returns>The number of parts rewritten.</returns>
    public int RewriteParts(Func<int, ParquetSchema, bool> needsRewrite, Func<int, ParquetSchema, IReadOnlyList<ColumnArray>, IReadOnlyList<ColumnArray>> adapt)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _part?.Close();
        _part = null;
        var rewritten = 0;
        for (var i = 0; i < _parts.Count; i++)
        {
            if (!needsRewrite(i, _partSchemas[i]))
            {
                continue;
            }

            var path = Path.Combine(_temp, _parts[i]);
            var next = path + ".rewrite";
            using (var reader = ParquetFileReader.Open(path))
            using (var writer = new ParquetFileWriter(CreatePrivateFile(next), _variantsSchema, ParquetOptions()))
            {
                Stamp(writer);
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    writer.WriteRowGroup(adapt(i, reader.Schema, reader.ReadRowGroup(g)));
                }
            }

            File.Move(next, path, overwrite: true);
            _partSchemas[i] = _variantsSchema;
            rewritten++;
        }

        return rewritten;
    }

    /// <summary>Sets a key-value pair on the files written from now on (e.g. a source header known only after opening).</summary>
    public void SetMetadata(string key, string value) => _metadata[key] = value;

    private static bool SameSchema(ParquetSchema a, ParquetSchema b) =>
        ReferenceEquals(a, b) || a.Fields.Select(f => f.ToString()).SequenceEqual(b.Fields.Select(f => f.ToString()));
}
