using System.Reflection;
using Genomics.Access;
using Xunit.Abstractions;

namespace Genomics.Tests.Access;

/// <summary>
/// Enforcement is in the library: every public entry point of the engine that opens participant-level input (a path or
/// a stream, in the namespaces that read genotype files and datasets) must take an <see cref="AccessAuthorization"/>,
/// which only the gate creates. Entry points written before the gate are listed in <see cref="NotYetGated"/>; wiring
/// one to the gate removes it from the list (the test fails on a stale entry), and a new ungated one fails the test.
/// </summary>
public sealed class PublicApiGateTests(ITestOutputHelper output)
{
    /// <summary>Namespaces whose public members read genotype files, datasets or their decompressed bytes.</summary>
    private static readonly string[] ParticipantNamespaces =
        ["Genomics.Vcf", "Genomics.Plink", "Genomics.Bgzf", "Genomics.Dataset", "Genomics.Conversion", "Genomics.Export", "Genomics.Inspection", "Genomics.Cohorts", "Genomics.Stats"];

    /// <summary>Ungated entry points that predate the gate (issue 6: to be wired to an AccessAuthorization parameter).</summary>
    private static readonly HashSet<string> NotYetGated =
    [
        "Genomics.Bgzf.BgzfStream.ctor(Stream, String, BgzfReaderOptions, Boolean)",
        "Genomics.Bgzf.DecompressedInput.Open(Stream, String, BgzfReaderOptions, Boolean)",
        "Genomics.Bgzf.DecompressedInput.Open(String, BgzfReaderOptions)",
        "Genomics.Conversion.PlinkConverter.Convert(String, String, PlinkConversionOptions)",
        "Genomics.Conversion.VcfConverter.Convert(Stream, String, Nullable`1, String, VcfConversionOptions)",
        "Genomics.Conversion.VcfConverter.Convert(String, String, VcfConversionOptions)",
        "Genomics.Dataset.DatasetReader.Open(String)",
        "Genomics.Export.PlinkExporter.Export(String, String)",
        "Genomics.Inspection.ParquetInspector.Inspect(String, Int32)",
        "Genomics.Plink.BedReader.Open(String, Int32, Int64)",
        "Genomics.Plink.BedWriter.Create(String, Int32)",
        "Genomics.Plink.BedWriter.ctor(Stream, Int32, Boolean)",
        "Genomics.Plink.BimReader.CountRecords(String)",
        "Genomics.Plink.BimReader.Open(String)",
        "Genomics.Plink.BimReader.ReadAll(String)",
        "Genomics.Plink.BimReader.ctor(Stream, String, Boolean)",
        "Genomics.Plink.BimWriter.Create(String)",
        "Genomics.Plink.BimWriter.ctor(Stream, Boolean)",
        "Genomics.Plink.FamReader.Read(Stream, String)",
        "Genomics.Plink.FamReader.Read(String)",
        "Genomics.Plink.FamWriter.Write(Stream, IEnumerable`1)",
        "Genomics.Plink.FamWriter.Write(String, IEnumerable`1)",
        "Genomics.Plink.PlinkFileset.Open(String)",
        "Genomics.Plink.PlinkFilesetWriter.Create(String, IReadOnlyList`1)",
        "Genomics.Vcf.VcfReader.Open(Stream, String, VcfReaderOptions, Boolean)",
        "Genomics.Vcf.VcfReader.Open(String, VcfReaderOptions)",
    ];

    /// <summary>Members that take a path only to name it or to read non-participant metadata, with the reason.</summary>
    private static readonly Dictionary<string, string> NoParticipantData = new(StringComparer.Ordinal)
    {
        ["Genomics.Bgzf.CompressionDetector.Detect(ReadOnlySpan`1, Boolean, String)"] = "inspects bytes the caller already read; the path names them in messages",
        ["Genomics.Dataset.DatasetManifest.Read(String)"] = "manifest.json: tier, input hashes, row counts",
        ["Genomics.Dataset.DatasetManifest.Write(String)"] = "manifest.json: tier, input hashes, row counts",
        ["Genomics.Plink.PlinkPaths.FromAnyPath(String)"] = "resolves file names, opens nothing",
        ["Genomics.Plink.PlinkPaths.LooksLikeFileset(String)"] = "checks that files exist",
        ["Genomics.Plink.FamRecord.ctor(String, String, String, String, PlinkSex, String, SourceLine)"] = "a record of values (familyId matched the name scan)",
        ["Genomics.Stats.SummaryFile.Open(String)"] = "reads a summary's tier (Parquet footer or TSV header line), no rows; ReadRows takes the authorization",
    };

    [Fact]
    public void Every_public_entry_point_that_opens_participant_data_takes_an_authorization()
    {
        var found = EntryPoints().ToList();
        var ungated = found.Where(e => !e.Gated && !NoParticipantData.ContainsKey(e.Signature)).Select(e => e.Signature).Order(StringComparer.Ordinal).ToList();
        output.WriteLine(string.Join("\n", ungated.Select(s => $"        \"{s}\",")));
        var newUngated = ungated.Except(NotYetGated).ToList();
        var stale = NotYetGated.Except(ungated).ToList();
        Assert.True(newUngated.Count == 0, "public entry points reach participant-level data without an AccessAuthorization: " + string.Join("; ", newUngated));
        Assert.True(stale.Count == 0, "listed as not yet gated but gone or gated now (remove them from the list): " + string.Join("; ", stale));
    }

    [Fact]
    public void The_scan_sees_the_known_readers()
    {
        // Guards the scan itself: if it stopped finding the readers, the test above would pass vacuously.
        var signatures = EntryPoints().Select(e => e.Signature).ToList();
        Assert.Contains(signatures, s => s.StartsWith("Genomics.Plink.BedReader", StringComparison.Ordinal));
        Assert.Contains(signatures, s => s.StartsWith("Genomics.Dataset.DatasetReader", StringComparison.Ordinal));
        Assert.Contains(signatures, s => s.StartsWith("Genomics.Conversion.PlinkConverter.Convert", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Signature, bool Gated)> EntryPoints()
    {
        var engine = typeof(AccessGate).Assembly;
        foreach (var type in engine.GetExportedTypes().Where(t => ParticipantNamespaces.Any(n => t.Namespace?.StartsWith(n, StringComparison.Ordinal) == true)))
        {
            // A record's constructor only stores values (results, paths for messages); it opens nothing.
            var isRecord = type.GetMethod("<Clone>$") is not null;
            var members = (isRecord ? [] : type.GetConstructors().Cast<MethodBase>())
                .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName));
            foreach (var member in members)
            {
                var parameters = member.GetParameters();
                if (!parameters.Any(OpensInput))
                {
                    continue;
                }

                var signature = $"{type.FullName}.{(member.IsConstructor ? "ctor" : member.Name)}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))})";
                yield return (signature, parameters.Any(p => p.ParameterType == typeof(AccessAuthorization)));
            }
        }
    }

    /// <summary>A path or a stream: how an input reaches the engine.</summary>
    private static bool OpensInput(ParameterInfo parameter) =>
        typeof(Stream).IsAssignableFrom(parameter.ParameterType)
        || (parameter.ParameterType == typeof(string) && parameter.Name is { } name
            && new[] { "path", "file", "input", "prefix", "dataset", "folder", "directory", "bed", "bim", "fam", "vcf" }.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)));
}
