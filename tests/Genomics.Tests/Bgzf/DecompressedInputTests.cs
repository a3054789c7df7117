using Genomics.Bgzf;

namespace Genomics.Tests.Bgzf;

public class DecompressedInputTests
{
    [Fact]
    public void Zero_byte_file_is_not_recognized()
    {
        var path = Path.Combine(Path.GetTempPath(), $"genomics-bgzf-empty-{Guid.NewGuid():N}.vcf.gz");
        System.IO.File.WriteAllBytes(path, []);
        try
        {
            var e = Assert.Throws<GenomicsFormatException>(() => DecompressedInput.Open(path));
            Assert.Equal(InputErrorKind.NotRecognized, e.Kind);
            Assert.Equal($"{path}: byte 0: empty file", e.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Uncompressed_file_passes_through()
    {
        var text = TestInput.VcfLikeText(200_000, 8);
        using var input = DecompressedInput.Open(new MemoryStream(text), "x.vcf");
        Assert.Equal(CompressionFormat.Uncompressed, input.Format);
        using var output = new MemoryStream();
        input.Stream.CopyTo(output);
        Assert.True(output.ToArray().AsSpan().SequenceEqual(text));
        Assert.Equal(new InputLocation(123), input.Locate(123));
    }

    [Theory]
    [InlineData(CompressionFormat.Uncompressed)]
    [InlineData(CompressionFormat.Gzip)]
    [InlineData(CompressionFormat.Bgzf)]
    public void Sources_that_cannot_seek_are_replayed_after_detection(CompressionFormat format)
    {
        var data = TestInput.VcfLikeText(300_000, 12);
        var file = format switch
        {
            CompressionFormat.Bgzf => TestBgzfWriter.Write(data).Bytes,
            CompressionFormat.Gzip => TestBgzfWriter.WriteGzip(data, 3),
            _ => data,
        };
        using var input = DecompressedInput.Open(new ForwardOnlyStream(file), "pipe", new BgzfReaderOptions { Threads = 2 });
        Assert.Equal(format, input.Format);
        using var output = new MemoryStream();
        input.Stream.CopyTo(output);
        Assert.True(output.ToArray().AsSpan().SequenceEqual(data));
    }

    [Theory]
    [InlineData(CompressionFormat.Uncompressed)]
    [InlineData(CompressionFormat.Gzip)]
    [InlineData(CompressionFormat.Bgzf)]
    public void Leave_open_is_respected(CompressionFormat format)
    {
        var data = TestInput.VcfLikeText(1000, 12);
        var file = format switch
        {
            CompressionFormat.Bgzf => TestBgzfWriter.Write(data).Bytes,
            CompressionFormat.Gzip => TestBgzfWriter.WriteGzip(data),
            _ => data,
        };
        var source = new MemoryStream(file);
        DecompressedInput.Open(source, "x", leaveOpen: true).Dispose();
        Assert.True(source.CanRead);
        source.Position = 0;
        DecompressedInput.Open(source, "x", leaveOpen: false).Dispose();
        Assert.False(source.CanRead);
    }

    [Fact]
    public void Opens_files_of_each_format_from_disk()
    {
        var data = TestInput.VcfLikeText(150_000, 13);
        foreach (var (format, bytes) in new[]
                 {
                     (CompressionFormat.Bgzf, TestBgzfWriter.Write(data).Bytes),
                     (CompressionFormat.Gzip, TestBgzfWriter.WriteGzip(data)),
                     (CompressionFormat.Uncompressed, data),
                 })
        {
            var path = Path.Combine(Path.GetTempPath(), $"genomics-bgzf-{Guid.NewGuid():N}");
            System.IO.File.WriteAllBytes(path, bytes);
            try
            {
                using var input = DecompressedInput.Open(path, new BgzfReaderOptions { Threads = 2 });
                Assert.Equal(format, input.Format);
                Assert.Equal(path, input.FilePath);
                using var output = new MemoryStream();
                input.Stream.CopyTo(output);
                Assert.True(output.ToArray().AsSpan().SequenceEqual(data));
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }
    }

    /// <summary>A pipe-like source: no seeking, and short reads.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 7001), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
