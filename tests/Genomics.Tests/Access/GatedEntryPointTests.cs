using Genomics.Access;
using Genomics.Conversion;
using Genomics.Dataset;
using Genomics.Export;
using Genomics.Stats;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Access;

/// <summary>
/// The engine's public entry points check the authorization they are given: one made by the gate for the operation
/// opens the data; one made for another operation is refused before any output exists.
/// </summary>
public sealed class GatedEntryPointTests : IDisposable
{
    private readonly GrantFixture fixture = new();
    private readonly TemporaryDirectory directory = new();

    public void Dispose()
    {
        fixture.Dispose();
        directory.Dispose();
    }

    [Fact]
    public void Each_entry_point_opens_with_its_own_operation_and_refuses_another()
    {
        var fileset = PlinkTestData.Path("bed-reader/some_missing");
        var dataset = directory.File("dataset");
        PlinkConverter.Convert(Authorize(AccessOperation.Convert), fileset, dataset);
        Assert.True(File.Exists(Path.Combine(dataset, "manifest.json")));
        Assert.Equal(100, DatasetReader.Open(Authorize(AccessOperation.ReadGenotypes), dataset).Manifest.VariantCount);
        Assert.Equal(100, PlinkExporter.Export(Authorize(AccessOperation.ExportPlink), dataset, directory.File("back")).Variants);
        Assert.True(Summarizer.Run(Authorize(AccessOperation.Summarize), fileset, directory.File("s.parquet")).Rows > 0);

        var wrong = Authorize(AccessOperation.ShowControlledSummary);
        Assert.Throws<AccessDeniedException>(() => PlinkConverter.Convert(wrong, fileset, directory.File("d2")));
        Assert.Throws<AccessDeniedException>(() => VcfConverter.Convert(wrong, PlinkTestData.Path("sim/demo.vcf.gz"), directory.File("d3")));
        Assert.Throws<AccessDeniedException>(() => DatasetReader.Open(wrong, dataset));
        Assert.Throws<AccessDeniedException>(() => PlinkExporter.Export(wrong, dataset, directory.File("back2")));
        Assert.Throws<AccessDeniedException>(() => Summarizer.Run(wrong, fileset, directory.File("s2.parquet")));
        Assert.Throws<ArgumentNullException>(() => PlinkConverter.Convert(null!, fileset, directory.File("d4")));
        foreach (var name in new[] { "d2", "d3", "back2.bed", "s2.parquet", "d4" })
        {
            Assert.False(Path.Exists(directory.File(name)), name);
        }
    }

    private AccessAuthorization Authorize(AccessOperation operation) =>
        new AccessGate(fixture.Trust, new AuditLog(directory.File("audit.jsonl")), new FixedClock(GrantFixture.Now))
            .Authorize(Grant.Parse(fixture.Issue(GrantFixture.ValidClaims)), operation);
}
