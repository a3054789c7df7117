using System.Collections;
using System.Reflection;

namespace Genomics.Parquet.Tests.Properties;

/// <summary>Deep structural equality of footer structs: scalars by value, byte arrays and lists element by element.</summary>
internal static class StructComparer
{
    /// <summary>Fails with the path of the first difference.</summary>
    public static void AssertEqual(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                Assert.Fail($"{path}: expected {Show(expected)}, got {Show(actual)}");
            }

            return;
        }

        if (expected.GetType() != actual.GetType())
        {
            Assert.Fail($"{path}: expected a {expected.GetType().Name}, got a {actual.GetType().Name}");
        }

        switch (expected)
        {
            case byte[] e:
                if (!e.AsSpan().SequenceEqual((byte[])actual))
                {
                    Assert.Fail($"{path}: expected bytes {Convert.ToHexString(e)}, got {Convert.ToHexString((byte[])actual)}");
                }

                return;
            case string or bool or sbyte or short or int or long or double or Enum:
                if (!expected.Equals(actual))
                {
                    Assert.Fail($"{path}: expected {Show(expected)}, got {Show(actual)}");
                }

                return;
            case IList e:
                {
                    var a = (IList)actual;
                    if (e.Count != a.Count)
                    {
                        Assert.Fail($"{path}: expected {e.Count} elements, got {a.Count}");
                    }

                    for (var i = 0; i < e.Count; i++)
                    {
                        AssertEqual(e[i], a[i], $"{path}[{i}]");
                    }

                    return;
                }
        }

        var type = expected.GetType();
        if (type.Namespace != "Genomics.Parquet.Format")
        {
            throw new NotSupportedException($"{path}: cannot compare {type}");
        }

        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            AssertEqual(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}");
        }
    }

    private static string Show(object? v) => v switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        _ => v.ToString() ?? "?",
    };
}
