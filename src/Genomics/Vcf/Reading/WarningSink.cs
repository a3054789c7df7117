namespace Genomics.Vcf;

/// <summary>Collects warnings, each distinct topic once, and passes them to the caller's callback as they happen.</summary>
internal sealed class WarningSink(string file, Action<VcfWarning>? callback)
{
    private readonly HashSet<string> topics = new(StringComparer.Ordinal);
    private readonly List<VcfWarning> warnings = [];

    public IReadOnlyList<VcfWarning> All => warnings;

    /// <summary>Records <paramref name="message"/> unless a warning on <paramref name="topic"/> was already given.</summary>
    public void Warn(string topic, long? line, string message)
    {
        if (!topics.Add(topic))
        {
            return;
        }

        var warning = new VcfWarning(file, line, message);
        warnings.Add(warning);
        callback?.Invoke(warning);
    }
}
