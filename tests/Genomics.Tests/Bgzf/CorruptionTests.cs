using Genomics.Bgzf;

namespace Genomics.Tests.Bgzf;

public class CorruptionTests
{
    private static readonly byte[] Data = TestInput.VcfLikeText(12_000, 17);

    private static readonly BgzfTestFile File = TestBgzfWriter.Write(Data, [5000, 3000], extraSubfields: true);

    // Inflated bytes in the blocks before block i: the chunks are 5000, 3000 and the last 4000.
    private static readonly int[] DataBefore = [0, 5000, 8000, 12_000];

    [Fact]
    public void Every_flipped_byte_is_reported_or_harmless()
    {
        // Every mask and backend inline; the parallel path once (it shares the checks, only delivery differs).
        foreach (var options in TestInput.AllOptions().Where(o => o.Threads == 1))
        {
            foreach (var mask in new byte[] { 0xff, 0x01, 0x80 })
            {
                for (var position = 0; position < File.Bytes.Length; position++)
                {
                    CheckFlip(position, mask, options);
                }
            }
        }

        var parallel = new BgzfReaderOptions { Threads = 2 };
        for (var position = 0; position < File.Bytes.Length; position++)
        {
            CheckFlip(position, 0xff, parallel);
        }
    }

    [Fact]
    public void Flip_in_compressed_data_names_the_block_offset()
    {
        var blockStart = (int)File.BlockOffsets[1];
        var damaged = (byte[])File.Bytes.Clone();
        damaged[blockStart + 40] ^= 0x10;
        var (data, error) = TestInput.ReadUntilError(damaged, new BgzfReaderOptions { Threads = 2 });
        Assert.NotNull(error);
        Assert.Equal(InputErrorKind.Corrupt, error.Kind);
        Assert.Equal(blockStart, error.Offset);
        Assert.StartsWith($"{TestInput.Name}: byte {blockStart}: damaged BGZF block", error.Message, StringComparison.Ordinal);
        Assert.True(Data.AsSpan(0, 5000).SequenceEqual(data));
    }

    [Fact]
    public void Bytes_after_the_end_of_file_block_are_corrupt()
    {
        byte[] file = [.. File.Bytes, (byte)'\n'];
        var (data, error) = TestInput.ReadUntilError(file);
        Assert.NotNull(error);
        Assert.Equal(InputErrorKind.Corrupt, error.Kind);
        Assert.Equal(File.Bytes.Length, error.Offset);
        Assert.True(Data.AsSpan().SequenceEqual(data));
    }

    [Fact]
    public void Plain_gzip_flipped_bytes_are_reported_or_harmless()
    {
        var data = TestInput.VcfLikeText(8_000, 23);
        var file = TestBgzfWriter.WriteGzip(data, members: 2);
        for (var position = 0; position < file.Length; position++)
        {
            var damaged = (byte[])file.Clone();
            damaged[position] ^= 0xff;
            var (delivered, error) = TestInput.ReadUntilError(damaged);
            if (error is null)
            {
                // Harmless: gzip's MTIME/XFL/OS, or a broken magic that makes the file plain bytes for the parser to reject.
                var passedThrough = position < 2 && delivered.AsSpan().SequenceEqual(damaged);
                Assert.True(passedThrough || delivered.AsSpan().SequenceEqual(data), $"flip at {position} went unnoticed");
                continue;
            }

            Assert.True(error.Kind is InputErrorKind.Corrupt or InputErrorKind.Truncated, $"flip at {position}: {error.Message}");
            Assert.StartsWith($"{TestInput.Name}: byte ", error.Message, StringComparison.Ordinal);
        }
    }

    private static void CheckFlip(int position, byte mask, BgzfReaderOptions options)
    {
        var damaged = (byte[])File.Bytes.Clone();
        damaged[position] ^= mask;
        var (data, error) = TestInput.ReadUntilError(damaged, options);
        var block = File.BlockOffsets.Count(o => o <= position) - 1;
        var blockStart = (int)File.BlockOffsets[block];
        var within = position - blockStart;
        var isEndMarker = block == File.BlockOffsets.Count - 1;
        var headerLength = File.Bytes[blockStart + 10] == 13 ? 25 : 18;
        var ignoredField = within is >= 4 and <= 9 || (headerLength == 25 && within is 12 or 13 or 16 or 17 or 18);
        var context = $"flip {mask:x2} at {position} (block {block} +{within}, threads {options.Threads}, {options.Backend})";

        if (ignoredField)
        {
            // MTIME, XFL, OS and foreign subfields carry nothing the reader uses; only the end marker must be exact.
            if (isEndMarker)
            {
                Assert.True(error is null || error.Kind == InputErrorKind.Truncated, context);
            }
            else
            {
                Assert.True(error is null, $"{context}: {error?.Message}");
            }

            return;
        }

        if (error is null)
        {
            // A flipped back-reference can point at an identical earlier copy of the text: the output, and so the
            // CRC, is unchanged and there is nothing to report. Anything else must be caught.
            Assert.True(within >= headerLength && data.AsSpan().SequenceEqual(Data), $"{context} went unnoticed");
            return;
        }

        Assert.StartsWith($"{TestInput.Name}: byte ", error.Message, StringComparison.Ordinal);
        Assert.True(Data.AsSpan(0, data.Length).SequenceEqual(data), $"{context}: delivered bytes differ from the data");
        if (isEndMarker && error.Kind == InputErrorKind.Truncated)
        {
            // A damaged end marker may still inflate (a flipped padding bit), but it is no longer the marker.
            Assert.Equal(Data.Length, data.Length);
        }
        else if (within >= headerLength)
        {
            // Damage to data or trailer: always Corrupt, at the block's own offset, after all earlier blocks.
            Assert.True(error.Kind == InputErrorKind.Corrupt, $"{context}: {error.Message}");
            Assert.Equal(blockStart, error.Offset);
            Assert.Equal(DataBefore[block], data.Length);
        }
        else
        {
            Assert.True(error.Kind is InputErrorKind.Corrupt or InputErrorKind.Truncated or InputErrorKind.NotRecognized, $"{context}: {error.Message}");
        }
    }
}
