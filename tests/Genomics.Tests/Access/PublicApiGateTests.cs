using System.Reflection;
using Genomics.Access;
using Xunit.Abstractions;

namespace Genomics.Tests.Access;

/// <summary>
/// Enforcement is in the library: every public entry point of the engine that opens participant-level input (a path or
/// a stream, in the namespaces that read genotype files and datasets) must take an <see cref="AccessAuthorization"/>,
/// which only the gate creates; the readers beneath them are internal. A new ungated public entry point fails the test
/// until it takes an authorization or is exempted in <see cref="NoParticipantData"/> with its reason.
/// </summary>
public sealed class PublicApiGateTests(ITestOutputHelper output)
{
    /// <summary>Namespaces whose public members read genotype files, datasets or their decompressed bytes.</summary>
    private static readonly string[] ParticipantNamespaces =
        ["Genomics.Vcf", "Genomics.Plink", "Genomics.Bgzf", "Genomics.Dataset", "Genomics.Conversion", "Genomics.Export", "Genomics.Inspection", "Genomics.Cohorts", "Genomics.Stats"];

    /// <summary>Members that take a path only to name it or to read non-participant metadata, with the reason.</summary>
    private static readonly Dictionary<string, string> NoParticipantData = new(StringComparer.Ordinal)
    {
        ["Genomics.Bgzf.CompressionDetector.Detect(ReadOnlySpan`1, Boolean, String)"] = "inspects bytes the caller already read; the path names them in messages",
        ["Genomics.Dataset.DatasetManifest.Read(String)"] = "manifest.json: tier, input hashes, row counts",
        ["Genomics.Dataset.DatasetManifest.Write(String)"] = "manifest.json: tier, input hashes, row counts",
        ["Genomics.Plink.PlinkPaths.FromAnyPath(String)"] = "resolves file names, opens nothing",
        ["Genomics.Plink.PlinkPaths.LooksLikeFileset(String)"] = "checks that files exist",
        ["Genomics.Plink.FamRecord.ctor(String, String, String, String, PlinkSex, String, SourceLine)"] = "a record of values (familyId matched the name scan)",
        ["Genomics.Inspection.ParquetInspector.TierOf(String)"] = "reads the footer's genomics.tier key-value metadata only",
        ["Genomics.Stats.SummaryWriter.IsText(String)"] = "looks at the file name's extension",
        ["Genomics.Stats.SummaryFile.Open(String)"] = "reads a summary's tier (Parquet footer or TSV header line), no rows; ReadRows takes the authorization",
    };

    [Fact]
    public void Every_public_entry_point_that_opens_participant_data_takes_an_authorization()
    {
        var ungated = EntryPoints().Where(e => !e.Gated && !NoParticipantData.ContainsKey(e.Signature)).Select(e => e.Signature).Order(StringComparer.Ordinal).ToList();
        output.WriteLine(string.Join("\n", ungated));
        Assert.True(ungated.Count == 0, "public entry points reach participant-level data without an AccessAuthorization: " + string.Join("; ", ungated));
        var stale = NoParticipantData.Keys.Except(EntryPoints().Select(e => e.Signature)).ToList();
        Assert.True(stale.Count == 0, "exempted members that no longer exist (remove them): " + string.Join("; ", stale));
    }

    [Fact]
    public void The_scan_sees_the_gated_entry_points()
    {
        // Guards the scan itself: if it stopped finding the entry points, the test above would pass vacuously.
        var gated = EntryPoints().Where(e => e.Gated).Select(e => e.Signature).ToList();
        string[] expected =
        [
            "Genomics.Conversion.VcfConverter.Convert(AccessAuthorization, String, String, VcfConversionOptions)",
            "Genomics.Conversion.VcfConverter.Convert(AccessAuthorization, Stream, String, Nullable`1, String, VcfConversionOptions)",
            "Genomics.Conversion.PlinkConverter.Convert(AccessAuthorization, String, String, PlinkConversionOptions)",
            "Genomics.Export.PlinkExporter.Export(AccessAuthorization, String, String)",
            "Genomics.Dataset.DatasetReader.Open(AccessAuthorization, String)",
            "Genomics.Stats.Summarizer.Run(AccessAuthorization, String, String, SummaryOptions)",
            "Genomics.Inspection.ParquetInspector.Inspect(AccessAuthorization, String, Int32)",
        ];
        Assert.Empty(expected.Except(gated));
    }

    [Fact]
    public void The_readers_below_the_entry_points_are_not_public()
    {
        // They parse genotypes without asking the gate; only the engine itself (after the gate) may construct them.
        var engine = typeof(AccessGate).Assembly;
        string[] readers =
        [
            "Genomics.Vcf.VcfReader", "Genomics.Plink.BedReader", "Genomics.Plink.BimReader", "Genomics.Plink.FamReader",
            "Genomics.Plink.PlinkFileset", "Genomics.Bgzf.BgzfStream", "Genomics.Bgzf.DecompressedInput", "Genomics.Cohorts.CohortsFile",
        ];
        foreach (var name in readers)
        {
            var type = engine.GetType(name);
            Assert.True(type is not null, $"{name} not found (renamed? update this list)");
            var publicFactories = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => !m.IsSpecialName);
            Assert.True(!type.IsPublic || !publicFactories.Any(), $"{name} is reachable from the public API");
        }
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
