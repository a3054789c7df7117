namespace Genomics.Benchmarks.Parquet;

/// <summary>Genotype codes with a plausible mix: mostly homozygous reference, some het, few hom-alt, a little missing.</summary>
internal static class GenotypeData
{
    public static sbyte[] Values(int count, int seed)
    {
        var rng = new Random(seed);
        var values = new sbyte[count];
        for (var i = 0; i < count; i++)
        {
            var r = rng.Next(100);
            values[i] = (sbyte)(r < 80 ? 0 : r < 92 ? 1 : r < 97 ? 2 : -1);
        }

        return values;
    }
}
