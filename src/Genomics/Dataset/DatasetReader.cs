using Genomics.Access;
using Genomics.Inspection;
using Genomics.Parquet;

namespace Genomics.Dataset;

/// <summary>
/// Opens a dataset folder written by <see cref="DatasetWriter"/>: the manifest, samples.parquet, and the
/// variants table as a sequence of row groups across its part files, reading only the columns asked for.
/// </summary>
public sealed class DatasetReader
{
    private DatasetReader(string path, DatasetManifest manifest)
    {
        Path = path;
        Manifest = manifest;
    }

    public string Path { get; }

    public DatasetManifest Manifest { get; }

    /// <summary>Opens a dataset to read its genotypes; needs the gate's authorization for <see cref="AccessOperation.ReadGenotypes"/>.</summary>
    public static DatasetReader Open(AccessAuthorization authorization, string path)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.Demand(AccessOperation.ReadGenotypes);
        return Open(path);
    }

    // The ungated body: the engine's own commands open datasets after the gate allowed them.
    internal static DatasetReader Open(string path)
    {
        var manifestPath = System.IO.Path.Combine(path, DatasetManifest.FileName);
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"{path}: no such dataset folder");
        }

        if (!File.Exists(manifestPath))
        {
            throw new GenomicsFormatException(InputErrorKind.NotRecognized, path, "not a dataset: it has no manifest.json (an interrupted conversion leaves none)");
        }

        return new DatasetReader(path, DatasetManifest.Read(manifestPath));
    }

    /// <summary>All of samples.parquet, by column name.</summary>
    public IReadOnlyDictionary<string, ColumnArray> ReadSamples()
    {
        var file = System.IO.Path.Combine(Path, DatasetWriter.SamplesFile);
        return Guard(file, () =>
        {
            using var reader = ParquetFileReader.Open(file);
            var result = new Dictionary<string, ColumnArray>(StringComparer.Ordinal);
            for (var c = 0; c < reader.Schema.Fields.Count; c++)
            {
                result[reader.Schema.Fields[c].Name] = reader.RowGroupCount == 0 ? EmptyLike(reader.Schema.Fields[c]) : reader.ReadColumn(0, c);
            }

            return result;
        });
    }

    /// <summary>The variants table's schema (from its first part).</summary>
    public ParquetSchema VariantSchema()
    {
        var file = System.IO.Path.Combine(Path, Manifest.Tables["variants"].Files[0]);
        return Guard(file, () =>
        {
            using var reader = ParquetFileReader.Open(file);
            return reader.Schema;
        });
    }

    /// <summary>
    /// Every row group of the variants table, in order, with the named columns (missing ones are absent
    /// from the dictionary). Arrays are valid until the next row group is produced.
    /// </summary>
    public IEnumerable<IReadOnlyDictionary<string, ColumnArray>> ReadVariants(IReadOnlyCollection<string> columns) => ReadVariants(columns, null);

    /// <summary>
    /// As <see cref="ReadVariants(IReadOnlyCollection{string})"/>, but the genotype column named in
    /// <paramref name="packed"/> comes as a <see cref="PackedCodeListArray"/> whenever its chunk allows (the
    /// fast path for genotypes), and as a regular array otherwise.
    /// </summary>
    public IEnumerable<IReadOnlyDictionary<string, ColumnArray>> ReadVariants(IReadOnlyCollection<string> columns, PackedCodeRequest? packed)
    {
        foreach (var part in Manifest.Tables["variants"].Files)
        {
            var file = System.IO.Path.Combine(Path, part);
            var reader = Guard(file, () => ParquetFileReader.Open(file));
            using (reader)
            {
                var wanted = columns.Select(c => (Name: c, Index: reader.Schema.IndexOf(c))).Where(c => c.Index >= 0).ToList();
                var buffers = wanted.Select(_ => new ColumnBuffer()).ToArray();
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    var group = g;
                    yield return Guard(file, () =>
                    {
                        var result = new Dictionary<string, ColumnArray>(StringComparer.Ordinal);
                        for (var i = 0; i < wanted.Count; i++)
                        {
                            if (packed is not null && wanted[i].Name == packed.Column
                                && reader.TryReadPackedCodes(group, wanted[i].Index, packed.CodeOfValue, packed.NullCode) is { } codes)
                            {
                                result[wanted[i].Name] = codes;
                                continue;
                            }

                            result[wanted[i].Name] = reader.ReadColumn(group, wanted[i].Index, buffers[i]);
                        }

                        return result;
                    });
                }
            }
        }
    }

    private static ColumnArray EmptyLike(ParquetField field) => field.IsList
        ? new ListArray(new int[1], EmptyLike(field.Element!))
        : field.ValueType switch
        {
            ParquetValueType.String or ParquetValueType.Binary => new BinaryArray(new int[1], Array.Empty<byte>()),
            ParquetValueType.Int8 => new PrimitiveArray<sbyte>(Array.Empty<sbyte>()),
            ParquetValueType.Int32 => new PrimitiveArray<int>(Array.Empty<int>()),
            ParquetValueType.Int64 => new PrimitiveArray<long>(Array.Empty<long>()),
            _ => throw new NotSupportedException(field.ToString()),
        };

    private static T Guard<T>(string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ParquetFormatException e)
        {
            throw ParquetInspector.Translate(file, e);
        }
    }
}
