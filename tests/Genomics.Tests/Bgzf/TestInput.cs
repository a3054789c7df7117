using System.IO.Compression;
using System.Security.Cryptography;
using Genomics.Bgzf;

namespace Genomics.Tests.Bgzf;

/// <summary>Reading helpers shared by the BGZF tests: every available backend, several thread counts, error capture.</summary>
internal static class TestInput
{
    public const string Name = "sample.vcf.gz";

    public static IEnumerable<BgzfReaderOptions> AllOptions()
    {
        foreach (var backend in Enum.GetValues<InflateBackend>().Where(InflateBackends.IsAvailable))
        {
            foreach (var threads in new[] { 1, 2, 3 })
            {
                yield return new BgzfReaderOptions { Threads = threads, Backend = backend };
            }
        }
    }

    /// <summary>VCF-like text: repetitive enough to compress the way real files do.</summary>
    public static byte[] VcfLikeText(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        ReadOnlySpan<byte> alphabet = "0|1\t0/0\t./.\t1|1\tchr1\t123456\tA\tT\tPASS\tAC=3;AN=10\n"u8;
        var i = 0;
        while (i < length)
        {
            var start = random.Next(alphabet.Length);
            var run = Math.Min(random.Next(1, 24), Math.Min(alphabet.Length - start, length - i));
            alphabet.Slice(start, run).CopyTo(bytes.AsSpan(i));
            i += run;
            if (random.Next(16) == 0 && i < length)
            {
                bytes[i++] = (byte)random.Next(256);
            }
        }

        return bytes;
    }

    public static byte[] ReadAll(byte[] file, BgzfReaderOptions? options = null, int readSize = 50_000)
    {
        var (data, error) = ReadUntilError(file, options, readSize);
        if (error is not null)
        {
            throw error;
        }

        return data;
    }

    /// <summary>
    /// Reads until the end or a <see cref="GenomicsFormatException"/>, returning what was delivered before it.
    /// Any other exception escapes and fails the test: that is the point.
    /// </summary>
    public static (byte[] Data, GenomicsFormatException? Error) ReadUntilError(byte[] file, BgzfReaderOptions? options = null, int readSize = 50_000)
    {
        var delivered = new MemoryStream();
        try
        {
            using var input = DecompressedInput.Open(new MemoryStream(file, writable: false), Name, options);
            var buffer = new byte[readSize];
            int n;
            while ((n = input.Stream.Read(buffer)) > 0)
            {
                delivered.Write(buffer, 0, n);
            }

            return (delivered.ToArray(), null);
        }
        catch (GenomicsFormatException e)
        {
            return (delivered.ToArray(), e);
        }
    }

    /// <summary>What <c>gzip -dc</c> prints, via .NET's zlib (multi-member aware), independent of the reader under test.</summary>
    public static byte[] ReferenceGunzip(byte[] file)
    {
        using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    public static string Sha256(byte[] data) => Convert.ToHexString(SHA256.HashData(data));
}
