using Genomics.Vcf;

namespace Genomics.Tests.Vcf;

/// <summary>Reads whole files for tests: every batch, with the reader's warnings.</summary>
internal static class VcfFiles
{
    /// <summary>Reads every record (in small batches, to exercise batch boundaries) and calls <paramref name="onBatch"/> for each batch.</summary>
    public static VcfReader ReadAll(string path, Action<VcfBatch>? onBatch = null, VcfReaderOptions? options = null)
    {
        var reader = VcfReader.Open(path, options ?? new VcfReaderOptions { BatchByteBudget = 4096, MaxVariantsPerBatch = 7 });
        try
        {
            var batch = reader.CreateBatch();
            while (reader.ReadBatch(batch))
            {
                onBatch?.Invoke(batch);
            }

            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }
}
