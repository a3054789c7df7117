using System.Globalization;
using System.Text;

namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// The C# side of the canonical dump must print numbers and strings exactly as dump.mjs does, or every
/// interop comparison would fail (or, worse, be loosened). This checks the two against each other.
/// </summary>
public sealed class CanonicalJsonTests
{
    [Fact]
    public void NumbersAndStringsPrintAsJavaScriptPrintsThem()
    {
        var doubles = new List<double>
        {
            0.0, -0.0, 1, -1, 0.1, 1.0 / 3, 100, 1e20, 1e21, 123456789012345680000d, 1.5e21, 1e-6, 1e-7, 1.25e-7,
            0.000001234, 5e-324, double.Epsilon * 3, double.MaxValue, double.MinValue, 9007199254740993d,
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 4.35, 2.5e-5, 1234.5678e100,
        };
        var random = new Random(20240611);
        for (var i = 0; i < 3000; i++)
        {
            // Random bit patterns cover every exponent; random floats cover the widened float32 values.
            doubles.Add(BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)));
            doubles.Add(BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)));
            doubles.Add((float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 12))));
        }

        string[] strings =
        [
            "", "plain", "quote \" backslash \\ slash /", "\b\f\n\r\t", "\u0000\u0001\u001f\u007f", "héllo-ünïcødé",
            "🧬 genome", "lone high \ud800 here", "lone low \udc00 here", "reversed \udc00\ud800 pair", "\u2028\u2029",
        ];

        var input = new StringBuilder("{\"doubles\":[");
        input.AppendJoin(',', doubles.Select(d => $"\"{BitConverter.DoubleToInt64Bits(d):x16}\""));
        input.Append("],\"strings\":[");
        for (var i = 0; i < strings.Length; i++)
        {
            input.Append(i == 0 ? "" : ",");
            CanonicalJson.AppendString(input, strings[i]);
        }

        input.Append("]}");

        var expected = new StringBuilder("{\"doubles\":[");
        expected.AppendJoin(',', doubles.Select(CanonicalJson.Number));
        expected.Append("],\"strings\":[");
        for (var i = 0; i < strings.Length; i++)
        {
            expected.Append(i == 0 ? "" : ",");
            CanonicalJson.AppendString(expected, strings[i]);
        }

        expected.Append("]}\n");

        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "canonical.json");
        File.WriteAllText(path, input.ToString());
        var actual = NodeInterop.Run("canonical-check.mjs", path);

        var e = expected.ToString();
        if (e != actual)
        {
            var at = Enumerable.Range(0, Math.Min(e.Length, actual.Length)).FirstOrDefault(i => e[i] != actual[i]);
            Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"differs at char {at}: C# '{e[Math.Max(0, at - 60)..Math.Min(e.Length, at + 60)]}' vs JS '{actual[Math.Max(0, at - 60)..Math.Min(actual.Length, at + 60)]}'"));
        }
    }
}
