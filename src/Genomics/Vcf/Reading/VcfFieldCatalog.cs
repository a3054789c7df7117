using System.Text;

namespace Genomics.Vcf;

/// <summary>
/// The contigs and INFO/FORMAT keys a reader knows: the header's, then those records use without declaring, appended
/// in order of appearance (each with one warning). Contig lists are replaced rather than changed, so a batch handed on
/// keeps a consistent view.
/// </summary>
internal sealed class VcfFieldCatalog
{
    private readonly VcfHeader header;
    private readonly WarningSink warnings;
    private readonly Utf8KeyMap contigIndex = new();
    private readonly Utf8KeyMap infoIndex = new();
    private readonly Utf8KeyMap formatIndex = new();
    private readonly List<VcfFieldDefinition> info = [];
    private readonly List<VcfFieldDefinition> format = [];
    private readonly Dictionary<string, int> groupByName = new(StringComparer.Ordinal);
    private readonly List<int> orderGroups = [];

    public VcfFieldCatalog(VcfHeader header, WarningSink warnings)
    {
        this.header = header;
        this.warnings = warnings;
        Contigs = [.. header.Contigs];
        foreach (var contig in header.Contigs)
        {
            contigIndex.Add(Encoding.UTF8.GetBytes(contig.Id), contig.Index);
            AddOrderGroup(contig.Id);
        }

        foreach (var definition in header.InfoFields)
        {
            infoIndex.Add(Encoding.UTF8.GetBytes(definition.Id), info.Count);
            info.Add(definition);
        }

        foreach (var definition in header.FormatFields.Where(d => d.Id != "GT"))
        {
            formatIndex.Add(Encoding.UTF8.GetBytes(definition.Id), format.Count);
            format.Add(definition);
        }
    }

    public VcfContig[] Contigs { get; private set; }

    /// <summary>Integer keys with a value beyond 32 bits in some batch so far.</summary>
    public HashSet<VcfFieldDefinition> Int64Fields { get; } = [];

    public IReadOnlyList<VcfFieldDefinition> InfoFields => info;

    /// <summary>FORMAT keys other than GT.</summary>
    public IReadOnlyList<VcfFieldDefinition> FormatFields => format;

    public bool TryFindContig(ReadOnlySpan<byte> name, out int index) => contigIndex.TryGetValue(name, out index);

    public int AddContig(ReadOnlySpan<byte> name, long line)
    {
        var id = Encoding.UTF8.GetString(name);
        var contig = new VcfContig(Contigs.Length, id, null, null);
        Contigs = [.. Contigs, contig];
        contigIndex.Add(name, contig.Index);
        AddOrderGroup(id);
        warnings.Warn($"contig {id}", line, $"contig '{id}' is not declared in the header; it is added after the declared ones");
        return contig.Index;
    }

    /// <summary>
    /// Which contig <paramref name="contig"/> counts as for sort order: "&lt;1&gt;" (a contig of an assembly file, by VCF's
    /// angle-bracket rule) goes with "1", as the VCF test suite's valid files expect.
    /// </summary>
    public int OrderGroup(int contig) => orderGroups[contig];

    public int FindOrAddInfo(ReadOnlySpan<byte> key, long line)
    {
        if (infoIndex.TryGetValue(key, out var index))
        {
            return index;
        }

        var definition = Undeclared(VcfFieldScope.Info, Encoding.UTF8.GetString(key), line);
        infoIndex.Add(key, info.Count);
        info.Add(definition);
        return info.Count - 1;
    }

    public int FindOrAddFormat(ReadOnlySpan<byte> key, long line)
    {
        if (formatIndex.TryGetValue(key, out var index))
        {
            return index;
        }

        var definition = Undeclared(VcfFieldScope.Format, Encoding.UTF8.GetString(key), line);
        formatIndex.Add(key, format.Count);
        format.Add(definition);
        return format.Count - 1;
    }

    private void AddOrderGroup(string id)
    {
        var bare = id.Length > 2 && id[0] == '<' && id[^1] == '>' ? id[1..^1] : id;
        orderGroups.Add(groupByName.TryGetValue(bare, out var group) ? group : groupByName[bare] = orderGroups.Count);
    }

    /// <summary>
    /// A key the header does not declare: from VCF 4.3 a reserved key takes the specification's definition (so its values
    /// keep their type and rules); anything else is kept as text, one string per site or sample.
    /// </summary>
    private VcfFieldDefinition Undeclared(VcfFieldScope scope, string id, long line)
    {
        var name = scope == VcfFieldScope.Info ? "INFO" : "FORMAT";
        if (header.Version >= VcfVersion.V43 && ReservedFields.Find(scope, id) is { } reserved)
        {
            warnings.Warn($"{name} {id}", line, $"{name} key '{id}' is not declared in the header; using its VCF 4.3 reserved definition Number={reserved.Number},Type={reserved.Type}");
            return new VcfFieldDefinition(scope, id, reserved.Number, reserved.Type, null, null) { Reserved = reserved };
        }

        warnings.Warn($"{name} {id}", line, $"{name} key '{id}' is not declared in the header; its values are kept as strings");
        return new VcfFieldDefinition(scope, id, VcfNumber.One, VcfValueType.String, null, null);
    }
}
