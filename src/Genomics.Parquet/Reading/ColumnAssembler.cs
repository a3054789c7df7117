namespace Genomics.Parquet.Reading;

/// <summary>
/// Rebuilds nested arrays from repetition and definition levels (the inverse of shredding). Nodes are the
/// field, its LIST elements down to the leaf; each keeps its own slots, and a LIST's offsets index its
/// child's slots.
/// </summary>
internal sealed class ColumnAssembler
{
    private readonly Node[] _nodes;
    private readonly int[] _startNodeForRep;
    private readonly GrowableArray<bool> _leafValid = new(1024);

    public ColumnAssembler(ParquetField field)
    {
        var nodes = new List<Node>();
        var def = 0;
        var rep = 0;
        var f = field;
        var starts = new List<int> { 0 };
        while (true)
        {
            if (f.Nullable)
            {
                def++;
            }

            var node = new Node(f, def);
            nodes.Add(node);
            if (!f.IsList)
            {
                break;
            }

            rep++;
            def++;
            starts.Add(nodes.Count);
            f = f.Element!;
        }

        _nodes = [.. nodes];
        _startNodeForRep = [.. starts];
        Leaf = LeafBuilder.Create(f.ValueType!.Value);
        MaxDefinition = def;
        MaxRepetition = rep;
    }

    public int MaxDefinition { get; }

    public int MaxRepetition { get; }

    public LeafBuilder Leaf { get; }

    /// <summary>
    /// Applies one page's levels; returns the leaf slot validity for the page (one entry per leaf slot it
    /// created), which the leaf builder uses to place the page's values.
    /// </summary>
    public ReadOnlySpan<bool> Apply(ReadOnlySpan<uint> repetition, ReadOnlySpan<uint> definition)
    {
        _leafValid.Clear();
        var leafIndex = _nodes.Length - 1;
        for (var e = 0; e < definition.Length; e++)
        {
            var rep = repetition.IsEmpty ? 0 : (int)repetition[e];
            var def = (int)definition[e];
            if (rep > MaxRepetition || def > MaxDefinition)
            {
                throw new ParquetFormatException($"level (repetition {rep}, definition {def}) exceeds the column's maximum ({MaxRepetition}, {MaxDefinition})");
            }

            for (var j = _startNodeForRep[rep]; j < _nodes.Length; j++)
            {
                var node = _nodes[j];
                if (j == leafIndex)
                {
                    var present = def >= node.PresentLevel;
                    if (!present && !node.Field.Nullable)
                    {
                        throw new ParquetFormatException($"definition level {def} marks a required value as missing");
                    }

                    _leafValid.Add(present);
                    break;
                }

                var childCount = j + 1 == leafIndex ? LeafSlots() : _nodes[j + 1].SlotCount;
                if (def < node.PresentLevel)
                {
                    if (!node.Field.Nullable)
                    {
                        throw new ParquetFormatException($"definition level {def} marks a required list as missing");
                    }

                    node.AddSlot(childCount, valid: false);
                    break;
                }

                node.AddSlot(childCount, valid: true);
                if (def == node.PresentLevel)
                {
                    // The list is present and empty.
                    break;
                }
            }
        }

        return _leafValid.Span;
    }

    /// <summary>Closes the lists and returns the whole column.</summary>
    public ColumnArray Build()
    {
        var leafArray = Leaf.Build();
        ColumnArray child = leafArray;
        for (var j = _nodes.Length - 2; j >= 0; j--)
        {
            child = _nodes[j].Build(child);
        }

        return child;
    }

    /// <summary>Empties every node for the next chunk of the same column, keeping the arrays.</summary>
    public void Reset()
    {
        foreach (var n in _nodes)
        {
            n.Reset();
        }

        Leaf.Reset();
    }

    private int LeafSlots() => Leaf.SlotCount + _leafValid.Count;

    private sealed class Node(ParquetField field, int presentLevel)
    {
        private readonly GrowableArray<int> _offsets = new(256);
        // A null literal in a conditional would convert to an empty ReadOnlyMemory (via bool[]), not to "no mask".
        private static readonly ReadOnlyMemory<bool>? NoNulls = null;
        private GrowableArray<bool>? _validity;
        private bool _hasNulls;

        public ParquetField Field { get; } = field;

        /// <summary>Definition level at which this node's slot is non-null.</summary>
        public int PresentLevel { get; } = presentLevel;

        public int SlotCount => _offsets.Count;

        public void AddSlot(int childStart, bool valid)
        {
            _offsets.Add(childStart);
            if (!valid && !_hasNulls)
            {
                _validity ??= new GrowableArray<bool>(_offsets.Count + 256);
                _validity.Clear();
                _validity.Extend(_offsets.Count - 1).Fill(true);
                _hasNulls = true;
            }

            if (_hasNulls)
            {
                _validity!.Add(valid);
            }
        }

        public ColumnArray Build(ColumnArray child)
        {
            _offsets.Add(child.Length);
            return new ListArray(_offsets.ToMemory(), child, _hasNulls ? _validity!.ToMemory() : NoNulls);
        }

        public void Reset()
        {
            _offsets.Clear();
            _hasNulls = false;
        }
    }
}
