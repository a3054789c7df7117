using System.Text;
using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

/// <summary>Small VCF texts written inside tests, read in one batch.</summary>
internal static class VcfSnippet
{
    public const string Columns = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO";

    /// <summary>A VCF 4.3 file: <paramref name="meta"/> lines, a #CHROM line with <paramref name="samples"/>, and the records.</summary>
    public static string File(string[] meta, string[] samples, params string[] records)
    {
        var text = new StringBuilder("##fileformat=VCFv4.3\n");
        foreach (var line in meta)
        {
            text.Append(line).Append('\n');
        }

        text.Append(Columns);
        if (samples.Length > 0)
        {
            text.Append("\tFORMAT\t").Append(string.Join('\t', samples));
        }

        text.Append('\n');
        foreach (var record in records)
        {
            text.Append(record).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Records at 1:100, 1:200, … with ALT <paramref name="alt"/> and the given FORMAT and sample columns.</summary>
    public static string Genotypes(string[] meta, string alt, string format, params string[][] rows)
    {
        var samples = Enumerable.Range(0, rows[0].Length).Select(i => $"S{i}").ToArray();
        var records = rows.Select((row, i) => $"1\t{(i + 1) * 100}\t.\tA\t{alt}\t.\t.\t.\t{format}\t{string.Join('\t', row)}").ToArray();
        return File(meta, samples, records);
    }

    public static VcfReader Open(string text, VcfReaderOptions? options = null) =>
        VcfReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.vcf", options);

    /// <summary>Reads every record into one batch.</summary>
    public static (VcfReader Reader, VcfBatch Batch) Read(string text, VcfReaderOptions? options = null)
    {
        var reader = Open(text, options ?? new VcfReaderOptions { BatchByteBudget = 1L << 30 });
        var batch = reader.CreateBatch();
        reader.ReadBatch(batch);
        Assert.False(reader.ReadBatch(reader.CreateBatch()), "the snippet did not fit one batch");
        return (reader, batch);
    }

    public static VcfBatch Batch(string text, VcfReaderOptions? options = null) => Read(text, options).Batch;

    /// <summary>The error reading <paramref name="text"/> gives.</summary>
    public static GenomicsFormatException Error(string text, VcfReaderOptions? options = null) =>
        Assert.Throws<GenomicsFormatException>(() =>
        {
            using var reader = Open(text, options);
            var batch = reader.CreateBatch();
            while (reader.ReadBatch(batch))
            {
            }
        });

    /// <summary>The GT of every call, printed as bcftools prints it.</summary>
    public static string[][] Calls(VcfBatch batch) =>
        [.. Enumerable.Range(0, batch.Count).Select(v => Enumerable.Range(0, batch.SampleCount).Select(s => BcftoolsQueryFormat.Call(batch.Genotypes, v, s)).ToArray())];
}
