using Genomics.Tests.Plink;

namespace Genomics.Tests.Conversion;

/// <summary>The PLINK filesets in testdata/, found by looking (every .bed with a .bim and .fam beside it).</summary>
internal static class TestFilesets
{
    /// <summary>Filesets that are broken on purpose; the bad-input tests use them.</summary>
    public static readonly IReadOnlySet<string> Broken = new HashSet<string>(StringComparer.Ordinal) { "bed-reader/small_too_short" };

    /// <summary>Every readable fileset, as a prefix relative to testdata/.</summary>
    public static IReadOnlyList<string> Readable { get; } = Discover().Where(p => !Broken.Contains(p)).ToList();

    /// <summary>The plink2 --dummy filesets with their goldens.</summary>
    public static IReadOnlyList<string> Golden { get; } = Readable.Where(p => p.StartsWith("golden/plink2/", StringComparison.Ordinal)).ToList();

    public static TheoryData<string> ReadableData => [.. Readable];

    public static TheoryData<string> GoldenData => [.. Golden];

    public static string PathOf(string prefix) => PlinkTestData.Path(prefix);

    /// <summary>True for a legacy sample-major .bed (mode byte 0x00).</summary>
    public static bool IsSampleMajor(string prefix)
    {
        using var bed = File.OpenRead(PathOf(prefix) + ".bed");
        Span<byte> header = stackalloc byte[3];
        bed.ReadExactly(header);
        return header[2] == 0x00;
    }

    private static IEnumerable<string> Discover()
    {
        var root = PlinkTestData.Path("");
        return Directory.EnumerateFiles(root, "*.bed", SearchOption.AllDirectories)
            .Select(bed => bed[..^4])
            .Where(prefix => File.Exists(prefix + ".bim") && File.Exists(prefix + ".fam"))
            .Select(prefix => Path.GetRelativePath(root, prefix).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }
}
