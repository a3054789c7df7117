using Genomics.Access;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Genomics.Parquet;
using Genomics.Parquet.Format;

namespace Genomics.Inspection;

/// <summary>Reads a Parquet file's footer and first rows into a <see cref="ParquetInspection"/>.</summary>
public static class ParquetInspector
{
    private const int MaxListItemsShown = 8;
    private const int MaxTextShown = 40;

    /// <summary>
    /// Inspects one file; previewRows rows are rendered as text (lists shortened). The footer (schema, row groups,
    /// sizes, null counts) needs no grant; rows and min/max statistics of a controlled-tier file (key-value metadata
    /// <c>genomics.tier=controlled</c>) are participant-level data and need an authorization for
    /// <see cref="AccessOperation.ReadGenotypes"/> (without one, statistics are withheld and rows refused).
    /// </summary>
    public static ParquetInspection Inspect(AccessAuthorization? authorization, string path, int previewRows = 10)
    {
        if (TierOf(path) != "controlled")
        {
            return Inspect(path, previewRows);
        }

        if (authorization is not null)
        {
            authorization.Demand(AccessOperation.ReadGenotypes);
            return Inspect(path, previewRows);
        }

        if (previewRows > 0)
        {
            throw new AccessDeniedException(AccessRequirement.GrantMissing,
                $"{path}: the rows of a controlled-tier file need a controlled-tier grant (--credential or GENOMICS_CREDENTIAL); --rows 0 shows the schema and sizes only");
        }

        // Without a grant the footer's min/max statistics are withheld too: for samples.parquet they are participant
        // IDs (the smallest and largest sample_id).
        var inspection = Inspect(path, 0);
        return inspection with
        {
            RowGroups = [.. inspection.RowGroups.Select(g => g with { Chunks = [.. g.Chunks.Select(c => c with { Min = null, Max = null })] })],
        };
    }

    /// <summary>The file's <c>genomics.tier</c> key-value metadata (controlled, public), or null when it has none.</summary>
    public static string? TierOf(string path)
    {
        try
        {
            using var reader = ParquetFileReader.Open(path);
            return reader.Metadata.KeyValueMetadata?.FirstOrDefault(kv => kv.Key == "genomics.tier")?.Value;
        }
        catch (ParquetFormatException e)
        {
            throw Translate(path, e);
        }
    }

    // The ungated body: rows are rendered whatever the tier, so only the engine's tests reach it directly.
    internal static ParquetInspection Inspect(string path, int previewRows = 10)
    {
        ParquetFileReader reader;
        try
        {
            reader = ParquetFileReader.Open(path);
        }
        catch (ParquetFormatException e)
        {
            throw Translate(path, e);
        }

        using (reader)
        {
            try
            {
                return Describe(path, reader, previewRows);
            }
            catch (ParquetFormatException e)
            {
                throw Translate(path, e);
            }
        }
    }

    internal static GenomicsFormatException Translate(string path, ParquetFormatException e)
    {
        var kind = e.Kind switch
        {
            ParquetErrorKind.NotParquet => InputErrorKind.NotRecognized,
            ParquetErrorKind.Truncated => InputErrorKind.Truncated,
            ParquetErrorKind.Unsupported => InputErrorKind.Unsupported,
            _ => InputErrorKind.Corrupt,
        };
        return new GenomicsFormatException(kind, path, e.Reason, offset: e.Offset >= 0 ? e.Offset : null, innerException: e);
    }

