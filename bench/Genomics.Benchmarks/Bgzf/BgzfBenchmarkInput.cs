using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Genomics.Bgzf;

namespace Genomics.Benchmarks.Bgzf;

/// <summary>
/// A ~100 MB genotype-only VCF, BGZF-compressed at zlib's default level in 0xff00-byte chunks as bgzip does, made
/// once and kept in the temp folder so each benchmark process does not rebuild it.
/// </summary>
internal static class BgzfBenchmarkInput
{
    public const long TargetInflatedLength = 100_000_000;

    private const int Samples = 1000;

    public static string Path => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "genomics-bench-bgzf-v1.vcf.gz");

    /// <summary>Bytes the file inflates to, read from its blocks' ISIZE fields.</summary>
    public static long InflatedLength(string path)
    {
        using var input = File.OpenRead(path);
        return InflatedLength(input);
    }

    public static void EnsureExists()
    {
        if (File.Exists(Path))
        {
            return;
        }

        var temporary = Path + $".{Environment.ProcessId}.tmp";
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var pending = new MemoryStream();
            foreach (var line in VcfLines())
            {
                pending.Write(line);
                while (pending.Length >= 0xff00)
                {
                    WriteBlock(output, pending.GetBuffer().AsSpan(0, 0xff00));
                    var rest = pending.GetBuffer().AsSpan(0xff00, (int)pending.Length - 0xff00).ToArray();
                    pending.SetLength(0);
                    pending.Write(rest);
                }
            }

            if (pending.Length > 0)
            {
                WriteBlock(output, pending.GetBuffer().AsSpan(0, (int)pending.Length));
            }

            output.Write(
            [
                0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43,
                0x02, 0x00, 0x1b, 0x00, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
            ]);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    private static IEnumerable<byte[]> VcfLines()
    {
        var random = new Random(20240611);
        var header = new StringBuilder("##fileformat=VCFv4.3\n##contig=<ID=chr1>\n")
            .Append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n")
            .Append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        for (var s = 0; s < Samples; s++)
        {
            header.Append("\tS").Append(s);
        }

        yield return Encoding.ASCII.GetBytes(header.Append('\n').ToString());
        long written = 0;
        var position = 10_000;
        const string bases = "ACGT";
        var line = new StringBuilder();
        while (written < TargetInflatedLength)
        {
            // A skewed allele-frequency spectrum, as in real cohorts: most sites rare, a few common.
            var frequency = Math.Pow(random.NextDouble(), 4) / 2;
            position += random.Next(1, 400);
            line.Clear().Append("chr1\t").Append(position).Append("\t.\t").Append(bases[random.Next(4)]).Append('\t')
                .Append(bases[random.Next(4)]).Append("\t.\tPASS\t.\tGT");
            for (var s = 0; s < Samples; s++)
            {
                var a = random.NextDouble() < frequency ? '1' : '0';
                var b = random.NextDouble() < frequency ? '1' : '0';
                line.Append('\t').Append(a).Append('|').Append(b);
            }

            var bytes = Encoding.ASCII.GetBytes(line.Append('\n').ToString());
            written += bytes.Length;
            yield return bytes;
        }
    }

    private static void WriteBlock(Stream output, ReadOnlySpan<byte> chunk)
    {
        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(chunk);
        }

        Span<byte> header = [0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43, 0x02, 0x00, 0, 0];
        BinaryPrimitives.WriteUInt16LittleEndian(header[16..], (ushort)(18 + deflated.Length + 8 - 1));
        output.Write(header);
        output.Write(deflated.GetBuffer().AsSpan(0, (int)deflated.Length));
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, ManagedCrc32.Compute(chunk));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)chunk.Length);
        output.Write(trailer);
    }

    private static long InflatedLength(Stream input)
    {
        long total = 0;
        Span<byte> header = stackalloc byte[18];
        Span<byte> trailer = stackalloc byte[4];
        while (input.Read(header) == header.Length)
        {
            var blockLength = BinaryPrimitives.ReadUInt16LittleEndian(header[16..]) + 1;
            input.Seek(blockLength - 18 - 4, SeekOrigin.Current);
            input.ReadExactly(trailer);
            total += BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        }

        return total;
    }
}
