namespace Genomics.Vcf;

/// <summary>One key=value pair inside a structured header line (<c>##INFO=&lt;ID=DP,Number=1,…&gt;</c>).</summary>
/// <param name="Key">The key, without surrounding spaces.</param>
/// <param name="Value">The value, unquoted and unescaped.</param>
/// <param name="IsQuoted">Whether the value was written in double quotes.</param>
public readonly record struct VcfMetaField(string Key, string Value, bool IsQuoted);