    private static ParquetInspection Describe(string path, ParquetFileReader reader, int previewRows)
    {
        var meta = reader.Metadata;
        var leaves = LeafElements(meta.Schema);
        var columns = reader.Schema.Fields.Select((f, i) => Column(f, leaves[i])).ToList();
        var groups = meta.RowGroups.Select((rg, i) => new RowGroupSummary(
            i,
            rg.NumRows,
            rg.TotalCompressedSize ?? rg.Columns.Sum(c => c.MetaData?.TotalCompressedSize ?? 0),
            rg.TotalByteSize,
            [.. rg.Columns.Select(Chunk)])).ToList();

        var header = reader.Schema.Fields.Select(f => f.Name).ToList();
        var rows = new List<IReadOnlyList<string>>();
        for (var g = 0; g < reader.RowGroupCount && rows.Count < previewRows; g++)
        {
            var arrays = reader.ReadRowGroup(g);
            var n = (int)Math.Min(reader.GetRowGroupRowCount(g), previewRows - rows.Count);
            for (var r = 0; r < n; r++)
            {
                rows.Add([.. arrays.Select(a => Render(a, r))]);
            }
        }

        return new ParquetInspection(
            path,
            new FileInfo(path).Length,
            reader.CreatedBy,
            reader.RowCount,
            [.. (meta.KeyValueMetadata ?? []).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value ?? ""))],
            columns,
            groups,
            header,
            rows);
    }

    private static SchemaColumn Column(ParquetField field, SchemaElement leaf)
    {
        var physical = leaf.Type switch
        {
            PhysicalType.ByteArray => "BYTE_ARRAY",
            PhysicalType.FixedLenByteArray => "FIXED_LEN_BYTE_ARRAY",
            { } t => t.ToString().ToUpperInvariant(),
            null => "",
        };
        return new SchemaColumn(field.Name, TypeText(field), physical, LogicalText(leaf), field.Nullable);
    }

    /// <summary>The leaf schema element under each top-level field (the flat schema is depth-first).</summary>
    private static List<SchemaElement> LeafElements(IReadOnlyList<SchemaElement> schema)
    {
        var leaves = new List<SchemaElement>();
        var pos = 1;
        var top = schema.Count > 0 ? schema[0].NumChildren ?? 0 : 0;
        for (var i = 0; i < top && pos < schema.Count; i++)
        {
            // Walk down the subtree; remember its last leaf (our fields have exactly one).
            var pending = 1;
            SchemaElement leaf = schema[pos];
            while (pending > 0 && pos < schema.Count)
            {
                var e = schema[pos++];
                pending--;
                pending += e.NumChildren ?? 0;
                if (e.NumChildren is null or 0)
                {
                    leaf = e;
                }
            }

            leaves.Add(leaf);
        }

        return leaves;
    }

    private static string TypeText(ParquetField f) => f.IsList ? $"LIST<{TypeText(f.Element!)}>" : f.ValueType!.Value.ToString().ToUpperInvariant();

    private static string LogicalText(SchemaElement e)
    {
        if (e.LogicalType is { } l)
        {
            return l switch
            {
                { String: true } => "STRING",
                { Integer: { } i } => $"INT({i.BitWidth}, {(i.IsSigned ? "signed" : "unsigned")})",
                { Date: true } => "DATE",
                { Timestamp: not null } => "TIMESTAMP",
                { Decimal: { } d } => $"DECIMAL({d.Precision}, {d.Scale})",
                { Json: true } => "JSON",
                { Enum: true } => "ENUM",
                _ => "other",
            };
        }

        return e.ConvertedType?.ToString().ToUpperInvariant() ?? "";
    }

    private static ChunkSummary Chunk(ColumnChunk c)
    {
        var m = c.MetaData;
        if (m is null)
        {
            return new ChunkSummary("?", "?", "", 0, 0, 0, null, null, null, false, false);
        }

        var stats = m.Statistics;
        return new ChunkSummary(
            string.Join('.', m.PathInSchema),
            m.Codec.ToString().ToUpperInvariant(),
            string.Join(", ", m.Encodings.Select(EncodingName)),
            m.NumValues,
            m.TotalCompressedSize,
            m.TotalUncompressedSize,
            StatText(stats?.MinValue ?? stats?.Min, m.Type),
            StatText(stats?.MaxValue ?? stats?.Max, m.Type),
            stats?.NullCount,
            m.DictionaryPageOffset is not null,
            c.ColumnIndexOffset is not null || c.OffsetIndexOffset is not null);
    }

    private static string EncodingName(Parquet.Format.Encoding e) => e switch
    {
        Parquet.Format.Encoding.RleDictionary => "RLE_DICTIONARY",
        Parquet.Format.Encoding.PlainDictionary => "PLAIN_DICTIONARY",
        Parquet.Format.Encoding.DeltaBinaryPacked => "DELTA_BINARY_PACKED",
        Parquet.Format.Encoding.DeltaLengthByteArray => "DELTA_LENGTH_BYTE_ARRAY",
        Parquet.Format.Encoding.DeltaByteArray => "DELTA_BYTE_ARRAY",
        Parquet.Format.Encoding.ByteStreamSplit => "BYTE_STREAM_SPLIT",
        Parquet.Format.Encoding.BitPacked => "BIT_PACKED",
        _ => e.ToString().ToUpperInvariant(),
    };

    private static string? StatText(byte[]? bytes, PhysicalType type)
    {
        if (bytes is null)
        {
            return null;
        }

        var ci = CultureInfo.InvariantCulture;
        return type switch
        {
            PhysicalType.Boolean when bytes.Length >= 1 => bytes[0] != 0 ? "true" : "false",
            PhysicalType.Int32 when bytes.Length >= 4 => BinaryPrimitives.ReadInt32LittleEndian(bytes).ToString(ci),
            PhysicalType.Int64 when bytes.Length >= 8 => BinaryPrimitives.ReadInt64LittleEndian(bytes).ToString(ci),
            PhysicalType.Float when bytes.Length >= 4 => BinaryPrimitives.ReadSingleLittleEndian(bytes).ToString("R", ci),
            PhysicalType.Double when bytes.Length >= 8 => BinaryPrimitives.ReadDoubleLittleEndian(bytes).ToString("R", ci),
            PhysicalType.ByteArray => Shorten(Encoding8(bytes)),
            _ => Convert.ToHexString(bytes),
        };
    }

    private static string Encoding8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return "0x" + Convert.ToHexString(bytes);
        }
    }

    private static string Shorten(string s)
    {
        s = Printable(s);
        return s.Length <= MaxTextShown ? s : string.Concat(s.AsSpan(0, MaxTextShown - 1), "…");
    }

    /// <summary>Control characters (tabs and line ends in stored source lines) shown as escapes, so a table stays one line per row.</summary>
    private static string Printable(string s)
    {
        if (!s.Any(char.IsControl))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\x{(int)c:X2}",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Renders one slot: null as "null", lists as [a, b, …] with a count when shortened.</summary>
    public static string Render(ColumnArray array, int index)
    {
        if (!array.IsValid(index))
        {
            return "null";
        }

        var ci = CultureInfo.InvariantCulture;
        switch (array)
        {
            case ListArray list:
                {
                    var o = list.Offsets.Span;
                    int start = o[index], end = o[index + 1];
                    var n = end - start;
                    var sb = new StringBuilder("[");
                    for (var i = 0; i < Math.Min(n, MaxListItemsShown); i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(", ");
                        }

                        sb.Append(Render(list.Values, start + i));
                    }

                    if (n > MaxListItemsShown)
                    {
                        sb.Append(", … ").Append(n.ToString("N0", ci)).Append(" items");
                    }

                    return sb.Append(']').ToString();
                }

            case BinaryArray b:
                return Shorten(Encoding8(b.GetBytes(index).ToArray()));
            case PrimitiveArray<bool> p:
                return p.Values.Span[index] ? "true" : "false";
            case PrimitiveArray<sbyte> p:
                return p.Values.Span[index].ToString(ci);
            case PrimitiveArray<short> p:
                return p.Values.Span[index].ToString(ci);
            case PrimitiveArray<int> p:
                return p.Values.Span[index].ToString(ci);
            case PrimitiveArray<long> p:
                return p.Values.Span[index].ToString(ci);
            case PrimitiveArray<float> p:
                return p.Values.Span[index].ToString("R", ci);
            case PrimitiveArray<double> p:
                return p.Values.Span[index].ToString("R", ci);
            default:
                return "?";
        }
    }
}
