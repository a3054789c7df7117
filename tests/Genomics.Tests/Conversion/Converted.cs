using Genomics.Conversion;
using Genomics.Dataset;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Conversion;

/// <summary>Converts a fileset into a dataset inside a temporary directory (deleted on dispose).</summary>
internal sealed class Converted : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public Converted(string fileset, GenotypeColumn genotypes, long? genotypesPerRowGroup = null)
    {
        Dataset = directory.File("dataset");
        var options = new PlinkConversionOptions { Genotypes = genotypes };
        if (genotypesPerRowGroup is { } budget)
        {
            options = options with { GenotypesPerRowGroup = budget };
        }

        PlinkConverter.Convert(fileset, Dataset, options);
    }

    public string Dataset { get; }

    public TemporaryDirectory Directory => directory;

    public DatasetContents Read() => DatasetContents.Read(Dataset);

    public void Dispose() => directory.Dispose();
}
