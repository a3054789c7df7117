using FsCheck;
using FsCheck.Fluent;
using Genomics.Bgzf;

namespace Genomics.Tests.Bgzf;

public class Crc32Tests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("abc", 0x352441C2u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Managed_crc_matches_published_check_values(string text, uint expected) =>
        Assert.Equal(expected, ManagedCrc32.Compute(System.Text.Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Managed_crc_equals_libdeflate_crc_on_random_data()
    {
        if (!InflateBackends.IsLibdeflateAvailable)
        {
            return;
        }

        using var libdeflate = DeflateDecoder.Create(InflateBackend.Libdeflate);
        var arb = ArbMap.Default.ArbFor<byte[]>();
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(5000),
            Prop.ForAll(arb, data => ManagedCrc32.Compute(data) == libdeflate.Crc32(data)));
    }

    [Fact]
    public void Managed_crc_equals_libdeflate_crc_at_every_length_and_alignment()
    {
        if (!InflateBackends.IsLibdeflateAvailable)
        {
            return;
        }

        // Lengths around the 8-byte step and the tail loop, at every start alignment.
        using var libdeflate = DeflateDecoder.Create(InflateBackend.Libdeflate);
        var data = new byte[200];
        new Random(7).NextBytes(data);
        for (var start = 0; start < 8; start++)
        {
            for (var length = 0; start + length <= data.Length; length++)
            {
                var slice = data.AsSpan(start, length);
                Assert.Equal(libdeflate.Crc32(slice), ManagedCrc32.Compute(slice));
            }
        }
    }

    [Fact]
    public void Appending_continues_a_finished_crc()
    {
        var arb = ArbMap.Default.ArbFor<byte[]>().Zip(ArbMap.Default.ArbFor<byte[]>());
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(200),
            Prop.ForAll(arb, pair =>
                ManagedCrc32.Append(ManagedCrc32.Compute(pair.Item1), pair.Item2)
                == ManagedCrc32.Compute([.. pair.Item1, .. pair.Item2])));
    }
}
