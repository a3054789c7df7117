namespace Genomics.Parquet.Tests.Corruption;

/// <summary>
/// Damaged bytes anywhere in a file: reading may succeed (a changed value byte is just another value) or
/// fail with <see cref="ParquetFormatException"/>; any other exception, a hang, a slow read or a huge
/// allocation is a bug. Seeds are fixed so every run damages the same bytes.
/// </summary>
public class ByteFlipTests
{
    public static TheoryData<ParquetCompression, bool, int> Variants() => new()
    {
        // Reading a zstd file costs most (libzstd sets up a context per page), so it gets fewer trials.
        { ParquetCompression.Zstd, false, 500 },
        { ParquetCompression.Snappy, false, 800 },
        { ParquetCompression.Snappy, true, 700 },
        { ParquetCompression.Gzip, true, 500 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Single_byte_changes(ParquetCompression compression, bool v2, int trials)
    {
        trials *= Properties.PropertyRunner.Scale;
        var file = (byte[])SampleFiles.Get(compression, v2).Clone();
        var metadata = MetadataBytes(file);
        var rng = new Random(17 + (int)compression + (v2 ? 100 : 0));
        var failures = 0;
        Guard.WithTimeout(TimeSpan.FromSeconds(60 * Properties.PropertyRunner.Scale), () =>
        {
            for (var trial = 0; trial < trials; trial++)
            {
                // Half the changes hit page headers and the footer, where lengths and counts live.
                var p = trial % 2 == 0 ? metadata[rng.Next(metadata.Length)] : rng.Next(file.Length);
                var original = file[p];
                file[p] ^= trial % 4 < 2 ? (byte)(1 << rng.Next(8)) : (byte)rng.Next(1, 256);
                if (Outcome.SucceedsOrFormatError(() => SampleFiles.ReadAll(file), $"byte {p} changed from {original:X2} to {file[p]:X2}") is not null)
                {
                    failures++;
                }

                file[p] = original;
            }
        });

        // Both outcomes occur: damage in headers and lengths is detected, damage in values may pass.
        Assert.InRange(failures, trials / 10, trials - 1);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Multi_byte_garbage(ParquetCompression compression, bool v2, int trials)
    {
        trials *= Properties.PropertyRunner.Scale;
        var original = SampleFiles.Get(compression, v2);
        var metadata = MetadataBytes(original);
        var rng = new Random(99 + (int)compression + (v2 ? 100 : 0));
        Guard.WithTimeout(TimeSpan.FromSeconds(60 * Properties.PropertyRunner.Scale), () =>
        {
            for (var trial = 0; trial < trials / 4; trial++)
            {
                var file = (byte[])original.Clone();
                var length = rng.Next(2, 25);
                var p = Math.Min(trial % 2 == 0 ? metadata[rng.Next(metadata.Length)] : rng.Next(file.Length), file.Length - length);
                var span = file.AsSpan(p, length);
                switch (trial % 4)
                {
                    case 0:
                        span.Fill(0xFF); // varints that do not end, huge lengths and counts
                        break;
                    case 1:
                        span.Fill(0x00);
                        break;
                    default:
                        rng.NextBytes(span);
                        break;
                }

                Outcome.SucceedsOrFormatError(() => SampleFiles.ReadAll(file), $"bytes {p}..{p + length} overwritten (trial {trial})");
            }
        });
    }

    /// <summary>Positions of page-header and footer bytes (with the footer length and magic).</summary>
    internal static int[] MetadataBytes(byte[] file)
    {
        var (meta, footerStart, _) = FileSurgery.Footer(file);
        var positions = new List<int>(Enumerable.Range(footerStart, file.Length - footerStart));
        positions.AddRange(Enumerable.Range(0, 4));
        foreach (var chunk in meta.RowGroups.SelectMany(rg => rg.Columns))
        {
            foreach (var page in FileSurgery.Pages(file, chunk.MetaData!))
            {
                positions.AddRange(Enumerable.Range(page.Offset, page.HeaderLength));
            }
        }

        return [.. positions];
    }
}
