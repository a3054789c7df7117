using FsCheck;
using FsCheck.Fluent;
using Genomics.Parquet.Writing;

namespace Genomics.Parquet.Tests.Properties;

/// <summary>The writer's 64-bit dictionary table against the BCL dictionary it replaced.</summary>
public class Int64IndexTableProperties
{
    /// <summary>Keys with many repeats (a small pool) or mostly distinct, across growth and clears.</summary>
    private static Gen<long[][]> Chunks { get; } = Gen.Frequency(
            (2, Gen.Choose(1, 40).SelectMany(pool => PropertyRunner.AnyInt64.ArrayOf(pool)).SelectMany(pool => Gen.Elements(pool).ArrayOf())),
            (2, PropertyRunner.AnyInt64.ArrayOf()),
            (1, Gen.Choose(0, 5000).Select(n => Enumerable.Range(0, n).Select(i => (long)i * 1024).ToArray())),
            (1, Gen.Choose(0, 5000).Select(n => Enumerable.Range(0, n).Select(i => BitConverter.DoubleToInt64Bits(i / 7.0)).ToArray())))
        .ArrayOf()
        .Select(a => a.Take(4).ToArray());

    [Fact]
    public void Lookups_and_inserts_agree_with_a_dictionary()
    {
        var table = new Int64IndexTable();
        PropertyRunner.Check(Chunks, 200, chunks =>
        {
            foreach (var keys in chunks)
            {
                // One table reused across chunks, as an encoder reuses it across column chunks.
                table.Clear();
                var reference = new Dictionary<long, int>();
                foreach (var key in keys)
                {
                    var found = table.Find(key, out var slot);
                    if (reference.TryGetValue(key, out var expected))
                    {
                        Assert.Equal(expected, found);
                        continue;
                    }

                    Assert.Equal(-1, found);
                    reference.Add(key, reference.Count);
                    table.Insert(slot, key, reference.Count - 1);
                }

                Assert.Equal(reference.Count, table.Count);
                foreach (var (key, index) in reference)
                {
                    Assert.Equal(index, table.Find(key, out _));
                }
            }
        });
    }
}
