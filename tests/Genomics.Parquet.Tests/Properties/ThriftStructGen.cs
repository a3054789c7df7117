using System.Collections;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;

namespace Genomics.Parquet.Tests.Properties;

/// <summary>
/// Random values of the generated footer structs (Genomics.Parquet.Format), built by reflection over their
/// properties: optional fields are present or absent, enums take defined and undefined values, lists hold
/// 0–20 elements (15 and more use the long list header).
/// </summary>
internal static class ThriftStructGen
{
    private static readonly NullabilityInfoContext Nullability = new();

    private static readonly string[] TextPieces = ["a", "Z", "0", " ", ".", "_", "é", "ß", "中", "\U0001D11E", "\0", "PAR1"];

    public static Gen<T> For<T>()
        where T : class => ForClass(typeof(T), 0).Select(o => (T)o);

    public static Gen<object> ForClass(Type type, int depth)
    {
        var props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();
        var gens = props.Select(p => ForValue(p.PropertyType, Nullability.Create(p), depth)).ToArray();
        return Gen.CollectToArray(gens).Select(values =>
        {
            var o = Activator.CreateInstance(type)!;
            for (var i = 0; i < props.Length; i++)
            {
                props[i].SetValue(o, values[i]);
            }

            return o;
        });
    }

    public static Gen<string> Text { get; } =
        Gen.Choose(0, 12).SelectMany(n => Gen.Elements(TextPieces).ArrayOf(n)).Select(string.Concat);

    public static Gen<byte[]> Bytes { get; } =
        Gen.Frequency((4, Gen.Choose(0, 8)), (1, Gen.Choose(9, 80))).SelectMany(n => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(n));

    private static Gen<object?> ForValue(Type type, NullabilityInfo info, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return OrNull(Core(underlying, info, depth));
        }

        var core = Core(type, info, depth);
        return !type.IsValueType && info.ReadState == NullabilityState.Nullable ? OrNull(core) : core;
    }

    private static Gen<object?> OrNull(Gen<object?> gen) => Gen.Frequency((1, Gen.Constant<object?>(null)), (2, gen));

    private static Gen<object?> Core(Type type, NullabilityInfo info, int depth)
    {
        if (type == typeof(bool))
        {
            return Gen.Elements(true, false).Select(b => (object?)b);
        }

        if (type == typeof(sbyte))
        {
            return Gen.Choose(sbyte.MinValue, sbyte.MaxValue).Select(v => (object?)(sbyte)v);
        }

        if (type == typeof(short))
        {
            return Gen.Choose(short.MinValue, short.MaxValue).Select(v => (object?)(short)v);
        }

        if (type == typeof(int))
        {
            return PropertyRunner.AnyInt32.Select(v => (object?)v);
        }

        if (type == typeof(long))
        {
            return PropertyRunner.AnyInt64.Select(v => (object?)v);
        }

        if (type == typeof(string))
        {
            return Text.Select(s => (object?)s);
        }

        if (type == typeof(byte[]))
        {
            return Bytes.Select(b => (object?)b);
        }

        if (type.IsEnum)
        {
            var defined = Enum.GetValues(type).Cast<object>().ToArray();
            return Gen.Frequency(
                (4, Gen.Elements(defined)),
                (1, PropertyRunner.AnyInt32.Select(i => Enum.ToObject(type, i)))).Select(v => (object?)v);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var elementType = type.GetGenericArguments()[0];
            var element = ForValue(elementType, info.GenericTypeArguments[0], depth + 1);
            // Deeper lists stay short so a whole footer stays small; the long list header (≥ 15) still shows up.
            var length = depth < 2
                ? Gen.Frequency((5, Gen.Choose(0, 4)), (1, Gen.Choose(13, 20)))
                : Gen.Frequency((12, Gen.Choose(0, 2)), (1, Gen.Choose(14, 16)));
            return length.SelectMany(n => element.ArrayOf(n)).Select(items =>
            {
                var list = (IList)Activator.CreateInstance(type)!;
                foreach (var item in items)
                {
                    list.Add(item);
                }

                return (object?)list;
            });
        }

        if (type.IsClass && type.Namespace == "Genomics.Parquet.Format")
        {
            return ForClass(type, depth + 1).Select(o => (object?)o);
        }

        throw new NotSupportedException($"no generator for {type}");
    }
}
