using FsCheck;
using FsCheck.Fluent;
using Genomics.Genotypes.Kernels;
using Genomics.Vcf.Kernels;

namespace Genomics.Tests.Vcf;

public sealed class DelimiterScannerTests
{
    [Fact]
    public void Scalar_records_tabs_up_to_and_including_the_first_newline()
    {
        var text = "a\tbc\t\td\nx\ty\n"u8;
        var delimiters = new int[16];
        var position = 0;
        var count = 0;
        Assert.True(VcfKernels.CreateDelimiterScanner(SimdLevel.Scalar).ScanLine(text, ref position, delimiters, ref count));
        Assert.Equal(new[] { 1, 4, 5, 7 }, delimiters[..count]);
        Assert.Equal(8, position);
    }

    [Fact]
    public void Scalar_stops_when_the_room_runs_out_and_resumes()
    {
        var text = "\t\t\t\n"u8;
        var delimiters = new int[2];
        var position = 0;
        var count = 0;
        var scanner = VcfKernels.CreateDelimiterScanner(SimdLevel.Scalar);
        Assert.False(scanner.ScanLine(text, ref position, delimiters, ref count));
        Assert.Equal((2, 2), (count, position));
        var larger = new int[8];
        delimiters.CopyTo(larger, 0);
        Assert.True(scanner.ScanLine(text, ref position, larger, ref count));
        Assert.Equal(new[] { 0, 1, 2, 3 }, larger[..count]);
    }

    [Fact]
    public void Scalar_reports_a_line_without_newline_as_unfinished()
    {
        var delimiters = new int[4];
        var position = 0;
        var count = 0;
        Assert.False(VcfKernels.CreateDelimiterScanner(SimdLevel.Scalar).ScanLine("ab\tc"u8, ref position, delimiters, ref count));
        Assert.Equal((1, 4), (count, position));
    }

    [Theory]
    [MemberData(nameof(VcfKernelLevels.Vector), MemberType = typeof(VcfKernelLevels))]
    public void Vector_matches_scalar_call_for_call(SimdLevel level)
    {
        var reference = VcfKernels.CreateDelimiterScanner(SimdLevel.Scalar);
        var candidate = VcfKernels.CreateDelimiterScanner(level);
        Assert.Equal(level, candidate.Level);
        Prop.ForAll(KernelInputs.Scans, input =>
        {
            var expected = Run(reference, input);
            var actual = Run(candidate, input);
            return expected == actual;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(VcfKernelLevels.Vector), MemberType = typeof(VcfKernelLevels))]
    public void Vector_splits_whole_texts_into_the_same_lines(SimdLevel level)
    {
        var reference = VcfKernels.CreateDelimiterScanner(SimdLevel.Scalar);
        var candidate = VcfKernels.CreateDelimiterScanner(level);
        Prop.ForAll(KernelInputs.Scans, input => AllLines(reference, input.Text) == AllLines(candidate, input.Text)).QuickCheckThrowOnFailure();
    }

    private static string Run(IDelimiterScanner scanner, ScanInput input)
    {
        var delimiters = new int[input.Room];
        var position = input.Start;
        var count = 0;
        var ended = scanner.ScanLine(input.Text, ref position, delimiters, ref count);
        return $"{ended} {position} {count} [{string.Join(',', delimiters[..count])}]";
    }

    // Scans line after line, growing the room whenever it runs out, as the line reader does.
    private static string AllLines(IDelimiterScanner scanner, byte[] text)
    {
        var lines = new List<string>();
        var position = 0;
        while (position < text.Length)
        {
            var delimiters = new int[3];
            var count = 0;
            var lineStart = position;
            bool ended;
            while (!(ended = scanner.ScanLine(text, ref position, delimiters, ref count)) && count == delimiters.Length)
            {
                Array.Resize(ref delimiters, delimiters.Length * 2);
            }

            lines.Add($"{ended}@{lineStart}:{string.Join(',', delimiters[..count])}");
            if (!ended)
            {
                break;
            }
        }

        return string.Join(' ', lines);
    }
}
